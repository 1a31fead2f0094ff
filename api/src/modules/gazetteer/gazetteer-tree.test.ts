/**
 * The tree on a real database: the Kep seed, the closure table its triggers keep, and the
 * functions other modules call (`isUnitWithin`, `unitAncestors`, `unitExists`,
 * `subtreeCodesQuery`).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../modules.ts';
import { migrate } from '../../platform/db/migrations.ts';
import { openEmptyTestDb, openTestDb, type TestDb } from '../../test-support/test-db.ts';
import {
  isUnitWithin,
  subtreeCodesQuery,
  unitAncestors,
  unitExists,
  unitsWithAncestors,
} from './gazetteer.service.ts';
import { asGazetteerDb, selectUnits } from './gazetteer.queries.ts';
import type { GazetteerTables } from './gazetteer.tables.ts';
import { treeDate } from './history-dates.ts';

// The reference data's tree is the first import of the NCDD gazetteer of 2024-10-14.
const SOURCE = 'NCDD gazetteer import #1: ncdd-gazetteer-2024-10-14.csv';

let t: TestDb;
let db: Kysely<GazetteerTables>;
beforeAll(async () => {
  // The capital and the provinces, and Kep down to its villages (the reference data cut to it).
  t = await openTestDb({ referenceData: { sampleOf: ['23'] } });
  db = asGazetteerDb(t.kysely);
});
afterAll(async () => t.close());

type Pair = { ancestor_code: string; descendant_code: string; depth: number };

async function closureRows(on: Kysely<GazetteerTables> = db): Promise<Pair[]> {
  return on
    .selectFrom('gazetteer_unit_closure')
    .select(['ancestor_code', 'descendant_code', 'depth'])
    .orderBy('ancestor_code')
    .orderBy('descendant_code')
    .execute();
}

/** The closure computed from scratch from parent_code, to compare the trigger's work with. */
async function expectedClosure(on: Kysely<GazetteerTables> = db): Promise<Pair[]> {
  const units = await on.selectFrom('gazetteer_unit').select(['code', 'parent_code']).execute();
  const parentOf = new Map(units.map((unit) => [unit.code, unit.parent_code]));
  const pairs: Pair[] = [];
  for (const { code } of units) {
    let ancestor: string | null | undefined = code;
    for (let depth = 0; ancestor; depth += 1) {
      pairs.push({ ancestor_code: ancestor, descendant_code: code, depth });
      ancestor = parentOf.get(ancestor);
    }
  }
  return pairs.sort(
    (a, b) =>
      a.ancestor_code.localeCompare(b.ancestor_code) || a.descendant_code.localeCompare(b.descendant_code),
  );
}

describe('the demo seed: Kep down to its villages (NCDD gazetteer, 2024-10-14)', () => {
  it('keeps the capital and the 24 provinces', async () => {
    const provinces = await db.selectFrom('gazetteer_unit').select('code').where('level', '=', 1).execute();
    expect(provinces).toHaveLength(25);
  });

  // Official counts for Kep in both the NCDD 2024-10-14 workbook (sheet "23. Kep") and pumi:
  // 2 districts/municipalities (1 ក្រុង Kaeb, 1 ស្រុក Damnak Chang'aeur), 5 communes/sangkats
  // (2 ឃុំ, 3 សង្កាត់), 18 villages.
  it('has the official number of units of each level and type', async () => {
    const counts = await db
      .selectFrom('gazetteer_unit')
      .select(['level', 'type_code', sql<number>`count(*)::int`.as('units')])
      .where('code', 'in', subtreeCodesQuery(db, ['23']))
      .groupBy(['level', 'type_code'])
      .orderBy('level')
      .orderBy('type_code')
      .execute();
    expect(counts).toEqual([
      { level: 1, type_code: 'province', units: 1 },
      { level: 2, type_code: 'district', units: 1 },
      { level: 2, type_code: 'municipality', units: 1 },
      { level: 3, type_code: 'commune', units: 2 },
      { level: 3, type_code: 'sangkat', units: 3 },
      { level: 4, type_code: 'village', units: 18 },
    ]);
  });

  it('carries the official names, the source, and urban flags that follow the commune', async () => {
    const units = await db
      .selectFrom('gazetteer_unit')
      .select(['code', 'name_km', 'name_latin', 'is_urban', 'source', 'legal_reference'])
      .where('code', 'like', '23%')
      .where('level', '>', 1)
      .orderBy('code')
      .execute();
    expect(units.every((unit) => unit.source === SOURCE)).toBe(true);
    expect(
      units.every((unit) => unit.legal_reference !== null && !unit.legal_reference.includes('\u200b')),
    ).toBe(true);
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    expect(byCode.get('2301')).toMatchObject({ name_km: 'ដំណាក់ចង្អើរ', name_latin: "Damnak Chang'aeur" });
    expect(byCode.get('2302')).toMatchObject({ name_km: 'កែប', name_latin: 'Kaeb', is_urban: true });
    expect(byCode.get('23010307')).toMatchObject({ name_km: 'អន្ទង់ស', name_latin: 'Antung Sar' });
    // Urban: the krong, its sangkats and their villages; rural: the srok, its khum, their villages.
    const urban = units.filter((unit) => unit.is_urban).map((unit) => unit.code);
    expect(urban).toEqual(units.filter((unit) => unit.code.startsWith('2302')).map((unit) => unit.code));
  });

  it('gives every unit a code that starts with its parent code, one level down', async () => {
    const units = await db
      .selectFrom('gazetteer_unit as child')
      .leftJoin('gazetteer_unit as parent', 'parent.code', 'child.parent_code')
      .select(['child.code', 'child.level', 'child.parent_code', 'parent.level as parent_level'])
      .execute();
    expect(units.length).toBe(25 + 25);
    for (const unit of units) {
      expect(unit.code).toHaveLength(unit.level * 2);
      if (unit.level === 1) {
        expect(unit.parent_code, unit.code).toBeNull();
      } else {
        expect(unit.code.startsWith(unit.parent_code ?? '-'), unit.code).toBe(true);
        expect(unit.parent_level, unit.code).toBe(unit.level - 1);
      }
    }
  });
});

describe('the closure table', () => {
  it('holds exactly the pairs of the tree, each unit with itself at depth 0', async () => {
    const rows = await closureRows();
    expect(rows).toEqual(await expectedClosure());
    // 25 provinces x 1 + Kep: 2 x 2 + 5 x 3 + 18 x 4 rows.
    expect(rows).toHaveLength(25 + 4 + 15 + 72);
  });

  it('places village 23010101 within its commune, district and province, nowhere else', async () => {
    for (const scope of ['23010101', '230101', '2301', '23']) {
      expect(await isUnitWithin(db, '23010101', scope), scope).toBe(true);
    }
    for (const scope of ['2302', '230103', '23010102', '01', '12', '99']) {
      expect(await isUnitWithin(db, '23010101', scope), scope).toBe(false);
    }
    expect(await isUnitWithin(db, '23', '23010101')).toBe(false);
    expect(await isUnitWithin(db, '99999999', '23')).toBe(false);
  });

  it('lists ancestors root first, the unit itself last', async () => {
    expect(await unitAncestors(db, '23010101')).toEqual(['23', '2301', '230101', '23010101']);
    expect(await unitAncestors(db, '2302')).toEqual(['23', '2302']);
    expect(await unitAncestors(db, '12')).toEqual(['12']);
    expect(await unitAncestors(db, '23019999')).toEqual([]);
  });

  it('gives several units with their type and ancestors in one call, unknown codes left out', async () => {
    const units = await unitsWithAncestors(db, ['23010101', '2302', '12', '23019999', '2302']);
    expect([...units.keys()].sort()).toEqual(['12', '23010101', '2302']);
    expect(units.get('23010101')).toEqual({
      typeCode: 'village',
      level: 4,
      ancestors: ['23', '2301', '230101', '23010101'],
    });
    expect(units.get('2302')?.ancestors).toEqual(['23', '2302']);
    expect(units.get('12')?.ancestors).toEqual(['12']);
    expect((await unitsWithAncestors(db, [])).size).toBe(0);
  });

  it('knows which units exist', async () => {
    expect(await unitExists(db, '23020302')).toBe(true);
    expect(await unitExists(db, '12')).toBe(true);
    expect(await unitExists(db, '23020303')).toBe(false);
  });

  it('answers subtree queries usable as an `in (...)` subquery', async () => {
    const codesIn = async (scopes: string[]) =>
      (
        await db
          .selectFrom('gazetteer_unit')
          .select('code')
          .where('code', 'in', subtreeCodesQuery(db, scopes))
          .orderBy('code')
          .execute()
      ).map((row) => row.code);
    // Damnak Chang'aeur: itself, 2 communes, 4 + 7 villages.
    expect(await codesIn(['2301'])).toHaveLength(14);
    expect(await codesIn(['230203', '12'])).toEqual(['12', '230203', '23020301', '23020302']);
    expect(await codesIn([])).toEqual([]);
    // Nested scopes name each unit once.
    const nested = await subtreeCodesQuery(db, ['23', '2301', '230101']).execute();
    expect(nested).toHaveLength(26);
    expect(new Set(nested.map((row) => row.descendant_code)).size).toBe(26);
  });

  it('reads subtrees through the closure indexes, never a pattern on a code', async () => {
    // Seq scans switched off so that the plan shows whether an index can serve the query at all
    // (on tables this small the planner would otherwise rightly prefer a scan).
    const plans = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (query: { explain(): Promise<Record<string, unknown>[]> }) =>
        (await query.explain()).map((row) => Object.values(row).join(' ')).join('\n');
      return {
        subtree: await plan(subtreeCodesQuery(trx, ['23'])),
        within: await plan(selectUnits(trx, { within: '2301' }, treeDate(undefined))),
      };
    });
    expect(plans.subtree).toMatch(/gazetteer_unit_closure_pkey/);
    expect(plans.within).toMatch(/gazetteer_unit_closure_pkey/);
    for (const plan of Object.values(plans)) {
      expect(plan).not.toMatch(/~~|like/i);
      expect(plan).not.toMatch(/Seq Scan on gazetteer_unit_closure/);
    }
  });
});

describe('the closure triggers', () => {
  it('links units inserted in one statement whatever the order of its rows', async () => {
    const unit = (code: string, typeCode: string) => ({
      code,
      level: code.length / 2,
      parent_code: code.slice(0, -2),
      type_code: typeCode,
      name_km: 'សាកល្បង',
      name_latin: 'Test',
      is_urban: false,
      source: 'test',
    });
    await db
      .insertInto('gazetteer_unit')
      .values([unit('23019901', 'village'), unit('230199', 'commune')])
      .execute();
    try {
      expect(await unitAncestors(db, '23019901')).toEqual(['23', '2301', '230199', '23019901']);
      expect(await closureRows()).toEqual(await expectedClosure());
    } finally {
      await db.deleteFrom('gazetteer_unit').where('code', '=', '23019901').execute();
      await db.deleteFrom('gazetteer_unit').where('code', '=', '230199').execute();
    }
    // Deleting a leaf takes its closure rows with it.
    expect(await closureRows()).toEqual(await expectedClosure());
    expect(await isUnitWithin(db, '23019901', '23')).toBe(false);
  });

  it('moves a commune and its villages when its parent changes, and back', async () => {
    const before = await closureRows();
    // Codes carry their parent's code (a check on gazetteer_unit), so the one move the schema
    // allows without re-coding is re-attaching a unit to a prefix of its code: Angkaol
    // straight under Kep, then back under Damnak Chang'aeur.
    await db.updateTable('gazetteer_unit').set({ parent_code: '23' }).where('code', '=', '230101').execute();
    expect(await unitAncestors(db, '230101')).toEqual(['23', '230101']);
    expect(await unitAncestors(db, '23010104')).toEqual(['23', '230101', '23010104']);
    expect(await isUnitWithin(db, '23010104', '2301')).toBe(false);
    expect(await isUnitWithin(db, '23010104', '23')).toBe(true);
    expect(await closureRows()).toEqual(await expectedClosure());

    await db
      .updateTable('gazetteer_unit')
      .set({ parent_code: '2301' })
      .where('code', '=', '230101')
      .execute();
    expect(await closureRows()).toEqual(before);
  });

  it('refuses to move a commune to the other district without a new code', async () => {
    await expect(
      db.updateTable('gazetteer_unit').set({ parent_code: '2302' }).where('code', '=', '230101').execute(),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await unitAncestors(db, '230101')).toEqual(['23', '2301', '230101']);
  });

  it('moves a commune to the other district once the code-prefix check is lifted (rolled back)', async () => {
    // Should the schema one day let a unit keep its code across a move, the trigger must
    // already be right: lift the check inside a transaction that is rolled back.
    const rollback = new Error('rollback');
    await expect(
      db.transaction().execute(async (trx) => {
        const check = await sql<{ conname: string }>`
          select conname from pg_constraint
          where conrelid = 'gazetteer_unit'::regclass and contype = 'c'
            and pg_get_constraintdef(oid) like '%length(parent_code)%'`.execute(trx);
        expect(check.rows).toHaveLength(1);
        await sql`alter table gazetteer_unit drop constraint ${sql.id(check.rows[0]!.conname)}`.execute(trx);
        await trx
          .updateTable('gazetteer_unit')
          .set({ parent_code: '2302' })
          .where('code', '=', '230101')
          .execute();
        expect(await unitAncestors(trx, '230101')).toEqual(['23', '2302', '230101']);
        for (const village of ['23010101', '23010102', '23010103', '23010104']) {
          expect(await unitAncestors(trx, village)).toEqual(['23', '2302', '230101', village]);
          expect(await isUnitWithin(trx, village, '2301')).toBe(false);
          expect(await isUnitWithin(trx, village, '2302')).toBe(true);
        }
        const inKaeb = await subtreeCodesQuery(trx, ['2302']).execute();
        expect(inKaeb).toHaveLength(1 + 3 + 7 + 1 + 4);
        expect(await closureRows(trx)).toEqual(await expectedClosure(trx));
        // A unit cannot go under its own descendant, check or no check.
        await expect(
          trx
            .updateTable('gazetteer_unit')
            .set({ parent_code: '23010101' })
            .where('code', '=', '230101')
            .execute(),
        ).rejects.toMatchObject({ code: '23514' });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await unitAncestors(db, '23010101')).toEqual(['23', '2301', '230101', '23010101']);
    expect(await closureRows()).toEqual(await expectedClosure());
  });
});

describe('the closure migration', () => {
  it('fills the closure for units that existed before it', async () => {
    const empty = await openEmptyTestDb();
    try {
      const all = allMigrations();
      const closureIndex = all.findIndex((m) => m.id === 'gazetteer/20261126030000_unit_closure.sql');
      expect(closureIndex).toBeGreaterThan(0);
      await migrate(empty.kysely as never, all.slice(0, closureIndex));
      // Units as a database held them before the closure existed (plain SQL: the demo seed of
      // today also writes tables that come later).
      await sql`
        insert into gazetteer_unit (code, level, parent_code, type_code, name_km, name_latin, source) values
          ('01', 1, null, 'province', 'បន្ទាយមានជ័យ', 'Banteay Meanchey', 'test'),
          ('02', 1, null, 'province', 'បាត់ដំបង', 'Battambang', 'test'),
          ('0102', 2, '01', 'district', 'មង្គលបូរី', 'Mongkol Borei', 'test'),
          ('010201', 3, '0102', 'commune', 'បន្ទាយនាង', 'Banteay Neang', 'test'),
          ('01020101', 4, '010201', 'village', 'អូរថ្ម', 'Ou Thma', 'test')`.execute(empty.kysely);
      await migrate(empty.kysely as never, all);
      const onEmpty = asGazetteerDb(empty.kysely);
      expect(await closureRows(onEmpty)).toEqual(await expectedClosure(onEmpty));
      expect(await closureRows(onEmpty)).toHaveLength(1 + 1 + 2 + 3 + 4);
    } finally {
      await empty.close();
    }
  });
});
