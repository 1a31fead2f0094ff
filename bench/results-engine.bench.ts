/**
 * The results engine at national size (#17): data values of one year for every commune of a
 * synthetic tree (25 provinces × 8 districts × 8 communes = 1,600 communes, the size of the
 * real 1,652), 60 data elements broken down by sex and age group (8 cells), 12 months: 60 ×
 * 1,600 × 12 × 8 = 9.2 million values on PostgreSQL. Values and their pre-aggregation are
 * generated set-based (one INSERT … SELECT each), then measured through the module's own
 * service (the same function the route calls):
 *
 * - a national 12-month roll-up of one indicator by province (target < 50 ms) and by commune
 *   with sex (target < 200 ms), each against a hand-written GROUP BY over the raw values joined
 *   to the gazetteer's closure table, in the same run (the baseline);
 * - writing 10,000 values in one batch with the pre-aggregation kept current (target < 2 s),
 *   against a plain INSERT of the same rows into a copy of the values table (the baseline);
 * - afterwards, the pre-aggregation must equal a full recount (the benchmark fails otherwise).
 *
 * Sizes: BENCH_RESULTS_ELEMENTS (60), BENCH_RESULTS_COMMUNES (8 per district); PGlite runs the
 * same at BENCH_RESULTS_PGLITE_ELEMENTS (2). Smoke mode: 2 elements, 2 communes per district.
 */
import { sql, type Kysely } from 'kysely';
import { prepareDatabase, modules, type Database } from '../api/src/modules.ts';
import { SYSTEM_ACTOR } from '../api/src/platform/actor.ts';
import { createDb, type Db } from '../api/src/platform/db/create-db.ts';
import { wireModules } from '../api/src/platform/wiring.ts';
import { indicatorAnalytics, preAggregationDrift } from '../api/src/modules/results/analytics.service.ts';
import { recordDataValues } from '../api/src/modules/results/data-values.service.ts';
import type { ResultsContext } from '../api/src/modules/results/results.context.ts';
import { HOLDING_PERIODS } from '../api/src/modules/results/values.queries.ts';
import {
  createBenchDatabase,
  dropBenchDatabase,
  median,
  result,
  smoke,
  type BenchResult,
} from './harness.ts';

const ELEMENTS = Number(process.env.BENCH_RESULTS_ELEMENTS ?? (smoke ? 2 : 60));
const COMMUNES = Number(process.env.BENCH_RESULTS_COMMUNES ?? (smoke ? 2 : 8));
const PGLITE_ELEMENTS = Number(process.env.BENCH_RESULTS_PGLITE_ELEMENTS ?? 2);
const ROUNDS = smoke ? 2 : 15;
const BATCH = smoke ? 500 : 10_000;
const YEAR = 2025;

type AnyKysely = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function withoutTimeout<T>(db: AnyKysely, work: (trx: AnyKysely) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    return work(trx);
  });
}

/** Districts and communes under the sample's provinces (a bench tree, like services-dashboard's). */
async function seedTree(db: AnyKysely, communes: number) {
  for (const [level, type, count] of [
    [2, 'district', 8],
    [3, 'commune', communes],
  ] as const) {
    await sql`
      insert into gazetteer_unit (code, level, parent_code, type_code, name_km, name_latin, is_urban, source)
      select p.code || lpad(k::text, 2, '0'), ${level}, p.code, ${type}, 'ឈ្មោះ ' || p.code || lpad(k::text, 2, '0'),
        'Unit ' || p.code || lpad(k::text, 2, '0'), false, 'synthetic bench tree'
      from gazetteer_unit p cross join generate_series(51, 50 + ${count}) k
      where p.level = ${level - 1} and (${level} = 2 or p.source = 'synthetic bench tree')
      order by 1
      on conflict (code) do nothing`.execute(db);
  }
  await sql`analyze gazetteer_unit`.execute(db);
  await sql`analyze gazetteer_unit_closure`.execute(db);
}

/** Data elements, an indicator, a data set; values of every commune, element, month and cell; the pre-aggregation. */
async function seedValues(db: AnyKysely, elements: number) {
  await sql`
    insert into results_data_element (code, name_km, name_en, value_type, combo_code, source, is_example)
    select 'BENCH.DE' || lpad(k::text, 2, '0'), 'ធាតុ ' || k, 'Bench element ' || k, 'integer_zero_or_positive',
      'sex_age', 'benchmark', true
    from generate_series(1, ${elements}) k`.execute(db);
  await sql`
    insert into results_indicator (code, name_km, name_en, definition_km, definition_en, unit_km, unit_en,
      numerator, denominator, direction, disaggregations, data_source, owner, is_example)
    values ('BENCH.IND', 'សូចនាករ', 'Bench indicator', '', '', 'នាក់', 'people', '{BENCH.DE01}', null,
      'higher_is_better', '{sex,age}', 'benchmark', 'benchmark', true)`.execute(db);
  await sql`insert into results_data_set (code, name_km, name_en, period_type, is_example)
    values ('BENCH.DS', 'សំណុំ', 'Bench data set', 'monthly', true)`.execute(db);
  await sql`insert into results_data_set_element select 'BENCH.DS', code from results_data_element
    where code like 'BENCH.%'`.execute(db);
  await sql`insert into results_data_set_unit_type values ('BENCH.DS', 'commune')`.execute(db);
  await withoutTimeout(db, async (trx) => {
    await sql`
      insert into results_data_value (year, data_element_code, period, unit_code, coc_id, value, data_set_code,
        period_start, period_end)
      select ${YEAR}, e.code, to_char(m, 'YYYYMM'), u.code, c.id,
        (hashtext(u.code || e.code || c.id::text || to_char(m, 'MM')) & 63), 'BENCH.DS',
        m::date, (m + interval '1 month - 1 day')::date
      from results_data_element e
      cross join generate_series(${`${YEAR}-01-01`}::date, ${`${YEAR}-12-01`}::date, interval '1 month') m
      cross join gazetteer_unit u
      cross join results_category_option_combo c
      where e.code like 'BENCH.%' and u.level = 3 and c.combo_code = 'sex_age'`.execute(trx);
    // The pre-aggregation built once from the values (the write path keeps it current after).
    await sql`
      insert into results_value_agg (data_element_code, period, unit_code, coc_id, value, value_count)
      select v.data_element_code, p.period, a.ancestor_code, v.coc_id, sum(v.value), count(*)
      from results_data_value v join gazetteer_unit_closure a on a.descendant_code = v.unit_code
      cross join lateral (${HOLDING_PERIODS}) as p (period)
      where p.period is not null
      group by 1, 2, 3, 4`.execute(trx);
  });
  await withoutTimeout(db, (trx) => sql`analyze`.execute(trx));
}

/** The baseline: the same roll-ups by a hand-written GROUP BY over the raw values and the closure. */
const byProvinceRaw = (db: AnyKysely) =>
  sql`select a.ancestor_code, sum(v.value)
    from results_data_value v
    join gazetteer_unit_closure a on a.descendant_code = v.unit_code
    join gazetteer_unit p on p.code = a.ancestor_code and p.level = 1
    where v.data_element_code = 'BENCH.DE01' and v.year = ${YEAR}
      and v.period_start >= ${`${YEAR}-01-01`}::date and v.period_end <= ${`${YEAR}-12-31`}::date
    group by 1`.execute(db);
const byCommuneSexRaw = (db: AnyKysely) =>
  sql`select a.ancestor_code, c.options ->> 'sex', sum(v.value)
    from results_data_value v
    join gazetteer_unit_closure a on a.descendant_code = v.unit_code
    join gazetteer_unit u on u.code = a.ancestor_code and u.level = 3
    join results_category_option_combo c on c.id = v.coc_id
    where v.data_element_code = 'BENCH.DE01' and v.year = ${YEAR}
      and v.period_start >= ${`${YEAR}-01-01`}::date and v.period_end <= ${`${YEAR}-12-31`}::date
    group by 1, 2`.execute(db);

async function measure(label: string, db: Db<Database>, elements: number): Promise<BenchResult[]> {
  const kysely = db.kysely as unknown as AnyKysely;
  const started = performance.now();
  await seedTree(kysely, COMMUNES);
  await seedValues(kysely, elements);
  const counted = await sql<{ values: string; agg: string; communes: string }>`
    select (select count(*) from results_data_value) as values,
      (select count(*) from results_value_agg) as agg,
      (select count(*) from gazetteer_unit where level = 3) as communes`.execute(kysely);
  const sizes = counted.rows[0]!;
  console.log(
    `  ${label}: ${Number(sizes.values).toLocaleString('en')} values (${sizes.communes} communes × ${elements} elements × 12 months × 8 cells), ` +
      `${Number(sizes.agg).toLocaleString('en')} pre-aggregated rows, generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const ctx = wireModules(db.kysely, modules).contextOf('results') as unknown as ResultsContext;
  const base = { indicator: 'BENCH.IND', period: String(YEAR), page: 1, pageSize: 500 };

  const results: BenchResult[] = [];
  const cases = [
    {
      name: `${label}: national 12-month roll-up by province`,
      query: { ...base, level: 1 },
      raw: (trx: AnyKysely) => byProvinceRaw(trx),
      rows: 25,
      target: 50,
    },
    {
      name: `${label}: national 12-month roll-up by commune and sex`,
      query: { ...base, level: 3, by: 'sex' },
      raw: (trx: AnyKysely) => byCommuneSexRaw(trx),
      rows: Number(sizes.communes) * 2,
      target: 200,
    },
  ];
  for (const item of cases) {
    const answer = await indicatorAnalytics(ctx, item.query);
    const raw = await withoutTimeout(kysely, item.raw);
    // The engine's answer must be the baseline's before its speed means anything.
    const rawTotal = raw.rows.reduce((sum: number, row) => sum + Number((row as { sum: string }).sum), 0);
    if (answer.rows.total !== raw.rows.length || answer.total.numerator !== rawTotal) {
      throw new Error(
        `${item.name}: engine ${answer.rows.total} rows / ${answer.total.numerator}, raw ${raw.rows.length} rows / ${rawTotal}`,
      );
    }
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1)
      times.push((await timed(() => indicatorAnalytics(ctx, item.query))).ms);
    const baselines: number[] = [];
    for (let i = 0; i < Math.max(2, Math.ceil(ROUNDS / 5)); i += 1)
      baselines.push((await timed(() => withoutTimeout(kysely, item.raw))).ms);
    const figure = median(times);
    results.push(
      result({
        name: `${item.name} (${answer.rows.total} rows)`,
        unit: 'ms',
        figure,
        baselineName: 'GROUP BY over raw values ⋈ closure',
        baseline: median(baselines),
        target: { text: `< ${item.target} ms`, met: figure < item.target },
      }),
    );
  }

  // 10,000 values in one batch: a new month for the communes of the first provinces, every
  // element and cell, until the batch is full.
  const communes = (
    await sql<{ code: string }>`select code from gazetteer_unit where level = 3 order by code`.execute(kysely)
  ).rows.map((row) => row.code);
  const cells = [
    ['female', '0_17'],
    ['female', '18_34'],
    ['female', '35_59'],
    ['female', '60_plus'],
    ['male', '0_17'],
    ['male', '18_34'],
    ['male', '35_59'],
    ['male', '60_plus'],
  ] as const;
  const values: {
    dataElement: string;
    unit: string;
    period: string;
    categoryOptions: Record<string, string>;
    value: number;
  }[] = [];
  outer: for (const unit of communes)
    for (let e = 1; e <= elements; e += 1)
      for (const [sex, age] of cells) {
        if (values.length >= BATCH) break outer;
        values.push({
          dataElement: `BENCH.DE${String(e).padStart(2, '0')}`,
          unit,
          period: `${YEAR + 1}01`,
          categoryOptions: { sex, age },
          value: (values.length * 7) % 50,
        });
      }
  const write = await timed(() =>
    recordDataValues(ctx, SYSTEM_ACTOR, { body: { dataSet: 'BENCH.DS', values }, scope: 'all' }),
  );
  // The baseline: the same rows by one plain INSERT into a copy of the values table.
  await sql`create table bench_plain_values (like results_data_value including defaults)`.execute(kysely);
  const plain = await timed(() =>
    sql`insert into bench_plain_values (year, data_element_code, period, unit_code, coc_id, value, data_set_code, period_start, period_end)
      select ${YEAR + 1}, d, ${`${YEAR + 1}01`}, u, c, v, 'BENCH.DS', ${`${YEAR + 1}-01-01`}::date, ${`${YEAR + 1}-01-31`}::date
      from unnest(${values.map((v) => v.dataElement)}::text[], ${values.map((v) => v.unit)}::text[],
        ${values.map((_, i) => (i % 8) + 1)}::int[], ${values.map((v) => String(v.value))}::numeric[]) as t (d, u, c, v)`.execute(
      kysely,
    ),
  );
  results.push(
    result({
      name: `${label}: one batch of ${values.length.toLocaleString('en')} values with the pre-aggregation kept current`,
      unit: 'ms',
      figure: write.ms,
      baselineName: 'plain INSERT of the same rows',
      baseline: plain.ms,
      target: { text: '< 2000 ms', met: write.ms < 2000 },
    }),
  );
  const check = await timed(() =>
    withoutTimeout(kysely, (trx) => preAggregationDrift(ctx.bind(trx as never))),
  );
  if (check.value !== 0)
    throw new Error(`${label}: the pre-aggregation differs from a recount in ${check.value} cells`);
  console.log(
    `  ${label}: pre-aggregation equals a full recount (checked in ${(check.ms / 1000).toFixed(1)} s)`,
  );
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const url = await createBenchDatabase('sndd_bench_results');
  if (!url) console.warn('  PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL part');
  else {
    const db = await createDb<Database>({ databaseUrl: url, poolMax: 4 });
    try {
      await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'sample' });
      results.push(...(await measure('PostgreSQL', db, ELEMENTS)));
    } finally {
      await db.close();
      await dropBenchDatabase(url);
    }
  }
  const lite = await createDb<Database>({});
  try {
    await prepareDatabase(lite.kysely as never, { demoData: false, referenceData: 'sample' });
    results.push(...(await measure('PGlite', lite, smoke ? 1 : PGLITE_ELEMENTS)));
  } finally {
    await lite.close();
  }
  return results;
}
