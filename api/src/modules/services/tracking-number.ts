/**
 * Tracking numbers that a person can read over the phone or copy from a slip: 8 characters,
 * 7 random and 1 check character, from an alphabet without look-alikes (no 0/O/Q, 1/I/L,
 * 2/Z, 5/S, 8/B, U/V). Shown as two groups of four ("K7MR-3TXA"); typed in any case,
 * with or without the hyphen or spaces. The check character (Luhn mod N) catches any single
 * mistyped character and every swap of two neighbours but one pair (the first and last
 * characters of the alphabet), so a wrong number is refused at once
 * rather than looked up.
 */
import { randomInt } from 'node:crypto';

// 22 characters: Luhn mod N needs an even N to catch every single mistyped character.
export const TRACKING_ALPHABET = '34679ACDEFGHJKMNPRTWXY';
const N = TRACKING_ALPHABET.length;
export const TRACKING_LENGTH = 8;

const valueOf = (char: string) => TRACKING_ALPHABET.indexOf(char);

/** The Luhn mod N check character of `body` (characters of the alphabet only). */
export function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    let addend = factor * valueOf(body[i] as string);
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return TRACKING_ALPHABET[(N - (sum % N)) % N] as string;
}

/** A new random tracking number (stored form: 8 upper-case characters, no hyphen). */
export function newTrackingNumber(): string {
  let body = '';
  for (let i = 0; i < TRACKING_LENGTH - 1; i += 1) body += TRACKING_ALPHABET[randomInt(N)];
  return body + checkCharacter(body);
}

/** The stored form of a number as typed ("k7mr 3txa", "K7MR-3TXA"), or null when it is not one. */
export function parseTrackingNumber(typed: string): string | null {
  const text = typed.replace(/[\s-]/g, '').toUpperCase();
  if (text.length !== TRACKING_LENGTH) return null;
  for (const char of text) if (valueOf(char) < 0) return null;
  return checkCharacter(text.slice(0, -1)) === text.slice(-1) ? text : null;
}

/** "K7MR3TXA" -> "K7MR-3TXA", the way numbers are printed and read out. */
export function formatTrackingNumber(stored: string): string {
  return `${stored.slice(0, 4)}-${stored.slice(4)}`;
}
