/**
 * The soak run (#14), not part of CI nor of `npm run bench` (it takes its whole duration):
 *
 *   node --import tsx bench/soak.ts            # 10 minutes
 *   SOAK_MINUTES=1 node --import tsx bench/soak.ts
 *
 * On a new PostgreSQL database (the server of DATABASE_URL, by default the local one): the API
 * as operators run it (`api/src/main.ts`, JOBS=off) and two `npm run worker` processes
 * (`api/src/cli/worker.ts`), each its own node process. For SOAK_MINUTES the run files
 * applications at the counter (each writes a message to the applicant's phone and its delivery
 * job) and reads the officers' list, open loop (the rate holds whatever the answers take; at
 * most SOAK_MAX_IN_FLIGHT requests wait at once), at half the capacity measured first (a closed
 * loop of both for SOAK_PROBE_S, 30 s), or at SOAK_FILINGS_PER_S and SOAK_READS_PER_S. The
 * workers deliver the messages to a fake SMS gateway this process serves, which refuses
 * SOAK_GATEWAY_FAILURE_PCT % of the sends with a 500 (the queue retries them).
 *
 * Reported: requests and errors by kind with p50/p95/p99 latency; jobs run (by name and final
 * state), jobs failed; duplicates — messages the gateway received more than once, and messages
 * with more than one successful attempt (delivery is at least once: a job may run twice, which
 * is why every handler must be idempotent, docs/adr/0015); messages not delivered at the end;
 * the resident memory of each process after the warm-up (the first fifth) and at the end, and
 * its growth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { repoRoot } from '../api/src/config.ts';
import { DEMO_PASSWORD } from '../api/src/modules/access/index.ts';
import { createBenchDatabase, dropBenchDatabase, percentile } from './harness.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
/** Unset: half the capacity measured first (a closed loop for SOAK_PROBE_S), half of it each. */
const FIXED_FILINGS_PER_S = process.env.SOAK_FILINGS_PER_S
  ? Number(process.env.SOAK_FILINGS_PER_S)
  : undefined;
const FIXED_READS_PER_S = process.env.SOAK_READS_PER_S ? Number(process.env.SOAK_READS_PER_S) : undefined;
const PROBE_S = Number(process.env.SOAK_PROBE_S ?? 30);
const PROBE_CONCURRENCY = 4;
const MAX_IN_FLIGHT = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 64);
const GATEWAY_FAILURE_PCT = Number(process.env.SOAK_GATEWAY_FAILURE_PCT ?? 2);
const SAMPLE_EVERY_MS = 10_000;

const BODY = {
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: {
    business_name: 'Soak shop (example)',
    business_type: 'retail',
    workers: 2,
    extras: ['signboard'],
  },
  description: 'Filed by the soak benchmark (example).',
  applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', disability: false, phone: '012 999 001' },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  rss: { at: number; kb: number }[];
}

function spawnNode(name: string, script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n'));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => lines.join('\n'), rss: [] };
}

function rssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function until(what: string, condition: () => boolean | Promise<boolean>, ms: number, proc?: Proc) {
  const start = Date.now();
  while (!(await condition())) {
    if (proc && proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.output()}`);
    if (Date.now() - start > ms)
      throw new Error(`${what}: not within ${ms / 1000} s\n${proc?.output() ?? ''}`);
    await sleep(250);
  }
}

function stop(proc: Proc): Promise<number | null> {
  if (proc.child.exitCode !== null) return Promise.resolve(proc.child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
    proc.child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    proc.child.kill('SIGTERM');
  });
}

/** The fake SMS gateway: counts each text received; refuses some sends with a 500. */
function startGateway(): Promise<{
  port: number;
  received: Map<string, number>;
  refused: () => number;
  close: () => void;
}> {
  const received = new Map<string, number>();
  let refused = 0;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (Math.random() * 100 < GATEWAY_FAILURE_PCT) {
        refused += 1;
        response.writeHead(500).end('soak: refused on purpose');
        return;
      }
      let text = body;
      try {
        text = (JSON.parse(body) as { text: string }).text;
      } catch {
        // kept whole
      }
      received.set(text, (received.get(text) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, received, refused: () => refused, close: () => server.close() });
    });
  });
}

interface Kind {
  name: string;
  latencies: number[];
  errors: Map<string, number>;
  skipped: number;
}

async function officerToken(base: string): Promise<string> {
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
    body: JSON.stringify({ name: 'soak', expiresInDays: 1 }),
  });
  if (created.status !== 201) throw new Error(`token answered ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

async function main(): Promise<void> {
  const databaseUrl = await createBenchDatabase('sndd_soak');
  if (!databaseUrl)
    throw new Error('no PostgreSQL answers (DATABASE_URL, or the local one): the soak needs it');
  const gateway = await startGateway();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    SMS_GATEWAY_URL: `http://127.0.0.1:${gateway.port}/send`,
    NOTIFY_TIMEOUT_SECONDS: '5',
  };
  const procs: Proc[] = [];
  try {
    console.log(
      `soak: ${MINUTES} min, gateway refuses ${GATEWAY_FAILURE_PCT} %; load ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    const startedAt = Date.now();
    const api = spawnNode('api', 'api/src/main.ts', {
      ...common,
      PORT: String(port),
      HOST: '127.0.0.1',
      JOBS: 'off',
      DEMO_DATA: 'true',
      BUILD_WEB_IF_MISSING: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    procs.push(api);
    await until(
      'the API ready',
      async () => (await fetch(`${base}/api/ready`).catch(() => undefined))?.status === 200,
      900_000,
      api,
    );
    console.log(
      `soak: API ready after ${((Date.now() - startedAt) / 1000).toFixed(0)} s (first start: country and demo loaded)`,
    );
    for (const index of [1, 2]) {
      const worker = spawnNode(`worker ${index}`, 'api/src/cli/worker.ts', { ...common, LOG_LEVEL: 'info' });
      procs.push(worker);
      await until(
        'the worker running',
        () => /worker \(pid \d+\) running/.test(worker.output()),
        300_000,
        worker,
      );
    }
    const token = await officerToken(base);
    const filings: Kind = {
      name: 'file (POST /api/services/applications/counter)',
      latencies: [],
      errors: new Map(),
      skipped: 0,
    };
    const reads: Kind = {
      name: 'read (GET /api/services/applications)',
      latencies: [],
      errors: new Map(),
      skipped: 0,
    };
    const headers = { authorization: `Bearer ${token}` };
    let inFlight = 0;
    let filed = 0;
    const send = async (kind: Kind, url: string, init: RequestInit) => {
      if (inFlight >= MAX_IN_FLIGHT) {
        kind.skipped += 1;
        return;
      }
      inFlight += 1;
      const start = performance.now();
      try {
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (response.status >= 300) {
          const key = String(response.status);
          kind.errors.set(key, (kind.errors.get(key) ?? 0) + 1);
        } else {
          kind.latencies.push(performance.now() - start);
          if (kind === filings) filed += 1;
        }
      } catch (error) {
        const key = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
        kind.errors.set(key, (kind.errors.get(key) ?? 0) + 1);
      } finally {
        inFlight -= 1;
      }
    };

    // The capacity: filings and reads in turn, PROBE_CONCURRENCY at a time, for PROBE_S.
    let capacity = 0;
    if (FIXED_FILINGS_PER_S === undefined || FIXED_READS_PER_S === undefined) {
      const probe: Kind = { name: 'probe', latencies: [], errors: new Map(), skipped: 0 };
      const probeEnd = Date.now() + PROBE_S * 1000;
      await Promise.all(
        Array.from({ length: PROBE_CONCURRENCY }, async (_, lane) => {
          for (let i = lane; Date.now() < probeEnd; i += 1) {
            await (i % 2 === 0
              ? send(probe, `${base}/api/services/applications/counter`, {
                  method: 'POST',
                  headers: { ...headers, 'content-type': 'application/json' },
                  body: JSON.stringify(BODY),
                })
              : send(probe, `${base}/api/services/applications?page=1&pageSize=20`, { headers }));
          }
        }),
      );
      capacity = probe.latencies.length / PROBE_S;
      console.log(
        `soak: capacity ${capacity.toFixed(1)} requests/s (half filings, half reads; ${PROBE_CONCURRENCY} at a time for ${PROBE_S} s, p95 ${percentile(probe.latencies, 95).toFixed(0)} ms)`,
      );
    }
    const FILINGS_PER_S = FIXED_FILINGS_PER_S ?? capacity / 4;
    const READS_PER_S = FIXED_READS_PER_S ?? capacity / 4;
    console.log(`soak: load ${FILINGS_PER_S.toFixed(1)} filings/s and ${READS_PER_S.toFixed(1)} reads/s`);
    filed = 0;

    const durationMs = MINUTES * 60_000;
    const warmUpMs = durationMs / 5;
    const loadStart = Date.now();
    const sample = () => {
      for (const proc of procs) {
        const kb = rssKb(proc.child.pid);
        if (kb !== undefined) proc.rss.push({ at: Date.now() - loadStart, kb });
      }
    };
    sample();
    const sampler = setInterval(sample, SAMPLE_EVERY_MS);
    let dispatchedFilings = 0;
    let dispatchedReads = 0;
    const pending = new Set<Promise<void>>();
    const track = (promise: Promise<void>) => {
      pending.add(promise);
      void promise.finally(() => pending.delete(promise));
    };
    let lastReport = 0;
    while (Date.now() - loadStart < durationMs) {
      const elapsed = (Date.now() - loadStart) / 1000;
      while (dispatchedFilings < elapsed * FILINGS_PER_S) {
        dispatchedFilings += 1;
        track(
          send(filings, `${base}/api/services/applications/counter`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(BODY),
          }),
        );
      }
      while (dispatchedReads < elapsed * READS_PER_S) {
        dispatchedReads += 1;
        track(send(reads, `${base}/api/services/applications?page=1&pageSize=20`, { headers }));
      }
      for (const proc of procs)
        if (proc.child.exitCode !== null)
          throw new Error(`${proc.name} died during the soak:\n${proc.output()}`);
      if (elapsed - lastReport >= 60) {
        lastReport = elapsed;
        console.log(
          `soak: ${Math.round(elapsed)} s, ${filed} filed, ${reads.latencies.length} read, ${gateway.received.size} messages received, in flight ${inFlight}, load ${os.loadavg()[0]!.toFixed(2)}`,
        );
      }
      await sleep(20);
    }
    await Promise.all(pending);
    const loadAverage = os.loadavg();
    console.log(
      `soak: load stopped after ${((Date.now() - loadStart) / 1000).toFixed(0)} s; waiting for the queue to drain`,
    );

    // The queue drains: every message of a filing sent (or given up), no job waiting.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const drainStart = Date.now();
    let left = { pending: 0, waiting: 0 };
    for (;;) {
      const { rows } = await client.query<{ pending: number; waiting: number }>(
        `select (select count(*)::int from notifications_message where state = 'pending') as pending,
                (select count(*)::int from pgboss.job where name = 'notifications.deliver'
                   and state in ('created', 'retry', 'active')) as waiting`,
      );
      left = rows[0]!;
      if ((left.pending === 0 && left.waiting === 0) || Date.now() - drainStart > 240_000) break;
      await sleep(2_000);
    }
    const drainedS = (Date.now() - drainStart) / 1000;
    clearInterval(sampler);
    sample();
    const jobs = await client.query<{ name: string; state: string; n: number; retried: number }>(
      `select name, state::text as state, count(*)::int as n, count(*) filter (where retry_count > 0)::int as retried
       from pgboss.job where name not like '\\_\\_pgboss%' group by 1, 2 order by 1, 2`,
    );
    const messages = await client.query<{ state: string; n: number }>(
      `select state, count(*)::int as n from notifications_message
       where created_at >= to_timestamp($1 / 1000.0) group by 1 order by 1`,
      [loadStart],
    );
    const twiceSent = await client.query<{ n: number }>(
      `select count(*)::int as n from (select message_id from notifications_attempt where ok
         group by message_id having count(*) > 1) m`,
    );
    const applications = await client.query<{ n: number }>(
      `select count(*)::int as n from services_application where description = $1`,
      [BODY.description],
    );
    await client.end();

    const duplicateTexts = [...gateway.received.values()].filter((count) => count > 1).length;
    const line = (kind: Kind) => {
      const errors = [...kind.errors.entries()].map(([key, n]) => `${key}×${n}`).join(', ') || 'none';
      return `  ${kind.name}: ${kind.latencies.length} ok, errors ${errors}, not sent (over ${MAX_IN_FLIGHT} in flight) ${kind.skipped}; p50 ${percentile(kind.latencies, 50).toFixed(1)} ms, p95 ${percentile(kind.latencies, 95).toFixed(1)} ms, p99 ${percentile(kind.latencies, 99).toFixed(1)} ms`;
    };
    console.log('\nSOAK RESULT');
    console.log(
      `  ${MINUTES} min of load on PostgreSQL: the API (JOBS=off) and 2 worker processes; load average at the end ${loadAverage.map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores`,
    );
    console.log(
      `  rate: ${FILINGS_PER_S.toFixed(1)} filings/s and ${READS_PER_S.toFixed(1)} reads/s${capacity ? ` (half of the ${capacity.toFixed(1)} requests/s measured first)` : ''}`,
    );
    console.log(line(filings));
    console.log(line(reads));
    console.log(
      `  applications stored by the soak: ${applications.rows[0]!.n} (answered 201 during the load: ${filed}, the rest in the capacity probe)`,
    );
    console.log('  jobs (name, state: count, of which retried):');
    for (const row of jobs.rows)
      console.log(`    ${row.name} ${row.state}: ${row.n} (${row.retried} retried)`);
    console.log(
      `  messages written during the load, by state: ${messages.rows.map((row) => `${row.state} ${row.n}`).join(', ')}`,
    );
    console.log(
      `  gateway: ${[...gateway.received.values()].reduce((a, b) => a + b, 0)} texts received, ${gateway.refused()} refused on purpose (retried by the queue)`,
    );
    console.log(
      `  duplicates: ${duplicateTexts} texts received more than once; ${twiceSent.rows[0]!.n} messages with more than one successful attempt`,
    );
    console.log(
      `  drain after the load: ${drainedS.toFixed(0)} s, left pending ${left.pending}, deliveries waiting ${left.waiting}`,
    );
    console.log('  memory (resident), after the warm-up → at the end:');
    for (const proc of procs) {
      const warm = proc.rss.filter((s) => s.at >= warmUpMs)[0] ?? proc.rss[0];
      const end = proc.rss.at(-1);
      const peak = Math.max(...proc.rss.map((s) => s.kb));
      if (!warm || !end) continue;
      console.log(
        `    ${proc.name}: ${(warm.kb / 1024).toFixed(0)} MiB → ${(end.kb / 1024).toFixed(0)} MiB (${(((end.kb - warm.kb) / warm.kb) * 100).toFixed(1)} %), peak ${(peak / 1024).toFixed(0)} MiB`,
      );
    }
    const exits = await Promise.all(procs.map(stop));
    console.log(
      `  exit codes after SIGTERM: ${procs.map((proc, i) => `${proc.name} ${exits[i]}`).join(', ')}`,
    );
  } finally {
    await Promise.all(procs.map(stop));
    gateway.close();
    await dropBenchDatabase(databaseUrl).catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
