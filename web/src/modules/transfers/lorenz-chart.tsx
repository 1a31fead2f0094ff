/**
 * A Lorenz curve drawn as SVG with React (d3-scale and d3-shape compute, React draws; no inline
 * styles: the size comes from the viewBox and the colours from classes). Units are ordered from
 * the least to the most money per person; the curve shows what share of the money the poorest
 * x % of the people receive. The straight line is perfect equality. Screen readers get a
 * <title>, a <desc> and a table of the points.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecimal } from './common.tsx';
import { DataTable } from '../../components/data-table.tsx';

export interface LorenzSeries {
  label: string;
  /** (share of people, share of money) pairs: arrays of two numbers, as the API's schema says. */
  points: readonly (readonly number[])[];
  /** 'before' draws a dashed grey curve (a scenario's baseline). */
  variant?: 'main' | 'before';
}

const SIZE = 320;
const MARGIN = { top: 12, right: 22, bottom: 44, left: 52 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export function LorenzChart({ series, title }: { series: readonly LorenzSeries[]; title: string }) {
  const { t } = useTranslation();
  const decimal = useDecimal();
  const ids = { title: useId(), desc: useId() };
  const x = scaleLinear()
    .domain([0, 1])
    .range([MARGIN.left, SIZE - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([SIZE - MARGIN.bottom, MARGIN.top]);
  const path = line<readonly number[]>()
    .x((point) => x(point[0] ?? 0))
    .y((point) => y(point[1] ?? 0));
  const percent = (value: number) => `${decimal(value * 100, 0)}%`;
  const percent1 = (value: number) => `${decimal(value * 100, 1)}%`;

  return (
    <figure className="lorenz">
      <svg
        className="lorenz__svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{t('transfers.lorenz.desc')}</desc>
        <g aria-hidden="true">
          {TICKS.map((tick) => (
            <g key={tick}>
              <line className="lorenz__grid" x1={x(tick)} x2={x(tick)} y1={y(0)} y2={y(1)} />
              <line className="lorenz__grid" x1={x(0)} x2={x(1)} y1={y(tick)} y2={y(tick)} />
              <text className="lorenz__tick" x={x(tick)} y={y(0) + 16} textAnchor="middle" fontSize="11">
                {percent(tick)}
              </text>
              <text className="lorenz__tick" x={x(0) - 6} y={y(tick) + 4} textAnchor="end" fontSize="11">
                {percent(tick)}
              </text>
            </g>
          ))}
          <text className="lorenz__axis" x={(x(0) + x(1)) / 2} y={SIZE - 6} textAnchor="middle" fontSize="12">
            {t('transfers.lorenz.x')}
          </text>
          <text
            className="lorenz__axis"
            transform={`translate(12 ${(y(0) + y(1)) / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize="12"
          >
            {t('transfers.lorenz.y')}
          </text>
          <line className="lorenz__equality" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
          {series.map((item) => (
            <path
              key={item.label}
              className={item.variant === 'before' ? 'lorenz__curve lorenz__curve--before' : 'lorenz__curve'}
              d={path(item.points) ?? ''}
              fill="none"
            />
          ))}
        </g>
      </svg>
      <figcaption>
        <ul className="legend__list lorenz__legend">
          <li>
            <svg width="24" height="10" aria-hidden="true" focusable="false">
              <line className="lorenz__equality" x1="0" y1="5" x2="24" y2="5" />
            </svg>
            {t('transfers.lorenz.equality')}
          </li>
          {series.map((item) => (
            <li key={item.label}>
              <svg width="24" height="10" aria-hidden="true" focusable="false">
                <line
                  className={
                    item.variant === 'before' ? 'lorenz__curve lorenz__curve--before' : 'lorenz__curve'
                  }
                  x1="0"
                  y1="5"
                  x2="24"
                  y2="5"
                />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
        <details className="lorenz__table">
          <summary>{t('transfers.lorenz.table')}</summary>
          {series.map((item) => (
            <DataTable
              key={item.label}
              label={item.label}
              caption={item.label}
              columns={[
                { key: 'people', label: t('transfers.lorenz.x'), cell: ([people = 0]) => percent1(people) },
                { key: 'money', label: t('transfers.lorenz.y'), cell: ([, money = 0]) => percent1(money) },
              ]}
              items={item.points}
              rowKey={(_point, index) => String(index)}
            />
          ))}
        </details>
      </figcaption>
    </figure>
  );
}
