/** The real application over a real test database, for `app.inject` route tests. */
import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { allMigrations, modules } from '../modules.ts';
import { openTestDb, type TestDb } from './test-db.ts';
import type { Migration } from '../platform/db/migrations.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  close(): Promise<void>;
}

/**
 * The application over a database a test already holds, not yet ready: the test may add a
 * route of its own (a slow one, a failing one) before using it.
 */
export async function buildAppOver(
  db: TestDb,
  options: { migrations?: Migration[] } = {},
): Promise<FastifyInstance> {
  return buildApp({
    // No web app in API tests: they are about the API, and web/dist may not be built.
    // Every injected request comes from one address: the flood guard would get in the way.
    config: {
      logLevel: 'silent',
      webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
      rateLimitPerMinute: 1_000_000,
    },
    db,
    modules,
    migrations: options.migrations ?? allMigrations(),
    logger: false,
  });
}

export async function openTestApp(options: Parameters<typeof openTestDb>[0] = {}): Promise<TestApp> {
  const db = await openTestDb(options);
  const app = await buildAppOver(db);
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
