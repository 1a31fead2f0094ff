/** The demo seed's SQL: units written once (existing codes kept) and their first history. */
import { sql } from 'kysely';
import type { GazetteerDb } from './gazetteer.queries.ts';
import type { GazetteerUnitTable } from './gazetteer.tables.ts';
import type { Insertable } from 'kysely';

/** Inserts the units, leaving a unit whose code already exists as it is. */
export async function insertUnitsIfAbsent(
  db: GazetteerDb,
  rows: readonly Insertable<GazetteerUnitTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('gazetteer_unit')
    .values([...rows])
    .onConflict((conflict) => conflict.column('code').doNothing())
    .execute();
}

/**
 * Each unit's first version and its 'created' event, so that every unit has a history on a
 * fresh database (the history migration did the same for units seeded before it, and on a
 * fresh database it runs before this seed, on an empty tree). Only units without a version or
 * without a 'created' event get one, so a unit seeded earlier is not given a second history.
 * The valid_from is null: these units exist since before our records. On a database whose
 * migrations stop before the history tables (a seed run between migrations, as in the tests
 * of older migrations), there is nothing to write: the history migration backfills later.
 */
export async function writeFirstHistory(db: GazetteerDb): Promise<void> {
  const history = await sql<{ found: boolean }>`
    select to_regclass('gazetteer_unit_event') is not null as found`.execute(db);
  if (history.rows[0]?.found !== true) return;
  await sql`
    insert into gazetteer_unit_version
      (code, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, valid_to)
    select u.code, u.parent_code, u.type_code, u.name_km, u.name_latin, u.is_urban, u.legal_reference,
      u.valid_from, u.valid_to
    from gazetteer_unit u
    where not exists (select 1 from gazetteer_unit_version v where v.code = u.code)`.execute(db);
  await sql`
    insert into gazetteer_unit_event (unit_code, kind, effective_date, legal_reference, after)
    select u.code, 'created', u.valid_from, u.legal_reference,
      jsonb_build_object('parentCode', u.parent_code, 'typeCode', u.type_code, 'nameKm', u.name_km,
        'nameLatin', u.name_latin, 'isUrban', u.is_urban)
    from gazetteer_unit u
    where not exists (select 1 from gazetteer_unit_event e where e.unit_code = u.code and e.kind = 'created')`.execute(
    db,
  );
}
