/**
 * When two names are one name spelt two ways. The official sources of the tree disagree in
 * spelling far more often than in naming: NCDD writes កណ្ដាល with a subscript ដ where pumi
 * writes កណ្តាល with ត; romanisations differ in case, diacritics ("Kratié"), spacing
 * ("Mondul Kiri", "Mondulkiri") and a doubled letter where two syllables meet ("Ratanak Kiri",
 * "Ratanakiri"). Reporting those as renames would make every import from a second source undo
 * the first one's spelling; they are reported apart and left as they are in the tree.
 *
 * The Khmer comparison is the search key (../search/normalise.ts): code-point order, invisible
 * characters and subscript ដ/ត. The Latin one is the search key with runs of one letter
 * collapsed ("ratanakkiri" -> "ratanakiri"). Real renames stay renames: "Kep" and "Kaeb",
 * "Mongkol Borey" and "Mongkol Borei", "Sen Sok" and "Saensokh" have different keys.
 */
import { normaliseKhmer, normaliseLatin } from '../search/normalise.ts';

const collapseRuns = (key: string) => key.replace(/(.)\1+/gu, '$1');

export function sameSpelling(script: 'km' | 'latin', a: string, b: string): boolean {
  if (script === 'km') return normaliseKhmer(a) === normaliseKhmer(b);
  return collapseRuns(normaliseLatin(a)) === collapseRuns(normaliseLatin(b));
}
