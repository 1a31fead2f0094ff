/**
 * Type-ahead search over the whole country: the p95 latency of GET /api/gazetteer/search with
 * 1 to 4 typed characters (Khmer, romanised, codes) against the p95 of GET /api/health on the
 * same server, requests sent one at a time, alternately. Target: search p95 < 15 ms.
 *
 * The tree is the real one, full size: the demo seed's provinces, then the 16,432 districts,
 * communes and villages of the NCDD flat CSV (read in place from /work/shared/data, never
 * copied), then the search index. Run on PostgreSQL (a fresh database, dropped afterwards) and
 * on an in-memory PGlite.
 *
 * This file is also the server it measures (SEARCH_BENCH_SERVE=1): an in-memory PGlite lives
 * in one process, so the process that loads the tree must be the one that answers, and the
 * measuring client runs in another (this one) so that it does not share the server's event
 * loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { repoRoot } from '../api/src/config.ts';
import type { Database } from '../api/src/modules.ts';
import { refreshSearchIndex } from '../api/src/modules/gazetteer/search/search-index.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import type { Db } from '../api/src/platform/db/create-db.ts';
import { result, startServer, type BenchResult, createBenchDatabase, dropBenchDatabase } from './harness.ts';
import { benchDb, serveForBench } from './servers/app.ts';

const NCDD_CSV =
  process.env.NCDD_FLAT_CSV ??
  path.resolve(repoRoot, '../shared/data/gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv');
const TARGET_P95_MS = 15;
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 600);
const WARM_UP = 100;

// ---------------------------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------------------------

interface CsvUnit {
  code: string;
  parentCode: string;
  typeCode: string;
  nameKm: string;
  nameLatin: string;
}

/** RFC 4180 without surprises: quoted fields, "" for a quote, LF or CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field.replace(/\r$/, ''));
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field.length > 0 || record.length > 0) records.push([...record, field]);
  return records;
}

function readNcddUnits(): CsvUnit[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(NCDD_CSV, 'utf8'));
  if (!header) throw new Error(`${NCDD_CSV} is empty`);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${NCDD_CSV} has no column ${name}`);
    return index;
  };
  const [code, parent, type, km, latin] = [
    column('code_padded'),
    column('parent_code_padded'),
    column('unit_type'),
    column('name_km'),
    column('name_latin'),
  ];
  return rows
    .filter((row) => row.length === header.length)
    .map((row) => ({
      code: row[code] ?? '',
      parentCode: row[parent] ?? '',
      typeCode: row[type] ?? '',
      nameKm: row[km] ?? '',
      nameLatin: row[latin] ?? '',
    }));
}

const URBAN_TYPES = new Set(['municipality', 'khan', 'sangkat']);

/** Inserts the NCDD units below the demo provinces, parents first (the closure trigger walks up). */
async function loadTree(db: Db<Database>): Promise<number> {
  const units = readNcddUnits();
  const urban = new Map<string, boolean>();
  let inserted = 0;
  for (const level of [2, 3, 4]) {
    const rows = units
      .filter((unit) => unit.code.length === level * 2)
      .map((unit) => {
        const isUrban =
          unit.typeCode === 'village' ? urban.get(unit.parentCode) === true : URBAN_TYPES.has(unit.typeCode);
        urban.set(unit.code, isUrban);
        return {
          code: unit.code,
          level,
          parent_code: unit.parentCode,
          type_code: unit.typeCode,
          name_km: unit.nameKm,
          name_latin: unit.nameLatin,
          is_urban: isUrban,
          source: 'NCDD gazetteer 2024-10-14 (benchmark)',
        };
      });
    for (let start = 0; start < rows.length; start += 500) {
      const result = await db.kysely
        .insertInto('gazetteer_unit')
        .values(rows.slice(start, start + 500))
        // The demo seed's Kep is already there.
        .onConflict((conflict) => conflict.column('code').doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      // The closure trigger's recursive query is planned once per session: with the statistics
      // of a 25-row table it scans the whole table at every step, and the load takes minutes.
      await sql`analyze gazetteer_unit`.execute(db.kysely);
    }
  }
  return inserted;
}

async function serve(): Promise<void> {
  const db = await benchDb();
  await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
  const started = performance.now();
  const inserted = await loadTree(db);
  const loaded = performance.now();
  const indexed = await refreshSearchIndex(db.kysely);
  const done = performance.now();
  console.error(
    `  [${db.kind}] ${inserted} NCDD units loaded in ${Math.round(loaded - started)} ms; ` +
      `${indexed} units indexed in ${Math.round(done - loaded)} ms`,
  );
  // Planner statistics for the freshly loaded tables, as autovacuum would gather them.
  await sql`analyze`.execute(db.kysely);
  await serveForBench(db);
}

// ---------------------------------------------------------------------------------------------
// The measurement
// ---------------------------------------------------------------------------------------------

/** A small deterministic generator, so that every run sends the same queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * What people type into a type-ahead box: the first 1 to 4 characters of real names, as
 * stored (Khmer: code points, so a syllable may be cut after its coeng), romanised ones in
 * random case, and now and then a code.
 */
function typeAheadQueries(count: number): string[] {
  const units = readNcddUnits();
  const next = random(2024_10_14);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const queries: string[] = [];
  while (queries.length < count) {
    const unit = pick(units);
    const length = 1 + Math.floor(next() * 4);
    const kind = next();
    if (kind < 0.5) queries.push([...unit.nameKm.replaceAll('\u200b', '')].slice(0, length).join(''));
    else if (kind < 0.9) {
      const latin = unit.nameLatin.trim().slice(0, length);
      queries.push(next() < 0.5 ? latin.toLowerCase() : latin);
    } else queries.push(unit.code.slice(0, length));
  }
  return queries.filter((query) => query.trim().length > 0);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return elapsed;
}

interface Latencies {
  search: number[];
  health: number[];
  itemsPerAnswer: number;
}

async function measure(databaseUrl: string | undefined, queries: string[]): Promise<Latencies> {
  const server = await startServer('bench/gazetteer-search.bench.ts', {
    DATABASE_URL: databaseUrl ?? '',
    SEARCH_BENCH_SERVE: '1',
  });
  try {
    const base = `http://127.0.0.1:${server.port}/api`;
    const searchUrl = (q: string) => `${base}/gazetteer/search?q=${encodeURIComponent(q)}`;
    // Warm-up (JIT, connections, plans, caches), not counted.
    for (const q of queries.slice(0, WARM_UP)) {
      await timed(searchUrl(q));
      await timed(`${base}/health`);
    }
    const latencies: Latencies = { search: [], health: [], itemsPerAnswer: 0 };
    let items = 0;
    for (const q of queries) {
      latencies.search.push(await timed(searchUrl(q)));
      latencies.health.push(await timed(`${base}/health`));
    }
    // The size of the answers, outside the timed loop: a fast search that finds nothing is no result.
    for (const q of queries.slice(0, 50)) {
      const body = (await (await fetch(searchUrl(q))).json()) as { items: unknown[] };
      items += body.items.length;
    }
    latencies.itemsPerAnswer = items / Math.min(50, queries.length);
    return latencies;
  } finally {
    await server.stop();
  }
}

function report(name: string, run: Latencies): BenchResult {
  const p95 = percentile(run.search, 0.95);
  console.log(
    `  ${name}: search p50 ${percentile(run.search, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ` +
      `max ${Math.max(...run.search).toFixed(2)} ms; health p50 ${percentile(run.health, 0.5).toFixed(2)} ms; ` +
      `${run.itemsPerAnswer.toFixed(1)} items per answer`,
  );
  return result({
    name: `type-ahead search p95, ${name}`,
    unit: 'ms',
    figure: p95,
    baselineName: 'GET /api/health p95, same server',
    baseline: percentile(run.health, 0.95),
    target: { text: `p95 < ${TARGET_P95_MS} ms`, met: p95 < TARGET_P95_MS },
  });
}

export async function run(): Promise<BenchResult[]> {
  const queries = typeAheadQueries(QUERIES);
  const results: BenchResult[] = [];
  const url = await createBenchDatabase('sndd_bench_search');
  if (url) {
    try {
      results.push(report('PostgreSQL', await measure(url, queries)));
    } finally {
      await dropBenchDatabase(url);
    }
  } else {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL search benchmark');
  }
  results.push(report('PGlite', await measure(undefined, queries)));
  return results;
}

if (process.env.SEARCH_BENCH_SERVE === '1') await serve();
