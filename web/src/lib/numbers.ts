/**
 * Numbers typed by people, in Khmer (០-៩) or Latin digits: the one parser of every form.
 * Thousands may be grouped by spaces, commas, apostrophes or underscores (each group of three
 * digits), the decimal mark is a point; anything else is refused rather than guessed ("12.5"
 * is never read as 125, "1,5" never as 15).
 */

const KHMER_ZERO = 0x17e0;

/** Khmer digits ០-៩ become 0-9; the rest of the text is kept. */
export function latinDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - KHMER_ZERO));
}

export interface NumberRules {
  /** How many decimals may be typed: 0 (the default) for whole numbers. */
  decimals?: number;
  /** The smallest value allowed; 0 by default (negative numbers are refused). */
  min?: number;
  /** The largest value allowed. */
  max?: number;
}

const SEPARATOR = "[\\s,_'\\u00a0\\u202f]";
const SHAPE = new RegExp(`^(-?)(\\d{1,3}(?:${SEPARATOR}\\d{3})+|\\d+)(?:\\.(\\d+))?$`);

/**
 * The number typed, or null when the text is not one within the rules: "១ ៥០០" and "1,500" are
 * 1500, "2.5" is 2.5 when decimals are allowed; "", "12a", "1.2.3", "1,50" and "-1" are null.
 * The riel sign (៛) may stand before or after an amount.
 */
export function parseNumber(text: string, rules: NumberRules = {}): number | null {
  const { decimals = 0, min = 0, max = Number.MAX_SAFE_INTEGER } = rules;
  const clean = latinDigits(text)
    .trim()
    .replace(/^៛\s*|\s*៛$/gu, '');
  const match = SHAPE.exec(clean);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const integer = Number(whole.replace(new RegExp(SEPARATOR, 'g'), ''));
  if (!Number.isSafeInteger(integer)) return null;
  const value = Number(`${sign}${integer}${fraction ? `.${fraction}` : ''}`);
  if (Object.is(value, -0)) return min <= 0 && max >= 0 ? 0 : null;
  return value >= min && value <= max ? value : null;
}
