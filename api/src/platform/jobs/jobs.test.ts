/**
 * The job queue on the real database (PGlite here, PostgreSQL with `node scripts/test-pg.mjs`):
 * retries with backoff and then the dead-letter list, a retry from there, a job written in a
 * rolled-back transaction that never runs, a scheduled job that runs.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDb, type TestDb } from '../../test-support/test-db.ts';
import { defineModule, type NoTables } from '../module.ts';
import { wireModules } from '../wiring.ts';
import type { JobDefinition } from './job.ts';
import {
  jobsSchemaOf,
  listFailedJobs,
  prepareJobStore,
  queueDepths,
  retryFailedJob,
  startJobRunner,
  type JobRunner,
} from './job-queue.ts';

const attempts: { name: string; at: number; payload: unknown }[] = [];
let flakySucceedsFrom = Number.POSITIVE_INFINITY;

const definitions: JobDefinition[] = [
  {
    name: 'jobtest.flaky',
    retry: { limit: 2, delaySeconds: 1, backoff: true },
    async run(payload) {
      attempts.push({ name: 'jobtest.flaky', at: Date.now(), payload });
      const count = attempts.filter((attempt) => attempt.name === 'jobtest.flaky').length;
      if (count < flakySucceedsFrom) throw new Error(`attempt ${count} refused`);
    },
  },
  {
    name: 'jobtest.plain',
    async run(payload) {
      attempts.push({ name: 'jobtest.plain', at: Date.now(), payload });
    },
  },
  {
    name: 'jobtest.every_minute',
    schedule: '* * * * *',
    schedulePayload: { from: 'schedule' },
    async run(payload) {
      attempts.push({ name: 'jobtest.every_minute', at: Date.now(), payload });
    },
  },
];

const testModule = defineModule<NoTables>({
  name: 'jobtest',
  tags: [],
  tables: [],
  jobs: () => definitions,
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('background jobs (pg-boss over the platform database)', () => {
  let db: TestDb;
  let runner: JobRunner;
  let wired: ReturnType<typeof wireModules>;

  beforeAll(async () => {
    // The queue needs none of the modules' tables: an empty database, pg-boss's schema only.
    db = await openEmptyTestDb();
    wired = wireModules(db.kysely, [testModule]);
    // The test's jobs only: the platform's own need the platform's tables.
    const ours = wired.jobs.filter((definition) => definition.name.startsWith('jobtest.'));
    await prepareJobStore(db.kysely as never, ours);
    runner = await startJobRunner({
      db: db.kysely as never,
      definitions: ours,
      log: { info: () => {}, error: () => {} },
      pollingIntervalSeconds: 0.5,
    });
  }, 180_000);

  afterAll(async () => {
    await runner?.stop(2_000);
    await db?.close();
  });

  it('retries a failing job with growing delays, then lists it as failed; a retry runs it again', async () => {
    const ctx = wired.contextOf('jobtest');
    const id = await ctx.jobs.send('jobtest.flaky', { case: 'flaky' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(async () => (await listFailedJobs(db.kysely, { limit: 10, offset: 0 })).total === 1);
    const tries = attempts.filter((attempt) => attempt.name === 'jobtest.flaky');
    expect(tries).toHaveLength(3);
    const [first, second, third] = tries.map((attempt) => attempt.at);
    // Backoff: the first retry waits 1-2 s, the second 2-4 s.
    expect(second! - first!).toBeGreaterThanOrEqual(900);
    expect(third! - second!).toBeGreaterThanOrEqual(1_900);

    const failed = await listFailedJobs(db.kysely, { limit: 10, offset: 0 });
    expect(failed.items[0]).toMatchObject({
      id,
      name: 'jobtest.flaky',
      payload: { case: 'flaky' },
      error: 'attempt 3 refused',
      attempts: 3,
    });
    const depths = await queueDepths(db.kysely);
    expect(depths).toContainEqual({ name: 'jobtest.flaky', state: 'failed', count: 1 });

    flakySucceedsFrom = 4;
    expect(await retryFailedJob(db.kysely, id!)).toBe('jobtest.flaky');
    // Not failed any more: a second retry of the same id finds nothing to do.
    expect(await retryFailedJob(db.kysely, id!)).toBeNull();
    await until(() => attempts.filter((attempt) => attempt.name === 'jobtest.flaky').length === 4);
    const schema = await jobsSchemaOf(db.kysely);
    await until(async () => {
      const { rows } = await sql<{
        state: string;
      }>`select state::text as state from ${sql.table(`${schema}.job`)} where id = ${id}::uuid`.execute(
        db.kysely,
      );
      return rows[0]?.state === 'completed';
    });
    expect((await listFailedJobs(db.kysely, { limit: 10, offset: 0 })).total).toBe(0);
  }, 180_000);

  it('never runs a job sent in a transaction that rolls back; runs the one committed', async () => {
    const ctx = wired.contextOf('jobtest');
    let rolledBackId: string | null = null;
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        rolledBackId = await ctx.jobs.send('jobtest.plain', { case: 'rolled back' }, { trx });
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');
    expect(rolledBackId).toMatch(/^[0-9a-f-]{36}$/);
    await db.kysely.transaction().execute(async (trx) => {
      await ctx.bind(trx).jobs.send('jobtest.plain', { case: 'committed' });
    });
    await until(() =>
      attempts.some((attempt) => (attempt.payload as { case?: string }).case === 'committed'),
    );
    // The queue is polled every 0.5 s: give the rolled-back one a chance it must not have.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      attempts.filter((attempt) => (attempt.payload as { case?: string }).case === 'rolled back'),
    ).toEqual([]);
    const schema = await jobsSchemaOf(db.kysely);
    const { rows } =
      await sql`select 1 from ${sql.table(`${schema}.job`)} where id = ${rolledBackId}::uuid`.execute(
        db.kysely,
      );
    expect(rows).toEqual([]);
  }, 30_000);

  it('refuses to send a job no manifest declares', async () => {
    await expect(wired.contextOf('jobtest').jobs.send('jobtest.unknown', {})).rejects.toThrow(
      /No module declares/,
    );
  });

  it('runs a scheduled job', async () => {
    await until(() => attempts.some((attempt) => attempt.name === 'jobtest.every_minute'), 30_000);
    expect(attempts.find((attempt) => attempt.name === 'jobtest.every_minute')?.payload).toEqual({
      from: 'schedule',
    });
  }, 40_000);
});
