/**
 * GET /api/metrics: off without METRICS_TOKEN, behind the bearer token with it, and the
 * figures it gives follow what the process served (requests by route template and status,
 * the audit chain's length, on PostgreSQL the pool's connections).
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { allMigrations, modules } from '../../modules.ts';
import { openTestDb, usingPostgres, type TestDb } from '../../test-support/test-db.ts';
import { JobSender } from '../jobs/job-queue.ts';

const TOKEN = 'metrics-token-for-the-test-0123';

describe('GET /api/metrics', () => {
  let db: TestDb;
  const build = (metricsToken: string | undefined) =>
    buildApp({
      config: {
        logLevel: 'silent',
        webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
        rateLimitPerMinute: 1_000_000,
        metricsToken,
      },
      db,
      modules,
      migrations: allMigrations(),
      logger: false,
    });
  beforeAll(async () => {
    db = await openTestDb({ demoData: false });
  });
  afterAll(async () => db.close());

  it('answers 404 problem+json when METRICS_TOKEN is not set', async () => {
    const app = await build(undefined);
    const answer = await app.inject({ url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json().code).toBe('platform.metrics.off');
    await app.close();
  });

  it('refuses a request without the token or with another one', async () => {
    const app = await build(TOKEN);
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN]) {
      const answer = await app.inject({
        url: '/api/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(answer.statusCode).toBe(401);
      expect(answer.json().code).toBe('platform.metrics.token');
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    }
    await app.close();
  });

  it('counts requests by route template and status, and gives the audit chain and the pool', async () => {
    const app = await build(TOKEN);
    await app.inject({ url: '/api/health' });
    await app.inject({ url: '/api/health' });
    await app.inject({ url: '/api/gazetteer/units/99' });
    const answer = await app.inject({ url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/plain');
    const text = answer.body;
    expect(text).toContain('sndd_http_requests_total{method="GET",route="/api/health",status="200"} 2');
    // The template, not the URL asked: the number of series stays bounded.
    expect(text).toContain(
      'sndd_http_requests_total{method="GET",route="/api/gazetteer/units/:code",status="404"} 1',
    );
    expect(text).not.toContain('/api/gazetteer/units/99');
    expect(text).toMatch(/sndd_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} 2/);
    expect(text).toMatch(/^sndd_audit_chain_length \d+$/m);
    expect(text).toContain('process_resident_memory_bytes');
    if (usingPostgres) expect(text).toMatch(/sndd_db_pool_connections\{state="idle"\} \d+/);
    await app.close();
  });

  it('gives the background jobs by name and state', async () => {
    const app = await build(TOKEN);
    const sender = new JobSender(() => new Set(['platform.idempotency_purge']));
    await sender.send(db.kysely, 'platform.idempotency_purge', { from: 'metrics test' });
    const answer = await app.inject({ url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.body).toContain('sndd_jobs{name="platform.idempotency_purge",state="created"} 1');
    await app.close();
  });
});
