/**
 * Waiting for the database: a process that starts while PostgreSQL is down, restarting or not
 * yet accepting connections (a container started before its database, a failover) tries again
 * with a bounded back-off instead of crashing, says so in its log, and gives up with an error
 * after a bounded wait (the caller exits non-zero: systemd or the container runtime decides
 * what comes next).
 *
 * Only errors that mean "the database is not reachable right now" are waited out; any other
 * (a migration that fails, a bad password) ends the wait at once: waiting would not mend it.
 */

/** Errors of the driver meaning "not reachable now" (the API answers them 503; see problem.ts). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, recovery)
  '57P01',
  '57P02',
  '57P03',
  // connection_exception, connection_does_not_exist, connection_failure
  '08000',
  '08003',
  '08006',
]);

export function isDatabaseUnreachable(error: unknown): boolean {
  const err = error as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) return true;
  // node's AggregateError (IPv4 and IPv6 both refused) carries the codes in `errors`.
  if (Array.isArray(err.errors) && err.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i.test(
    message,
  );
}

/** The wait ran out: the database stayed unreachable for `limitSeconds`. */
export class DatabaseWaitExpiredError extends Error {
  constructor(
    readonly attempts: number,
    readonly waitedMs: number,
    readonly lastError: unknown,
  ) {
    super(
      `the database stayed unreachable for ${Math.round(waitedMs / 1000)} s (${attempts} attempts): ${describe(lastError)}`,
    );
    this.name = 'DatabaseWaitExpiredError';
  }
}

export function describe(error: unknown): string {
  const err = error as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  const message =
    typeof err?.message === 'string' && err.message !== ''
      ? err.message
      : Array.isArray(err?.errors) && err.errors.length > 0
        ? describe(err.errors[0])
        : String(error);
  return typeof err?.code === 'string' && !message.includes(err.code) ? `${err.code} ${message}` : message;
}

export interface DatabaseWaitOptions {
  /** Give up once this long has passed since the first attempt (0: one attempt only). */
  limitSeconds: number;
  /** Called before each pause: what failed, the attempt's number and the pause. */
  onRetry(error: unknown, attempt: number, pauseMs: number): void;
  /** First pause; doubles at each failure up to `maxPauseMs`. */
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/** The pause after the n-th failure (1-based): 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s each. */
export function pauseAfter(failure: number, firstPauseMs = 500, maxPauseMs = 10_000): number {
  return Math.min(maxPauseMs, firstPauseMs * 2 ** Math.max(0, failure - 1));
}

/**
 * Runs `attempt` until it resolves; while it fails because the database is unreachable, waits
 * (bounded back-off) and tries again, up to `limitSeconds` in all. `attempt` must be safe to
 * run again after a failure part-way (migrations are, each in its transaction under a lock).
 */
export async function untilDatabaseAnswers<T>(
  attempt: () => Promise<T>,
  options: DatabaseWaitOptions,
): Promise<T> {
  const started = Date.now();
  for (let failures = 0; ;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      failures += 1;
      const waited = Date.now() - started;
      const left = options.limitSeconds * 1000 - waited;
      if (left <= 0) throw new DatabaseWaitExpiredError(failures, waited, error);
      const pause = Math.min(left, pauseAfter(failures, options.firstPauseMs, options.maxPauseMs));
      options.onRetry(error, failures, pause);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
