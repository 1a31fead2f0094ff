/**
 * The real application as the benchmarks' servers run it: Fastify with every module, logging at
 * `warn` (as a production deployment that ships request logs elsewhere would run it), no web
 * app, and the per-address flood guard still counting every request (its cost is measured)
 * but with its limit out of reach, since the load comes from one address.
 */
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/src/app.ts';
import { allMigrations, modules, type Database } from '../../api/src/modules.ts';
import { createDb, type Db } from '../../api/src/platform/db/create-db.ts';

/** The database of DATABASE_URL, or an in-memory PGlite when there is none. */
export function benchDb(): Promise<Db<Database>> {
  return createDb<Database>({ databaseUrl: process.env.DATABASE_URL || undefined, poolMax: 10 });
}

/** The application on `db`, listening on a free port of 127.0.0.1; the port it listens on. */
export async function listenForBench(db: Db<Database>): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildApp({
    config: {
      logLevel: 'warn',
      webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
      rateLimitPerMinute: 1e9,
    },
    db,
    modules,
    migrations: allMigrations(),
    logger: { level: 'warn' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, port: typeof address === 'object' && address ? address.port : 0 };
}

/**
 * For a server script that harness.ts's startServer runs: listens, prints `PORT=<n>`, and on
 * SIGTERM closes the application, then the database, and exits.
 */
export async function serveForBench(db: Db<Database>): Promise<void> {
  const { app, port } = await listenForBench(db);
  process.stdout.write(`PORT=${port}\n`);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
