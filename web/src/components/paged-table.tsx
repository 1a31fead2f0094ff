/**
 * Every list that pages: loading, the error with a retry, the empty state, or the table with
 * its caption (the count, by default) and the pager under it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/use-format.ts';
import { Pager } from './pager.tsx';
import { EmptyState, Loaded, type QueryLike } from './query-states.tsx';
import { TableWrap } from './table-wrap.tsx';

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

/** A column heading: its text, or its text and the class of its cell (`number`…). */
export type ColumnHeader = string | { key: string; label: ReactNode; className?: string };

interface PagedTableProps<Item> {
  list: QueryLike<Page<Item>> & { isFetching: boolean };
  /** Said when the list is empty. */
  empty: ReactNode;
  headers: readonly ColumnHeader[];
  /** One item as a <tr> (or a fragment of rows), with its key. */
  row: (item: Item) => ReactNode;
  onPage: (page: number) => void;
  /** The table's classes besides `data-table`. */
  className?: string;
  /** The caption from the total (already in the reader's digits); "N in all" by default. */
  caption?: (total: string) => ReactNode;
  /** The caption for screen readers only. */
  captionHidden?: boolean;
  /** Names the scrolling region and makes it focusable (wide tables of figures). */
  label?: string;
}

export function PagedTable<Item>(props: PagedTableProps<Item>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { list } = props;
  return (
    <Loaded query={list}>
      {(data) => {
        if (data.items.length === 0) return <EmptyState>{props.empty}</EmptyState>;
        const total = format.number(data.total);
        return (
          <>
            <TableWrap label={props.label}>
              <table
                className={props.className ? `data-table ${props.className}` : 'data-table'}
                aria-busy={list.isFetching}
              >
                <caption className={props.captionHidden ? 'visually-hidden' : undefined}>
                  {props.caption ? props.caption(total) : t('list.caption', { total })}
                </caption>
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
                <tbody>{data.items.map(props.row)}</tbody>
              </table>
            </TableWrap>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={props.onPage} />
          </>
        );
      }}
    </Loaded>
  );
}
