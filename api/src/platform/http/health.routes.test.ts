import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../modules.ts';
import { buildAppOver, openTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

describe('GET /api/health and /api/ready', () => {
  it('reports the process alive', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('reports ready when the database answers and every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('reports not ready, naming the pending migration, when one is not applied', async () => {
    const migrations = [
      ...allMigrations(),
      {
        id: 'later/20991231000000_future.sql',
        fileName: '20991231000000_future.sql',
        sql: 'select 1',
        checksum: 'x',
      },
    ];
    const app = await buildAppOver(t.db, { migrations });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'platform.migrations.pending',
        detail: expect.stringContaining('later/20991231000000_future.sql'),
      });
    } finally {
      await app.close();
    }
  });

  it('reports not ready with platform.database.unavailable when the database does not answer', async () => {
    const app = await buildAppOver({
      ...t.db,
      ping: () =>
        Promise.reject(
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
        ),
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'platform.database.unavailable' });
      expect(response.body).not.toContain('5432');
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every API route in OpenAPI 3.1 with the Problem schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/ready',
        '/api/gazetteer/units',
        '/api/gazetteer/units/{code}',
      ]),
    );
    expect(document.components.schemas).toHaveProperty('Problem');
  });

  it('serves interactive docs at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});
