/** The office dashboard's figures: the headline counts, the breakdowns (by service, sex, age, disability) and satisfaction. */
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Counts } from '../../../components/counts.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { type Dashboard, type DashboardRow, type Figures } from './api.ts';
import { NoValue, pickLabel, useFigureText, useMonthLabel } from './common.tsx';
import { shares } from './helpers.ts';
import { MonthChart } from './month-chart.tsx';
import { DataTable, numberColumn } from '../../../components/data-table.tsx';

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

/** The figures of every breakdown's row, in the order of its columns. */
type FigureColumn =
  'received' | 'completed' | 'onTimeRate' | 'medianDays' | 'overdueNow' | 'feesRiel' | 'satisfaction';

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
  const figure = (column: FigureColumn, cell: (row: DashboardRow) => ReactNode) =>
    numberColumn<DashboardRow>(column, t(`servicesDashboard.figure.${column}`), cell);
  return (
    <DataTable
      className={`svc-dashboard__table svc-dashboard__table--${kind}`}
      tableData={{ 'data-breakdown': kind }}
      label={caption}
      caption={caption}
      captionHidden
      columns={[
        { key: 'name', label: firstColumn, rowHeader: true, cell: label },
        figure('received', (row) => text.count(row.received)),
        figure('completed', (row) => text.count(row.completed)),
        figure('onTimeRate', (row) => text.rate(row.onTimeRate)),
        figure('medianDays', (row) => text.median(row.medianDays)),
        figure('overdueNow', (row) => text.count(row.overdueNow)),
        figure('feesRiel', (row) => text.riel(row.feesRiel)),
        figure('satisfaction', (row) =>
          row.satisfaction.count === 0 ? (
            <NoValue />
          ) : (
            <>
              {text.mean(row.satisfaction.mean)} ({text.count(row.satisfaction.count)})
            </>
          ),
        ),
      ]}
      items={rows}
      rowKey={(row) => row.key}
      rowData={(row) => ({ 'data-key': row.key })}
    />
  );
}

/** One line of the satisfaction table: how many gave that many stars, and their share. */
interface StarRow {
  stars: number;
  count: number;
  share: number;
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
      <DataTable
        className="svc-dashboard__stars"
        label={caption}
        caption={caption}
        captionHidden
        columns={[
          {
            key: 'stars',
            label: t('servicesDashboard.col.stars'),
            rowHeader: true,
            cell: (star) => t('servicesDashboard.stars', { n: format.number(star.stars) }),
          },
          numberColumn<StarRow>('count', t('servicesDashboard.col.ratings'), (star) =>
            text.count(star.count),
          ),
          numberColumn<StarRow>('share', t('servicesDashboard.col.share'), (star) =>
            text.percent(star.share),
          ),
          {
            key: 'bar',
            label: t('servicesDashboard.col.bar'),
            labelHidden: true,
            className: 'svc-dashboard__bar-col',
            cell: (star) => (
              <svg
                className="svc-dashboard__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect className="svc-dashboard__bar-back" x="0" y="0" width="100" height="10" />
                <rect className="svc-dashboard__bar-fill" x="0" y="0" width={star.share * 100} height="10" />
              </svg>
            ),
          },
        ]}
        items={distribution.map((count, index) => ({ stars: index + 1, count, share: share[index] ?? 0 }))}
        rowKey={(star) => String(star.stars)}
        rowData={(star) => ({ 'data-stars': star.stars })}
      />
    </section>
  );
}
