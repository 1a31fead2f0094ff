/**
 * `npm start` (and `npm run start:prod`, the same file compiled to api/dist/main.js): the process
 * serving the API and the web app, on PGlite in DATA_DIR by default or on PostgreSQL when
 * DATABASE_URL is set. Applies migrations, loads the demo data on the first start, and shuts
 * down cleanly on SIGTERM/SIGINT (in-flight requests finish, PGlite is closed and its folder
 * unlocked).
 *
 * `WORKERS=n` (PostgreSQL only, checked in config.ts): this process becomes the primary of
 * node's cluster module. It prepares the database once, then runs n workers that share the
 * port, replaces a worker that dies, and passes SIGTERM/SIGINT on to the workers, waiting for
 * each to finish its requests.
 */
import cluster, { type Worker } from 'node:cluster';
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

/** Time a stopping worker is given to finish its requests before it is killed. */
const STOP_DELAY_MS = 20_000;
/** A worker that dies is replaced after this pause (a crash loop does not spin the CPU). */
const RESTART_PAUSE_MS = 1_000;

function openDb() {
  return createDb<Database>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'a pooled database connection failed; it will be replaced'),
  });
}

/** One serving process: the only one (WORKERS=1), or a worker of the cluster. */
async function serve(): Promise<void> {
  if (config.buildWebIfMissing && cluster.isPrimary) buildWebIfMissing(config.webDistDir, repoRoot, say);

  const opening = performance.now();
  const db = await openDb();
  const migrations = allMigrations();
  const preparing = performance.now();
  // In a cluster the primary has prepared the database once, before starting the workers.
  const { applied, seeded, announcements } = cluster.isWorker
    ? { applied: [], seeded: [], announcements: [] }
    : await prepareDatabase(db.kysely as never, { demoData: config.demoData, log: say });

  const building = performance.now();
  const app = await buildApp({ config, db, modules, migrations, loggerInstance: logger });
  if (cluster.isWorker) {
    // Which process answered: lets an operator (and the test) see the load spread and a
    // replaced worker. A process id says nothing an attacker can use.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-worker-pid', String(process.pid));
    });
  }

  // A worker takes its signals itself: Ctrl-C reaches it from the terminal and again from the
  // primary, and systemd signals the whole group too; a second signal must not cut it short
  // (close-with-grace would exit at once), the primary's deadline bounds the stop.
  const workerSkips: ('SIGINT' | 'SIGTERM')[] = cluster.isWorker ? ['SIGINT', 'SIGTERM'] : [];
  const grace = closeWithGrace(
    { delay: STOP_DELAY_MS, logger, skip: workerSkips },
    async ({ signal, err }) => {
      if (err) logger.error({ err }, 'stopping after an unexpected error');
      else logger.info(`${signal ?? 'stop'} received: finishing in-flight requests`);
      await app.close();
      await db.close();
      logger.info('stopped cleanly');
    },
  );
  if (cluster.isWorker) {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void grace.close();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  }

  const listening = performance.now();
  const address = await app.listen({ port: config.port, host: config.host });
  // Where the start went (process start = 0): loading the code, opening the database, preparing
  // it (migrations, reference data, seeds), building the app, listening.
  const phases = [
    ['code loaded', startedAt],
    ['database opened', preparing - opening],
    ['prepared', building - preparing],
    ['app built', listening - building],
    ['listening', performance.now() - listening],
  ] as const;
  logger.info(`start phases: ${phases.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}`);
  const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const shown = address.replace('0.0.0.0', 'localhost');
  if (cluster.isWorker) {
    process.stdout.write(
      `  worker ${cluster.worker?.id ?? '?'} (pid ${process.pid}) serving at ${shown}, ready in ${Math.round(performance.now() - startedAt)} ms\n`,
    );
    return;
  }
  const lines = [
    '',
    `SNDD Platform is running at ${shown}`,
    `  database: ${where}; ${applied.length} migration(s) applied now`,
    `  API docs: ${shown}/api/docs`,
    `  ready in ${Math.round(performance.now() - startedAt)} ms (${Math.round(performance.now())} ms since the process started)`,
  ];
  if (seeded.length > 0) {
    lines.push(`  demo data loaded: ${seeded.join(', ')}`);
    lines.push(...announcements);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** WORKERS>1: prepare the database once, then keep `config.workers` workers running. */
async function supervise(): Promise<void> {
  if (config.buildWebIfMissing) buildWebIfMissing(config.webDistDir, repoRoot, say);
  const db = await openDb();
  let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
  try {
    prepared = await prepareDatabase(db.kysely as never, { demoData: config.demoData, log: say });
  } finally {
    await db.close();
  }

  let stopping = false;
  let firstListening: string | undefined;
  const fork = (): Worker => cluster.fork();
  cluster.on('listening', (_worker, address) => {
    if (firstListening !== undefined) return;
    const host = address.address === null || address.address === '0.0.0.0' ? 'localhost' : address.address;
    firstListening = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    const lines = [
      '',
      `SNDD Platform is running at ${firstListening}`,
      `  database: PostgreSQL (DATABASE_URL); ${prepared.applied.length} migration(s) applied now`,
      `  API docs: ${firstListening}/api/docs`,
      `  ${config.workers} workers (primary pid ${process.pid}); first ready in ${Math.round(performance.now() - startedAt)} ms`,
    ];
    if (prepared.seeded.length > 0) {
      lines.push(`  demo data loaded: ${prepared.seeded.join(', ')}`);
      lines.push(...prepared.announcements);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.warn(
      { workerId: worker.id, pid: worker.process.pid, code, signal },
      'a worker died: starting a replacement',
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_PAUSE_MS).unref();
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping the workers`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    for (const worker of workers) worker.process.kill('SIGTERM');
    // Each worker finishes its requests within STOP_DELAY_MS (close-with-grace); past that, kill.
    const killer = setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, STOP_DELAY_MS + 2_000);
    killer.unref();
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        logger.info('stopped cleanly');
        process.exit(0);
      }
    }, 50);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let index = 0; index < config.workers; index += 1) fork();
}

const run = config.workers > 1 && cluster.isPrimary ? supervise : serve;
run().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
