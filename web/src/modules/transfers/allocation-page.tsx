/**
 * One allocation, as the public reads it: the program, year, version and status, the legal
 * reference of the formula that produced it, the pool and how it was reached, its components,
 * the equity figures and the Lorenz curve, a map when boundaries are loaded, and every unit's
 * amount with its explanation. National staff also find the decisions (approve, publish,
 * correct) here.
 */
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AllocationActions } from './allocation-actions.tsx';
import { AllocationLines } from './allocation-lines.tsx';
import { AllocationMap } from './allocation-map.tsx';
import { useAllocation } from './api.ts';
import { pickName, StatusBadge, TransfersLinks, usePercent, LegalReferenceValue } from './common.tsx';
import { EquityTable } from './equity-table.tsx';
import { LorenzChart } from './lorenz-chart.tsx';
import { asSummary, type Allocation, type AllocationSummary, type ComponentAllocation } from './types.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { DataTable, numberColumn } from '../../components/data-table.tsx';
import './transfers.css';

export function AllocationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id: rawId = '' } = useParams();
  const id = Number(rawId);
  const allocation = useAllocation(id);
  const title = allocation.data
    ? t('transfers.allocation.title', {
        program: pickName(format.lang, allocation.data.programNameKm, allocation.data.programNameEn),
        year: format.digits(String(allocation.data.fiscalYear)),
      })
    : t('transfers.allocation.heading');
  useDocumentTitle(title);

  return (
    <section className="page allocation-page" aria-labelledby="allocation-title" data-id={rawId}>
      <Breadcrumb crumbs={[{ to: '/transfers', label: t('transfers.title') }, { label: title }]} />
      <h1 id="allocation-title">{title}</h1>
      {Number.isInteger(id) && id > 0 ? (
        <Loaded query={allocation}>{(data) => <AllocationBody allocation={data} />}</Loaded>
      ) : (
        <p>{t('errors.transfers.allocation.not_found')}</p>
      )}
    </section>
  );
}

function AllocationBody({ allocation }: { allocation: Allocation }) {
  const { t } = useTranslation();
  const summary = asSummary(allocation.summary);
  return (
    <>
      <AllocationDetails allocation={allocation} summary={summary} />
      <AllocationActions allocation={allocation} />
      {summary ? (
        <>
          <PoolSection allocation={allocation} summary={summary} />
          <ComponentsSection summary={summary} />
          <section className="transfers-section" aria-labelledby="allocation-equity-title">
            <h2 id="allocation-equity-title">{t('transfers.equity.title')}</h2>
            <p className="hint">{t('transfers.equity.intro')}</p>
            <EquityTable
              caption={t('transfers.equity.caption')}
              columns={[{ label: t('transfers.equity.value'), figures: summary.equity }]}
            />
            {summary.equity.lorenz.length > 1 ? (
              <LorenzChart
                title={t('transfers.lorenz.title')}
                series={[{ label: t('transfers.lorenz.curve'), points: summary.equity.lorenz }]}
              />
            ) : null}
          </section>
          <AllocationMap id={allocation.id} units={summary.totals.eligibleUnits} />
        </>
      ) : null}
      <AllocationLines id={allocation.id} summary={summary} />
      <TransfersLinks />
    </>
  );
}

function AllocationDetails({
  allocation,
  summary,
}: {
  allocation: Allocation;
  summary: AllocationSummary | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const legal = summary?.legalReference;
  return (
    <dl className="details allocation-details">
      <dt>{t('transfers.field.program')}</dt>
      <dd data-field="program">
        {pickName(format.lang, allocation.programNameKm, allocation.programNameEn)}
      </dd>
      <dt>{t('transfers.field.year')}</dt>
      <dd data-field="year">{format.digits(String(allocation.fiscalYear))}</dd>
      <dt>{t('transfers.field.version')}</dt>
      <dd data-field="version">{format.number(allocation.version)}</dd>
      <dt>{t('transfers.field.status')}</dt>
      <dd data-field="status">
        <StatusBadge status={allocation.status} />
      </dd>
      {legal ? (
        <>
          <dt>{t('transfers.field.legalReference')}</dt>
          <LegalReferenceValue legal={legal} />
        </>
      ) : null}
      <dt>{t('transfers.field.formula')}</dt>
      <dd>
        <Link to={`/transfers/formulas/${allocation.formulaId}`}>{t('transfers.field.formulaLink')}</Link>
      </dd>
      {summary ? (
        <>
          <dt>{t('transfers.field.inputsYear')}</dt>
          <dd>{format.digits(String(summary.inputsYear))}</dd>
        </>
      ) : null}
      {allocation.publishedAt ? (
        <>
          <dt>{t('transfers.field.publishedAt')}</dt>
          <dd>{format.date(allocation.publishedAt)}</dd>
        </>
      ) : null}
      {allocation.correctionOf !== null ? (
        <>
          <dt>{t('transfers.field.correctionOf')}</dt>
          <dd>
            <Link to={`/transfers/allocations/${allocation.correctionOf}`}>
              {t('transfers.field.correctionOfLink')}
            </Link>
            {allocation.correctionReason ? ` — ${allocation.correctionReason}` : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function PoolSection({ allocation, summary }: { allocation: Allocation; summary: AllocationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const undistributed = Math.round(Number(summary.pool.undistributed) || 0);
  return (
    <section className="transfers-section" aria-labelledby="allocation-pool-title">
      <h2 id="allocation-pool-title">{t('transfers.pool.title')}</h2>
      <p className="pool-amount">
        <span className="pool-amount__value" data-field="pool">
          {format.riel(allocation.pool)}
        </span>{' '}
        {summary.pool.isExample ? <ExampleBadge /> : null}
      </p>
      <p className="hint">
        {t('transfers.pool.millions', { amount: format.riel(allocation.pool, { millions: true }) })}
      </p>
      <dl className="details">
        <dt>{t('transfers.pool.basis')}</dt>
        {/* Written by the engine in English from the formula document. */}
        <dd lang="en">{summary.pool.basis}</dd>
        <dt>{t('transfers.pool.units')}</dt>
        <dd data-field="units">{format.number(summary.totals.eligibleUnits)}</dd>
        {summary.totals.excludedUnits > 0 ? (
          <>
            <dt>{t('transfers.pool.excluded')}</dt>
            <dd>{format.number(summary.totals.excludedUnits)}</dd>
          </>
        ) : null}
        <dt>{t('transfers.pool.rounding')}</dt>
        <dd>{format.riel(summary.roundingUnit)}</dd>
        {undistributed > 0 ? (
          <>
            <dt>{t('transfers.pool.undistributed')}</dt>
            <dd>{format.riel(undistributed)}</dd>
          </>
        ) : null}
      </dl>
      {summary.pool.isExample ? <p className="notice">{t('transfers.pool.exampleNote')}</p> : null}
    </section>
  );
}

function ComponentsSection({ summary }: { summary: AllocationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  return (
    <section className="transfers-section" aria-labelledby="allocation-components-title">
      <h2 id="allocation-components-title">{t('transfers.components.title')}</h2>
      <DataTable
        className="components-table"
        label={t('transfers.components.title')}
        caption={t('transfers.components.title')}
        captionHidden
        columns={[
          {
            key: 'name',
            label: t('transfers.components.name'),
            rowHeader: true,
            cell: (component) => pickName(format.lang, component.nameKm, component.nameEn),
          },
          numberColumn<ComponentAllocation>('component-share', t('transfers.components.share'), (component) =>
            percent(component.sharePercent),
          ),
          numberColumn<ComponentAllocation>('component-pool', t('transfers.components.pool'), (component) =>
            format.riel(component.pool),
          ),
          numberColumn<ComponentAllocation>(
            'component-allocated',
            t('transfers.components.allocated'),
            (component) => format.riel(component.allocated),
          ),
        ]}
        items={summary.components}
        rowKey={(component) => component.code}
        rowData={(component) => ({ 'data-component': component.code })}
      />
      <p className="hint">{t('transfers.components.allocatedHelp')}</p>
    </section>
  );
}
