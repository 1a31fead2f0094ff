/** How the files name unit types, and what each type means for the tree. */
import type { UnitLevel } from './change-set.ts';
import { normaliseName } from './normalise-name.ts';

interface TypeFacts {
  level: UnitLevel;
  isUrban: boolean;
}

// As in gazetteer_unit_type (migration 20261126010000_units.sql).
export const UNIT_TYPES: Readonly<Record<string, TypeFacts>> = {
  capital: { level: 1, isUrban: true },
  province: { level: 1, isUrban: false },
  municipality: { level: 2, isUrban: true },
  district: { level: 2, isUrban: false },
  khan: { level: 2, isUrban: true },
  commune: { level: 3, isUrban: false },
  sangkat: { level: 3, isUrban: true },
  village: { level: 4, isUrban: false },
};

// The Khmer type words of the NCDD workbook, pumi's English and Latin words (pumi calls a khan
// a "Section" and a sangkat a "Quarter"), and our own codes, so any of the three is accepted.
const WORDS: Readonly<Record<string, string>> = {
  រាជធានី: 'capital',
  ខេត្ត: 'province',
  ក្រុង: 'municipality',
  ស្រុក: 'district',
  ខណ្ឌ: 'khan',
  ឃុំ: 'commune',
  សង្កាត់: 'sangkat',
  ភូមិ: 'village',
  'reach theani': 'capital',
  khaet: 'province',
  krong: 'municipality',
  srok: 'district',
  section: 'khan',
  khum: 'commune',
  quarter: 'sangkat',
  phum: 'village',
  ...Object.fromEntries(Object.keys(UNIT_TYPES).map((code) => [code, code])),
};

/** The type code for a word of the files, or null when the word is unknown. */
export function unitTypeOf(word: string): string | null {
  const clean = normaliseName(word);
  return WORDS[clean] ?? WORDS[clean.toLowerCase()] ?? null;
}

/** Khmer digits ០-៩ as ASCII digits: a code typed on a Khmer keyboard is still a code. */
function asciiDigits(text: string): string {
  return text.replace(/[\u17E0-\u17E9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}

/**
 * A code as NCDD prints it (102, 10201, 1020101: the leading zero lost) or zero-padded, to the
 * padded form: an odd number of digits means one leading zero was lost. Anything that is not
 * digits is returned cleaned but unchanged, for validation to report.
 */
export function padCode(raw: string): string {
  const clean = asciiDigits(normaliseName(raw)).replace(/\.0+$/, '');
  if (!/^[0-9]+$/.test(clean)) return clean;
  return clean.length % 2 === 1 ? `0${clean}` : clean;
}

export const isValidCode = (code: string): boolean => /^([0-9]{2}){1,4}$/.test(code);

export const parentOf = (code: string): string | null => (code.length > 2 ? code.slice(0, -2) : null);
