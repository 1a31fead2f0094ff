/**
 * A section of a page around one paged list: its heading, what comes before the table (a lead,
 * filters), the PagedTable, what follows it (a row's detail) and what the officers may add under
 * it (a form, given only to those who may). Its page is kept by `usePaging` (back to the first
 * page when `resetKey` changes, e.g. a filter), which the caller calls before its query hook:
 *
 *   const paging = usePaging();
 *   const needs = useUnitNeeds(code, paging.page);
 *   return <PagedSection paging={paging} list={needs} headingId=… title=… columns=… />;
 */
import { useState, type ReactNode } from 'react';
import { PagedTable, type PagedTableProps } from './paged-table.tsx';

export interface Paging {
  page: number;
  onPage: (page: number) => void;
}

/** The page a section shows; a new `resetKey` (a filter changed) starts again at page 1. */
export function usePaging(resetKey?: string): Paging {
  const [paging, setPaging] = useState({ page: 1, key: resetKey });
  const page = paging.key === resetKey ? paging.page : 1;
  if (paging.key !== resetKey) setPaging({ page: 1, key: resetKey });
  return { page, onPage: (next) => setPaging({ page: next, key: resetKey }) };
}

/** The table's props without the paging (the section supplies it). */
type TableProps<Item> =
  PagedTableProps<Item> extends infer Props ? (Props extends unknown ? Omit<Props, 'onPage'> : never) : never;

export type PagedSectionProps<Item> = TableProps<Item> & {
  /** The heading's id (the section is labelled by it). */
  headingId: string;
  title: ReactNode;
  /** The section's classes. */
  sectionClassName?: string;
  paging: Paging;
  /** Between the heading and the table: a lead, a summary, filters. */
  before?: ReactNode;
  /** Under the table: the detail of a row. */
  after?: ReactNode;
  /** The officers' form (undefined or null for everyone else). */
  form?: ReactNode;
};

export function PagedSection<Item>(props: PagedSectionProps<Item>) {
  const { headingId, title, sectionClassName, paging, before, after, form, ...table } = props;
  return (
    <section aria-labelledby={headingId} className={sectionClassName}>
      <h2 id={headingId}>{title}</h2>
      {before}
      <PagedTable {...(table as PagedTableProps<Item>)} onPage={paging.onPage} />
      {after}
      {form ?? null}
    </section>
  );
}
