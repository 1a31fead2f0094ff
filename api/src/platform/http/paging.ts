/**
 * The paging and sorting contract of every list endpoint:
 *   GET /api/...?page=2&pageSize=50&sort=-code
 *   → { items: [...], page: 2, pageSize: 50, total: 1652 }
 * Pages are 1-based; `sort` names one whitelisted field, `-` in front for descending.
 * Filters are each endpoint's own query parameters, declared in its TypeBox schema.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AppError } from './problem.ts';
import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: '1-based page number.' }),
  pageSize: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `Items per page, at most ${MAX_PAGE_SIZE}.`,
  }),
});
export type PageQuery = Static<typeof PageQuery>;

/** A `sort` query parameter limited to the given fields, each ascending or descending. */
export function SortQuery<const Field extends string>(fields: readonly Field[], defaultSort: Field) {
  return Type.Object({
    sort: Type.Union(
      fields.flatMap((field) => [Type.Literal(field), Type.Literal(`-${field}`)]),
      { default: defaultSort, description: `One of ${fields.join(', ')}; prefix with - for descending.` },
    ),
  });
}

/** The response envelope of a list endpoint. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer({ description: 'Items matching the filters, over all pages.' }),
  });
}

export interface PageResult<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { field: sort.slice(1), direction: 'desc' }
    : { field: sort, direction: 'asc' };
}

/**
 * Runs a filtered query as one page plus a total count. `columns` maps each sortable field of
 * the API to its SQL column, so a caller can never sort by an arbitrary expression; `tieBreak`
 * is a unique column that makes the order (and so the pages) deterministic.
 */
export async function fetchPage<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  options: {
    page: number;
    pageSize: number;
    sort: string;
    columns: Record<string, string>;
    tieBreak: string;
  },
): Promise<PageResult<Row>> {
  const { field, direction } = parseSort(options.sort);
  const column = options.columns[field];
  if (!column) throw new AppError(400, 'http.sort.invalid', `Cannot sort by "${field}".`);
  const offset = (options.page - 1) * options.pageSize;
  const [items, counted] = await Promise.all([
    query
      .orderBy(sql.ref(column), direction)
      .orderBy(sql.ref(options.tieBreak), direction)
      .limit(options.pageSize)
      .offset(offset)
      .execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirst() as Promise<{ total: number } | undefined>,
  ]);
  return { items, page: options.page, pageSize: options.pageSize, total: counted?.total ?? 0 };
}
