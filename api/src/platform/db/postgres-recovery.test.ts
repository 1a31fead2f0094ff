/**
 * PostgreSQL only (CI runs the API tests again with DATABASE_URL): when the server drops our
 * connections (a restart, a failover, a network cut), the process does not crash and the API
 * answers again by itself.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { usingPostgres } from '../../test-support/test-db.ts';

describe.runIf(usingPostgres)('losing PostgreSQL connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t.close());

  it('survives its pooled connections being killed and recovers without a restart', async () => {
    // Warm the pool so there are idle connections to kill.
    await Promise.all([1, 2, 3].map(() => t.app.inject({ method: 'GET', url: '/api/gazetteer/units/12' })));

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1`,
        [t.db.schema],
      );
      expect(killed.rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Some requests may meet a dead connection and get a 503 problem; within a few tries the
    // pool has replaced them and the answers are right again.
    let last = 0;
    for (let attempt = 0; attempt < 10 && last !== 200; attempt += 1) {
      const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units/12' });
      last = response.statusCode;
      if (last !== 200) expect(response.json()).toMatchObject({ code: 'platform.database.unavailable' });
    }
    expect(last).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
  });

  it('survives connections killed while checked out (in a transaction, between statements), and answers again', async () => {
    // Two transactions hold their connections, idle between two statements, while the server
    // terminates them: pg then emits 'error' on the client itself, outside any query.
    let markKilled = () => {};
    const killed = new Promise<void>((resolve) => (markKilled = resolve));
    const holding = [1, 2].map(() =>
      t.db.kysely
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await killed;
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(trx);
        })
        .then(
          () => 'finished',
          () => 'failed',
        ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const terminated = await admin.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where application_name = $1 and state = 'idle in transaction'`,
        [t.db.schema],
      );
      expect(terminated.rows[0]?.n).toBe(2);
    } finally {
      await admin.end();
      markKilled();
    }
    // The transactions fail (their requests would get a 503); the process is still here (an
    // uncaught 'error' event would fail this test run) and the pool serves new queries.
    expect(await Promise.all(holding)).toEqual(['failed', 'failed']);
    let last = 0;
    for (let attempt = 0; attempt < 10 && last !== 200; attempt += 1) {
      last = (await t.app.inject({ method: 'GET', url: '/api/gazetteer/units/12' })).statusCode;
    }
    expect(last).toBe(200);
  });
});
