/**
 * /budgets/:unitCode/:year/report — budget against actual of the published budgets: totals of
 * revenue and expenditure with the execution rate, own-source revenue (with the service fees
 * collected), then by economic class (with a bar chart), functional class, fund source and
 * unit. Rolled up the tree by default (a district with its communes); a switch turns it off.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useReport, type Figures, type Report } from './api.ts';
import { BudgetBarChart } from './bar-chart.tsx';
import { BudgetLinks, pickName, PhaseBadge, useRate } from './common.tsx';
import { chartRows } from './helpers.ts';
import { Loading } from '../../components/query-states.tsx';
import { DataTable, numberColumn, type Column } from '../../components/data-table.tsx';
import './budgets.css';

export function ReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { unitCode = '', year: yearText = '' } = useParams();
  const year = Number(yearText);
  const [search, setSearch] = useSearchParams();
  const rollup = search.get('rollup') !== 'false';
  const switchId = useId();
  const report = useReport(unitCode, year, rollup);
  useDocumentTitle(t('budgets.report.pageTitle', { year: format.digits(yearText), code: unitCode }));

  return (
    <article className="budget-report-page">
      <h1>{t('budgets.report.heading', { year: format.digits(yearText) })}</h1>
      <p className="lead">
        <UnitName code={unitCode} />
      </p>
      <BudgetLinks code={unitCode} year={year} />
      <div className="field field--inline rollup-switch">
        <input
          id={switchId}
          type="checkbox"
          name="rollup"
          checked={rollup}
          onChange={(event) => setSearch(event.target.checked ? {} : { rollup: 'false' }, { replace: true })}
        />
        <label htmlFor={switchId}>{t('budgets.report.rollup')}</label>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        report.error instanceof ApiError && report.error.status === 404 ? (
          <p className="notice no-budget">{t('budgets.none.lead', { year: format.digits(yearText) })}</p>
        ) : (
          <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : (
        <ReportView report={report.data} />
      )}
    </article>
  );
}

/** The three figure columns of every table of the report: budget, actual, the rate between. */
function useFigureColumns<Item>(
  figuresOf: (item: Item) => Figures,
  /** Names the cells' data-field after the row (`revenue-budget`), where a table's rows are fixed. */
  fieldPrefix?: (item: Item) => string,
): Column<Item>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRate();
  const named = (key: string) =>
    fieldPrefix ? { field: (item: Item) => `${fieldPrefix(item)}-${key}` } : {};
  return [
    {
      ...numberColumn<Item>('budget', t('budgets.report.budget'), (item) =>
        format.riel(figuresOf(item).budget),
      ),
      ...named('budget'),
    },
    {
      ...numberColumn<Item>('actual', t('budgets.report.actual'), (item) =>
        format.riel(figuresOf(item).actual),
      ),
      ...named('actual'),
    },
    {
      ...numberColumn<Item>('rate', t('budgets.report.rate'), (item) => {
        const figures = figuresOf(item);
        return rate(figures.actual, figures.budget);
      }),
      ...named('rate'),
    },
  ];
}

type ClassItem = { code: string; nameKm: string; nameEn: string; direction?: string } & Figures;
type TotalRow = { key: string; label: string; figures: Figures };

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const named = (item: { nameKm: string; nameEn: string }) => pickName(format.lang, item.nameKm, item.nameEn);
  const classFigures = useFigureColumns<ClassItem>((item) => item);
  const totalFigures = useFigureColumns<TotalRow>(
    (row) => row.figures,
    (row) => row.key,
  );
  const classColumns: Column<ClassItem>[] = [
    {
      key: 'class',
      label: t('budgets.report.class'),
      rowHeader: true,
      cell: (item) => (
        <>
          <span className="code">{item.code}</span> {named(item)}
          {item.direction ? (
            <span className="muted"> · {t(`budgets.direction.${item.direction}`)}</span>
          ) : null}
        </>
      ),
    },
    ...classFigures,
  ];
  const classTable = (title: string, kind: string, items: readonly ClassItem[]) => (
    <section className="budget-section" aria-labelledby={`report-${kind}-title`}>
      <h2 id={`report-${kind}-title`}>{title}</h2>
      <DataTable
        className={`report-table report-table--${kind}`}
        label={title}
        caption={title}
        captionHidden
        columns={classColumns}
        items={items}
        rowKey={(item) => `${item.direction ?? ''}-${item.code}`}
        rowData={(item) => ({ 'data-code': item.code })}
      />
    </section>
  );
  const totals: TotalRow[] = [
    { key: 'revenue', label: t('budgets.direction.revenue'), figures: report.revenue },
    { key: 'expenditure', label: t('budgets.direction.expenditure'), figures: report.expenditure },
    { key: 'own-source', label: t('budgets.report.ownSource'), figures: report.ownSourceRevenue },
  ];
  type UnitRow = Report['byUnit'][number];
  const unitColumns: Column<UnitRow>[] = [
    {
      key: 'unit',
      label: t('budgets.report.unit'),
      rowHeader: true,
      cell: (unit) => (
        <Link to={`/budgets/${unit.unitCode}/${report.fiscalYear}`}>
          <UnitName code={unit.unitCode} withPath={false} />
        </Link>
      ),
    },
    { key: 'unit-phase', label: t('budgets.field.phase'), cell: (unit) => <PhaseBadge phase={unit.phase} /> },
    numberColumn('unit-revenue-budget', t('budgets.report.revenueBudget'), (unit) =>
      format.riel(unit.revenue.budget),
    ),
    numberColumn('unit-revenue-actual', t('budgets.report.revenueActual'), (unit) =>
      format.riel(unit.revenue.actual),
    ),
    numberColumn('unit-expenditure-budget', t('budgets.report.expenditureBudget'), (unit) =>
      format.riel(unit.expenditure.budget),
    ),
    numberColumn('unit-expenditure-actual', t('budgets.report.expenditureActual'), (unit) =>
      format.riel(unit.expenditure.actual),
    ),
  ];

  return (
    <>
      <p className="muted">{t('budgets.report.counted', { n: format.number(report.budgetsCounted) })}</p>
      <DataTable
        className="report-totals"
        label={t('budgets.report.totals')}
        caption={t('budgets.report.totals')}
        columns={[
          { key: 'item', label: t('budgets.report.item'), rowHeader: true, cell: (row) => row.label },
          ...totalFigures,
        ]}
        items={totals}
        rowKey={(row) => row.key}
        rowData={(row) => ({ 'data-row': row.key })}
      />
      <p className="service-fees" data-field="service-fees">
        {report.serviceFeesCollected === null
          ? t('budgets.report.feesUnknown')
          : t('budgets.report.fees', { amount: format.riel(report.serviceFeesCollected) })}
      </p>

      <section className="budget-section" aria-labelledby="report-chart-title">
        <h2 id="report-chart-title">{t('budgets.chart.title')}</h2>
        <BudgetBarChart
          title={t('budgets.chart.title')}
          rows={chartRows(report.byEconomic).map((item) => ({
            code: `${item.direction}-${item.code}`,
            label: `${item.code} ${named(item)}`,
            budget: item.budget,
            actual: item.actual,
          }))}
        />
      </section>

      {classTable(t('budgets.report.byEconomic'), 'economic', report.byEconomic)}
      {classTable(t('budgets.report.byFunctional'), 'functional', report.byFunctional)}
      {classTable(t('budgets.report.byFund'), 'fund', report.byFundSource)}

      <section className="budget-section" aria-labelledby="report-units-title">
        <h2 id="report-units-title">{t('budgets.report.byUnit')}</h2>
        <DataTable
          className="report-table report-table--units"
          label={t('budgets.report.byUnit')}
          caption={t('budgets.report.byUnit')}
          captionHidden
          columns={unitColumns}
          items={report.byUnit}
          rowKey={(unit) => unit.unitCode}
          rowData={(unit) => ({ 'data-code': unit.unitCode })}
        />
      </section>
    </>
  );
}
