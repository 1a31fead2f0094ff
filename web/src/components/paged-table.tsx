/**
 * Every list that pages: loading, the error with a retry, the empty state, or the table with
 * its caption (the count, by default) and the pager under it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/use-format.ts';
import { Pager } from './pager.tsx';
import { EmptyState, Loaded, type QueryLike } from './query-states.tsx';
import { DataTable, type ColumnHeader } from './data-table.tsx';

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

export type { ColumnHeader } from './data-table.tsx';

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
            <DataTable
              items={data.items}
              headers={props.headers}
              row={props.row}
              className={props.className}
              caption={props.caption ? props.caption(total) : t('list.caption', { total })}
              captionHidden={props.captionHidden}
              label={props.label}
              busy={list.isFetching}
            />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={props.onPage} />
          </>
        );
      }}
    </Loaded>
  );
}
