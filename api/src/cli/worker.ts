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
 *
 * The database away: at start (down, restarting, not yet accepting connections) the worker
 * tries again, 0.5 s doubling to 10 s, one log line per attempt, for
 * WORKER_DATABASE_WAIT_SECONDS (120 by default), then exits with code 1. Once running, a lost
 * connection fails only the statement on it (the pool replaces it), and pg-boss keeps polling:
 * the jobs resume when the database answers (a job cut in the middle runs again: at least once).
 */
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { loadConfigOrExit } from '../config.ts';
import { modules, prepareDatabase, type Database } from '../modules.ts';
import { createDb } from '../platform/db/create-db.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { DatabaseWaitExpiredError, describe, untilDatabaseAnswers } from '../platform/jobs/database-wait.ts';
import { startJobRunner, type JobRunner } from '../platform/jobs/job-queue.ts';
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
  const wired = wireModules(db.kysely, modules, { log: say });
  let runner: JobRunner;
  try {
    runner = await untilDatabaseAnswers(
      async () => {
        // Migrations and the job queue's schema; never demo data nor a first load of reference
        // data (the API's first start does those).
        await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'none', log: say });
        return startJobRunner({
          db: db.kysely as never,
          definitions: wired.jobs,
          log: { info: say, error: (error, message) => logger.error({ err: error }, message) },
        });
      },
      {
        limitSeconds: config.workerDatabaseWaitSeconds,
        onRetry: (error, attempt, pauseMs) =>
          logger.warn(
            { attempt, retryInMs: pauseMs, limitSeconds: config.workerDatabaseWaitSeconds },
            `the database is unreachable (${describe(error)}): trying again in ${(pauseMs / 1000).toFixed(1)} s (attempt ${attempt}; giving up after ${config.workerDatabaseWaitSeconds} s)`,
          ),
      },
    );
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
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
  if (error instanceof DatabaseWaitExpiredError) {
    logger.fatal(
      { attempts: error.attempts, waitedMs: error.waitedMs },
      `the worker could not start: ${error.message} (WORKER_DATABASE_WAIT_SECONDS=${config.workerDatabaseWaitSeconds})`,
    );
    process.exit(1);
  }
  logger.fatal({ err: error }, 'the worker could not start');
  process.exit(1);
});
