/**
 * Phone checks by people without an account: whoever holds a tracking number and gives the
 * phone number on file may rate an application or read a complaint's reply. Wrong guesses are
 * throttled as sign-ins are (access module, sign-in-throttle.ts), shared by every API process
 * through the database: per tracking number (5 wrong numbers in 15 minutes lock it for 15
 * minutes) and per client address (30 in 15 minutes, across numbers). A locked key answers 429
 * services.phone_check.throttled with Retry-After, before the number is even compared, so a
 * locked key reveals nothing. The counts are written outside the caller's transaction: a
 * refused guess still counts.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/http/problem.ts';
import { throttleOn, type ThrottleRule } from '../../platform/throttle/throttle.ts';
import { normalisePhone } from './applicants.ts';
import { SERVICES_ERRORS } from './services.errors.ts';
import type { ServicesDb } from './services.tables.ts';

export const PHONE_CHECK_RULES = {
  number: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
} as const satisfies Record<string, ThrottleRule>;

const throttle = throttleOn('services_phone_check_throttle');

/** 429 with the seconds to wait (the routes send them as Retry-After). */
export class PhoneCheckThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'services.phone_check.throttled',
      SERVICES_ERRORS['services.phone_check.throttled'].title,
      `Retry after ${retryAfterSeconds} seconds.`,
    );
  }
}

const keysOf = (trackingNumber: string, address: string) => ({
  number: `number:${trackingNumber}`,
  address: `ip:${address}`,
});

/** Throws PhoneCheckThrottled when the number or the address is locked. */
export async function assertNotThrottled(db: ServicesDb, trackingNumber: string, address: string) {
  const keys = keysOf(trackingNumber, address);
  const wait = Math.max(
    await throttle.lockedForSeconds(db, keys.number),
    await throttle.lockedForSeconds(db, keys.address),
  );
  if (wait > 0) throw new PhoneCheckThrottled(wait);
}

/** Counts a wrong phone number on both keys, locking those over their limit. */
export async function countWrongPhone(db: ServicesDb, trackingNumber: string, address: string) {
  const keys = keysOf(trackingNumber, address);
  for (const [key, rule] of [
    [keys.number, PHONE_CHECK_RULES.number],
    [keys.address, PHONE_CHECK_RULES.address],
  ] as const) {
    await throttle.count(db, key, rule, 'reach');
  }
}

/** True when `typed` is the same Cambodian number as the one on file. */
export function samePhone(typed: string | null | undefined, onFile: string | null): boolean {
  if (!typed || onFile === null) return false;
  const phone = normalisePhone(typed);
  return phone !== null && phone === onFile;
}

/** For the routes: runs `work`, and sends Retry-After with a throttled answer. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PhoneCheckThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}
