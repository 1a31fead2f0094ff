import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  formatTrackingNumber,
  newTrackingNumber,
  parseTrackingNumber,
  TRACKING_ALPHABET,
} from './tracking-number.ts';

describe('tracking numbers', () => {
  it('are 8 characters of an alphabet without look-alikes, with a valid check character', () => {
    for (const excluded of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B', 'U', 'V', 'Q']) {
      expect(TRACKING_ALPHABET).not.toContain(excluded);
    }
    for (let i = 0; i < 1000; i += 1) {
      const number = newTrackingNumber();
      expect(number).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{8}$`));
      expect(parseTrackingNumber(number)).toBe(number);
    }
  });

  it('are practically unique', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) seen.add(newTrackingNumber());
    expect(seen.size).toBeGreaterThan(19_990);
  });

  it('are read back however they are typed', () => {
    const number = newTrackingNumber();
    const printed = formatTrackingNumber(number);
    expect(printed).toMatch(/^.{4}-.{4}$/);
    expect(parseTrackingNumber(printed)).toBe(number);
    expect(parseTrackingNumber(` ${printed.toLowerCase()} `)).toBe(number);
    expect(parseTrackingNumber(`${number.slice(0, 4)} ${number.slice(4)}`)).toBe(number);
  });

  it('refuse any single mistyped character and a swap of two neighbours', () => {
    const number = newTrackingNumber();
    for (let position = 0; position < 8; position += 1) {
      for (const char of TRACKING_ALPHABET) {
        if (char === number[position]) continue;
        const typo = number.slice(0, position) + char + number.slice(position + 1);
        expect(parseTrackingNumber(typo), typo).toBeNull();
      }
    }
    for (let position = 0; position < 7; position += 1) {
      const a = number[position]!;
      const b = number[position + 1]!;
      // Luhn mod N misses exactly one swap: the alphabet's first and last characters.
      if (
        a === b ||
        [a, b].sort().join('') === [TRACKING_ALPHABET[0], TRACKING_ALPHABET.at(-1)].sort().join('')
      )
        continue;
      const swapped = number.slice(0, position) + b + a + number.slice(position + 2);
      expect(parseTrackingNumber(swapped), swapped).toBeNull();
    }
  });

  it('refuse wrong lengths and foreign characters', () => {
    expect(parseTrackingNumber('')).toBeNull();
    expect(parseTrackingNumber('K7MR3TX')).toBeNull();
    expect(parseTrackingNumber('K7MR3TXAA')).toBeNull();
    expect(parseTrackingNumber('00000000')).toBeNull();
    const body = 'K7MR3TX';
    expect(parseTrackingNumber(body + checkCharacter(body))).toBe(body + checkCharacter(body));
  });
});
