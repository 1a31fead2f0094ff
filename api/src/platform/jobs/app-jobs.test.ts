/**
 * JOBS=on: the app runs the jobs from its ready to its close. A job sent while it runs is done;
 * after `app.close()` (what SIGTERM does in main.ts) nothing takes jobs any more.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { allMigrations, modules } from '../../modules.ts';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';
import { JobSender, jobsSchemaOf } from './job-queue.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ demoData: false });
}, 120_000);
afterAll(async () => db?.close());

async function stateOf(id: string): Promise<string | undefined> {
  const schema = await jobsSchemaOf(db.kysely);
  const { rows } = await sql<{ state: string }>`select state::text as state from ${sql.table(`${schema}.job`)}
    where id = ${id}::uuid`.execute(db.kysely);
  return rows[0]?.state;
}

describe('jobs in the API process (JOBS=on)', () => {
  it('runs a job while the app is up, and none after it closed', async () => {
    const app = await buildApp({
      config: {
        logLevel: 'silent',
        webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
        jobs: true,
      },
      db,
      modules,
      migrations: allMigrations(),
      logger: false,
    });
    await app.ready();
    const sender = new JobSender(() => new Set(['platform.idempotency_purge']));
    const first = (await sender.send(db.kysely, 'platform.idempotency_purge', { n: 1 }))!;
    for (let i = 0; i < 100 && (await stateOf(first)) !== 'completed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await stateOf(first)).toBe('completed');

    await app.close();
    const second = (await sender.send(db.kysely, 'platform.idempotency_purge', { n: 2 }))!;
    // The runner polled every 2 s: after 4 s a running one would have taken it.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await stateOf(second)).toBe('created');
  }, 60_000);
});
