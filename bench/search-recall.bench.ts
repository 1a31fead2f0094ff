/**
 * Search in every spelling (#12 item 7) over the whole country: recall@1 and recall@5 per kind
 * of unit on the test set built from the official tree (search/recall.ts: the UNGEGN
 * romanisation with and without diacritics, the official name in variant spellings, a small
 * typo), and the p95 latency of those searches at the API (GET /api/gazetteer/search, plus
 * type-ahead prefixes of the romanisations) against the p95 of GET /api/health on the same
 * server, requests sent one at a time, alternately. Targets: recall@5 >= 0.95 on the
 * romanisations; search p95 < 15 ms. On PostgreSQL (a fresh database, dropped afterwards) and
 * on an in-memory PGlite.
 *
 * The tree is reference-data/'s (16,457 units). This file is also the server it measures
 * (SEARCH_RECALL_SERVE=1), as in gazetteer-search.bench.ts: an in-memory PGlite lives in one
 * process, and the measuring client runs in another.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { repoRoot } from '../api/src/config.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import {
  formatRecall,
  loadCountry,
  measureRecall,
  readCountry,
  recallQueries,
  seeded,
  summarise,
  type Answer,
  type RecallQuery,
} from '../api/src/modules/gazetteer/search/recall.ts';
import { romaniseKhmer } from '../api/src/modules/gazetteer/search/romanise.ts';
import { refreshSearchIndex } from '../api/src/modules/gazetteer/search/search-index.ts';
import {
  createBenchDatabase,
  dropBenchDatabase,
  percentile,
  result,
  startServer,
  type BenchResult,
} from './harness.ts';
import { benchDb, serveForBench } from './servers/app.ts';

const REFERENCE_DIR = path.join(repoRoot, 'reference-data');
const PER_KIND = Number(process.env.BENCH_RECALL_PER_KIND ?? 150);
const TYPE_AHEAD = Number(process.env.BENCH_RECALL_TYPE_AHEAD ?? 300);
const TARGET_P95_MS = 15;
const TARGET_RECALL_AT_5 = 0.95;
const WARM_UP = 100;

async function serve(): Promise<void> {
  const db = await benchDb();
  // No reference data nor demo: this benchmark loads the tree itself (the same file).
  const options = { demoData: false, referenceData: 'none' };
  await prepareDatabase(db.kysely as never, options as Parameters<typeof prepareDatabase>[1]);
  const started = performance.now();
  const present = new Set(
    (await db.kysely.selectFrom('gazetteer_unit').select('code').execute()).map((row) => row.code),
  );
  await loadCountry(
    db.kysely,
    readCountry(REFERENCE_DIR).filter((unit) => !present.has(unit.code)),
  );
  const loaded = performance.now();
  const indexed = await refreshSearchIndex(db.kysely);
  const done = performance.now();
  console.error(
    `  [${db.kind}] tree loaded in ${Math.round(loaded - started)} ms; ` +
      `${indexed} units indexed (keys, romanisations, trigrams) in ${Math.round(done - loaded)} ms`,
  );
  await sql`analyze`.execute(db.kysely);
  await serveForBench(db);
}

/** Type-ahead in the UNGEGN spelling: the first 3 to 8 letters of romanisations, no diacritics. */
function typeAhead(queries: readonly RecallQuery[], count: number): string[] {
  const next = seeded(7);
  const out: string[] = [];
  const sources = queries.filter((query) => query.variant === 'ungegn');
  while (out.length < count && sources.length > 0) {
    const source = sources[Math.floor(next() * sources.length)];
    const text = romaniseKhmer(source?.target.nameKm ?? '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '');
    out.push(text.slice(0, 3 + Math.floor(next() * 6)));
  }
  return out.filter((query) => query.trim().length > 0);
}

interface Run {
  recall: Awaited<ReturnType<typeof measureRecall>>;
  search: number[];
  health: number[];
}

async function measure(
  databaseUrl: string | undefined,
  queries: RecallQuery[],
  prefixes: string[],
): Promise<Run> {
  const server = await startServer('bench/search-recall.bench.ts', {
    DATABASE_URL: databaseUrl ?? '',
    SEARCH_RECALL_SERVE: '1',
  });
  try {
    const base = `http://127.0.0.1:${server.port}/api`;
    const searchUrl = (q: string) => `${base}/gazetteer/search?q=${encodeURIComponent(q)}&limit=5`;
    const timed = async (url: string): Promise<{ ms: number; body: unknown }> => {
      const started = performance.now();
      const response = await fetch(url);
      const body: unknown = await response.json();
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      return { ms, body };
    };
    for (const query of queries.slice(0, WARM_UP)) {
      await timed(searchUrl(query.q));
      await timed(`${base}/health`);
    }
    const run: Run = { recall: [], search: [], health: [] };
    run.recall = await measureRecall(queries, async (q) => {
      const { ms, body } = await timed(searchUrl(q));
      run.search.push(ms);
      run.health.push((await timed(`${base}/health`)).ms);
      return (body as { items: Answer[] }).items;
    });
    for (const q of prefixes) {
      run.search.push((await timed(searchUrl(q))).ms);
      run.health.push((await timed(`${base}/health`)).ms);
    }
    return run;
  } finally {
    await server.stop();
  }
}

function report(name: string, run: Run): BenchResult[] {
  console.log(
    `  ${name}, recall per kind and spelling:\n${formatRecall(run.recall).replace(/^/gmu, '    ')}`,
  );
  const romanisations = summarise(
    run.recall.filter((row) => row.variant === 'ungegn' || row.variant === 'ungegn-plain'),
  );
  const all = summarise(run.recall);
  console.log(
    `  ${name}: romanisations recall@1 ${romanisations.at1.toFixed(3)}, recall@5 ${romanisations.at5.toFixed(3)} ` +
      `(${romanisations.queries} queries); every spelling recall@5 ${all.at5.toFixed(3)} (${all.queries} queries)`,
  );
  const p95 = percentile(run.search, 95);
  console.log(
    `  ${name}: search p50 ${percentile(run.search, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ` +
      `max ${Math.max(...run.search).toFixed(2)} ms over ${run.search.length} searches; ` +
      `health p95 ${percentile(run.health, 95).toFixed(2)} ms`,
  );
  return [
    result({
      name: `search in every spelling, p95, ${name}`,
      unit: 'ms',
      figure: p95,
      baselineName: 'GET /api/health p95, same server',
      baseline: percentile(run.health, 95),
      target: { text: `p95 < ${TARGET_P95_MS} ms`, met: p95 < TARGET_P95_MS },
    }),
    result({
      name: `romanisation recall@5, ${name}`,
      unit: '%',
      figure: romanisations.at5 * 100,
      baselineName: 'recall@1, same queries',
      baseline: romanisations.at1 * 100,
      target: { text: `recall@5 >= ${TARGET_RECALL_AT_5}`, met: romanisations.at5 >= TARGET_RECALL_AT_5 },
    }),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const units = readCountry(REFERENCE_DIR);
  const queries = recallQueries(units, PER_KIND);
  const prefixes = typeAhead(queries, TYPE_AHEAD);
  const results: BenchResult[] = [];
  const url = await createBenchDatabase('sndd_bench_recall');
  if (url) {
    try {
      results.push(...report('PostgreSQL', await measure(url, queries, prefixes)));
    } finally {
      await dropBenchDatabase(url);
    }
  } else {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL search benchmark');
  }
  results.push(...report('PGlite', await measure(undefined, queries, prefixes)));
  return results;
}

if (process.env.SEARCH_RECALL_SERVE === '1') await serve();
