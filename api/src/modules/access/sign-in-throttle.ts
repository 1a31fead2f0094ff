/**
 * Sign-in throttling, shared by every API process through the database. Each attempt is
 * counted BEFORE the password is checked (an atomic upsert), so a burst of parallel guesses
 * cannot slip past the limit. Two counters: per account (by the login typed, existing or not,
 * so the lockout reveals nothing) and per client address.
 */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';

export interface ThrottleRule {
  maxAttempts: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const THROTTLE_RULES = {
  account: { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxAttempts: 30, windowMinutes: 15, lockMinutes: 15 },
} satisfies Record<string, ThrottleRule>;

/** Counts one attempt on a key; returns the seconds to wait when the key is locked. */
async function countAttempt(db: AccessDb, key: string, rule: ThrottleRule): Promise<number> {
  const row = await db
    .insertInto('access_sign_in_throttle')
    .values({ key, failures: 1, window_started_at: sql<Date>`now()` })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        failures: sql<number>`case when access_sign_in_throttle.window_started_at < now() - make_interval(mins => ${rule.windowMinutes}) then 1 else access_sign_in_throttle.failures + 1 end`,
        window_started_at: sql<Date>`case when access_sign_in_throttle.window_started_at < now() - make_interval(mins => ${rule.windowMinutes}) then now() else access_sign_in_throttle.window_started_at end`,
      }),
    )
    .returning([
      'failures',
      sql<number>`greatest(0, ceil(extract(epoch from (locked_until - now()))))::int`.as('lockedForSeconds'),
    ])
    .executeTakeFirstOrThrow();
  if (row.lockedForSeconds > 0) return row.lockedForSeconds;
  if (row.failures > rule.maxAttempts) {
    await db
      .updateTable('access_sign_in_throttle')
      .set({
        locked_until: sql<Date>`now() + make_interval(mins => ${rule.lockMinutes})`,
        failures: 0,
        window_started_at: sql<Date>`now()`,
      })
      .where('key', '=', key)
      .execute();
    return rule.lockMinutes * 60;
  }
  return 0;
}

/** Counts the attempt on both keys; returns the longest wait, 0 when the attempt may proceed. */
export async function reserveSignInAttempt(db: AccessDb, login: string, address: string): Promise<number> {
  const account = await countAttempt(db, `login:${login}`, THROTTLE_RULES.account);
  const client = await countAttempt(db, `ip:${address}`, THROTTLE_RULES.address);
  return Math.max(account, client);
}

/** A successful sign-in clears the account's counter and gives the address its attempt back. */
export async function forgiveSignInAttempt(db: AccessDb, login: string, address: string): Promise<void> {
  await db.deleteFrom('access_sign_in_throttle').where('key', '=', `login:${login}`).execute();
  await db
    .updateTable('access_sign_in_throttle')
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where('key', '=', `ip:${address}`)
    .execute();
}
