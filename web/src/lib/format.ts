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

// Gregorian month names as used in Cambodian administration. Browsers do not agree on Khmer
// dates (Chromium ships without Khmer month names and falls back to English ones), so Khmer
// dates are assembled here from Phnom Penh's calendar fields.
const KHMER_MONTHS = [
  'មករា',
  'កុម្ភៈ',
  'មីនា',
  'មេសា',
  'ឧសភា',
  'មិថុនា',
  'កក្កដា',
  'សីហា',
  'កញ្ញា',
  'តុលា',
  'វិច្ឆិកា',
  'ធ្នូ',
];

function phnomPenhFields(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const fields = { year: '', month: '', day: '', hour: '', minute: '' };
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: 'latn',
  }).formatToParts(date);
  for (const part of parts) if (part.type in fields) fields[part.type as keyof typeof fields] = part.value;
  return fields;
}

function khmerDate(date: Date, o: FormatOptions): string {
  const { year, month, day } = phnomPenhFields(date);
  return `${digits(String(Number(day)), o)} ${KHMER_MONTHS[Number(month) - 1] ?? ''} ${digits(year, o)}`;
}

/** A calendar date in Phnom Penh, e.g. "៦ មីនា ២០២៤" or "6 March 2024". */
export function formatDate(value: Date | string | number, o: FormatOptions): string {
  if (o.lang === 'km') return khmerDate(toDate(value), o);
  return new Intl.DateTimeFormat(LOCALES[o.lang], {
    dateStyle: 'long',
    timeZone: TIME_ZONE,
    numberingSystem: numberingSystem(o),
  }).format(toDate(value));
}

/** Date and 24-hour time in Phnom Penh; 24-hour avoids the Latin "AM/PM" inside Khmer text. */
export function formatDateTime(value: Date | string | number, o: FormatOptions): string {
  if (o.lang === 'km') {
    const date = toDate(value);
    const { hour, minute } = phnomPenhFields(date);
    return `${khmerDate(date, o)} ${digits(`${hour}:${minute}`, o)}`;
  }
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

/** Today's date in Phnom Penh as YYYY-MM-DD (the form of date inputs and of the API). */
export function todayInPhnomPenh(now: Date = new Date()): string {
  const { year, month, day } = phnomPenhFields(now);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
