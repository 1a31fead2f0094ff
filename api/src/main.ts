/**
 * `npm start`: one process serving the API and the web app, on PGlite in DATA_DIR by default
 * or on PostgreSQL when DATABASE_URL is set. Applies migrations, loads the demo data on the
 * first start, and shuts down cleanly on SIGTERM/SIGINT (in-flight requests finish, PGlite is
 * closed and its folder unlocked).
 */
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { loadConfigOrExit, repoRoot } from './config.ts';
import type { Database } from './modules.ts';
import { allMigrations, modules, prepareDatabase } from './modules.ts';
import { createDb } from './platform/db/create-db.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { buildWebIfMissing } from './platform/web/build-if-missing.ts';

const startedAt = performance.now();
const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel });
const say = (message: string): void => logger.info(message);

async function start(): Promise<void> {
  if (config.buildWebIfMissing) buildWebIfMissing(config.webDistDir, repoRoot, say);

  const db = await createDb<Database>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'a pooled database connection failed; it will be replaced'),
  });
  const migrations = allMigrations();
  const { applied, seeded, announcements } = await prepareDatabase(db.kysely as never, {
    demoData: config.demoData,
    log: say,
  });

  const app = await buildApp({ config, db, modules, migrations, loggerInstance: logger });

  closeWithGrace({ delay: 20_000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'stopping after an unexpected error');
    else logger.info(`${signal ?? 'stop'} received: finishing in-flight requests`);
    await app.close();
    await db.close();
    logger.info('stopped cleanly');
  });

  const address = await app.listen({ port: config.port, host: config.host });
  const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `SNDD Platform is running at ${address.replace('0.0.0.0', 'localhost')}`,
    `  database: ${where}; ${applied.length} migration(s) applied now`,
    `  API docs: ${address.replace('0.0.0.0', 'localhost')}/api/docs`,
    `  ready in ${Math.round(performance.now() - startedAt)} ms`,
  ];
  if (seeded.length > 0) {
    lines.push(`  demo data loaded: ${seeded.join(', ')}`);
    lines.push(...announcements);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

start().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
