/**
 * How a decision is cited: its number per organ and year, written in the organ's pattern.
 *
 * A pattern is text with two placeholders: the number (`{number}`, or `{number:3}` padded with
 * zeros to 3 digits) and the year (`{year}`); `{number_km}` and `{year_km}` write them in Khmer
 * digits. Anything else is kept as written (the office's letters, e.g. `{number_km:3} ស.ក.ស`).
 * An organ without a pattern uses DEFAULT_DECISION_NUMBER_PATTERN. The reference is written
 * into the decision when it is taken, so changing the pattern later never renames a decision.
 */

/**
 * The pattern the platform has always shown (`3/2026`). The official pattern of each kind of
 * organ is to be confirmed with NCDD-S; an organ sets its own meanwhile.
 */
export const DEFAULT_DECISION_NUMBER_PATTERN = '{number}/{year}';
export const NUMBER_PATTERN_MAX_LENGTH = 60;

const PLACEHOLDER = /\{(number|number_km|year|year_km)(?::([1-9]))?\}/g;

const toKhmerDigits = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));

/** Why a pattern cannot be used, or null when it can. */
export function numberPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'The pattern is empty.';
  if (pattern.length > NUMBER_PATTERN_MAX_LENGTH)
    return `The pattern is longer than ${NUMBER_PATTERN_MAX_LENGTH} characters.`;
  let numbers = 0;
  let years = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    if (match[1]!.startsWith('number')) numbers += 1;
    else if (match[2] !== undefined) return 'The year takes no width: {year} or {year_km}.';
    else years += 1;
  }
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, '')))
    return 'Only {number}, {number:N}, {number_km}, {number_km:N}, {year} and {year_km} are known.';
  if (numbers !== 1 || years !== 1) return 'The pattern holds the number once and the year once.';
  return null;
}

/** The decision's reference in the pattern (null: the default). The pattern must be valid. */
export function formatDecisionNumber(pattern: string | null, number: number, year: number): string {
  return (pattern ?? DEFAULT_DECISION_NUMBER_PATTERN).replace(
    PLACEHOLDER,
    (_whole, name: string, width: string | undefined) => {
      const value = name.startsWith('number') ? number : year;
      const digits = String(value).padStart(width === undefined ? 0 : Number(width), '0');
      return name.endsWith('_km') ? toKhmerDigits(digits) : digits;
    },
  );
}
