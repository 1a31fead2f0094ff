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

/** The platform's one reading of a Cambodian number (platform/phone.ts). */
export { normaliseCambodianPhone as normalisePhone } from '../../platform/phone.ts';
