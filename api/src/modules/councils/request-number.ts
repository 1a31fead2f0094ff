/**
 * A request's acknowledgement number, read over the phone or copied from a screen: 8 characters
 * from an alphabet without look-alikes, shown as two groups of four ("K7MR-3TXA"), typed in any
 * case with or without the hyphen; and the Cambodian phone number a person gives, in one form.
 *
 * The services module has the same two helpers (tracking-number.ts, applicants.ts); councils
 * cannot import them (services → budgets → councils would close a cycle of modules). Both
 * belong in platform/ once the shared helpers move there.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '34679ACDEFGHJKMNPRTWXY';
const LENGTH = 8;

export function newRequestNumber(): string {
  let number = '';
  for (let i = 0; i < LENGTH; i += 1) number += ALPHABET[randomInt(ALPHABET.length)];
  return number;
}

/** The stored form of a number as typed, or null when it cannot be one. */
export function parseRequestNumber(typed: string): string | null {
  const text = typed.replace(/[\s-]/g, '').toUpperCase();
  if (text.length !== LENGTH) return null;
  return [...text].every((char) => ALPHABET.includes(char)) ? text : null;
}

export const formatRequestNumber = (stored: string) => `${stored.slice(0, 4)}-${stored.slice(4)}`;

const KHMER_DIGITS = /[០-៩]/g;

/** "012 345 678", "+855 12 345 678", "០១២៣៤៥៦៧៨" -> "+85512345678"; null when not a Cambodian number. */
export function normalisePhone(raw: string): string | null {
  let digits = raw
    .normalize('NFC')
    .trim()
    .replace(KHMER_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x17e0))
    .replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith('855')) digits = digits.slice(3);
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits.length >= 8 && digits.length <= 9 ? `+855${digits}` : null;
}
