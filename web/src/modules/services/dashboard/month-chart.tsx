/**
 * Received and completed applications per month, as grouped bars in SVG (d3-scale computes,
 * React draws; no inline styles: the size comes from the viewBox, the colours from classes).
 * A long period makes the drawing wider, in a region that scrolls sideways on a phone. Screen
 * readers get a <title>, a <desc>, and the monthly table that follows the chart.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format.ts';
import type { DashboardRow } from './api.ts';
import { useMonthLabel } from './common.tsx';
import { countTicks } from './helpers.ts';

const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 48, left: 48 };
const PER_MONTH = 44;
const MIN_WIDTH = 360;

export function MonthChart({ months, title }: { months: readonly DashboardRow[]; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const ids = { title: useId(), desc: useId() };
  const width = Math.max(MIN_WIDTH, MARGIN.left + MARGIN.right + months.length * PER_MONTH);
  const max = Math.max(0, ...months.flatMap((row) => [row.received, row.completed]));
  const x = scaleBand<string>()
    .domain(months.map((row) => row.key))
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const bar = x.bandwidth() / 2;
  const series = [
    { field: 'received', className: 'month-chart__bar month-chart__bar--received' },
    { field: 'completed', className: 'month-chart__bar month-chart__bar--completed' },
  ] as const;

  return (
    <figure className="month-chart">
      <div className="month-chart__scroll" role="region" aria-label={title} tabIndex={0}>
        <svg
          className="month-chart__svg"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.desc}
          data-months={months.length}
        >
          <title id={ids.title}>{title}</title>
          <desc id={ids.desc}>{t('servicesDashboard.chart.desc')}</desc>
          <g aria-hidden="true">
            {countTicks(max).map((tick) => (
              <g key={tick}>
                <line
                  className="month-chart__grid"
                  x1={MARGIN.left}
                  x2={width - MARGIN.right}
                  y1={y(tick)}
                  y2={y(tick)}
                />
                <text
                  className="month-chart__tick"
                  x={MARGIN.left - 6}
                  y={y(tick) + 4}
                  textAnchor="end"
                  fontSize="11"
                >
                  {format.number(tick)}
                </text>
              </g>
            ))}
            {months.map((row, index) => {
              const left = x(row.key) ?? 0;
              const showYear = index === 0 || row.key.endsWith('-01');
              return (
                <g key={row.key} data-month={row.key}>
                  {series.map((item, position) => (
                    <rect
                      key={item.field}
                      className={item.className}
                      data-field={item.field}
                      data-value={row[item.field]}
                      x={left + position * bar}
                      y={y(row[item.field])}
                      width={Math.max(1, bar - 1)}
                      height={y(0) - y(row[item.field])}
                    />
                  ))}
                  <text
                    className="month-chart__tick"
                    x={left + x.bandwidth() / 2}
                    y={HEIGHT - MARGIN.bottom + 16}
                    textAnchor="middle"
                    fontSize="11"
                  >
                    {monthLabel(row.key, 'short')}
                  </text>
                  {showYear ? (
                    <text
                      className="month-chart__tick"
                      x={left + x.bandwidth() / 2}
                      y={HEIGHT - MARGIN.bottom + 31}
                      textAnchor="middle"
                      fontSize="11"
                    >
                      {format.digits(row.key.slice(0, 4))}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <line
              className="month-chart__axis"
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(0)}
              y2={y(0)}
            />
          </g>
        </svg>
      </div>
      <figcaption>
        <ul className="legend__list month-chart__legend">
          {series.map((item) => (
            <li key={item.field}>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect className={item.className} x="0" y="0" width="14" height="14" />
              </svg>
              {t(`servicesDashboard.figure.${item.field}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
