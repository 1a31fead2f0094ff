/**
 * The one text normalisation of the gazetteer import, applied to every name, code and note read
 * from a file and to the tree's names before they are compared: the official files and the
 * other sources differ in invisible ways (composed or decomposed characters, zero-width spaces
 * left by Khmer word-breaking tools, double and trailing spaces) that are not real differences.
 * Deliberately minimal: spelling variants (subscript ត / ដ, code-point order) are real text the
 * publisher chose, and folding them is the job of search (../search/), not of the import.
 */

// U+200B ZERO WIDTH SPACE, and its relatives that word-breaking tools leave in Khmer text:
// U+200C/U+200D (zero-width non-joiner/joiner) are not touched, they change how Khmer renders.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const SPACES = /\s+/g;

export function normaliseName(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** A normalised text, or null when nothing is left (an empty reference or note). */
export function normaliseOptional(text: string | null | undefined): string | null {
  const clean = normaliseName(text);
  return clean === '' ? null : clean;
}
