/**
 * Sign-in throttling, shared by every API process through the database. Each attempt is
 * counted BEFORE the password is checked (an atomic upsert), so a burst of parallel guesses
 * cannot slip past the limit. Two counters: per account (by the login typed, existing or not,
 * so the lockout reveals nothing) and per client address.
 */
import { throttleOn } from '../../platform/throttle/throttle.ts';
import type { AccessDb } from './access.queries.ts';

/** Attempts (failed or not: each is counted before the password is checked) in a window. */
export interface ThrottleRule {
  maxAttempts: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const THROTTLE_RULES = {
  account: { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxAttempts: 30, windowMinutes: 15, lockMinutes: 15 },
} satisfies Record<string, ThrottleRule>;

const throttle = throttleOn('access_sign_in_throttle');

/** Counts one attempt on a key; returns the seconds to wait when the key is locked. */
function countAttempt(db: AccessDb, key: string, { maxAttempts, ...rule }: ThrottleRule): Promise<number> {
  return throttle.count(db, key, { maxFailures: maxAttempts, ...rule }, 'pass');
}

/** Counts the attempt on both keys; returns the longest wait, 0 when the attempt may proceed. */
export async function reserveSignInAttempt(db: AccessDb, login: string, address: string): Promise<number> {
  const account = await countAttempt(db, `login:${login}`, THROTTLE_RULES.account);
  const client = await countAttempt(db, `ip:${address}`, THROTTLE_RULES.address);
  return Math.max(account, client);
}

/** A successful sign-in clears the account's counter and gives the address its attempt back. */
export async function forgiveSignInAttempt(db: AccessDb, login: string, address: string): Promise<void> {
  await throttle.clear(db, `login:${login}`);
  await throttle.forgiveOne(db, `ip:${address}`);
}
