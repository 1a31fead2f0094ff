/**
 * A table of records: in a wrapper that scrolls sideways on a phone, with its caption, its
 * column headings and a row per item. PagedTable adds loading, empty and the pager to it.
 */
import type { ReactNode } from 'react';
import { TableWrap } from './table-wrap.tsx';

/** A column heading: its text, or its text and the class of its cell (`number`…). */
export type ColumnHeader = string | { key: string; label: ReactNode; className?: string };

export interface DataTableProps<Item> {
  items: readonly Item[];
  headers: readonly ColumnHeader[];
  /** One item as a <tr> (or a fragment of rows), with its key. */
  row: (item: Item) => ReactNode;
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
}

export function DataTable<Item>(props: DataTableProps<Item>) {
  return (
    <TableWrap label={props.label}>
      <table
        className={props.className ? `data-table ${props.className}` : 'data-table'}
        aria-busy={props.busy}
      >
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header) =>
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
        <tbody>{props.items.map(props.row)}</tbody>
        {props.footer ? <tfoot>{props.footer}</tfoot> : null}
      </table>
    </TableWrap>
  );
}
