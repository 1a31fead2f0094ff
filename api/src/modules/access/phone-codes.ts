/**
 * One-time codes sent by SMS to sign up with a phone number or to recover a password: six
 * digits, valid ten minutes, used once, kept only as a salted hash, and tried at most
 * CODE_MAX_ATTEMPTS times. Asking for codes and trying them are throttled per number and per
 * client address (platform/throttle, in the access module's throttle table under keys of their
 * own). Rules and hashing only; the SQL is in phone-codes.queries.ts.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { sha256, newSecret } from './secrets.ts';

export type CodePurpose = 'sign_up' | 'recovery';

export const CODE_DIGITS = 6;
export const CODE_TTL_MINUTES = 10;
/** Tries of one code, right or wrong; past them the code is dead and a new one must be asked. */
export const CODE_MAX_ATTEMPTS = 5;

/** How many codes a number or an address may ask for, and how many tries they may make. */
export const CODE_THROTTLE_RULES = {
  sendPerPhone: { maxFailures: 5, windowMinutes: 60, lockMinutes: 60 },
  sendPerAddress: { maxFailures: 20, windowMinutes: 60, lockMinutes: 60 },
  checkPerPhone: { maxFailures: 10, windowMinutes: 60, lockMinutes: 60 },
  checkPerAddress: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
} as const;

/** Six random digits, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

export function newSalt(): string {
  return newSecret(16);
}

export function hashCode(salt: string, purpose: CodePurpose, phone: string, code: string): string {
  return sha256(`${salt}:${purpose}:${phone}:${code}`);
}

/** The code as typed (spaces, Khmer digits) → six Latin digits, or null. */
export function readCode(typed: string): string | null {
  const digits = typed
    .normalize('NFC')
    .replace(/[០-៩]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0))
    .replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The SMS, Khmer first (notifications renders it on each channel). */
export function codeMessage(purpose: CodePurpose, code: string): { textKm: string; textEn: string } {
  const km = code.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));
  return purpose === 'sign_up'
    ? {
        textKm: `លេខកូដចុះឈ្មោះរបស់អ្នកគឺ ${km} (${code})។ មានសុពលភាព ១០ នាទី។ កុំប្រាប់លេខនេះដល់អ្នកណាម្នាក់។`,
        textEn: `Your sign-up code is ${code}. It is valid for ${CODE_TTL_MINUTES} minutes. Do not share it with anyone.`,
      }
    : {
        textKm: `លេខកូដសម្រាប់កំណត់ពាក្យសម្ងាត់ថ្មីរបស់អ្នកគឺ ${km} (${code})។ មានសុពលភាព ១០ នាទី។ កុំប្រាប់លេខនេះដល់អ្នកណាម្នាក់។`,
        textEn: `Your password recovery code is ${code}. It is valid for ${CODE_TTL_MINUTES} minutes. Do not share it with anyone.`,
      };
}
