/**
 * Kysely functions of the gazetteer import: reads of the tree and of the log of imports, and the
 * batched writes of a change set (apply.ts decides what to write): (db, args) -> rows, no rules.
 */
import { sql, type Insertable } from 'kysely';
import type { GazetteerUnitTable, GazetteerUnitVersionTable } from '../gazetteer.tables.ts';
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

export async function insertUnits(trx: ImportDb, rows: Insertable<GazetteerUnitTable>[]): Promise<void> {
  await trx.insertInto('gazetteer_unit').values(rows).execute();
}

export async function insertVersions(
  trx: ImportDb,
  rows: Insertable<GazetteerUnitVersionTable>[],
): Promise<void> {
  await trx.insertInto('gazetteer_unit_version').values(rows).execute();
}

/**
 * Fresh statistics of gazetteer_unit: the closure trigger's cached plan (and the foreign-key
 * checks') then use the indexes rather than scanning the table for every row.
 */
export async function analyzeUnits(trx: ImportDb): Promise<void> {
  await sql`analyze gazetteer_unit`.execute(trx);
}

/** An abolished unit back in the tree, with its new state. */
export async function reinstateUnit(
  trx: ImportDb,
  code: string,
  state: {
    parent_code: string | null;
    type_code: string;
    name_km: string;
    name_latin: string;
    is_urban: boolean;
    legal_reference: string | null;
    valid_from: string;
    source: string;
  },
): Promise<void> {
  await trx
    .updateTable('gazetteer_unit')
    .set({ ...state, valid_to: null, updated_at: sql`now()` })
    .where('code', '=', code)
    .execute();
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
  const values = units.map(
    (unit) =>
      sql`(${unit.code}::text, ${unit.nameKm}::text, ${unit.nameLatin}::text, ${unit.parentCode}::text, ${unit.typeCode}::text, ${unit.isUrban}::boolean)`,
  );
  await sql`
    update gazetteer_unit as u
    set name_km = v.name_km, name_latin = v.name_latin, parent_code = v.parent_code,
      type_code = v.type_code, is_urban = coalesce(v.is_urban, u.is_urban), updated_at = now()
    from (values ${sql.join(values)}) as v (code, name_km, name_latin, parent_code, type_code, is_urban)
    where u.code = v.code`.execute(trx);
}

export async function setUrban(trx: ImportDb, codes: readonly string[], isUrban: boolean): Promise<void> {
  await trx
    .updateTable('gazetteer_unit')
    .set({ is_urban: isUrban, updated_at: sql`now()` })
    .where('code', 'in', [...codes])
    .execute();
}

/** The units leave the tree on `date`. */
export async function endUnits(trx: ImportDb, codes: readonly string[], date: string): Promise<void> {
  await trx
    .updateTable('gazetteer_unit')
    .set({ valid_to: date, updated_at: sql`now()` })
    .where('code', 'in', [...codes])
    .execute();
}

/** The open versions of the units that began before `date` end on it. */
export async function closeVersions(trx: ImportDb, codes: readonly string[], date: string): Promise<void> {
  await trx
    .updateTable('gazetteer_unit_version')
    .set({ valid_to: date })
    .where('code', 'in', [...codes])
    .where('valid_to', 'is', null)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<', date)]))
    .execute();
}

export async function deleteOpenVersions(trx: ImportDb, codes: readonly string[]): Promise<void> {
  await trx
    .deleteFrom('gazetteer_unit_version')
    .where('code', 'in', [...codes])
    .where('valid_to', 'is', null)
    .execute();
}

/** A new open version of each unit, from its current state, beginning on `date`. */
export async function insertVersionsFromUnits(
  trx: ImportDb,
  codes: readonly string[],
  date: string,
): Promise<void> {
  const batch = [...codes];
  const changeDate = date;
  await trx
    .insertInto('gazetteer_unit_version')
    .columns([
      'code',
      'parent_code',
      'type_code',
      'name_km',
      'name_latin',
      'is_urban',
      'legal_reference',
      'valid_from',
      'valid_to',
    ])
    .expression((eb) =>
      eb
        .selectFrom('gazetteer_unit')
        .select([
          'code',
          'parent_code',
          'type_code',
          'name_km',
          'name_latin',
          'is_urban',
          'legal_reference',
          sql<string>`${changeDate}::date`.as('valid_from'),
          sql<null>`null::date`.as('valid_to'),
        ])
        .where('code', 'in', batch),
    )
    .execute();
}

export async function insertEvents(
  trx: ImportDb,
  events: readonly (Omit<
    GazetteerUnitEventTable,
    'id' | 'related_codes' | 'recorded_at' | 'before' | 'after'
  > & {
    before: string | null;
    after: string | null;
  })[],
): Promise<void> {
  await trx
    .insertInto('gazetteer_unit_event')
    .values([...events])
    .execute();
}
