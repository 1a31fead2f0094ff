/**
 * Budget against actual, one pair of horizontal bars per class, drawn as SVG with React
 * (d3-scale computes; no inline styles: size from the viewBox, colours from classes). Screen
 * readers get a <title> and <desc>; the figures themselves are in the table beside it.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';

export interface BarRow {
  code: string;
  label: string;
  budget: number;
  actual: number;
}

const WIDTH = 640;
const ROW = 34;
const MARGIN = { top: 8, right: 16, bottom: 28, left: 180 };

export function BudgetBarChart({ rows, title }: { rows: readonly BarRow[]; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { title: useId(), desc: useId() };
  const height = MARGIN.top + MARGIN.bottom + Math.max(rows.length, 1) * ROW;
  const max = Math.max(1, ...rows.flatMap((row) => [row.budget, row.actual]));
  const x = scaleLinear()
    .domain([0, max])
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .nice();
  const y = scaleBand()
    .domain(rows.map((row) => row.code))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.25);
  const band = y.bandwidth() / 2;
  const short = (label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label);

  return (
    <figure className="budget-chart">
      <svg
        className="budget-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{t('budgets.chart.desc')}</desc>
        <g aria-hidden="true">
          {x.ticks(4).map((tick) => (
            <g key={tick}>
              <line
                className="budget-chart__grid"
                x1={x(tick)}
                x2={x(tick)}
                y1={MARGIN.top}
                y2={height - MARGIN.bottom}
              />
              <text
                className="budget-chart__tick"
                x={x(tick)}
                y={height - MARGIN.bottom + 16}
                textAnchor="middle"
                fontSize="11"
              >
                {format.riel(tick, { millions: true })}
              </text>
            </g>
          ))}
          {rows.map((row) => {
            const top = y(row.code) ?? 0;
            return (
              <g key={row.code} className="budget-chart__row" data-code={row.code}>
                <text
                  className="budget-chart__label"
                  x={MARGIN.left - 6}
                  y={top + band + 4}
                  textAnchor="end"
                  fontSize="12"
                >
                  {short(row.label)}
                </text>
                <rect
                  className="budget-chart__bar budget-chart__bar--budget"
                  x={x(0)}
                  y={top}
                  width={Math.max(0, x(row.budget) - x(0))}
                  height={band}
                />
                <rect
                  className="budget-chart__bar budget-chart__bar--actual"
                  x={x(0)}
                  y={top + band}
                  width={Math.max(0, x(row.actual) - x(0))}
                  height={band}
                />
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul className="legend__list budget-chart__legend">
          <li>
            <svg width="16" height="12" aria-hidden="true" focusable="false">
              <rect className="budget-chart__bar--budget" width="16" height="12" />
            </svg>
            {t('budgets.report.budget')}
          </li>
          <li>
            <svg width="16" height="12" aria-hidden="true" focusable="false">
              <rect className="budget-chart__bar--actual" width="16" height="12" />
            </svg>
            {t('budgets.report.actual')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
