/**
 * The equity figures of one allocation, or of two side by side (a scenario's before and after),
 * each with one line in plain words saying how to read it. All are per person: a unit's amount
 * divided by its population.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { useDecimal } from './common.tsx';
import type { EquityFigures } from './types.ts';
import { TableWrap } from '../../components/table-wrap.tsx';

type FigureKey = 'gini' | 'theil' | 'coefficientOfVariation' | 'maxMinRatio' | 'povertyCorrelation';

const FIGURES: { key: FigureKey; decimals: number }[] = [
  { key: 'gini', decimals: 3 },
  { key: 'theil', decimals: 3 },
  { key: 'coefficientOfVariation', decimals: 3 },
  { key: 'maxMinRatio', decimals: 2 },
  { key: 'povertyCorrelation', decimals: 2 },
];

export interface EquityColumn {
  label: string;
  figures: EquityFigures;
}

export function EquityTable({ columns, caption }: { columns: readonly EquityColumn[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decimal = useDecimal();
  const value = (figure: number | null, decimals: number) =>
    figure === null || !Number.isFinite(figure) ? t('transfers.equity.none') : decimal(figure, decimals);
  const perPerson = (figure: number | null | undefined) =>
    figure === null || figure === undefined ? t('transfers.equity.none') : format.riel(Math.round(figure));
  return (
    <TableWrap label={caption}>
      <table className="data-table equity-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transfers.equity.figure')}</th>
            {columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIGURES.map(({ key, decimals }) => (
            <tr key={key} data-figure={key}>
              <th scope="row">
                <span className="equity-table__name">{t(`transfers.equity.${key}`)}</span>
                <span className="hint equity-table__help">{t(`transfers.equity.${key}.help`)}</span>
              </th>
              {columns.map((column) => (
                <td key={column.label} className="number">
                  {value(column.figures[key], decimals)}
                </td>
              ))}
            </tr>
          ))}
          <tr data-figure="meanPerPerson">
            <th scope="row">
              <span className="equity-table__name">{t('transfers.equity.meanPerPerson')}</span>
              <span className="hint equity-table__help">{t('transfers.equity.meanPerPerson.help')}</span>
            </th>
            {columns.map((column) => (
              <td key={column.label} className="number">
                {perPerson(column.figures.meanPerPerson)}
              </td>
            ))}
          </tr>
          <tr data-figure="range">
            <th scope="row">
              <span className="equity-table__name">{t('transfers.equity.range')}</span>
              <span className="hint equity-table__help">{t('transfers.equity.range.help')}</span>
            </th>
            {columns.map((column) => (
              <td key={column.label} className="number">
                <span className="nowrap">{perPerson(column.figures.minPerPerson?.perPerson)}</span> –{' '}
                <span className="nowrap">{perPerson(column.figures.maxPerPerson?.perPerson)}</span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}
