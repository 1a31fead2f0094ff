/**
 * Background jobs (pg-boss over the platform's handle, ADR 0015), on an in-memory PGlite and,
 * when a server answers, on PostgreSQL:
 *  1. Enqueue: jobs written per second, one `send` each (its own statement), against the
 *     baseline of plain one-row INSERTs into a table of the same database.
 *  2. Processing: jobs run per second by one process's runner (batch of 1, polling 0.5 s), from
 *     a queue filled beforehand, against the enqueue rate.
 * No target in issue #14: the figures say what a process can take (messages, flags).
 */
import { sql, type Kysely } from 'kysely';
import { createDb } from '../api/src/platform/db/create-db.ts';
import type { JobDefinition } from '../api/src/platform/jobs/job.ts';
import { JobSender, prepareJobStore, startJobRunner } from '../api/src/platform/jobs/job-queue.ts';
import { createBenchDatabase, dropBenchDatabase, result, smoke, type BenchResult } from './harness.ts';

const JOBS = Number(process.env.BENCH_JOBS ?? (smoke ? 20 : 500));

async function measure(engine: string, db: Kysely<unknown>): Promise<BenchResult[]> {
  let done = 0;
  const definitions: JobDefinition[] = [
    {
      name: 'bench.noop',
      retry: { limit: 0 },
      async run() {
        done += 1;
      },
    },
  ];
  await prepareJobStore(db, definitions);
  await sql`create table if not exists bench_jobs_baseline (id serial primary key, data jsonb)`.execute(db);

  let started = performance.now();
  for (let i = 0; i < JOBS; i += 1) {
    await sql`insert into bench_jobs_baseline (data) values (${JSON.stringify({ i })}::jsonb)`.execute(db);
  }
  const insertsPerSecond = JOBS / ((performance.now() - started) / 1000);

  const sender = new JobSender(() => new Set(['bench.noop']));
  started = performance.now();
  for (let i = 0; i < JOBS; i += 1) await sender.send(db as never, 'bench.noop', { i });
  const sendsPerSecond = JOBS / ((performance.now() - started) / 1000);

  started = performance.now();
  const runner = await startJobRunner({
    db,
    definitions,
    log: { info: () => {}, error: () => {} },
    pollingIntervalSeconds: 0.5,
  });
  while (done < JOBS) await new Promise((resolve) => setTimeout(resolve, 20));
  const runsPerSecond = JOBS / ((performance.now() - started) / 1000);
  await runner.stop(2_000);

  return [
    result({
      name: `jobs enqueued per second (${engine}, ${JOBS} sends)`,
      unit: 'jobs/s',
      figure: sendsPerSecond,
      baselineName: 'one-row INSERTs per second, same database',
      baseline: insertsPerSecond,
    }),
    result({
      name: `jobs run per second by one process (${engine}, batch 1)`,
      unit: 'jobs/s',
      figure: runsPerSecond,
      baselineName: 'jobs enqueued per second',
      baseline: sendsPerSecond,
    }),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const pglite = await createDb<unknown>({});
  try {
    results.push(...(await measure('PGlite', pglite.kysely)));
  } finally {
    await pglite.close();
  }
  const url = await createBenchDatabase('bench_jobs');
  if (url) {
    const postgres = await createDb<unknown>({ databaseUrl: url });
    try {
      results.push(...(await measure('PostgreSQL', postgres.kysely)));
    } finally {
      await postgres.close();
      await dropBenchDatabase(url);
    }
  }
  return results;
}
