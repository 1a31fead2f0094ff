/**
 * Open311 GET requests.json answering 1,000 requests (the spec's cap), over 20,000 applications
 * written straight into services_application with SQL, spread over the last 60 days, 25 offices
 * and the demo services. The figure is the p95 latency of sequential requests (one at a time,
 * keep-alive) through the whole stack: the query, the standard versions and office names, the
 * Open311 mapping and JSON. Target: p95 < 100 ms, on PostgreSQL (a fresh database).
 *
 * Baseline, in the same run: the bare SQL select of the same 1,000 rows (the same columns and
 * order) over `pg`, its p95.
 */
import pg from 'pg';
import {
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
  percentile,
  result,
  startServer,
  smoke,
} from './harness.ts';

const APPLICATIONS = Number(process.env.BENCH_OPEN311_ROWS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARM_UP = smoke ? 3 : 30;
const TARGET_MS = 100;

const BARE_SELECT = `
  select a.id, a.tracking_number, a.status, a.service_code, a.unit_code, a.standard_version_id,
    a.filed_at, a.status_changed_at, a.due_date
  from services_application a
  where a.filed_at >= now() - interval '90 days' and a.filed_at <= now()
  order by a.filed_at desc, a.id desc
  limit 1000`;

/** 20,000 applications: Kep's offices (2302 and its communes) and the demo services, the last 60 days. */
async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into services_application (tracking_number, standard_id, standard_version_id, service_code,
         unit_code, status, channel, applicant_name, applicant_sex, applicant_age_group, applicant_phone,
         field_values, filed_at, filed_on, due_date, status_changed_at)
       select 'B' || lpad(i::text, 7, '0'), s.id, v.id, s.code,
         case when v.provider_tier = 'district' then '2302' else '2302' || lpad((1 + i % 5)::text, 2, '0') end,
         (array['received', 'under_review', 'more_info_needed', 'approved', 'rejected', 'ready_for_collection', 'closed'])[1 + i % 7],
         'counter', 'Bench applicant ' || i, (array['female', 'male'])[1 + i % 2], '35-49', '+85512000000',
         '{}'::jsonb, now() - make_interval(secs => i * 259), (now() - make_interval(secs => i * 259))::date,
         (now() - make_interval(secs => i * 259))::date + 14, now() - make_interval(secs => i * 200)
       from generate_series(1, $1::int) i
       join lateral (select id, code, current_version from services_standard order by id offset (i % 6) limit 1) s on true
       join services_standard_version v on v.standard_id = s.id and v.version = s.current_version`,
      [APPLICATIONS],
    );
    await client.query('analyze services_application');
  } finally {
    await client.end();
  }
}

async function latency(once: () => Promise<void>): Promise<number> {
  for (let index = 0; index < WARM_UP; index += 1) await once();
  const times: number[] = [];
  for (let index = 0; index < REQUESTS; index += 1) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return percentile(times, 95);
}

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_open311');
  if (!url) {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the Open311 benchmark');
    return [];
  }
  try {
    const server = await startServer('bench/servers/full-stack.ts', { DATABASE_URL: url });
    try {
      await seed(url);
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try {
        const bare = async () => {
          const rows = await pool.query(BARE_SELECT);
          if (rows.rowCount !== 1000) throw new Error(`the bare select gave ${rows.rowCount} rows`);
        };
        const api = async () => {
          const response = await fetch(`http://127.0.0.1:${server.port}/open311/v2/requests.json`);
          const body = (await response.json()) as unknown[];
          if (response.status !== 200 || body.length !== 1000)
            throw new Error(`requests.json answered ${response.status} with ${body.length} requests`);
        };
        // The baseline right before the figure, so both see the same state of the machine.
        const baseline = await latency(bare);
        const figure = await latency(api);
        const figureXml = await latency(async () => {
          const response = await fetch(`http://127.0.0.1:${server.port}/open311/v2/requests.xml`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`requests.xml answered ${response.status}`);
        });
        return [
          result({
            name: `Open311 GET requests.json, 1,000 of ${APPLICATIONS.toLocaleString('en-US')} applications, p95, PostgreSQL`,
            unit: 'ms',
            figure,
            baselineName: 'bare SQL select of the same 1,000 rows over pg, p95',
            baseline,
            target: { text: `p95 < ${TARGET_MS} ms`, met: figure < TARGET_MS },
          }),
          result({
            name: 'Open311 GET requests.xml, the same 1,000 requests, p95, PostgreSQL',
            unit: 'ms',
            figure: figureXml,
            baselineName: 'bare SQL select of the same 1,000 rows over pg, p95',
            baseline,
          }),
        ];
      } finally {
        await pool.end();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await dropBenchDatabase(url);
  }
}
