/** The office dashboard's figures: the headline counts, the breakdowns (by service, sex, age, disability) and satisfaction. */
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Counts } from '../../../components/counts.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { type Dashboard, type DashboardRow, type Figures } from './api.ts';
import { NoValue, pickLabel, useFigureText, useMonthLabel } from './common.tsx';
import { shares } from './helpers.ts';
import { MonthChart } from './month-chart.tsx';
import { TableWrap } from '../../../components/table-wrap.tsx';

export function DashboardFigures({ dashboard, stale }: { dashboard: Dashboard; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const where =
    dashboard.unitCode === null ? t('servicesDashboard.country') : format.digits(dashboard.unitCode);
  return (
    <div
      className="svc-dashboard__figures"
      aria-busy={stale}
      data-unit={dashboard.unitCode ?? ''}
      data-from={dashboard.from}
      data-to={dashboard.to}
    >
      <p className="svc-dashboard__scope">
        {t('servicesDashboard.scope', {
          unit: where,
          from: monthLabel(dashboard.from),
          to: monthLabel(dashboard.to),
          today: format.date(`${dashboard.today}T12:00:00+07:00`),
        })}
      </p>
      <Headline figures={dashboard.total} />

      <section className="svc-dashboard__section" aria-labelledby="svc-dashboard-months">
        <h2 id="svc-dashboard-months">{t('servicesDashboard.byMonth')}</h2>
        <MonthChart months={dashboard.byMonth} title={t('servicesDashboard.chart.title')} />
        <BreakdownTable
          kind="month"
          caption={t('servicesDashboard.byMonth')}
          firstColumn={t('servicesDashboard.col.month')}
          rows={dashboard.byMonth}
          label={(row) => monthLabel(row.key)}
        />
      </section>

      <Breakdown kind="service" rows={dashboard.byService} empty={t('servicesDashboard.byService.none')} />
      <Breakdown kind="sex" rows={dashboard.bySex} />
      <Breakdown kind="ageGroup" rows={dashboard.byAgeGroup} />
      <Breakdown kind="disability" rows={dashboard.byDisability} />
      <Satisfaction figures={dashboard.total} />
    </div>
  );
}

const HEADLINE = [
  'received',
  'completed',
  'onTimeRate',
  'medianDays',
  'overdueNow',
  'feesRiel',
  'satisfaction',
] as const;

function Headline({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const values: Record<(typeof HEADLINE)[number], ReactNode> = {
    received: text.count(figures.received),
    completed: text.count(figures.completed),
    onTimeRate: text.rate(figures.onTimeRate),
    medianDays: text.median(figures.medianDays),
    overdueNow: text.count(figures.overdueNow),
    feesRiel: text.riel(figures.feesRiel),
    satisfaction: text.mean(figures.satisfaction.mean),
  };
  const notes: Partial<Record<(typeof HEADLINE)[number], string>> = {
    onTimeRate: t('servicesDashboard.note.onTime', {
      onTime: text.count(figures.onTime),
      completed: text.count(figures.completed),
    }),
    medianDays: t('servicesDashboard.note.workingDays'),
    feesRiel: t('servicesDashboard.note.payments', { n: text.count(figures.feePayments) }),
    satisfaction: t('servicesDashboard.note.ratings', { n: text.count(figures.satisfaction.count) }),
  };
  return (
    <Counts
      className="svc-dashboard__headline"
      items={HEADLINE.map((kind) => ({
        kind,
        label: t(`servicesDashboard.figure.${kind}`),
        value: values[kind],
        note: notes[kind],
      }))}
    />
  );
}

type BreakdownKind = 'service' | 'sex' | 'ageGroup' | 'disability';

function Breakdown({
  kind,
  rows,
  empty,
}: {
  kind: BreakdownKind;
  rows: readonly DashboardRow[];
  empty?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `svc-dashboard-${kind}`;
  const title = t(`servicesDashboard.by.${kind}`);
  return (
    <section className="svc-dashboard__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {rows.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <BreakdownTable
          kind={kind}
          caption={title}
          firstColumn={t(`servicesDashboard.col.${kind}`)}
          rows={rows}
          label={(row) => pickLabel(format.lang, row)}
        />
      )}
    </section>
  );
}

const COLUMNS = [
  'received',
  'completed',
  'onTimeRate',
  'medianDays',
  'overdueNow',
  'feesRiel',
  'satisfaction',
] as const;

function BreakdownTable({
  kind,
  caption,
  firstColumn,
  rows,
  label,
}: {
  kind: BreakdownKind | 'month';
  caption: string;
  firstColumn: string;
  rows: readonly DashboardRow[];
  label: (row: DashboardRow) => string;
}) {
  const { t } = useTranslation();
  const text = useFigureText();
  return (
    <TableWrap label={caption}>
      <table
        className={`data-table svc-dashboard__table svc-dashboard__table--${kind}`}
        data-breakdown={kind}
      >
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {COLUMNS.map((column) => (
              <th scope="col" className="number" key={column}>
                {t(`servicesDashboard.figure.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{label(row)}</th>
              <td className="number" data-field="received">
                {text.count(row.received)}
              </td>
              <td className="number" data-field="completed">
                {text.count(row.completed)}
              </td>
              <td className="number" data-field="onTimeRate">
                {text.rate(row.onTimeRate)}
              </td>
              <td className="number" data-field="medianDays">
                {text.median(row.medianDays)}
              </td>
              <td className="number" data-field="overdueNow">
                {text.count(row.overdueNow)}
              </td>
              <td className="number" data-field="feesRiel">
                {text.riel(row.feesRiel)}
              </td>
              <td className="number" data-field="satisfaction">
                {row.satisfaction.count === 0 ? (
                  <NoValue />
                ) : (
                  <>
                    {text.mean(row.satisfaction.mean)} ({text.count(row.satisfaction.count)})
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** How many people gave 1 to 5 stars, with a bar for each (the figures are in the table). */
function Satisfaction({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useFigureText();
  const { distribution } = figures.satisfaction;
  const share = shares(distribution);
  const caption = t('servicesDashboard.satisfaction.title');
  return (
    <section className="svc-dashboard__section" aria-labelledby="svc-dashboard-satisfaction">
      <h2 id="svc-dashboard-satisfaction">{caption}</h2>
      <p>
        {figures.satisfaction.count === 0
          ? t('servicesDashboard.satisfaction.none')
          : t('servicesDashboard.satisfaction.lead', {
              n: text.count(figures.satisfaction.count),
              mean: format.number(Math.round((figures.satisfaction.mean ?? 0) * 10) / 10),
            })}
      </p>
      <TableWrap label={caption}>
        <table className="data-table svc-dashboard__stars">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('servicesDashboard.col.stars')}</th>
              <th scope="col" className="number">
                {t('servicesDashboard.col.ratings')}
              </th>
              <th scope="col" className="number">
                {t('servicesDashboard.col.share')}
              </th>
              <th scope="col" className="svc-dashboard__bar-col">
                <span className="visually-hidden">{t('servicesDashboard.col.bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((count, index) => (
              <tr key={index} data-stars={index + 1}>
                <th scope="row">{t('servicesDashboard.stars', { n: format.number(index + 1) })}</th>
                <td className="number" data-field="count">
                  {text.count(count)}
                </td>
                <td className="number">{text.percent(share[index] ?? 0)}</td>
                <td className="svc-dashboard__bar-col">
                  <svg
                    className="svc-dashboard__bar"
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <rect className="svc-dashboard__bar-back" x="0" y="0" width="100" height="10" />
                    <rect
                      className="svc-dashboard__bar-fill"
                      x="0"
                      y="0"
                      width={(share[index] ?? 0) * 100}
                      height="10"
                    />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
