/**
 * The job queue: pg-boss (docs/adr/0015-background-jobs.md) over the platform's own database
 * handle, so that it works the same on PostgreSQL and on PGlite.
 *
 * pg-boss accepts any object with `executeSql(text, values)` as its database. We hand it one
 * that runs through Kysely (`executorOf`): on PostgreSQL that is the app's pool; on PGlite the
 * single connection's FIFO (platform/db/pglite-pool.ts), so a job's statement waits its turn and
 * never lands inside another request's open transaction. Given a transaction, the same executor
 * runs in it: that is how `ctx.jobs.send(..., { trx })` commits or rolls back with the change.
 *
 * pg-boss's tables live in their own schema: `pgboss` when the database works in `public` (every
 * deployment), `<schema>_pgboss` when it works in another (each PostgreSQL test file has its own).
 * `prepareJobStore` creates or migrates that schema (pg-boss's own migrations, under its advisory
 * lock) and one queue per declared job, with the job's retry policy, at every start.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { AnyDb } from '../ports.ts';
import { describe, isDatabaseUnreachable } from './database-wait.ts';
import { JOB_NAME, retryPolicyOf, type JobDefinition, type JobSendOptions } from './job.ts';

/** The time zone of every schedule: a cron line reads as a Cambodian clock. */
export const SCHEDULE_TIME_ZONE = 'Asia/Phnom_Penh';
/** A failed job stays in the dead-letter list this long before pg-boss archives it. */
export const FAILED_KEPT_SECONDS = 30 * 24 * 60 * 60;
/** Job states as pg-boss names them; `failed` is the dead-letter list. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A pg-boss database over a Kysely handle (the root database or a transaction). */
export function executorOf(db: AnyDb): PgBoss.Db {
  const executor: PgBoss.Db = {
    async executeSql(text: string, values?: unknown[]) {
      const query = CompiledQuery.raw(text, values ?? []);
      if (db.isTransaction) return db.executeQuery(query);
      // pg-boss sends some of its work as one script `BEGIN; …; COMMIT;`. Should a statement
      // of it fail, the connection would stay in an aborted transaction: on PGlite, the one
      // connection every request shares. So the script runs on a connection of its own turn,
      // and a failure is followed by a ROLLBACK on that same connection.
      return db.connection().execute(async (connection) => {
        try {
          return await connection.executeQuery(query);
        } catch (error) {
          if (/\bBEGIN\b/.test(text))
            await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
          throw error;
        }
      });
    },
  };
  return executor;
}

const schemaCache = new WeakMap<object, Promise<string>>();

/** The schema of pg-boss's tables for this database handle (see the header). */
export async function jobsSchemaOf(db: AnyDb): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const current = rows[0]?.schema ?? 'public';
  return current === 'public' ? 'pgboss' : `${current}_pgboss`;
}

function cachedSchemaOf(key: object, db: AnyDb): Promise<string> {
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = jobsSchemaOf(db);
    schemaCache.set(key, schema);
    // A failure (the database away) is not remembered.
    schema.catch(() => schemaCache.delete(key));
  }
  return schema;
}

/** Checks the declared jobs: each named `<module>.<job>` by its own module, once. */
export function checkJobDefinitions(moduleName: string, definitions: readonly JobDefinition[]): string[] {
  const problems: string[] = [];
  for (const definition of definitions) {
    if (!JOB_NAME.test(definition.name) || !definition.name.startsWith(`${moduleName}.`)) {
      problems.push(
        `Module ${moduleName} declares the job "${definition.name}": a job is named "${moduleName}.<job>".`,
      );
    }
  }
  return problems;
}

function queueOptions(definition: JobDefinition): PgBoss.Queue {
  const retry = retryPolicyOf(definition);
  return {
    name: definition.name,
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: definition.timeoutSeconds ?? 15 * 60,
  };
}

function bossOptions(schema: string, db: PgBoss.Db, extra: Partial<PgBoss.ConstructorOptions> = {}) {
  return {
    db,
    schema,
    // The dead-letter list: failed jobs stay visible (and retryable) for a month.
    archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
    ...extra,
  } as PgBoss.ConstructorOptions;
}

/** A pg-boss object used only to write and change jobs (never started: no timers). */
function clientOf(schema: string): PgBoss {
  // Every call passes its own `db`; this one is never used.
  const unused: PgBoss.Db = {
    executeSql: () => Promise.reject(new Error('the job queue client runs on the caller’s database handle')),
  };
  return new PgBoss(bossOptions(schema, unused));
}

const clients = new Map<string, PgBoss>();
function cachedClient(schema: string): PgBoss {
  let client = clients.get(schema);
  if (!client) {
    client = clientOf(schema);
    clients.set(schema, client);
  }
  return client;
}

/**
 * Creates or migrates pg-boss's schema and makes one queue per job with its retry policy
 * (idempotent; every process runs it at start, pg-boss takes an advisory lock to migrate).
 */
export async function prepareJobStore(
  db: Kysely<unknown>,
  definitions: readonly JobDefinition[],
): Promise<void> {
  const anyDb = db as AnyDb;
  const schema = await cachedSchemaOf(db, anyDb);
  const boss = new PgBoss(
    bossOptions(schema, executorOf(anyDb), { supervise: false, schedule: false, migrate: true }),
  );
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const definition of definitions) {
      const options = queueOptions(definition);
      await boss.createQueue(definition.name, options);
      await boss.updateQueue(definition.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/** The sender behind every module's `ctx.jobs` (platform/context.ts). */
export class JobSender {
  private readonly names: () => ReadonlySet<string>;
  private readonly definitionOf: (name: string) => JobDefinition | undefined;

  /**
   * `names`: the declared jobs, read at each send (wiring fills them after the contexts);
   * `definitionOf`: a declared job's definition (its `beforeRetry`), read at each retry.
   */
  constructor(
    names: () => ReadonlySet<string>,
    definitionOf: (name: string) => JobDefinition | undefined = () => undefined,
  ) {
    this.names = names;
    this.definitionOf = definitionOf;
  }

  /** A failed job back in the queue, after its definition's `beforeRetry` (see retryFailedJob). */
  retryFailed(db: AnyDb, id: string): Promise<string | null> {
    return retryFailedJob(db, id, this.definitionOf);
  }

  async send(
    db: AnyDb,
    name: string,
    payload: Record<string, unknown> = {},
    options: Omit<JobSendOptions, 'trx'> = {},
  ): Promise<string | null> {
    if (!this.names().has(name)) {
      throw new Error(`No module declares the job "${name}" (a manifest's jobs).`);
    }
    const schema = await cachedSchemaOf(this, db);
    const sendOptions: PgBoss.SendOptions = { db: executorOf(db) };
    if (options.startAfter !== undefined) sendOptions.startAfter = options.startAfter;
    if (options.singletonKey !== undefined) sendOptions.singletonKey = options.singletonKey;
    return cachedClient(schema).send(name, payload, sendOptions);
  }
}

export interface FailedJob {
  id: string;
  name: string;
  payload: unknown;
  /** The last error's message. */
  error: string | null;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
}

/** The dead-letter list: jobs whose every attempt failed, newest first. */
export async function listFailedJobs(
  db: AnyDb,
  page: { limit: number; offset: number },
): Promise<{ items: FailedJob[]; total: number }> {
  const schema = await jobsSchemaOf(db);
  const job = sql.table(`${schema}.job`);
  const { rows } = await sql<{
    id: string;
    name: string;
    data: unknown;
    output: { message?: unknown } | null;
    retry_count: number;
    created_on: Date;
    completed_on: Date | null;
  }>`select id, name, data, output, retry_count, created_on, completed_on from ${job}
     where state = 'failed' order by completed_on desc nulls last, id
     limit ${page.limit} offset ${page.offset}`.execute(db);
  const counted = await sql<{
    total: number;
  }>`select count(*)::int as total from ${job} where state = 'failed'`.execute(db);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      payload: row.data,
      error:
        typeof row.output?.message === 'string'
          ? row.output.message
          : row.output
            ? JSON.stringify(row.output)
            : null,
      // pg-boss counts the retries; the first attempt is one more.
      attempts: row.retry_count + 1,
      createdAt: row.created_on,
      failedAt: row.completed_on,
    })),
    total: counted.rows[0]?.total ?? 0,
  };
}

/**
 * Puts a failed job back in the queue for one more attempt; its name, or null if not failed.
 * The job's definition's `beforeRetry` runs first on the same handle, with the job's payload:
 * given a transaction, both commit or roll back together.
 */
export async function retryFailedJob(
  db: AnyDb,
  id: string,
  definitionOf?: (name: string) => JobDefinition | undefined,
): Promise<string | null> {
  const schema = await jobsSchemaOf(db);
  const { rows } = await sql<{ name: string; data: unknown }>`select name, data
     from ${sql.table(`${schema}.job`)}
     where id = ${id}::uuid and state = 'failed'`.execute(db);
  const row = rows[0];
  if (!row) return null;
  await definitionOf?.(row.name)?.beforeRetry?.(db, row.data ?? {});
  await cachedClient(schema).retry(row.name, id, { db: executorOf(db) });
  return row.name;
}

/** Jobs by name and state, for the metrics (finished ones excepted: they are not a depth). */
export async function queueDepths(db: AnyDb): Promise<{ name: string; state: JobState; count: number }[]> {
  const schema = await jobsSchemaOf(db);
  const { rows } = await sql<{ name: string; state: JobState; count: number }>`
    select name, state::text as state, count(*)::int as count from ${sql.table(`${schema}.job`)}
    where state in ('created', 'retry', 'active', 'failed') and name not like '\\_\\_pgboss%'
    group by name, state`.execute(db);
  return rows;
}

export interface JobRunnerOptions {
  db: Kysely<unknown>;
  definitions: readonly JobDefinition[];
  log: { info(message: string): void; error(error: unknown, message: string): void };
  /** Seconds between polls of each queue (pg-boss: at least 0.5). Default 2. */
  pollingIntervalSeconds?: number;
}

export interface JobRunner {
  /** Stops fetching, waits up to `timeoutMs` for the jobs in progress, then returns. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Runs the declared jobs in this process: one pg-boss worker per job, the schedules declared in
 * the manifests (a schedule no longer declared is removed), and pg-boss's maintenance (expiry,
 * archiving), which pg-boss runs once across processes.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const anyDb = options.db as AnyDb;
  const schema = await cachedSchemaOf(options.db, anyDb);
  const boss = new PgBoss(
    bossOptions(schema, executorOf(anyDb), { supervise: true, schedule: true, migrate: true }),
  );
  // While the database is away every queue's poll fails every interval: one warning per
  // UNREACHABLE_LOG_EVERY_MS says so (pg-boss keeps polling and resumes by itself when the
  // database answers); any other error is logged each time.
  let lastUnreachableLog = 0;
  boss.on('error', (error) => {
    if (isDatabaseUnreachable(error)) {
      if (Date.now() - lastUnreachableLog < UNREACHABLE_LOG_EVERY_MS) return;
      lastUnreachableLog = Date.now();
      options.log.error(
        error,
        `background jobs: the database is unreachable (${describe(error)}); polling goes on and the jobs resume when it answers`,
      );
      return;
    }
    options.log.error(error, 'background jobs: the queue reported an error');
  });
  await boss.start();
  try {
    await startWorking(boss, options);
  } catch (error) {
    // Part-way (the database went away): stop what started, so that the caller may try again.
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1_000 }).catch(() => {});
    throw error;
  }
  let stopped = false;
  return {
    async stop(timeoutMs = 20_000) {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, close: false, wait: true, timeout: timeoutMs });
    },
  };
}

/** One warning per this interval while the database is unreachable. */
const UNREACHABLE_LOG_EVERY_MS = 30_000;

async function startWorking(boss: PgBoss, options: JobRunnerOptions): Promise<void> {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
  for (const definition of options.definitions) {
    // pg-boss waits a polling interval after every fetch; after a job, the worker is told to
    // fetch again at once, so a full queue drains at the speed of its jobs, and an empty one
    // costs one query per interval.
    const worker: { id?: string } = {};
    worker.id = await boss.work<Record<string, unknown>>(definition.name, polling, async (jobs) => {
      if (jobs.length > 0 && worker.id !== undefined) boss.notifyWorker(worker.id);
      for (const job of jobs) {
        try {
          await definition.run(job.data ?? {}, { id: job.id, name: job.name });
        } catch (error) {
          options.log.error(error, `background job ${job.name} ${job.id} failed`);
          throw error;
        }
      }
    });
  }
  const scheduled = new Set<string>();
  for (const definition of options.definitions) {
    if (!definition.schedule) continue;
    scheduled.add(definition.name);
    await boss.schedule(definition.name, definition.schedule, definition.schedulePayload ?? {}, {
      tz: SCHEDULE_TIME_ZONE,
    });
  }
  for (const existing of await boss.getSchedules()) {
    if (!scheduled.has(existing.name)) await boss.unschedule(existing.name);
  }
  options.log.info(
    `background jobs: ${options.definitions.length} job(s) running here, ${scheduled.size} scheduled`,
  );
}
