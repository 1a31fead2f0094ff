/**
 * Tracking numbers as people type them: from a slip, read over the phone, on a phone keyboard
 * that may give Khmer digits. The API's numbers are 8 characters from an alphabet without
 * look-alikes, the last a Luhn mod N check character (api/src/modules/services/tracking-number.ts);
 * checking it here tells a person at once that a character is wrong, before asking the server.
 */
import { latinDigits } from '../../lib/numbers.ts';

/** The API's alphabet: no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
export const TRACKING_ALPHABET = '34679ACDEFGHJKMNPRTWXY';
export const TRACKING_LENGTH = 8;

export type TrackingInput =
  | { kind: 'empty' }
  | { kind: 'incomplete'; typed: string }
  | { kind: 'bad_character'; typed: string }
  | { kind: 'bad_check'; number: string }
  | { kind: 'ok'; number: string; formatted: string };

/** Khmer digits ០-៩ become 0-9; spaces, hyphens and dashes go; letters become capitals. */
export function cleanTrackingInput(typed: string): string {
  return latinDigits(typed.normalize('NFKC'))
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .toUpperCase();
}

function checkCharacter(body: string): string {
  const n = TRACKING_ALPHABET.length;
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    let addend = factor * TRACKING_ALPHABET.indexOf(body[i] as string);
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return TRACKING_ALPHABET[(n - (sum % n)) % n] as string;
}

/** "K7MR3TXA" -> "K7MR-3TXA", as printed and read out. */
export function formatTrackingNumber(number: string): string {
  return number.length === TRACKING_LENGTH ? `${number.slice(0, 4)}-${number.slice(4)}` : number;
}

/** What a typed number is: a valid number (stored and printed forms), or why it is not one. */
export function parseTrackingInput(typed: string): TrackingInput {
  const text = cleanTrackingInput(typed);
  if (text === '') return { kind: 'empty' };
  for (const char of text)
    if (!TRACKING_ALPHABET.includes(char)) return { kind: 'bad_character', typed: text };
  if (text.length !== TRACKING_LENGTH) return { kind: 'incomplete', typed: text };
  if (checkCharacter(text.slice(0, -1)) !== text.slice(-1)) return { kind: 'bad_check', number: text };
  return { kind: 'ok', number: text, formatted: formatTrackingNumber(text) };
}
