/**
 * `npm run worker`: a process that runs background jobs only (no HTTP), for a deployment that
 * keeps jobs apart from the API processes (set JOBS=off on those). Any number may run, on any
 * machine: pg-boss hands each job to one of them. On PGlite the folder belongs to one process,
 * so there the server runs the jobs itself (JOBS=on, the default) and this entry is for
 * PostgreSQL (it refuses a PGlite folder in use, like every entry).
 *
 * It migrates the database if needed (under the advisory lock, as every process does), runs
 * every declared job and the schedules, and on SIGTERM or SIGINT stops taking jobs, lets the
 * jobs in progress finish (up to 20 s), closes the database and exits 0.
 */
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { loadConfigOrExit } from '../config.ts';
import { modules, prepareDatabase, type Database } from '../modules.ts';
import { createDb } from '../platform/db/create-db.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { startJobRunner } from '../platform/jobs/job-queue.ts';
import { wireModules } from '../platform/wiring.ts';

/** Time the jobs in progress are given to finish on SIGTERM. */
const STOP_DELAY_MS = 20_000;

const startedAt = performance.now();
const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel });

async function run(): Promise<void> {
  const db = await createDb<Database>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    applicationName: 'sndd-platform-worker',
    onPoolError: (error) =>
      logger.warn({ err: error }, 'a pooled database connection failed; it will be replaced'),
  });
  const say = (message: string): void => logger.info(message);
  // Migrations and the job queue's schema; never demo data nor a first load of reference data
  // (the API's first start does those).
  await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'none', log: say });
  const wired = wireModules(db.kysely, modules, { log: say });
  const runner = await startJobRunner({
    db: db.kysely as never,
    definitions: wired.jobs,
    log: { info: say, error: (error, message) => logger.error({ err: error }, message) },
  });
  closeWithGrace({ delay: STOP_DELAY_MS + 5_000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'stopping after an unexpected error');
    else logger.info(`${signal ?? 'stop'} received: finishing the jobs in progress`);
    await runner.stop(STOP_DELAY_MS);
    await db.close();
    logger.info('worker stopped cleanly');
  });
  const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    `SNDD Platform worker (pid ${process.pid}) running ${wired.jobs.length} job(s) on ${where}, ready in ${Math.round(performance.now() - startedAt)} ms\n`,
  );
}

run().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'the worker could not start');
  process.exit(1);
});
