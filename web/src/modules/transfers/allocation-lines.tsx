/**
 * The units of an allocation, a page at a time, sorted by code or amount and filtered within a
 * province or district; each row opens its explanation part by part (component × criterion):
 * the unit's value, the total of all eligible units, its share, and the riel it brings.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../components/paged-table.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useAllocationLines, type LineSort } from './api.ts';
import { pickName, useCriterionLabel, usePercent } from './common.tsx';
import { sharePercent, wholeRiel } from './helpers.ts';
import { asExplanation, type AllocationLine, type AllocationSummary, type Explanation } from './types.ts';
import { DataTable, numberColumn, type Column } from '../../components/data-table.tsx';
import { SelectField } from '../../components/fields.tsx';

const SORTS: LineSort[] = ['code', '-code', '-amount', 'amount'];

export function AllocationLines({ id, summary }: { id: number; summary: AllocationSummary | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<LineSort>('code');
  const [within, setWithin] = useState<UnitChoice>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const lines = useAllocationLines(id, page, sort, typeof within === 'string' ? within : '');

  return (
    <section className="transfers-section" aria-labelledby="allocation-lines-title">
      <h2 id="allocation-lines-title">{t('transfers.lines.title')}</h2>
      <p className="hint">{t('transfers.lines.intro')}</p>
      <form className="filters lines-filters" onSubmit={(event) => event.preventDefault()}>
        <UnitPicker
          legend={t('transfers.lines.within')}
          value={within}
          maxLevel={2}
          onChange={(value) => {
            setWithin(value);
            setPage(1);
          }}
        />
        <SelectField
          label={t('transfers.lines.sort')}
          name="sort"
          value={sort}
          onChange={(event) => {
            setSort(event.target.value as LineSort);
            setPage(1);
          }}
        >
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`transfers.lines.sort.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <PagedTable
        className="lines-table"
        label={t('transfers.lines.title')}
        list={lines}
        empty={t('transfers.lines.empty')}
        caption={(total) => t('transfers.lines.caption', { total })}
        headers={[
          { key: 'code', label: t('units.col.code'), className: 'lines-table__code' },
          t('units.col.name'),
          { key: 'amount', label: t('transfers.lines.amount'), className: 'number' },
          {
            key: 'explanation',
            label: <span className="visually-hidden">{t('transfers.lines.explanation')}</span>,
          },
        ]}
        row={(line) => (
          <LineRows
            key={line.unitCode}
            line={line}
            summary={summary}
            open={open === line.unitCode}
            onToggle={() => setOpen(open === line.unitCode ? null : line.unitCode)}
          />
        )}
        onPage={setPage}
      />
    </section>
  );
}

function LineRows({
  line,
  summary,
  open,
  onToggle,
}: {
  line: AllocationLine;
  summary: AllocationSummary | null;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const detailId = useId();
  const name = format.lang === 'km' ? line.nameKm : line.nameLatin;
  const explanation = asExplanation(line.explanation);
  return (
    <>
      <tr data-code={line.unitCode} className="lines-table__row">
        <td className="code lines-table__code">{line.unitCode}</td>
        <th scope="row">
          <Link to={`/units/${line.unitCode}`}>{name}</Link>
        </th>
        <td className="number" data-field="amount">
          {format.riel(line.amount)}
        </td>
        <td>
          {explanation ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={open}
              aria-controls={detailId}
              onClick={onToggle}
            >
              {open ? t('transfers.lines.hide') : t('transfers.lines.explain')}
              <span className="visually-hidden">: {name}</span>
            </button>
          ) : null}
        </td>
      </tr>
      {explanation ? (
        <tr id={detailId} className="lines-table__detail" hidden={!open} data-detail-of={line.unitCode}>
          <td colSpan={4}>
            {open ? <ExplanationTable explanation={explanation} summary={summary} name={name} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A unit's amount, part by part; shared with the unit profile's transfers section. */
export function ExplanationTable({
  explanation,
  summary,
  name,
}: {
  explanation: Explanation;
  summary: AllocationSummary | null;
  name: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const criterionLabel = useCriterionLabel();
  const componentName = (code: string) => {
    const component = summary?.components.find((item) => item.code === code);
    return component ? pickName(format.lang, component.nameKm, component.nameEn) : code;
  };
  const adjustment = wholeRiel(explanation.roundingAdjustment);
  const total = explanation.parts.reduce((sum, part) => sum + part.amount, 0);
  const columns: Column<Explanation['parts'][number]>[] = [
    {
      key: 'component',
      label: t('transfers.explanation.component'),
      rowHeader: true,
      cell: (part) => componentName(part.component),
    },
    {
      key: 'criterion',
      label: t('transfers.explanation.criterion'),
      cell: (part) => (
        <>
          {criterionLabel(part)} <span className="muted">({percent(part.weightPercent)})</span>
        </>
      ),
    },
    numberColumn('value', t('transfers.explanation.value'), (part) => format.number(part.value)),
    numberColumn('total', t('transfers.explanation.total'), (part) => format.number(Number(part.total))),
    numberColumn('share', t('transfers.explanation.share'), (part) => percent(sharePercent(part.share), 2)),
    numberColumn('amount', t('transfers.explanation.amount'), (part) => format.riel(part.amount)),
  ];
  return (
    <div className="explanation">
      <DataTable
        className="explanation-table"
        label={t('transfers.explanation.caption', { name })}
        caption={t('transfers.explanation.caption', { name })}
        columns={columns}
        items={explanation.parts}
        rowKey={(part, index) => `${part.component}-${index}`}
        rowData={(part) => ({ 'data-component': part.component })}
        footer={
          <tr>
            <th scope="row" colSpan={5}>
              {t('transfers.explanation.sum')}
            </th>
            <td className="number">{format.riel(total)}</td>
          </tr>
        }
      />
      {explanation.limit ? (
        <p className="hint">{t(`transfers.explanation.limit.${explanation.limit}`)}</p>
      ) : null}
      {adjustment !== 0 ? (
        <p className="hint">
          {t('transfers.explanation.rounding', {
            amount: format.riel(wholeRiel(explanation.amountBeforeRounding)),
            adjustment: format.number(adjustment),
          })}
        </p>
      ) : null}
    </div>
  );
}
