/**
 * Background jobs as modules see them (see docs/adr/0015-background-jobs.md).
 *
 * A module declares the jobs it owns in its manifest, `jobs: (ctx) => [...]`, each a
 * `JobDefinition` named `<module>.<job>`, with its retry policy and, for a scheduled job, a
 * cron expression (Cambodia's time). Any module enqueues with `ctx.jobs.send(name, payload,
 * { trx })`: given the transaction that makes the change, the job is written in it, so it is
 * committed or rolled back with the change (a job for a change that never happened never runs).
 *
 * The queue is pg-boss over the platform's own database handle (PostgreSQL or PGlite); the
 * platform runs the jobs in every API process (`JOBS=on`, the default) or in a separate
 * `npm run worker` process. A job must be idempotent: it may run more than once (a retry, a
 * process stopped in the middle of it).
 */
import type { AnyDb } from '../ports.ts';

/** How a failing job is retried before it lands in the dead-letter list (state `failed`). */
export interface RetryPolicy {
  /** Retries after the first attempt (0: none). */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Doubles the delay at each retry (with some jitter). */
  backoff: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true };

/** What a running job is told besides its payload. */
export interface JobRun {
  /** The queue's id of this job (a uuid). */
  id: string;
  /** The job's name (`<module>.<job>`). */
  name: string;
}

export interface JobDefinition<Payload = unknown> {
  /** `<module>.<job>`: lower case, the module's own name first. */
  name: string;
  /** Does the work; a throw is a failure (retried by the policy). Must be idempotent. */
  run(payload: Payload, job: JobRun): Promise<void>;
  /** Defaults to DEFAULT_RETRY. */
  retry?: Partial<RetryPolicy>;
  /** A job running longer than this is failed (and retried). Default 15 minutes. */
  timeoutSeconds?: number;
  /** Cron expression, in Cambodia's time (Asia/Phnom_Penh): e.g. `15 2 * * *` every night at 02:15. */
  schedule?: string;
  /** The payload of a scheduled run (default `{}`). */
  schedulePayload?: Record<string, unknown>;
  /**
   * Runs in the transaction of an operator's retry from the dead-letter list, before the job is
   * put back in the queue: undoes what would make the retry do nothing (e.g. a message the last
   * attempt marked `failed` becomes due again). Must change nothing when nothing is to undo.
   */
  beforeRetry?(db: AnyDb, payload: Payload): Promise<void>;
}

export interface JobSendOptions {
  /**
   * The transaction of the change the job belongs to: the job commits or rolls back with it.
   * Without it the job is written on the context's handle (its own statement, or the
   * transaction the context is bound to).
   */
  trx?: AnyDb;
  /** Run no earlier than this (a Date, or seconds from now). */
  startAfter?: Date | number;
  /**
   * At most one queued (not yet finished) job with this key per job name: a second send is
   * ignored and returns null (e.g. one reminder per application).
   */
  singletonKey?: string;
}

/** `ctx.jobs`: enqueue a declared job. */
export interface ModuleJobs {
  /**
   * Enqueues a job declared by some module's manifest; resolves to the job's id, or null when a
   * `singletonKey` job is already queued. Throws for a name no manifest declares.
   */
  send(name: string, payload?: Record<string, unknown>, options?: JobSendOptions): Promise<string | null>;
  /**
   * Puts a job of the dead-letter list back in the queue for one more attempt, after its
   * definition's `beforeRetry` (in `trx` when given); its name, or null when no failed job has
   * this id.
   */
  retryFailed(id: string, options?: { trx?: AnyDb }): Promise<string | null>;
}

/** The job names a definition may use: `<module>.<job>` (letters, digits, `_`, `-`, `.`). */
export const JOB_NAME = /^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_.-]*$/;

export function retryPolicyOf(definition: Pick<JobDefinition, 'retry'>): RetryPolicy {
  return { ...DEFAULT_RETRY, ...definition.retry };
}
