/**
 * Kysely functions of the gazetteer import: reads of the tree and of the log of imports, and the
 * batched writes of a change set (apply.ts decides what to write): (db, args) -> rows, no rules.
 */
import { sql } from 'kysely';
import type { TreeUnit } from './diff.ts';
import { asImportDb, type AnyDb, type GazetteerUnitEventTable, type ImportDb } from './import-tables.ts';

/** Every unit of the tree, abolished ones included, as the comparison needs them. */
export function loadTree(db: AnyDb): Promise<TreeUnit[]> {
  return asImportDb(db)
    .selectFrom('gazetteer_unit')
    .select([
      'code',
      'level',
      'parent_code as parentCode',
      'type_code as typeCode',
      'name_km as nameKm',
      'name_latin as nameLatin',
      'is_urban as isUrban',
      'valid_to as validTo',
    ])
    .execute();
}

/** Past imports (the gazetteer's and the boundaries'), newest first, one page. */
export function selectImports(db: ImportDb, page: { limit: number; offset: number }) {
  return db
    .selectFrom('gazetteer_import')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countImports(db: ImportDb): Promise<number> {
  const row = await db
    .selectFrom('gazetteer_import')
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirst();
  return row?.total ?? 0;
}

// ---------------------------------------------------------------------------- applying

// Any fixed number, distinct from the migrations' and the audit chain's locks: imports take
// turns, so that a change set is never computed from a tree another import is changing.
const IMPORT_LOCK_KEY = 724_110_2031;

/** Takes the import lock for the rest of the transaction (re-entrant within it). */
export async function lockImports(trx: AnyDb): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
}

/** The database's date (YYYY-MM-DD). */
export async function currentDate(trx: ImportDb): Promise<string | undefined> {
  const today = await sql<{ today: string }>`select current_date::text as today`.execute(trx);
  return today.rows[0]?.today;
}

export async function insertImportRow(
  trx: ImportDb,
  row: {
    fileNames: readonly string[];
    fileChecksums: readonly string[];
    effectiveDate: string | null;
    summary: string | null;
    createdBy: number | null;
  },
): Promise<number> {
  const inserted = await trx
    .insertInto('gazetteer_import')
    .values({
      kind: 'gazetteer',
      file_names: [...row.fileNames],
      file_checksums: [...row.fileChecksums],
      effective_date: row.effectiveDate,
      dry_run: false,
      summary: row.summary,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

// Set-based writes: each statement takes its rows as ONE parameter, a JSON array read back as a
// table by jsonb_to_recordset (ordered by its position, so identity ids follow the array), or
// one text[] of codes. A statement costs the same to build and send whatever its number of
// rows, and PostgreSQL's 65,535-parameter limit never applies.
const asRecordset = (rows: readonly unknown[]) => sql`${JSON.stringify(rows)}::text::jsonb`;
const asCodes = (codes: readonly string[]) => sql`${[...codes]}::text[]`;

/** A new unit as both gazetteer_unit and its first version take it. */
export interface NewUnitRow {
  code: string;
  level: number;
  parent_code: string | null;
  type_code: string;
  name_km: string;
  name_latin: string;
  is_urban: boolean;
  legal_reference: string | null;
  valid_from: string | null;
}

const newUnitRows = (rows: readonly NewUnitRow[]) => sql`rows from (jsonb_to_recordset(${asRecordset(rows)})
    as (code text, level smallint, parent_code text, type_code text, name_km text, name_latin text,
      is_urban boolean, legal_reference text, valid_from date)) with ordinality
  as r (code, level, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, n)`;

/** New units, in the order given (their ids follow it), in one statement: the closure trigger runs once for all. */
export async function insertNewUnits(
  trx: ImportDb,
  rows: readonly NewUnitRow[],
  source: string,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into gazetteer_unit
      (code, level, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, source)
    select r.code, r.level, r.parent_code, r.type_code, r.name_km, r.name_latin, r.is_urban,
      r.legal_reference, r.valid_from, ${source}
    from ${newUnitRows(rows)}
    order by r.n`.execute(trx);
}

/** The first (open) version of each new unit, from the same rows, in the order given. */
export async function insertFirstVersions(trx: ImportDb, rows: readonly NewUnitRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into gazetteer_unit_version
      (code, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, valid_to)
    select r.code, r.parent_code, r.type_code, r.name_km, r.name_latin, r.is_urban, r.legal_reference,
      r.valid_from, null
    from ${newUnitRows(rows)}
    order by r.n`.execute(trx);
}

/**
 * Fresh statistics of gazetteer_unit: the closure trigger's cached plan (and the foreign-key
 * checks') then use the indexes rather than scanning the table for every row.
 */
export async function analyzeUnits(trx: ImportDb): Promise<void> {
  await sql`analyze gazetteer_unit`.execute(trx);
}

/**
 * No just-in-time compilation for the rest of the transaction (PostgreSQL built with LLVM):
 * the import's few large statements are planned as costly, and compiling them takes longer
 * than running them. PGlite has no JIT; the setting is accepted and changes nothing there.
 */
export async function withoutJit(trx: ImportDb): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}

/** Abolished units back in the tree, each with its new state, in one statement. */
export async function reinstateUnits(
  trx: ImportDb,
  rows: readonly Omit<NewUnitRow, 'level' | 'valid_from'>[],
  validFrom: string,
  source: string,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update gazetteer_unit as u
    set parent_code = r.parent_code, type_code = r.type_code, name_km = r.name_km,
      name_latin = r.name_latin, is_urban = r.is_urban, legal_reference = r.legal_reference,
      valid_from = ${validFrom}::date, source = ${source}, valid_to = null, updated_at = now()
    from jsonb_to_recordset(${asRecordset(rows)}) as r (code text, parent_code text, type_code text,
      name_km text, name_latin text, is_urban boolean, legal_reference text)
    where u.code = r.code`.execute(trx);
}

/** Names, parents and types of changed units, one statement; `isUrban` null keeps the stored one. */
export async function updateChangedUnits(
  trx: ImportDb,
  units: readonly {
    code: string;
    nameKm: string;
    nameLatin: string;
    parentCode: string | null;
    typeCode: string;
    isUrban: boolean | null;
  }[],
): Promise<void> {
  if (units.length === 0) return;
  const rows = units.map((unit) => ({
    code: unit.code,
    name_km: unit.nameKm,
    name_latin: unit.nameLatin,
    parent_code: unit.parentCode,
    type_code: unit.typeCode,
    is_urban: unit.isUrban,
  }));
  await sql`
    update gazetteer_unit as u
    set name_km = v.name_km, name_latin = v.name_latin, parent_code = v.parent_code,
      type_code = v.type_code, is_urban = coalesce(v.is_urban, u.is_urban), updated_at = now()
    from jsonb_to_recordset(${asRecordset(rows)}) as v (code text, name_km text, name_latin text,
      parent_code text, type_code text, is_urban boolean)
    where u.code = v.code`.execute(trx);
}

export async function setUrban(trx: ImportDb, codes: readonly string[], isUrban: boolean): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    update gazetteer_unit set is_urban = ${isUrban}, updated_at = now()
    where code = any(${asCodes(codes)})`.execute(trx);
}

/** The units leave the tree on `date`. */
export async function endUnits(trx: ImportDb, codes: readonly string[], date: string): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    update gazetteer_unit set valid_to = ${date}::date, updated_at = now()
    where code = any(${asCodes(codes)})`.execute(trx);
}

/** The open versions of the units that began before `date` end on it. */
export async function closeVersions(trx: ImportDb, codes: readonly string[], date: string): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    update gazetteer_unit_version set valid_to = ${date}::date
    where code = any(${asCodes(codes)}) and valid_to is null
      and (valid_from is null or valid_from < ${date}::date)`.execute(trx);
}

export async function deleteOpenVersions(trx: ImportDb, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    delete from gazetteer_unit_version
    where code = any(${asCodes(codes)}) and valid_to is null`.execute(trx);
}

/** A new open version of each unit, from its current state, beginning on `date` (in the order given). */
export async function insertVersionsFromUnits(
  trx: ImportDb,
  codes: readonly string[],
  date: string,
): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    insert into gazetteer_unit_version
      (code, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, valid_to)
    select u.code, u.parent_code, u.type_code, u.name_km, u.name_latin, u.is_urban, u.legal_reference,
      ${date}::date, null
    from unnest(${asCodes(codes)}) with ordinality as c (code, n)
    join gazetteer_unit u on u.code = c.code
    order by c.n`.execute(trx);
}

/** An event as the import writes it: before/after are the changed attributes (JSON), or null. */
export type EventRow = Omit<
  GazetteerUnitEventTable,
  'id' | 'related_codes' | 'recorded_at' | 'before' | 'after'
> & {
  before: unknown;
  after: unknown;
};

/** The events, in the order given (their ids follow it), in one statement. */
export async function insertEvents(trx: ImportDb, events: readonly EventRow[]): Promise<void> {
  if (events.length === 0) return;
  await sql`
    insert into gazetteer_unit_event
      (unit_code, kind, effective_date, legal_reference, before, after, note, import_id, recorded_by)
    select e.unit_code, e.kind, e.effective_date, e.legal_reference, e.before, e.after, e.note,
      e.import_id, e.recorded_by
    from rows from (jsonb_to_recordset(${asRecordset(events)}) as (unit_code text, kind text,
        effective_date date, legal_reference text, before jsonb, after jsonb, note text,
        import_id bigint, recorded_by bigint)) with ordinality
      as e (unit_code, kind, effective_date, legal_reference, before, after, note, import_id, recorded_by, n)
    order by e.n`.execute(trx);
}
