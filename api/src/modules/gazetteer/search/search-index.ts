/**
 * The search index (`gazetteer_unit_search`): one row of keys per unit. The keys come from the
 * TypeScript normaliser, so SQL cannot maintain them by itself; two callers keep them current:
 *
 *   - syncSearchIndex, at every start (the gazetteer's syncReferenceData): the units with no
 *     keys yet or whose names changed since their keys were computed - usually none, and then
 *     found so with one query (the tree's revision against the one the index was current for);
 *   - refreshSearchIndex(trx, changedCodes), by the gazetteer import after it applied a change
 *     set, in the same transaction, so that a rename is searchable the moment it is committed.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../../platform/context.ts';
import { NORMALISER_VERSION, foldLatin, normaliseKhmer, normaliseLatin } from './normalise.ts';
import { romaniseKhmer } from './romanise.ts';
import {
  asSearchDb,
  type GazetteerSearchTables,
  type GazetteerUnitSearchPartTable,
  type GazetteerUnitSearchTable,
  type SearchDb,
} from './search.tables.ts';
import {
  deleteSearchParts,
  insertSearchParts,
  recordSearchSync,
  selectSearchSyncState,
  selectStaleUnitNames,
  selectUnitNames,
  upsertSearchKeys,
} from './search.queries.ts';

export {
  asSearchDb,
  type GazetteerSearchTables,
  type GazetteerUnitSearchPartTable,
  type GazetteerUnitSearchTable,
  type SearchDb,
} from './search.tables.ts';

// 1,000 rows of 4 values stay far below PostgreSQL's 65,535 parameters per statement, and
// keep each statement small enough for PGlite's single connection not to stall a start.
const BATCH_SIZE = 1000;

// The separator (U+001F, unit separator) cannot occur in a name, so "ab|c" and "a|bc" differ.
const SEPARATOR = '\u001f';

/**
 * What the stored keys were computed from. The normaliser's version is part of it, so that a
 * change of the rules (with its version bump) makes every stored key stale at the next start.
 * The SQL twin of this function is `namesHashSql` in search.queries.ts; a test checks that they agree.
 */
export function namesHash(nameKm: string, nameLatin: string): string {
  return createHash('md5')
    .update(`${NORMALISER_VERSION}${SEPARATOR}${nameKm}${SEPARATOR}${nameLatin}`, 'utf8')
    .digest('hex');
}

interface UnitNames {
  code: string;
  name_km: string;
  name_latin: string;
}

export interface SearchKeys {
  keyKm: string;
  keyLatin: string;
  keyFold: string;
  keyRoman: string;
  romanised: string;
}

// Many units share a name (hundreds of villages are called Thmei): each name is romanised once
// per process. Bounded, so that a long-running server importing edition after edition stays small.
const romanisations = new Map<string, string>();
const MAX_CACHED = 50_000;

function romanised(nameKm: string): string {
  let text = romanisations.get(nameKm);
  if (text === undefined) {
    text = romaniseKhmer(nameKm);
    if (romanisations.size >= MAX_CACHED) romanisations.clear();
    romanisations.set(nameKm, text);
  }
  return text;
}

export function searchKeys(nameKm: string, nameLatin: string): SearchKeys {
  const romanisation = romanised(nameKm);
  return {
    keyKm: normaliseKhmer(nameKm),
    keyLatin: normaliseLatin(nameLatin),
    keyFold: foldLatin(nameLatin),
    keyRoman: foldLatin(romanisation),
    romanised: romanisation,
  };
}

/** Consonants and independent vowels: where a Khmer syllable starts. */
const KHMER_BASE = /[\u1780-\u17b3]/u;

/**
 * The places inside a name where a search may also start: in the Khmer key, every syllable
 * after the first (ដំណាក់ចង្អើរ -> ណាក់ចង្អើរ, ក់ចង្អើរ, ចង្អើរ, ង្អើរ, រ); in the romanised name,
 * every word after the first, to the end of the name ("Prey Ta Koy" -> takoy, koy). The key
 * itself is not a part: prefixes of the whole name are answered from the key.
 */
export function searchParts(keyKm: string, nameLatin: string): { km: string[]; latin: string[] } {
  const chars = [...keyKm];
  const km = new Set<string>();
  chars.forEach((char, index) => {
    // After a coeng a consonant is a subscript of the syllable, not the start of another.
    if (index > 0 && KHMER_BASE.test(char) && chars[index - 1] !== '\u17d2')
      km.add(chars.slice(index).join(''));
  });
  // Words as written: split where normaliseLatin would remove spaces, hyphens or apostrophes
  // between letters ("Chang'aeur" stays one word: the apostrophe marks a syllable, not a word).
  const words = nameLatin.split(/[\s\-‐–—/,()]+/u).filter((word) => normaliseLatin(word).length > 0);
  const latin = new Set<string>();
  for (let index = 1; index < words.length; index += 1) latin.add(foldLatin(words.slice(index).join(' ')));
  return { km: [...km], latin: [...latin] };
}

async function writeKeys(db: SearchDb, units: readonly UnitNames[]): Promise<void> {
  for (let start = 0; start < units.length; start += BATCH_SIZE) {
    const batch = units.slice(start, start + BATCH_SIZE);
    const rows: GazetteerUnitSearchTable[] = [];
    const parts: GazetteerUnitSearchPartTable[] = [];
    for (const unit of batch) {
      const { keyKm, keyLatin, keyFold, keyRoman, romanised } = searchKeys(unit.name_km, unit.name_latin);
      const level = unit.code.length / 2;
      rows.push({
        code: unit.code,
        level,
        key_km: keyKm,
        key_latin: keyLatin,
        key_fold: keyFold,
        key_roman: keyRoman,
        romanised,
        names_hash: namesHash(unit.name_km, unit.name_latin),
      });
      const { km, latin } = searchParts(keyKm, unit.name_latin);
      for (const part of km) parts.push({ code: unit.code, level, script: 'km', part });
      for (const part of latin) parts.push({ code: unit.code, level, script: 'latin', part });
    }
    await upsertSearchKeys(db, rows);
    // A unit's parts are replaced as a whole: a rename may leave fewer.
    await deleteSearchParts(
      db,
      rows.map((row) => row.code),
    );
    for (let from = 0; from < parts.length; from += BATCH_SIZE) {
      await insertSearchParts(db, parts.slice(from, from + BATCH_SIZE));
    }
  }
}

/**
 * (Re)computes the search keys of the given units, or of every unit when `codes` is absent.
 * Codes of units that no longer exist are ignored (their keys went with them: on delete
 * cascade). Returns how many units got keys. Takes any Kysely: the whole schema, a transaction.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function refreshSearchIndex(db: Kysely<any>, codes?: readonly string[]): Promise<number> {
  const searchDb = asSearchDb(db);
  if (codes === undefined) {
    const units = await selectUnitNames(searchDb);
    await writeKeys(searchDb, units);
    return units.length;
  }
  let written = 0;
  const unique = [...new Set(codes)];
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    const units = await selectUnitNames(searchDb, unique.slice(start, start + BATCH_SIZE));
    await writeKeys(searchDb, units);
    written += units.length;
  }
  return written;
}

/**
 * The start-up sync: keys for the units that have none, or whose names (or the normaliser's
 * version) changed since theirs were computed. A start with nothing changed costs one query:
 * the tree's revision and the normaliser's version are compared with those the index was last
 * found current for (gazetteer_unit_search_sync); only when either moved does one query find
 * the stale units by comparing hashes in SQL, and the row is written again.
 */
export async function syncSearchIndex(ctx: ModuleContext<GazetteerSearchTables>): Promise<void> {
  const searchDb = ctx.db;
  const state = await selectSearchSyncState(searchDb);
  if (state.syncedRevision === state.revision && state.syncedVersion === NORMALISER_VERSION) return;
  const stale = await selectStaleUnitNames(searchDb);
  if (stale.length > 0) {
    await writeKeys(searchDb, stale);
    ctx.log(`gazetteer: search keys computed for ${stale.length} units`);
  }
  // Writing keys changes no unit, so the revision read above is still the tree's.
  await recordSearchSync(searchDb, state.revision, NORMALISER_VERSION);
}
