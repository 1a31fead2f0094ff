/**
 * A throttle shared by every API process through the database: failures on a key are counted
 * in a window (an atomic upsert, so a burst of parallel attempts cannot slip past), and a key
 * over its limit is locked for a while. Each module keeps its own table of the shape described
 * in throttle.queries.ts and its own rules; the access module throttles sign-ins with it, the
 * services module the phone checks of people without an account.
 */
import {
  countFailureRow,
  deleteKeyRow,
  forgiveOneRow,
  lockedForSecondsOf,
  lockKeyRow,
  type ThrottleDb,
} from './throttle.queries.ts';

export type { ThrottleDb } from './throttle.queries.ts';

/** How many failures a key may have in a window, and how long it is locked past them. */
export interface ThrottleRule {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export interface Throttle {
  /** The seconds the key stays locked (0 when it is not). */
  lockedForSeconds(db: ThrottleDb, key: string): Promise<number>;
  /**
   * Counts one failure on the key, and locks it once its failures in the window reach
   * `rule.maxFailures` (`lockAt: 'reach'`) or pass it (`lockAt: 'pass'`). Returns the seconds
   * the key is locked after the count (0 when it is not).
   */
  count(db: ThrottleDb, key: string, rule: ThrottleRule, lockAt: 'reach' | 'pass'): Promise<number>;
  /** Forgets the key. */
  clear(db: ThrottleDb, key: string): Promise<void>;
  /** Gives the key one failure back. */
  forgiveOne(db: ThrottleDb, key: string): Promise<void>;
}

/** The throttle over the module's table `table`. */
export function throttleOn(table: string): Throttle {
  return {
    lockedForSeconds: (db, key) => lockedForSecondsOf(db, table, key),
    async count(db, key, rule, lockAt) {
      const row = await countFailureRow(db, table, key, rule.windowMinutes);
      if (row.lockedForSeconds > 0) return row.lockedForSeconds;
      const over = lockAt === 'reach' ? row.failures >= rule.maxFailures : row.failures > rule.maxFailures;
      if (!over) return 0;
      await lockKeyRow(db, table, key, rule.lockMinutes);
      return rule.lockMinutes * 60;
    },
    clear: (db, key) => deleteKeyRow(db, table, key),
    forgiveOne: (db, key) => forgiveOneRow(db, table, key),
  };
}
