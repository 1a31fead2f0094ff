/**
 * PostgreSQL only (CI runs the API tests again with DATABASE_URL): when the server drops our
 * connections (a restart, a failover, a network cut), the process does not crash and the API
 * answers again by itself.
 */
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
});
