import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import { normaliseKhmer, normaliseLatin } from './normalise.ts';
import { modules } from '../../../modules.ts';
import type { ModuleContext } from '../../../platform/context.ts';
import { wireModules } from '../../../platform/wiring.ts';
import {
  asSearchDb,
  namesHash,
  refreshSearchIndex,
  searchParts,
  syncSearchIndex,
  type GazetteerSearchTables,
} from './search-index.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const searchDb = () => asSearchDb(db.kysely);

async function sync(): Promise<string[]> {
  const lines: string[] = [];
  const wired = wireModules(db.kysely, modules, { log: (line) => lines.push(line) });
  await syncSearchIndex(wired.contextOf('gazetteer') as ModuleContext<GazetteerSearchTables>);
  return lines;
}

async function keysOf(code: string) {
  return searchDb()
    .selectFrom('gazetteer_unit_search')
    .select(['key_km', 'key_latin', 'names_hash'])
    .where('code', '=', code)
    .executeTakeFirst();
}

async function partsOf(code: string): Promise<string[]> {
  const rows = await searchDb()
    .selectFrom('gazetteer_unit_search_part')
    .select('part')
    .where('code', '=', code)
    .orderBy('script')
    .orderBy('part')
    .execute();
  return rows.map((row) => row.part);
}

describe('searchParts', () => {
  it('starts a part at every Khmer syllable after the first', () => {
    expect(searchParts(normaliseKhmer('ដំណាក់ចង្អើរ'), '').km).toEqual([
      'ណាក់ចង្អើរ',
      'ក់ចង្អើរ',
      'ចង្អើរ',
      'ង្អើរ',
      'រ',
    ]);
    // A subscript does not start a syllable.
    expect(searchParts(normaliseKhmer('ព្រៃធំ'), '').km).toEqual(['ធំ']);
  });

  it('starts a part at every romanised word after the first (folded: ae -> e, doubled letters once)', () => {
    expect(searchParts('', 'Prey Ta Koy').latin).toEqual(['takoy', 'koy']);
    expect(searchParts('', "Damnak Chang'aeur").latin).toEqual(['changeur']);
    expect(searchParts('', 'Phum Kompong Chhnang').latin).toEqual(['kampongchnang', 'chnang']);
    expect(searchParts('', 'Angk  Romeas - Thmei').latin).toEqual(['romeasthmei', 'thmei']);
    expect(searchParts('', 'Kampot').latin).toEqual([]);
  });
});

describe('the search index', () => {
  it('gets keys for every unit from the start-up sync, then has nothing to do', async () => {
    // The demo seed already filled the index; start again from an empty one.
    await sql`delete from gazetteer_unit_search`.execute(db.kysely);
    const units = await db.kysely
      .selectFrom('gazetteer_unit')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(await sync()).toEqual([`gazetteer: search keys computed for ${units.n} units`]);
    // The hash computed in TypeScript on writing agrees with the one computed in SQL on reading.
    expect(await sync()).toEqual([]);
    // Found current for this revision of the tree: the next start compares one row, no scan.
    const marker = await sql<{ tree_revision: string; revision: string }>`
      select s.tree_revision::text, r.revision::text
      from gazetteer_unit_search_sync s, gazetteer_tree_revision r`.execute(db.kysely);
    expect(marker.rows).toHaveLength(1);
    expect(marker.rows[0]!.tree_revision).toBe(marker.rows[0]!.revision);
    // Keys removed by hand forget it: the next sync looks again.
    await sql`delete from gazetteer_unit_search where code = '2301'`.execute(db.kysely);
    expect(await sync()).toEqual(['gazetteer: search keys computed for 1 units']);
    expect(await sync()).toEqual([]);
    expect(await keysOf('2301')).toEqual({
      key_km: normaliseKhmer('ដំណាក់ចង្អើរ'),
      key_latin: 'damnakchangaeur',
      names_hash: namesHash('ដំណាក់ចង្អើរ', "Damnak Chang'aeur"),
    });
  });

  it('recomputes, at the next sync, only the units whose names changed', async () => {
    await db.kysely
      .updateTable('gazetteer_unit')
      .set({ name_km: 'ថ្មី\u200bទី២', name_latin: 'Thmei Ti Pir' })
      .where('code', '=', '23020203')
      .execute();
    expect(await sync()).toEqual(['gazetteer: search keys computed for 1 units']);
    expect(await keysOf('23020203')).toMatchObject({ key_km: 'ថ្មីទី2', key_latin: 'thmeitipir' });
    expect(await partsOf('23020203')).toEqual(['ទី2', 'pir', 'tipir']);
    expect(await sync()).toEqual([]);
  });

  it('refreshes the units it is given, in a transaction, and ignores unknown codes', async () => {
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('gazetteer_unit')
        .set({ name_latin: 'Thmei' })
        .where('code', '=', '23020203')
        .execute();
      expect(await refreshSearchIndex(trx, ['23020203', '23020203', '99999999'])).toBe(1);
    });
    expect(await keysOf('23020203')).toMatchObject({ key_latin: normaliseLatin('Thmei') });
    // The parts of the old name went with it.
    expect(await partsOf('23020203')).toEqual(['ទី2']);
    expect(await refreshSearchIndex(db.kysely, [])).toBe(0);
  });

  it('loses the keys of a deleted unit with it', async () => {
    await db.kysely
      .insertInto('gazetteer_unit')
      .values({
        code: '23020204',
        level: 4,
        parent_code: '230202',
        type_code: 'village',
        name_km: 'សាកល្បង',
        name_latin: 'Saklbang',
        is_urban: false,
        source: 'test',
      })
      .execute();
    expect(await refreshSearchIndex(db.kysely, ['23020204'])).toBe(1);
    await db.kysely.deleteFrom('gazetteer_unit_closure').where('descendant_code', '=', '23020204').execute();
    await db.kysely.deleteFrom('gazetteer_unit').where('code', '=', '23020204').execute();
    expect(await keysOf('23020204')).toBeUndefined();
  });
});
