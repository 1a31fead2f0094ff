/**
 * The real application (Fastify, schemas, error handling, compression, request ids, Kysely)
 * on the database named by DATABASE_URL, or on an in-memory PGlite. Logging is at `warn`, as
 * a production deployment that ships request logs elsewhere would run it.
 */
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../api/src/app.ts';
import type { Database } from '../../api/src/modules.ts';
import { allMigrations, modules, prepareDatabase } from '../../api/src/modules.ts';
import { createDb } from '../../api/src/platform/db/create-db.ts';

const db = await createDb<Database>({ databaseUrl: process.env.DATABASE_URL || undefined, poolMax: 10 });
await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
const app = await buildApp({
  // The load comes from one address: the per-address flood guard still counts every request
  // (its cost is measured) but its limit is set out of reach.
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
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
