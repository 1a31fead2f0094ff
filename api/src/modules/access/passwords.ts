/**
 * Password hashing with argon2id. The cost is tuned so one verification takes roughly
 * 50-250 ms on a 2-core server (`npm run bench` measures it): slow for an attacker with a
 * stolen table, fast enough for people. Hashes carry their parameters, so raising the cost
 * later still verifies old hashes.
 */
import argon2 from 'argon2';
import { fail } from './access.errors.ts';

export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 64 * 1024, // KiB
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// A few passwords people choose first; a real deployment can extend the list.
const TOO_COMMON = new Set([
  'password12',
  'password123',
  '1234567890',
  '0123456789',
  'qwertyuiop',
  'cambodia123',
  'phnompenh1',
]);

export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw fail('access.password.too_short', {
      title: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (TOO_COMMON.has(password.toLowerCase()) || new Set(password).size < 4) {
    throw fail('access.password.too_weak');
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the login is unknown makes a wrong login cost the same time as
// a wrong password, so response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
