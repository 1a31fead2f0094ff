/**
 * Every list that pages: loading, the error with a retry, the empty state, or the table with
 * its caption (the count, by default) and the pager under it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/use-format.ts';
import { Pager } from './pager.tsx';
import { EmptyState, Loaded, type QueryLike } from './query-states.tsx';
import { DataTable, type TableRows } from './data-table.tsx';

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

export type { Column, ColumnHeader } from './data-table.tsx';

export type PagedTableProps<Item> = TableRows<Item> & {
  list: QueryLike<Page<Item>> & { isFetching: boolean };
  /** Said when the list is empty. */
  empty: ReactNode;
  onPage: (page: number) => void;
  /** The table's classes besides `data-table`. */
  className?: string;
  /** The caption from the total (already in the reader's digits); "N in all" by default. */
  caption?: (total: string) => ReactNode;
  /** The caption for screen readers only. */
  captionHidden?: boolean;
  /** Names the scrolling region and makes it focusable (wide tables of figures). */
  label?: string;
};

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
              {...rowsOf(props)}
              items={data.items}
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

/** The rows part of the props, whichever way they are given. */
function rowsOf<Item>(props: TableRows<Item>): TableRows<Item> {
  return props.columns
    ? {
        columns: props.columns,
        rowKey: props.rowKey,
        rowData: props.rowData,
        rowClassName: props.rowClassName,
        rowDetail: props.rowDetail,
      }
    : { headers: props.headers, row: props.row };
}
