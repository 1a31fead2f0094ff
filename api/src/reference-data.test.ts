/**
 * The first start loads the country from reference-data/, and any order of start, import and
 * demo works: the whole country once (PGlite, or PostgreSQL when DATABASE_URL is set), then a
 * later start that loads nothing; the sample for the orders (DEMO_DATA=false then true; an
 * import before the first start; a demo seed that cannot apply skips itself and leaves nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDatabase, REFERENCE_DATA_DIR } from './modules.ts';
import { CLI_ACTOR, GAZETTEER_FILE, runImport } from './modules/gazetteer/index.ts';
import { openEmptyTestDb, type TestDb } from './test-support/test-db.ts';

let db: TestDb | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db!.kysely)).rows[0]?.n ?? 0);
}
const units = () =>
  count(sql<{ n: number }>`select count(*)::int as n from gazetteer_unit where valid_to is null`);
const treeImports = () =>
  count(sql<{ n: number }>`select count(*)::int as n from gazetteer_import where kind = 'gazetteer'`);
const figures = () => count(sql<{ n: number }>`select count(*)::int as n from transfers_indicator_value`);
const users = () => count(sql<{ n: number }>`select count(*)::int as n from access_user`);

function prepare(options: Parameters<typeof prepareDatabase>[1]) {
  const lines: string[] = [];
  return prepareDatabase(db!.kysely as never, { ...options, log: (line) => lines.push(line) }).then(
    (outcome) => ({ ...outcome, lines: lines.filter((line) => !line.startsWith('applied migration')) }),
  );
}

describe('the first start', () => {
  it('loads the whole country (tree, outlines of three levels, commune figures) once', async () => {
    db = await openEmptyTestDb();
    const first = await prepare({ demoData: false, referenceData: 'country' });
    expect(await units()).toBe(16_457);
    expect(first.lines).toContainEqual(
      expect.stringMatching(/^reference data: 16,457 units of the 2024-10-14 gazetteer loaded in [\d.]+ s/),
    );
    // An import with its history, like `npm run import`.
    expect(await treeImports()).toBe(1);
    const versions = await count(sql<{ n: number }>`select count(*)::int as n from gazetteer_unit_version`);
    expect(versions).toBeGreaterThanOrEqual(16_457);
    const outlines = await sql<{ level: number; n: number }>`
      select level, count(*)::int as n from gazetteer_unit_boundary group by level order by level`.execute(
      db.kysely,
    );
    expect(outlines.rows.map((row) => Number(row.level))).toEqual([1, 2, 3]);
    expect(outlines.rows[0]!.n).toBe(25);
    expect(outlines.rows[2]!.n).toBeGreaterThan(1_500);
    const population = await count(sql<{ n: number }>`
      select count(*)::int as n from transfers_indicator_value where indicator = 'population' and fiscal_year = 2011`);
    expect(population).toBeGreaterThan(1_400);
    // No example: DEMO_DATA=false.
    expect(await users()).toBe(0);
    const figuresLoaded = await figures();

    const later = await prepare({ demoData: false, referenceData: 'country' });
    expect(later.lines).toContainEqual(expect.stringContaining('the tree is already there'));
    expect(later.lines.some((line) => line.includes('loaded in'))).toBe(false);
    expect(await treeImports()).toBe(1);
    expect(await units()).toBe(16_457);
    expect(await figures()).toBe(figuresLoaded);
  }, 600_000);
});

describe('any order works', () => {
  it('DEMO_DATA=false, then true: the reference data stays, the examples come', async () => {
    db = await openEmptyTestDb();
    const bare = await prepare({ demoData: false, referenceData: 'sample' });
    expect(bare.seeded).toEqual([]);
    expect(await users()).toBe(0);
    const loaded = await units();
    expect(loaded).toBeGreaterThan(100);

    const demo = await prepare({ demoData: true, referenceData: 'sample' });
    expect(demo.skipped).toEqual([]);
    expect(demo.seeded).toEqual([
      'access',
      'councils',
      'services',
      'budgets',
      'transfers',
      'plans',
      'hr',
      'results',
    ]);
    expect(await units()).toBe(loaded);
    expect(await treeImports()).toBe(1);
    // The demo accounts sit in Kep, Phnom Penh and Preah Vihear.
    const places = await sql<{ unit_code: string }>`
      select distinct unit_code from access_assignment where unit_code is not null order by unit_code`.execute(
      db.kysely,
    );
    expect(places.rows.map((row) => row.unit_code.slice(0, 2))).toEqual(
      expect.arrayContaining(['12', '13', '23']),
    );
  }, 300_000);

  it('an import before the first start is kept; a demo seed whose places are missing skips itself and leaves nothing', async () => {
    db = await openEmptyTestDb();
    // What `npm run import` does on an empty folder: migrations, no reference data, no demo.
    await prepare({ demoData: false, referenceData: 'none' });
    const kepOnly = gunzipSync(readFileSync(path.join(REFERENCE_DATA_DIR, GAZETTEER_FILE)))
      .toString('utf8')
      .split('\n')
      .filter((line, index) => index === 0 || line.split(',')[1]?.startsWith('23'))
      .join('\n');
    const imported = await runImport(db.kysely, {
      files: [{ name: 'kep.csv', data: Buffer.from(kepOnly) }],
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor: CLI_ACTOR('test'),
    });
    expect(imported.applied).toBe(true);
    const kep = await units();

    const start = await prepare({ demoData: true, referenceData: 'sample' });
    // The imported tree is left as it is.
    expect(await units()).toBe(kep);
    expect(await treeImports()).toBe(1);
    expect(start.lines).toContainEqual(expect.stringContaining('the tree is already there'));
    // The accounts' places (Phnom Penh, Preah Vihear) are not in this tree: one line, no account.
    expect(start.skipped).toContain('access');
    const skippedLines = start.lines.filter((line) => line.includes('module access'));
    expect(skippedLines).toHaveLength(1);
    expect(skippedLines[0]).toMatch(/^demo data of module access skipped: the tree lacks unit\(s\) .*1201/);
    expect(skippedLines[0]!.length).toBeLessThan(400);
    expect(await users()).toBe(0);
    const seeds = await count(
      sql<{ n: number }>`select count(*)::int as n from platform_seed where module = 'access'`,
    );
    expect(seeds).toBe(0);

    // Once the places are there (a later import of the country), the next start loads it.
    const again = await prepare({ demoData: true, referenceData: 'sample' });
    expect(again.skipped).toContain('access');
  }, 300_000);
});
