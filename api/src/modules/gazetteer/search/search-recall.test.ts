/**
 * Search in every spelling (#12 item 7), over the real tree: the whole country (16,457 units)
 * loaded from reference-data/, its search index computed, and a sample of units of each kind
 * searched by their UNGEGN romanisation (with and without diacritics), by their official name
 * typed in variant spellings, and with a small typo. The recall is printed per kind; the test
 * holds the romanisation variants to recall@5 >= 0.95.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import {
  formatRecall,
  KINDS,
  loadCountry,
  measureRecall,
  readCountry,
  recallQueries,
  summarise,
  type RecallRow,
} from './recall.ts';
import { refreshSearchIndex } from './search-index.ts';
import { searchUnits } from './search.service.ts';

// 30 units of each kind (the 25 provinces), 3 or 4 queries each: about 400 searches.
const PER_KIND = 30;

let t: TestDb;
let rows: RecallRow[];

beforeAll(async () => {
  t = await openTestDb({ demoData: false });
  // An empty tree (no reference data in this database): the whole country goes in here.
  await t.kysely.deleteFrom('gazetteer_unit_search').execute();
  const units = readCountry(path.join(repoRoot, 'reference-data'));
  const present = await t.kysely.selectFrom('gazetteer_unit').select('code').execute();
  const have = new Set(present.map((row) => row.code));
  await loadCountry(
    t.kysely,
    units.filter((unit) => !have.has(unit.code)),
  );
  await refreshSearchIndex(t.kysely);
  const ctx = { db: t.kysely } as unknown as GazetteerContext;
  rows = await measureRecall(recallQueries(units, PER_KIND), async (q) => {
    const answer = await searchUnits(ctx, { q, limit: 5 });
    return answer.items;
  });
  console.log(`search recall over the whole country (${units.length} units):\n${formatRecall(rows)}`);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('search recall over the whole country', () => {
  it('finds units by their UNGEGN romanisation, with or without diacritics: recall@5 >= 0.95', () => {
    const romanisations = rows.filter((row) => row.variant === 'ungegn' || row.variant === 'ungegn-plain');
    // Two romanisations of each unit drawn: 25 provinces and 30 of each other kind.
    expect(summarise(romanisations).queries).toBe(2 * (25 + 3 * PER_KIND));
    expect(summarise(romanisations).at5).toBeGreaterThanOrEqual(0.95);
    // Every kind, not only the many villages.
    for (const kind of KINDS) {
      expect(summarise(romanisations.filter((row) => row.kind === kind)).at5).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('finds units by the official name typed in variant spellings and with a small typo', () => {
    const typed = rows.filter((row) => row.variant === 'typed-variant');
    expect(summarise(typed).at5).toBeGreaterThanOrEqual(0.9);
    // The fuzzy fallback: a typo still finds most units among the first five.
    const typos = rows.filter((row) => row.variant === 'typo');
    expect(summarise(typos).at5).toBeGreaterThanOrEqual(0.6);
  });

  it('ranks a province above a district, commune or village of the same name', async () => {
    const ctx = { db: t.kysely } as unknown as GazetteerContext;
    // Kampong Cham is a province (03) and a district, communes and villages; Kep too.
    for (const q of ['Kampong Cham', 'Kompong Cham', 'Kâmpóngcham', 'Kep']) {
      const { items } = await searchUnits(ctx, { q, limit: 5 });
      expect(items[0]?.level).toBe(1);
    }
  });
});
