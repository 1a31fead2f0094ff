/**
 * /open-data — the published budgets as open data: the Fiscal Data Package (datapackage.json
 * and its CSV) per year and tier, with a short explanation. National staff also import a
 * BOOST-style CSV here with the one import component (DryRunImport): a dry run lists the
 * problems row by row; "apply" is offered only when the file is clean (the API refuses a file
 * with problems unless asked to apply its valid rows, which this page does not offer).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Counts } from '../../components/counts.tsx';
import { DryRunImport } from '../../components/dry-run-import.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useImportBoost, type BoostImportReport } from './api.ts';
import { useBudgetStaff } from './common.tsx';
import { openDataLinks, TIERS } from './helpers.ts';
import { DataTable } from '../../components/data-table.tsx';

export function OpenDataPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const yearId = useId();
  const thisYear = Number(todayInPhnomPenh().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const staff = useBudgetStaff('');
  useDocumentTitle(t('budgets.openData.title'));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  return (
    <article className="open-data-page">
      <h1>{t('budgets.openData.title')}</h1>
      <p className="lead">{t('budgets.openData.lead')}</p>
      <p>{t('budgets.openData.format')}</p>
      <div className="field">
        <label htmlFor={yearId}>{t('budgets.field.year')}</label>
        <select
          id={yearId}
          name="year"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {years.map((item) => (
            <option key={item} value={item}>
              {format.digits(String(item))}
            </option>
          ))}
        </select>
      </div>
      <DataTable
        className="open-data-table"
        label={t('budgets.openData.packages')}
        caption={t('budgets.openData.packages')}
        columns={[
          {
            key: 'tier',
            label: t('budgets.openData.tier'),
            rowHeader: true,
            cell: (tier) => t(`budgets.tier.${tier}`),
          },
          {
            key: 'descriptor',
            label: t('budgets.openData.descriptor'),
            cell: (tier) => (
              <a href={openDataLinks(year, tier).descriptor} className="open-data__descriptor">
                datapackage.json
              </a>
            ),
          },
          {
            key: 'csv',
            label: t('budgets.openData.csv'),
            cell: (tier) => (
              <a href={openDataLinks(year, tier).csv} className="open-data__csv" download>
                {`${tier}-budget-lines.csv`}
              </a>
            ),
          },
        ]}
        items={TIERS}
        rowKey={(tier) => tier}
        rowData={(tier) => ({ 'data-tier': tier })}
      />
      {staff.canImport ? <BoostImport /> : null}
    </article>
  );
}

/** The BOOST import, with the one import component: check, then apply a clean file. */
function BoostImport() {
  const { t } = useTranslation();
  const format = useFormat();
  const importBoost = useImportBoost();
  const created = (report: BoostImportReport) =>
    report.budgets.filter((budget) => budget.budgetId !== null).length;
  return (
    <section className="budget-section boost-import" aria-labelledby="boost-import-title">
      <h2 id="boost-import-title">{t('budgets.import.title')}</h2>
      <DryRunImport<BoostImportReport>
        run={(request) => importBoost.mutateAsync(request)}
        fileLabel={t('budgets.import.file')}
        fileHint={t('budgets.import.hint')}
        accept=".csv,text/csv"
        headingLevel={3}
        formClassName="boost-form"
        problemsClassName="boost-problems"
        // A BOOST file makes whole budgets: one with problems is corrected and checked again,
        // never applied in part from here (the API takes applyValid for the command line).
        allowApplyValid={false}
        applyQuestion={t('budgets.import.apply.question')}
        appliedLead={(report) => t('budgets.import.applied', { n: format.number(created(report)) })}
      >
        {(report, phase) => (
          <Counts
            className="boost-budgets"
            items={[
              {
                kind: 'budgets',
                label: t('budgets.import.budgets'),
                value: format.number(phase === 'applied' ? created(report) : report.budgets.length),
              },
            ]}
          />
        )}
      </DryRunImport>
    </section>
  );
}
