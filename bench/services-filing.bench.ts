/**
 * Filing applications through the API, sustained: an officer of Kep's One Window Service Office
 * (kep.district, with a personal API token) files business licences at the counter,
 * POST /api/services/applications/counter, with autocannon for BENCH_FILING_S seconds (default
 * 10). Each filing checks the token and the officer's unit, validates the form, computes the
 * due date in working days, writes the application, its event, the notification in the outbox,
 * the hash-chained audit record and the dashboard's totals in one transaction — shared with the
 * filings that arrive meanwhile (group commit, docs/adr/0009-group-commit.md). Figures: requests
 * per second and p99. Targets: ≥ 500/s and p99 < 100 ms, on PostgreSQL (a fresh database).
 * After the run, the benchmark checks that every filing has its audit record and the chain has
 * no gap, so a faster path that dropped either would fail here.
 *
 * Baseline, measured in the same run with the same concurrency: raw INSERTs of the same rows
 * (the application and its event, one statement each over one `pg` connection per worker, in
 * one transaction) — what storing a filing costs at the least, with no checks, no audit.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../api/src/modules/access/index.ts';
import { newTrackingNumber } from '../api/src/modules/services/index.ts';
import {
  createBenchDatabase,
  dropBenchDatabase,
  percentile,
  result,
  startServer,
  type BenchResult,
  smoke,
} from './harness.ts';

const DURATION_S = Number(process.env.BENCH_FILING_S ?? 10);
const CONNECTIONS = 10;
const TARGET_RATE = 500;
const TARGET_P99_MS = 100;

const BODY = {
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: { business_name: 'Bench shop', business_type: 'retail', workers: 2, extras: ['signboard'] },
  description: 'Filed by the benchmark.',
  applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', disability: false, phone: '012 999 001' },
};

async function officerToken(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'kep.district@sndd.example', password: DEMO_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const created = await fetch(`${base}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', expiresInDays: 1 }),
  });
  if (created.status !== 201) throw new Error(`token answered ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

async function throughApi(port: number, token: string) {
  const options = {
    url: `http://127.0.0.1:${port}/api/services/applications/counter`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(BODY),
    connections: CONNECTIONS,
  };
  // A short warm-up (JIT, pools, caches) that is not counted, then the measured run.
  await autocannon({ ...options, duration: smoke ? 1 : 2 });
  const run = await autocannon({ ...options, duration: DURATION_S });
  if (run.non2xx > 0 || run.errors > 0)
    throw new Error(`${run.non2xx} non-2xx answers, ${run.errors} errors`);
  return { rate: run.requests.average, p99: run.latency.p99, total: run.requests.total };
}

/** Each filing through the API left one application and one audit record; seq has no gap. */
async function checkEveryFilingAudited(databaseUrl: string, filedAtLeast: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      applications: number;
      audited: number;
      records: number;
      last: number;
    }>(
      `select (select count(*)::int from services_application where not is_example) as applications,
         (select count(*)::int from audit_record where action = 'services.application.file') as audited,
         (select count(*)::int from audit_record) as records,
         (select max(seq)::int from audit_record) as last`,
    );
    const { applications, audited, records, last } = rows[0]!;
    const seeded = await client.query<{ n: number }>(
      `select count(*)::int as n from services_application where is_example`,
    );
    if (applications < filedAtLeast || audited !== applications + seeded.rows[0]!.n || records !== last) {
      throw new Error(
        `filings and audit disagree: ${applications} filed (≥ ${filedAtLeast} answered), ${audited} audited, ${records} records up to seq ${last}`,
      );
    }
  } finally {
    await client.end();
  }
}

/** The same rows, INSERTed raw, by CONNECTIONS workers (one connection each) for the same time. */
async function rawInserts(databaseUrl: string) {
  // Plain clients, each ended and awaited: a pool's end() can resolve before its last client has
  // closed, which the database drop that follows then kills with an unhandled error.
  const clients = Array.from({ length: CONNECTIONS }, () => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const ids = await clients[0]!.query<{ standard_id: string; version_id: string }>(
      `select s.id as standard_id, v.id as version_id from services_standard s
       join services_standard_version v on v.standard_id = s.id and v.version = s.current_version
       where s.code = $1`,
      [BODY.serviceCode],
    );
    const { standard_id: standardId, version_id: versionId } = ids.rows[0]!;
    const values = JSON.stringify(BODY.values);
    const once = async (client: pg.Client) => {
      await client.query('begin');
      // A clash of random tracking numbers is rare but happens over tens of thousands of rows:
      // draw again, as the service does.
      let inserted: pg.QueryResult<{ id: string }> | undefined;
      while (!inserted?.rows[0]) {
        inserted = await client.query<{ id: string }>(
          `insert into services_application (tracking_number, standard_id, standard_version_id, service_code,
             unit_code, status, channel, applicant_name, applicant_sex, applicant_age_group, applicant_disability,
             applicant_phone, field_values, description, filed_by_user_id, filed_on, due_date)
           values ($1, $2, $3, $4, $5, 'received', 'counter', $6, 'female', '35-49', false, '+85512999001',
             $7::jsonb, $8, 1, current_date, current_date + 14)
           on conflict (tracking_number) do nothing returning id`,
          [
            newTrackingNumber(),
            standardId,
            versionId,
            BODY.serviceCode,
            BODY.unitCode,
            BODY.applicant.name,
            values,
            BODY.description,
          ],
        );
      }
      await client.query(
        `insert into services_application_event (application_id, from_status, to_status, note, due_date, actor_user_id)
           values ($1, null, 'received', null, current_date + 14, 1)`,
        [inserted.rows[0].id],
      );
      await client.query('commit');
    };
    const measure = async (seconds: number) => {
      const times: number[] = [];
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < until) {
            const started = performance.now();
            await once(client);
            times.push(performance.now() - started);
          }
        }),
      );
      return { rate: times.length / seconds, p99: percentile(times, 99) };
    };
    await measure(2);
    return await measure(DURATION_S);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_filing');
  if (!url) {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the filing benchmark');
    return [];
  }
  try {
    const server = await startServer('bench/servers/full-stack.ts', { DATABASE_URL: url });
    let api: Awaited<ReturnType<typeof throughApi>>;
    try {
      api = await throughApi(server.port, await officerToken(server.port));
    } finally {
      await server.stop();
    }
    await checkEveryFilingAudited(url, api.total);
    const raw = await rawInserts(url);
    console.log(
      `  ${api.total} applications filed through the API in ${DURATION_S} s (${CONNECTIONS} connections)`,
    );
    return [
      result({
        name: `counter filing through the API (token, audit, due date), ${CONNECTIONS} connections, PostgreSQL`,
        unit: 'req/s',
        figure: api.rate,
        baselineName: 'raw INSERTs of the same rows (application + event) over pg',
        baseline: raw.rate,
        target: { text: `≥ ${TARGET_RATE}/s`, met: api.rate >= TARGET_RATE },
      }),
      result({
        name: 'counter filing through the API, p99',
        unit: 'ms',
        figure: api.p99,
        baselineName: 'raw INSERTs of the same rows, p99',
        baseline: raw.p99,
        target: { text: `p99 < ${TARGET_P99_MS} ms`, met: api.p99 < TARGET_P99_MS },
      }),
    ];
  } finally {
    await dropBenchDatabase(url);
  }
}
