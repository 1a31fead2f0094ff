/**
 * Numbers, riel amounts and dates for display, through Intl. Pure functions: the caller passes
 * the language and the user's "Khmer digits" choice (see settings.ts).
 */
import type { Language } from './lang.ts';

export interface FormatOptions {
  lang: Language;
  khmerDigits: boolean;
}

export const TIME_ZONE = 'Asia/Phnom_Penh';

// en-GB rather than en-US: day-month-year order, as in Cambodian administrative documents.
const LOCALES: Record<Language, string> = { km: 'km-KH', en: 'en-GB' };

// Words for "million riel": Intl has no way to force a scale of millions (compact notation picks
// its own scale and differs between engines), and large budget amounts are read in millions.
const MILLION_RIEL: Record<Language, string> = { km: 'លានរៀល', en: 'million riel' };

const KHMER_ZERO = 0x17e0;

function numberingSystem(o: FormatOptions): 'khmr' | 'latn' {
  return o.khmerDigits ? 'khmr' : 'latn';
}

/**
 * CLDR gives Khmer digits the European separators (១.២៣៤,៥) while Latin digits in Khmer get
 * 1,234.5, so the same figure would change its punctuation with the digit setting. We keep one
 * convention, comma for thousands and point for decimals, whatever the digits.
 */
function formatWith(format: Intl.NumberFormat, value: number): string {
  return format
    .formatToParts(value)
    .map((part) => {
      if (part.type === 'group') return ',';
      if (part.type === 'decimal') return '.';
      return part.value;
    })
    .join('');
}

function numberFormat(o: FormatOptions, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALES[o.lang], { ...options, numberingSystem: numberingSystem(o) });
}

/** Replaces 0-9 by ០-៩ when Khmer digits are on; for text that already holds digits (codes, years). */
export function digits(text: string, o: FormatOptions): string {
  if (!o.khmerDigits) return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(KHMER_ZERO + Number(d)));
}

export function formatNumber(
  value: number,
  o: FormatOptions,
  options: Pick<Intl.NumberFormatOptions, 'minimumFractionDigits' | 'maximumFractionDigits'> = {},
): string {
  return formatWith(numberFormat(o, options), value);
}

export interface RielOptions {
  /** Show the amount in millions of riel (one decimal), as budgets are read. */
  millions?: boolean;
}

/** Riel have no minor unit in practice: amounts are rounded to whole riel. */
export function formatRiel(amount: number, o: FormatOptions, options: RielOptions = {}): string {
  if (options.millions) {
    const value = formatWith(
      numberFormat(o, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      amount / 1_000_000,
    );
    return `${value} ${MILLION_RIEL[o.lang]}`;
  }
  const value = formatWith(numberFormat(o, { maximumFractionDigits: 0 }), amount);
  // The riel sign ៛ follows the amount in Cambodian use; English readers expect the ISO code.
  return o.lang === 'km' ? `${value}៛` : `KHR ${value}`;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date in Phnom Penh, e.g. "៦ មីនា ២០២៤" or "6 March 2024". */
export function formatDate(value: Date | string | number, o: FormatOptions): string {
  return new Intl.DateTimeFormat(LOCALES[o.lang], {
    dateStyle: 'long',
    timeZone: TIME_ZONE,
    numberingSystem: numberingSystem(o),
  }).format(toDate(value));
}

/** Date and 24-hour time in Phnom Penh; 24-hour avoids the Latin "AM/PM" inside Khmer text. */
export function formatDateTime(value: Date | string | number, o: FormatOptions): string {
  return new Intl.DateTimeFormat(LOCALES[o.lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
    numberingSystem: numberingSystem(o),
  }).format(toDate(value));
}
