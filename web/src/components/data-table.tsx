/**
 * A table of records: in a wrapper that scrolls sideways when it must, with its caption, its
 * column headings and a row per item. PagedTable adds loading, empty and the pager to it.
 *
 * Two ways to give the rows:
 * - `columns`: each column says its heading and how to draw its cell from an item. The table
 *   draws every cell itself, labelled with its heading (`data-label`), so that on a phone the
 *   table stacks: one card per row, each figure with its name beside it, nothing to scroll
 *   sideways. Prefer this for any new table.
 * - `headers` and `row`: the caller draws each `<tr>` (rows that span, fragments of rows). Such a
 *   table scrolls sideways on a phone instead of stacking.
 */
import type { ReactNode } from 'react';
import { TableWrap } from './table-wrap.tsx';

/** A column heading: its text, or its text and the class of its cell (`number`…). */
export type ColumnHeader = string | { key: string; label: ReactNode; className?: string };

/** One column of a table drawn by `columns`. */
export interface Column<Item> {
  key: string;
  /** The heading, also shown beside the value when the table stacks on a phone. */
  label: string;
  /** `number` right-aligns figures; any other class of the cells. */
  className?: string;
  /** The row's heading cell (`<th scope="row">`): usually the name of the record. */
  rowHeader?: boolean;
  /** The cell's `data-field` (for tests and styles): the key by default. */
  field?: string | ((item: Item) => string);
  /** Attributes of each cell of the column (`data-to`…), for tests and styles. */
  cellData?: (item: Item) => Record<`data-${string}`, string | number | undefined>;
  /** The heading is for screen readers only (a column of bars or buttons). */
  labelHidden?: boolean;
  /** What the heading cell shows instead of the label (a sort button). */
  heading?: ReactNode;
  /** The heading's `aria-sort`, for a column the reader can sort by. */
  sort?: 'ascending' | 'descending' | 'none';
  cell: (item: Item) => ReactNode;
}

/** A right-aligned column of figures: the usual case, said once. */
export function numberColumn<Item>(
  key: string,
  label: string,
  cell: (item: Item) => ReactNode,
): Column<Item> {
  return { key, label, className: 'number', cell };
}

interface TableFrame {
  /** The table's classes besides `data-table`. */
  className?: string;
  caption: ReactNode;
  /** The caption for screen readers only. */
  captionHidden?: boolean;
  /** Names the scrolling region and makes it focusable (wide tables of figures). */
  label?: string;
  busy?: boolean;
  /** Rows under the body (totals), as a <tfoot>'s content. */
  footer?: ReactNode;
  /** Attributes of the table itself (`data-breakdown`…), for tests and styles. */
  tableData?: Record<`data-${string}`, string>;
}

interface RowsByColumns<Item> {
  columns: readonly Column<Item>[];
  /** The row's React key (the index, for parts of a record that have no key of their own). */
  rowKey: (item: Item, index: number) => string;
  /** Attributes of the row (`data-code`…), for tests and styles. */
  rowData?: (item: Item) => Record<`data-${string}`, string | number | undefined>;
  /** The class of each row (`budget-line`), or of a row by what it holds (`svc-row--overdue`). */
  rowClassName?: string | ((item: Item) => string | undefined);
  /** What opens under a row across the whole table (a form to change it), or null. */
  rowDetail?: (item: Item) => ReactNode;
  headers?: never;
  row?: never;
}

interface RowsByCaller<Item> {
  headers: readonly ColumnHeader[];
  /** One item as a <tr> (or a fragment of rows), with its key. */
  row: (item: Item) => ReactNode;
  columns?: never;
}

export type TableRows<Item> = RowsByColumns<Item> | RowsByCaller<Item>;

export type DataTableProps<Item> = TableFrame & TableRows<Item> & { items: readonly Item[] };

const classes = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ') || undefined;

export function DataTable<Item>(props: DataTableProps<Item>) {
  const stacked = props.columns !== undefined;
  return (
    <TableWrap label={props.label}>
      <table
        className={classes('data-table', stacked && 'data-table--stack', props.className)}
        aria-busy={props.busy}
        {...props.tableData}
      >
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns
              ? props.columns.map((column) => (
                  <th scope="col" key={column.key} className={column.className}>
                    {column.labelHidden ? (
                      <span className="visually-hidden">{column.label}</span>
                    ) : (
                      column.label
                    )}
                  </th>
                ))
              : props.headers.map((header) =>
                  typeof header === 'string' ? (
                    <th scope="col" key={header}>
                      {header}
                    </th>
                  ) : (
                    <th scope="col" key={header.key} className={header.className}>
                      {header.label}
                    </th>
                  ),
                )}
          </tr>
        </thead>
        <tbody>
          {props.columns
            ? props.items.map((item, index) => (
                <ColumnsRow key={props.rowKey(item, index)} item={item} rows={props} />
              ))
            : props.items.map(props.row)}
        </tbody>
        {props.footer ? <tfoot>{props.footer}</tfoot> : null}
      </table>
    </TableWrap>
  );
}

function ColumnsRow<Item>({ item, rows }: { item: Item; rows: RowsByColumns<Item> }) {
  const detail = rows.rowDetail?.(item);
  const row = (
    <tr
      className={typeof rows.rowClassName === 'function' ? rows.rowClassName(item) : rows.rowClassName}
      {...rows.rowData?.(item)}
    >
      {rows.columns.map((column) => {
        const Cell = column.rowHeader ? 'th' : 'td';
        return (
          <Cell
            key={column.key}
            scope={column.rowHeader ? 'row' : undefined}
            className={column.className}
            data-field={
              typeof column.field === 'function' ? column.field(item) : (column.field ?? column.key)
            }
            data-label={column.labelHidden ? undefined : column.label}
            {...column.cellData?.(item)}
          >
            {column.cell(item)}
          </Cell>
        );
      })}
    </tr>
  );
  if (detail === undefined || detail === null) return row;
  return (
    <>
      {row}
      <tr className="data-table__detail">
        <td colSpan={rows.columns.length}>{detail}</td>
      </tr>
    </>
  );
}
