/**
 * /transfers/formulas/:id: a formula document made readable (legal reference, pool, components
 * with their criteria, eligibility, floors, caps and rounding), with the document itself to
 * download as JSON (it is the export: the same file can be uploaded or given to the command line).
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useFormula } from './api.ts';
import {
  pickName,
  TransfersLinks,
  useCriterionLabel,
  usePercent,
  useTransfersStaff,
  LegalReferenceValue,
} from './common.tsx';
import { UploadFormula } from './formulas-page.tsx';
import { formulaFileName, poolOf } from './helpers.ts';
import type { FormulaDocument } from './types.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { DataTable } from '../../components/data-table.tsx';
import './transfers.css';

export function FormulaPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useTransfersStaff();
  const { id: rawId = '' } = useParams();
  const formula = useFormula(Number(rawId));
  const document = formula.data?.formula;
  const title = document
    ? t('transfers.formula.title', {
        program: pickName(format.lang, document.program.nameKm, document.program.nameEn),
        year: format.digits(String(document.fiscalYear)),
        version: format.number(document.version),
      })
    : t('transfers.formula.heading');
  useDocumentTitle(title);
  return (
    <section className="page formula-page" aria-labelledby="formula-title" data-id={rawId}>
      <Breadcrumb
        crumbs={[
          { to: '/transfers', label: t('transfers.title') },
          { to: '/transfers/formulas', label: t('transfers.formulas.title') },
          { label: title },
        ]}
      />
      <h1 id="formula-title">{title}</h1>
      <Loaded query={formula}>
        {(data) => <FormulaBody formula={data.formula} isExample={data.isExample} />}
      </Loaded>
      <TransfersLinks />
      {staff.canManageFormulas ? <UploadFormula /> : null}
    </section>
  );
}

function DownloadLink({ formula }: { formula: FormulaDocument }) {
  const { t } = useTranslation();
  // A Blob URL: the download works offline and needs no second request.
  const url = useMemo(
    () =>
      URL.createObjectURL(new Blob([`${JSON.stringify(formula, null, 2)}\n`], { type: 'application/json' })),
    [formula],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="button button--secondary download-link" href={url} download={formulaFileName(formula)}>
      {t('transfers.formula.download')}
    </a>
  );
}

export function FormulaBody({ formula, isExample }: { formula: FormulaDocument; isExample: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const criterionLabel = useCriterionLabel();
  const pool = formula.pool;
  const legal = formula.legalReference;
  const eligibility = formula.eligibility;
  return (
    <>
      <p>
        <DownloadLink formula={formula} /> {isExample ? <ExampleBadge /> : null}
      </p>
      <dl className="details formula-details">
        <dt>{t('transfers.field.program')}</dt>
        <dd>{pickName(format.lang, formula.program.nameKm, formula.program.nameEn)}</dd>
        <dt>{t('transfers.field.year')}</dt>
        <dd>{format.digits(String(formula.fiscalYear))}</dd>
        <dt>{t('transfers.field.version')}</dt>
        <dd>{format.number(formula.version)}</dd>
        <dt>{t('transfers.field.legalReference')}</dt>
        <LegalReferenceValue legal={legal} />
      </dl>

      <section className="transfers-section" aria-labelledby="formula-pool-title">
        <h2 id="formula-pool-title">{t('transfers.pool.title')}</h2>
        {pool.kind === 'share_of_base' ? (
          <p>
            {t('transfers.formula.poolShare', {
              percent: percent(pool.percent),
              base: format.riel(pool.base.amount),
            })}{' '}
            <span lang="en">({pool.base.label})</span> {pool.base.isExample ? <ExampleBadge /> : null}
          </p>
        ) : (
          <p>
            {t('transfers.formula.poolFixed', { amount: format.riel(pool.amount) })}{' '}
            {pool.isExample ? <ExampleBadge /> : null}
          </p>
        )}
        <p>
          {t('transfers.formula.poolResult', { amount: format.riel(poolOf(pool, formula.rounding.unit)) })}
        </p>
        {pool.kind === 'share_of_base' && pool.base.source ? (
          <p className="hint" lang="en">
            {pool.base.source}
          </p>
        ) : null}
      </section>

      <section className="transfers-section" aria-labelledby="formula-components-title">
        <h2 id="formula-components-title">{t('transfers.components.title')}</h2>
        <DataTable
          className="formula-components"
          label={t('transfers.components.title')}
          caption={t('transfers.components.title')}
          captionHidden
          headers={[
            t('transfers.components.name'),
            { key: 'c2', label: t('transfers.components.share'), className: 'number' },
            t('transfers.formula.criteria'),
          ]}
          items={formula.components}
          row={(component) => (
            <tr key={component.code} data-component={component.code}>
              <th scope="row">
                {pickName(format.lang, component.nameKm, component.nameEn)}{' '}
                <span className="code muted">({component.code})</span>
              </th>
              <td className="number">{percent(component.sharePercent)}</td>
              <td>
                <ul className="plain-list">
                  {component.criteria.map((criterion, index) => (
                    <li key={index}>
                      {criterionLabel(criterion)}: {percent(criterion.weightPercent)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          )}
        />
      </section>

      <section className="transfers-section" aria-labelledby="formula-eligibility-title">
        <h2 id="formula-eligibility-title">{t('transfers.formula.eligibility')}</h2>
        <dl className="details">
          {eligibility.levels ? (
            <>
              <dt>{t('transfers.formula.levels')}</dt>
              <dd>{eligibility.levels.map((level) => t(`gazetteer.level.${level}`)).join(', ')}</dd>
            </>
          ) : null}
          {eligibility.types ? (
            <>
              <dt>{t('transfers.formula.types')}</dt>
              <dd>
                {eligibility.types
                  .map((type) => t(`gazetteer.type.${type}`, { defaultValue: type }))
                  .join(', ')}
              </dd>
            </>
          ) : null}
          {eligibility.includeCodes ? (
            <>
              <dt>{t('transfers.formula.include')}</dt>
              <dd className="code">{eligibility.includeCodes.join(', ')}</dd>
            </>
          ) : null}
          {eligibility.excludeCodes && eligibility.excludeCodes.length > 0 ? (
            <>
              <dt>{t('transfers.formula.exclude')}</dt>
              <dd className="code">
                {eligibility.excludeCodes.map((code, index) => (
                  <span key={code}>
                    {index > 0 ? ', ' : null}
                    <Link to={`/units/${code}`}>{code}</Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {formula.floorPerUnit !== undefined ? (
            <>
              <dt>{t('transfers.formula.floor')}</dt>
              <dd>{format.riel(formula.floorPerUnit)}</dd>
            </>
          ) : null}
          {formula.capPerUnit !== undefined ? (
            <>
              <dt>{t('transfers.formula.cap')}</dt>
              <dd>{format.riel(formula.capPerUnit)}</dd>
            </>
          ) : null}
          <dt>{t('transfers.pool.rounding')}</dt>
          <dd>{format.riel(formula.rounding.unit)}</dd>
        </dl>
        {formula.notes ? <p>{formula.notes}</p> : null}
      </section>
    </>
  );
}
