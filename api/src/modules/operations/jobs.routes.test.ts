/**
 * The dead-letter list over HTTP, on the real app and queue: a job whose attempts all failed is
 * listed for the national administrator (and refused to an officer), a retry puts it back in
 * the queue, audited, and a worker runs it again; a second retry of the same id is a 404.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../../test-support/http.ts';
import { JobSender, jobsSchemaOf, startJobRunner } from '../../platform/jobs/job-queue.ts';
import { platformJobs } from '../../platform/jobs/platform-jobs.ts';

let t: TestApp;
let admin: Client;
let officer: Client;
let jobId: string;

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  officer = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
  // A job sent like any module sends one, whose attempts have all failed: pg-boss's own state
  // after its last retry (state failed, the error kept in output).
  const sender = new JobSender(() => new Set(['platform.idempotency_purge']));
  jobId = (await sender.send(t.db.kysely, 'platform.idempotency_purge', { case: 'dead' }))!;
  const schema = await jobsSchemaOf(t.db.kysely);
  await sql`update ${sql.table(`${schema}.job`)} set state = 'failed', retry_count = retry_limit,
    completed_on = now(), output = '{"message":"the gateway timed out"}'::jsonb
    where id = ${jobId}::uuid`.execute(t.db.kysely);
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/jobs/failed and POST /api/jobs/failed/{id}/retry', () => {
  it('lists the failed job for the national administrator, paged', async () => {
    const response = await admin.request('GET', '/api/jobs/failed?page=1&pageSize=10');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { id: string }[]; total: number; page: number }>();
    expect(body.total).toBe(1);
    expect(body.page).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: jobId,
      name: 'platform.idempotency_purge',
      payload: { case: 'dead' },
      error: 'the gateway timed out',
      attempts: 3,
    });
  });

  it('refuses an officer without the permission, and an anonymous caller', async () => {
    expect((await officer.request('GET', '/api/jobs/failed')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs/failed' })).statusCode).toBe(401);
    const refused = await officer.request('POST', `/api/jobs/failed/${jobId}/retry`);
    expect(refused.statusCode).toBe(403);
  });

  it('retries it (audited), a worker runs it, and a second retry is a 404 problem', async () => {
    const response = await admin.request('POST', `/api/jobs/failed/${jobId}/retry`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: jobId, name: 'platform.idempotency_purge', state: 'retry' });
    const audit = await sql<{ action: string }>`select action from audit_record
      where entity_type = 'platform.job' and entity_id = ${jobId}`.execute(t.db.kysely);
    expect(audit.rows).toEqual([{ action: 'operations.job.retried' }]);

    const again = await admin.request('POST', `/api/jobs/failed/${jobId}/retry`);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'operations.job.not_failed' });

    const runner = await startJobRunner({
      db: t.db.kysely as never,
      definitions: platformJobs(t.db.kysely as never),
      log: { info: () => {}, error: () => {} },
      pollingIntervalSeconds: 0.5,
    });
    try {
      const schema = await jobsSchemaOf(t.db.kysely);
      let state = '';
      for (let i = 0; i < 100 && state !== 'completed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const { rows } = await sql<{
          state: string;
        }>`select state::text as state from ${sql.table(`${schema}.job`)}
          where id = ${jobId}::uuid`.execute(t.db.kysely);
        state = rows[0]?.state ?? '';
      }
      expect(state).toBe('completed');
    } finally {
      await runner.stop(2_000);
    }
    const listed = await admin.request('GET', '/api/jobs/failed');
    expect(listed.json<{ total: number }>().total).toBe(0);
  }, 60_000);

  it('refuses an id that is not a uuid with a 400 problem', async () => {
    const response = await admin.request('POST', '/api/jobs/failed/not-a-uuid/retry');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
