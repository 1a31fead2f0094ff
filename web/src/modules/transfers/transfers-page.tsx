/**
 * /transfers: the transfer programs and their allocations by year, newest first, each opening
 * its page. The public sees published allocations; national staff also see drafts and approved
 * ones (the API decides which).
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useAllocations, usePrograms } from './api.ts';
import { pickName, StatusBadge, TransfersLinks, useTransfersStaff } from './common.tsx';
import { asSummary } from './types.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import './transfers.css';
import { pageParam } from '../../lib/page-param.ts';
import { InputField } from '../../components/fields.tsx';

const YEAR = /^\d{4}$/;

export function TransfersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('transfers.title'));
  return (
    <section className="page transfers-page" aria-labelledby="transfers-title">
      <h1 id="transfers-title">{t('transfers.title')}</h1>
      <p className="lead">{t('transfers.intro')}</p>
      <TransfersLinks />
      <Allocations />
      <Programs />
    </section>
  );
}

function Allocations() {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useTransfersStaff();
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const rawYear = params.get('year') ?? '';
  const fiscalYear = YEAR.test(rawYear) ? Number(rawYear) : undefined;
  const allocations = useAllocations({ page, fiscalYear });
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || value === '1') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <section className="transfers-section" aria-labelledby="allocations-title">
      <h2 id="allocations-title">{t('transfers.allocations.title')}</h2>
      <p className="hint">
        {staff.canCompute || staff.canApprove
          ? t('transfers.allocations.introStaff')
          : t('transfers.allocations.intro')}
      </p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <InputField
          label={t('transfers.field.year')}
          name="year"
          type="number"
          inputMode="numeric"
          min={1990}
          max={2100}
          value={rawYear}
          onChange={(event) => update({ year: event.target.value, page: '1' })}
        />
      </form>
      <PagedTable
        className="allocations-table"
        label={t('transfers.allocations.title')}
        list={allocations}
        empty={t('transfers.allocations.empty')}
        caption={(total) => t('transfers.allocations.caption', { total })}
        headers={[
          t('transfers.field.year'),
          t('transfers.field.program'),
          t('transfers.field.version'),
          t('transfers.field.status'),
          { key: 'pool', label: t('transfers.pool.title'), className: 'number' },
          { key: 'units', label: t('transfers.pool.units'), className: 'number' },
        ]}
        row={(allocation) => {
          const summary = asSummary(allocation.summary);
          return (
            <tr
              key={allocation.id}
              data-id={allocation.id}
              data-program={allocation.programCode}
              data-year={allocation.fiscalYear}
            >
              <td>{format.digits(String(allocation.fiscalYear))}</td>
              <th scope="row">
                <Link to={`/transfers/allocations/${allocation.id}`}>
                  {pickName(format.lang, allocation.programNameKm, allocation.programNameEn)}
                </Link>
              </th>
              <td>{format.number(allocation.version)}</td>
              <td>
                <StatusBadge status={allocation.status} />
              </td>
              <td className="number">
                {format.riel(allocation.pool)} {summary?.pool.isExample ? <ExampleBadge /> : null}
              </td>
              <td className="number">{summary ? format.number(summary.totals.eligibleUnits) : ''}</td>
            </tr>
          );
        }}
        onPage={(p) => update({ page: String(p) })}
      />
    </section>
  );
}

function Programs() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const programs = usePrograms();
  return (
    <section className="transfers-section" aria-labelledby="programs-title">
      <h2 id="programs-title">{t('transfers.programs.title')}</h2>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <ErrorMessage error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <p>{t('transfers.programs.empty')}</p>
      ) : (
        <ul className="cards programs-list">
          {programs.data.map((program) => {
            // The programs NP-2 names have a description in the catalogues when the data has none.
            const known = `transfers.program.${program.code}`;
            const description =
              (format.lang === 'km' ? program.descriptionKm : program.descriptionEn) ??
              (i18n.exists(known) ? t(known) : null);
            return (
              <li key={program.code} className="card" data-program={program.code}>
                <h3 className="card__title">{pickName(format.lang, program.nameKm, program.nameEn)}</h3>
                {description ? <p>{description}</p> : null}
                <p>
                  <Link to={`/transfers/formulas?program=${encodeURIComponent(program.code)}`}>
                    {t('transfers.programs.formulas')}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
