/** The rules of unit search: which key a query is compared with, and in what order answers come. */
import { codePrefixes, foldLatin, normaliseKhmer, queryScript } from './normalise.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { asSearchDb } from './search.tables.ts';
import {
  selectFuzzyMatches,
  selectInfixMatches,
  selectPrefixMatches,
  type MatchRow,
  type SearchKey,
} from './search.queries.ts';
import type { UnitSearchQuery, UnitSearchResult } from './search.schemas.ts';

// Below two characters a match inside names is nearly every name: prefixes only.
const MIN_INFIX_LENGTH = 2;
// Below four letters a romanised query is a name being typed, which prefixes answer; trigrams
// of so short a text match hundreds of names, and cost a scan of long posting lists.
const MIN_FUZZY_LENGTH = 4;
// The fuzzy fallback is for a query that found (almost) nothing: a typo, a spelling no rule
// folds. When the other stages found this many units it is not asked (it costs the most).
const FUZZY_WHEN_FEWER_THAN = 5;

interface Plan {
  /** The keys compared with the query: a romanised query is compared with two. */
  keys: SearchKey[];
  prefixes: string[];
  exact: string[];
  /** The fragment searched inside names when prefixes do not fill the answer; codes have none. */
  infix?: { key: 'km' | 'latin'; fragment: string };
  /** Romanised queries: compared by trigram similarity when nothing else fills the answer. */
  fuzzy?: string;
}

function plan(q: string): Plan | undefined {
  const script = queryScript(q);
  if (script === 'code') {
    const prefixes = codePrefixes(q);
    return prefixes.length === 0 ? undefined : { keys: ['code'], prefixes, exact: prefixes };
  }
  if (script === 'khmer') {
    const typed = normaliseKhmer(q);
    // Only invisible characters or spaces: nothing to look for.
    if (typed.length === 0) return undefined;
    return {
      keys: ['km'],
      prefixes: [typed],
      exact: [typed],
      ...([...typed].length >= MIN_INFIX_LENGTH ? { infix: { key: 'km', fragment: typed } } : {}),
    };
  }
  // Romanised: folded, the last word perhaps cut short ("kg komp" -> "kampongkamp").
  const whole = foldLatin(q);
  const typed = foldLatin(q, true);
  if (typed.length === 0) return undefined;
  const prefixes = [...new Set([typed, whole])];
  return {
    keys: ['latin', 'roman'],
    prefixes,
    exact: prefixes,
    ...(typed.length >= MIN_INFIX_LENGTH ? { infix: { key: 'latin', fragment: typed } } : {}),
    ...(typed.length >= MIN_FUZZY_LENGTH ? { fuzzy: typed } : {}),
  };
}

/**
 * Exact matches of the name or of its romanisation first (a province before a district,
 * commune or village of the same name), then names that start with what was typed, then names
 * with a word or syllable that starts with it, then (romanised queries of 3 letters or more)
 * names similar by trigrams, the most similar first. Each stage runs only when the ones before
 * it leave room in the answer.
 */
export async function searchUnits(ctx: GazetteerContext, query: UnitSearchQuery): Promise<UnitSearchResult> {
  const db = asSearchDb(ctx.db);
  const how = plan(query.q);
  if (!how) return { items: [] };
  const filters = { level: query.level, within: query.within };
  const units: MatchRow[] = await selectPrefixMatches(
    db,
    how.keys,
    how.prefixes,
    how.exact,
    filters,
    query.limit,
  );
  const seen = new Set(units.map((unit) => unit.code));
  const add = (rows: MatchRow[]) => {
    for (const row of rows) {
      if (units.length >= query.limit || seen.has(row.code)) continue;
      seen.add(row.code);
      units.push(row);
    }
  };
  if (how.infix !== undefined && units.length < query.limit) {
    add(await selectInfixMatches(db, how.infix.key, how.infix.fragment, filters, query.limit - units.length));
  }
  // A name typed in full (an exact match) needs no guess at what else it might have been.
  const exact = units.some((unit) => unit.exact === true);
  if (how.fuzzy !== undefined && !exact && units.length < Math.min(query.limit, FUZZY_WHEN_FEWER_THAN)) {
    add(await selectFuzzyMatches(db, how.fuzzy, [...seen], filters, query.limit - units.length));
  }
  return {
    items: units.map(({ romanised, exact: _exact, ...unit }) => (romanised ? { ...unit, romanised } : unit)),
  };
}
