/** SQL of allocations and their lines: (db, args) -> rows, no rules. */
import { sql, type Insertable } from 'kysely';
import { fetchPage } from '../../platform/http/paging.ts';
import type { UnitCodesQuery } from './figures.queries.ts';
import { BATCH, type TransfersDb } from './transfers.context.ts';
import type {
  AllocationStatus,
  TransfersAllocationLineTable,
  TransfersAllocationTable,
} from './transfers.tables.ts';

/** The published allocation of a program and year, if any. */
export async function publishedAllocationId(
  db: TransfersDb,
  programCode: string,
  fiscalYear: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('transfers_allocation')
    .select('id')
    .where('program_code', '=', programCode)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.id);
}

/** A published allocation computed from the figures of `inputsYear`, if any. */
export async function publishedAllocationUsingYear(
  db: TransfersDb,
  inputsYear: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('transfers_allocation')
    .select('id')
    .where('status', '=', 'published')
    .where(sql<number>`(summary->>'inputsYear')::int`, '=', inputsYear)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.id);
}

export async function latestAllocationVersion(
  db: TransfersDb,
  programCode: string,
  fiscalYear: number,
): Promise<number> {
  const row = await db
    .selectFrom('transfers_allocation')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('program_code', '=', programCode)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export function insertAllocation(db: TransfersDb, values: Insertable<TransfersAllocationTable>) {
  return db
    .insertInto('transfers_allocation')
    .values(values)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertAllocationLines(
  db: TransfersDb,
  lines: readonly Insertable<TransfersAllocationLineTable>[],
): Promise<void> {
  for (let start = 0; start < lines.length; start += BATCH)
    await db
      .insertInto('transfers_allocation_line')
      .values(lines.slice(start, start + BATCH))
      .execute();
}

/** Allocations with their program's names: one read for a single allocation and for a page of them. */
const allocationsWithProgram = (db: TransfersDb) =>
  db
    .selectFrom('transfers_allocation as a')
    .innerJoin('transfers_program as p', 'p.code', 'a.program_code')
    .selectAll('a')
    .select(['p.name_km', 'p.name_en']);

export type AllocationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof allocationsWithProgram>['executeTakeFirst']>>
>;

export function findAllocation(db: TransfersDb, id: number) {
  return allocationsWithProgram(db).where('a.id', '=', id).executeTakeFirst();
}

export function selectAllocationPage(
  db: TransfersDb,
  filter: {
    programCode?: string | undefined;
    fiscalYear?: number | undefined;
    status?: AllocationStatus | undefined;
  },
  page: { page: number; pageSize: number },
) {
  let select = allocationsWithProgram(db);
  if (filter.programCode) select = select.where('a.program_code', '=', filter.programCode);
  if (filter.fiscalYear) select = select.where('a.fiscal_year', '=', filter.fiscalYear);
  if (filter.status) select = select.where('a.status', '=', filter.status);
  return fetchPage(select, {
    page: page.page,
    pageSize: page.pageSize,
    sort: '-id',
    columns: { id: 'a.id' },
    tieBreak: 'a.id',
  });
}

export async function updateAllocation(
  db: TransfersDb,
  id: number,
  set: Partial<
    Pick<TransfersAllocationTable, 'status' | 'approved_by' | 'approved_at' | 'published_by' | 'published_at'>
  >,
): Promise<void> {
  await db.updateTable('transfers_allocation').set(set).where('id', '=', id).execute();
}

export function selectLineAmounts(db: TransfersDb, allocationId: number) {
  return db
    .selectFrom('transfers_allocation_line')
    .select(['unit_code', 'amount'])
    .where('allocation_id', '=', allocationId)
    .execute();
}

/** One page of an allocation's lines, sorted by code or amount, within a subtree or of one unit. */
export function selectLinePage(
  db: TransfersDb,
  allocationId: number,
  filter: { within?: UnitCodesQuery | undefined; unitCode?: string | undefined },
  page: { page: number; pageSize: number; sort: string },
) {
  let select = db
    .selectFrom('transfers_allocation_line as l')
    .select(['l.unit_code', 'l.amount', 'l.parts'])
    .where('l.allocation_id', '=', allocationId);
  if (filter.within) select = select.where('l.unit_code', 'in', filter.within);
  if (filter.unitCode) select = select.where('l.unit_code', '=', filter.unitCode);
  return fetchPage(select, {
    page: page.page,
    pageSize: page.pageSize,
    sort: page.sort,
    columns: { code: 'l.unit_code', amount: 'l.amount' },
    tieBreak: 'l.unit_code',
  });
}

/** A unit's lines of published allocations, every program, newest year first. */
export function selectPublishedLinesOf(db: TransfersDb, unitCode: string, fiscalYear: number | undefined) {
  let select = db
    .selectFrom('transfers_allocation_line as l')
    .innerJoin('transfers_allocation as a', 'a.id', 'l.allocation_id')
    .innerJoin('transfers_program as p', 'p.code', 'a.program_code')
    .select([
      'a.id',
      'a.formula_id',
      'a.program_code',
      'p.name_km',
      'p.name_en',
      'a.fiscal_year',
      'a.version',
      'a.published_at',
      'l.amount',
      'l.parts',
    ])
    .where('l.unit_code', '=', unitCode)
    .where('a.status', '=', 'published');
  if (fiscalYear !== undefined) select = select.where('a.fiscal_year', '=', fiscalYear);
  return select.orderBy('a.fiscal_year', 'desc').orderBy('a.program_code').execute();
}
