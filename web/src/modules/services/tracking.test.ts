import { describe, expect, it } from 'vitest';
import {
  cleanTrackingInput,
  formatTrackingNumber,
  parseTrackingInput,
  TRACKING_ALPHABET,
} from './tracking.ts';

// Numbers made by the API's generator (api/src/modules/services/tracking-number.ts) have a
// valid check character; this one is built the same way so the test does not depend on the API.
function withCheck(body: string): string {
  const n = TRACKING_ALPHABET.length;
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    let addend = factor * TRACKING_ALPHABET.indexOf(body[i] as string);
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return body + TRACKING_ALPHABET[(n - (sum % n)) % n];
}

const NUMBER = withCheck('K7MR3TX');

describe('tracking numbers as people type them', () => {
  it('accepts lower case, spaces and a missing or present dash', () => {
    const lower = NUMBER.toLowerCase();
    for (const typed of [
      NUMBER,
      lower,
      `${lower.slice(0, 4)} ${lower.slice(4)}`,
      formatTrackingNumber(NUMBER),
      ` ${lower} `,
    ]) {
      expect(parseTrackingInput(typed)).toEqual({
        kind: 'ok',
        number: NUMBER,
        formatted: formatTrackingNumber(NUMBER),
      });
    }
  });

  it('reads Khmer digits as Latin ones', () => {
    const khmer = NUMBER.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
    expect(khmer).not.toBe(NUMBER);
    expect(cleanTrackingInput(khmer)).toBe(NUMBER);
    expect(parseTrackingInput(khmer).kind).toBe('ok');
  });

  it('accepts an en dash or a long dash between the groups', () => {
    expect(parseTrackingInput(`${NUMBER.slice(0, 4)}–${NUMBER.slice(4)}`).kind).toBe('ok');
    expect(parseTrackingInput(`${NUMBER.slice(0, 4)}—${NUMBER.slice(4)}`).kind).toBe('ok');
  });

  it('says why a number is not one', () => {
    expect(parseTrackingInput('   ').kind).toBe('empty');
    expect(parseTrackingInput(NUMBER.slice(0, 6)).kind).toBe('incomplete');
    expect(parseTrackingInput(`${NUMBER}3`).kind).toBe('incomplete');
    // O, I, 0, 1 are never used: they look like D, 7, D, 7.
    expect(parseTrackingInput('K7MR-3TO4').kind).toBe('bad_character');
    expect(parseTrackingInput('K7MR-1TXA').kind).toBe('bad_character');
  });

  it('catches every single mistyped character with the check character', () => {
    for (let position = 0; position < NUMBER.length; position += 1) {
      for (const char of TRACKING_ALPHABET) {
        if (char === NUMBER[position]) continue;
        const typo = NUMBER.slice(0, position) + char + NUMBER.slice(position + 1);
        expect(parseTrackingInput(typo).kind).toBe('bad_check');
      }
    }
  });

  it('prints numbers in two groups of four', () => {
    expect(formatTrackingNumber('K7MR3TXA')).toBe('K7MR-3TXA');
  });
});
