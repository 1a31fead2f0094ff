/**
 * The equity figures of one allocation, or of two side by side (a scenario's before and after),
 * each with one line in plain words saying how to read it. All are per person: a unit's amount
 * divided by its population.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { useDecimal } from './common.tsx';
import type { EquityFigures } from './types.ts';
import { DataTable, numberColumn } from '../../components/data-table.tsx';

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
  const rows: EquityRow[] = [
    ...FIGURES.map(({ key, decimals }) => ({
      key,
      cell: (figures: EquityFigures) => value(figures[key], decimals),
    })),
    { key: 'meanPerPerson', cell: (figures) => perPerson(figures.meanPerPerson) },
    {
      key: 'range',
      cell: (figures) => (
        <>
          <span className="nowrap">{perPerson(figures.minPerPerson?.perPerson)}</span> –{' '}
          <span className="nowrap">{perPerson(figures.maxPerPerson?.perPerson)}</span>
        </>
      ),
    },
  ];
  return (
    <DataTable
      className="equity-table"
      label={caption}
      caption={caption}
      columns={[
        {
          key: 'figure',
          label: t('transfers.equity.figure'),
          rowHeader: true,
          cell: (row) => (
            <>
              <span className="equity-table__name">{t(`transfers.equity.${row.key}`)}</span>
              <span className="hint equity-table__help">{t(`transfers.equity.${row.key}.help`)}</span>
            </>
          ),
        },
        ...columns.map((column, index) =>
          numberColumn<EquityRow>(`column-${index}`, column.label, (row) => row.cell(column.figures)),
        ),
      ]}
      items={rows}
      rowKey={(row) => row.key}
      rowData={(row) => ({ 'data-figure': row.key })}
    />
  );
}

/** One line of the table: a figure, drawn for each column's allocation. */
interface EquityRow {
  key: FigureKey | 'meanPerPerson' | 'range';
  cell: (figures: EquityFigures) => ReactNode;
}
