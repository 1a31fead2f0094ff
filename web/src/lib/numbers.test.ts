import { describe, expect, it } from 'vitest';
import { latinDigits, parseNumber } from './numbers.ts';

describe('latinDigits', () => {
  it('turns Khmer digits into Latin ones and keeps the rest', () => {
    expect(latinDigits('១២៣-abc ០')).toBe('123-abc 0');
  });
});

describe('parseNumber', () => {
  it('reads whole numbers in Latin or Khmer digits, grouped or not', () => {
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber(' 15 ')).toBe(15);
    expect(parseNumber('១៥')).toBe(15);
    expect(parseNumber('1,500,000')).toBe(1_500_000);
    expect(parseNumber('១ ៥០០ ០០០')).toBe(1_500_000);
    expect(parseNumber('1\u202f500')).toBe(1500);
    expect(parseNumber("1'500_000")).toBe(1_500_000);
    expect(parseNumber('1500000៛')).toBe(1_500_000);
    expect(parseNumber('៛ 1,500')).toBe(1500);
  });

  it('refuses a decimal where a whole number is wanted, never reading 12.5 as 125', () => {
    expect(parseNumber('12.5')).toBeNull();
    expect(parseNumber('១២.៥')).toBeNull();
    expect(parseNumber('1.500.000')).toBeNull();
  });

  it('reads decimals up to the number allowed', () => {
    expect(parseNumber('12.5', { decimals: 2 })).toBe(12.5);
    expect(parseNumber('១២.៥០', { decimals: 2 })).toBe(12.5);
    expect(parseNumber('1,234.5', { decimals: 1 })).toBe(1234.5);
    expect(parseNumber('12.345', { decimals: 2 })).toBeNull();
    expect(parseNumber('12.', { decimals: 2 })).toBeNull();
    expect(parseNumber('.5', { decimals: 2 })).toBeNull();
  });

  it('refuses malformed input', () => {
    for (const text of [
      '',
      ' ',
      '12a',
      'a12',
      '1.2.3',
      '1,50',
      '1,,500',
      '12,',
      ',12',
      '1 5',
      '1e3',
      '0x10',
      '+3',
      '--1',
      '៛',
    ])
      expect(parseNumber(text), text).toBeNull();
  });

  it('keeps to the bounds: no negative number unless allowed, no more than the maximum', () => {
    expect(parseNumber('-5')).toBeNull();
    expect(parseNumber('-5', { min: -10 })).toBe(-5);
    expect(parseNumber('-0', { min: -10 })).toBe(0);
    expect(parseNumber('251', { max: 250 })).toBeNull();
    expect(parseNumber('250', { max: 250 })).toBe(250);
    expect(parseNumber('99999999999999999999')).toBeNull();
  });
});
