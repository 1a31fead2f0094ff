import { describe, expect, it } from 'vitest';
import { digits, formatDate, formatDateTime, formatNumber, formatRiel, todayInPhnomPenh } from './format.ts';

const kmKhmer = { lang: 'km', khmerDigits: true } as const;
const kmLatin = { lang: 'km', khmerDigits: false } as const;
const en = { lang: 'en', khmerDigits: false } as const;

describe('formatNumber', () => {
  it('writes Khmer digits with comma grouping', () => {
    expect(formatNumber(1234567, kmKhmer)).toBe('១,២៣៤,៥៦៧');
  });

  it('keeps the same separators with Latin digits', () => {
    expect(formatNumber(1234567, kmLatin)).toBe('1,234,567');
    expect(formatNumber(1234567, en)).toBe('1,234,567');
  });

  it('uses a point for decimals whatever the digits', () => {
    expect(formatNumber(1234.56, kmKhmer, { maximumFractionDigits: 2 })).toBe('១,២៣៤.៥៦');
    expect(formatNumber(1234.56, en, { maximumFractionDigits: 2 })).toBe('1,234.56');
  });

  it('formats zero and negatives', () => {
    expect(formatNumber(0, kmKhmer)).toBe('០');
    expect(formatNumber(-42, kmKhmer)).toBe('-៤២');
  });
});

describe('formatRiel', () => {
  it('rounds to whole riel and puts the riel sign after a Khmer amount', () => {
    expect(formatRiel(1234567.4, kmKhmer)).toBe('១,២៣៤,៥៦៧៛');
    expect(formatRiel(1234567.4, kmLatin)).toBe('1,234,567៛');
  });

  it('uses the ISO code in English', () => {
    expect(formatRiel(50000, en)).toBe('KHR 50,000');
  });

  it('shows large amounts in millions with one decimal', () => {
    expect(formatRiel(1_234_567_890, kmKhmer, { millions: true })).toBe('១,២៣៤.៦ លានរៀល');
    expect(formatRiel(2_500_000, en, { millions: true })).toBe('2.5 million riel');
  });
});

describe('formatDate', () => {
  // 20:00 UTC on 5 March is already 6 March in Phnom Penh (UTC+7).
  const instant = '2024-03-05T20:00:00Z';

  it('shows the Phnom Penh calendar date', () => {
    expect(formatDate(instant, en)).toBe('6 March 2024');
    expect(formatDate(instant, kmKhmer)).toBe('៦ មីនា ២០២៤');
    expect(formatDate(new Date(instant), kmLatin)).toBe('6 មីនា 2024');
  });

  it('shows a 24-hour Phnom Penh time', () => {
    expect(formatDateTime(instant, en)).toContain('03:00');
    expect(formatDateTime(instant, kmKhmer)).toContain('០៣:០០');
    expect(formatDateTime(instant, kmKhmer)).not.toMatch(/AM|PM/);
  });
});

describe('digits', () => {
  it('transliterates digits only when Khmer digits are on', () => {
    expect(digits('0102 / 2024', kmKhmer)).toBe('០១០២ / ២០២៤');
    expect(digits('0102', en)).toBe('0102');
  });
});

describe('todayInPhnomPenh', () => {
  it('gives the date in Phnom Penh, seven hours ahead of UTC', () => {
    expect(todayInPhnomPenh(new Date('2026-03-05T18:30:00Z'))).toBe('2026-03-06');
    expect(todayInPhnomPenh(new Date('2026-03-05T10:00:00Z'))).toBe('2026-03-05');
  });
});
