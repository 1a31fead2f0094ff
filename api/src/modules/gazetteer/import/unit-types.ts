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

/**
 * The official words of each type, as names carry them in newer NCDD editions ("ខេត្តកណ្ដាល",
 * "Kandal Province", "Phnom Penh Capital", "Krong Kaeb"): Khmer before the name, Latin before
 * or after it. Longest first, so "Capital City" goes before "Capital".
 */
const UNIT_NAME_WORDS: Readonly<Record<string, { km: readonly string[]; latin: readonly string[] }>> = {
  capital: { km: ['រាជធានី'], latin: ['capital city', 'reach theani', 'capital', 'city'] },
  province: { km: ['ខេត្ត'], latin: ['province', 'khaet', 'khet'] },
  municipality: { km: ['ក្រុង'], latin: ['municipality', 'krong', 'city', 'town'] },
  district: { km: ['ស្រុក'], latin: ['district', 'srok'] },
  khan: { km: ['ខណ្ឌ'], latin: ['section', 'khan'] },
  commune: { km: ['ឃុំ'], latin: ['commune', 'khum'] },
  sangkat: { km: ['សង្កាត់'], latin: ['quarter', 'sangkat'] },
  village: { km: ['ភូមិ'], latin: ['village', 'phum', 'phoum'] },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A name without the official word of its type (of any of `typeCodes`: the tree's and the
 * file's), for comparing names only: "ខេត្តកណ្ដាល" and "កណ្ដាល", "Kandal Province" and "Kandal"
 * name one unit. A name that is only the word stays as it is.
 */
export function withoutUnitWord(
  script: 'km' | 'latin',
  name: string,
  typeCodes: readonly (string | null)[],
): string {
  let result = normaliseName(name);
  for (const typeCode of typeCodes) {
    const words = typeCode ? UNIT_NAME_WORDS[typeCode]?.[script] : undefined;
    for (const word of words ?? []) {
      const pattern =
        script === 'km'
          ? new RegExp(`^${escape(word)}\\s*`, 'u')
          : new RegExp(`^${escape(word)}\\s+|\\s+${escape(word)}$`, 'iu');
      const stripped = result.replace(pattern, '').trim();
      if (stripped !== '' && stripped !== result) result = stripped;
    }
  }
  return result;
}
