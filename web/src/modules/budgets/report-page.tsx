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
import { TableWrap } from '../../components/table-wrap.tsx';
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

function FigureCells({ figures, field }: { figures: Figures; field?: string }) {
  const format = useFormat();
  const rate = useRate();
  return (
    <>
      <td className="number" data-field={field ? `${field}-budget` : 'budget'}>
        {format.riel(figures.budget)}
      </td>
      <td className="number" data-field={field ? `${field}-actual` : 'actual'}>
        {format.riel(figures.actual)}
      </td>
      <td className="number" data-field={field ? `${field}-rate` : 'rate'}>
        {rate(figures.actual, figures.budget)}
      </td>
    </>
  );
}

function FigureHead({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="number">
          {t('budgets.report.budget')}
        </th>
        <th scope="col" className="number">
          {t('budgets.report.actual')}
        </th>
        <th scope="col" className="number">
          {t('budgets.report.rate')}
        </th>
      </tr>
    </thead>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const named = (item: { nameKm: string; nameEn: string }) => pickName(format.lang, item.nameKm, item.nameEn);
  const classTable = (
    title: string,
    kind: string,
    items: readonly ({ code: string; nameKm: string; nameEn: string; direction?: string } & Figures)[],
  ) => (
    <section className="budget-section" aria-labelledby={`report-${kind}-title`}>
      <h2 id={`report-${kind}-title`}>{title}</h2>
      <TableWrap label={title}>
        <table className={`data-table report-table report-table--${kind}`}>
          <caption className="visually-hidden">{title}</caption>
          <FigureHead first={t('budgets.report.class')} />
          <tbody>
            {items.map((item) => (
              <tr key={`${item.direction ?? ''}-${item.code}`} data-code={item.code}>
                <th scope="row">
                  <span className="code">{item.code}</span> {named(item)}
                  {item.direction ? (
                    <span className="muted"> · {t(`budgets.direction.${item.direction}`)}</span>
                  ) : null}
                </th>
                <FigureCells figures={item} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );

  return (
    <>
      <p className="muted">{t('budgets.report.counted', { n: format.number(report.budgetsCounted) })}</p>
      <TableWrap label={t('budgets.report.totals')}>
        <table className="data-table report-totals">
          <caption>{t('budgets.report.totals')}</caption>
          <FigureHead first={t('budgets.report.item')} />
          <tbody>
            <tr data-row="revenue">
              <th scope="row">{t('budgets.direction.revenue')}</th>
              <FigureCells figures={report.revenue} field="revenue" />
            </tr>
            <tr data-row="expenditure">
              <th scope="row">{t('budgets.direction.expenditure')}</th>
              <FigureCells figures={report.expenditure} field="expenditure" />
            </tr>
            <tr data-row="own-source">
              <th scope="row">{t('budgets.report.ownSource')}</th>
              <FigureCells figures={report.ownSourceRevenue} field="own-source" />
            </tr>
          </tbody>
        </table>
      </TableWrap>
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
        <TableWrap label={t('budgets.report.byUnit')}>
          <table className="data-table report-table report-table--units">
            <caption className="visually-hidden">{t('budgets.report.byUnit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.report.unit')}</th>
                <th scope="col">{t('budgets.field.phase')}</th>
                <th scope="col" className="number">
                  {t('budgets.report.revenueBudget')}
                </th>
                <th scope="col" className="number">
                  {t('budgets.report.revenueActual')}
                </th>
                <th scope="col" className="number">
                  {t('budgets.report.expenditureBudget')}
                </th>
                <th scope="col" className="number">
                  {t('budgets.report.expenditureActual')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byUnit.map((unit) => (
                <tr key={unit.unitCode} data-code={unit.unitCode}>
                  <th scope="row">
                    <Link to={`/budgets/${unit.unitCode}/${report.fiscalYear}`}>
                      <UnitName code={unit.unitCode} withPath={false} />
                    </Link>
                  </th>
                  <td>
                    <PhaseBadge phase={unit.phase} />
                  </td>
                  <td className="number">{format.riel(unit.revenue.budget)}</td>
                  <td className="number">{format.riel(unit.revenue.actual)}</td>
                  <td className="number">{format.riel(unit.expenditure.budget)}</td>
                  <td className="number">{format.riel(unit.expenditure.actual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}
