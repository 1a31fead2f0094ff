/** The rules of unit search: which key a query is compared with, and in what order answers come. */
import { codePrefixes, normaliseKhmer, normaliseLatin, queryScript } from './normalise.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { asSearchDb } from './search.tables.ts';
import { selectInfixMatches, selectPrefixMatches, type SearchKey } from './search.queries.ts';
import type { UnitSearchQuery, UnitSearchResult } from './search.schemas.ts';

// Below two characters a match inside names is nearly every name: prefixes only.
const MIN_INFIX_LENGTH = 2;

interface Plan {
  key: SearchKey;
  prefixes: string[];
  exact: string[];
  /** The fragment searched inside names when prefixes do not fill the answer; codes have none. */
  infix?: string;
}

function plan(q: string): Plan | undefined {
  const script = queryScript(q);
  if (script === 'code') {
    const prefixes = codePrefixes(q);
    return prefixes.length === 0 ? undefined : { key: 'code', prefixes, exact: prefixes };
  }
  const typed = script === 'khmer' ? normaliseKhmer(q) : normaliseLatin(q);
  // Only invisible characters, spaces or punctuation: nothing to look for.
  if (typed.length === 0) return undefined;
  return {
    key: script === 'khmer' ? 'km' : 'latin',
    prefixes: [typed],
    exact: [typed],
    ...([...typed].length >= MIN_INFIX_LENGTH ? { infix: typed } : {}),
  };
}

export async function searchUnits(ctx: GazetteerContext, query: UnitSearchQuery): Promise<UnitSearchResult> {
  const db = asSearchDb(ctx.db);
  const how = plan(query.q);
  if (!how) return { items: [] };
  const filters = { level: query.level, within: query.within };
  const units = await selectPrefixMatches(db, how.key, how.prefixes, how.exact, filters, query.limit);
  if (how.infix !== undefined && how.key !== 'code' && units.length < query.limit) {
    units.push(...(await selectInfixMatches(db, how.key, how.infix, filters, query.limit - units.length)));
  }
  return { items: units };
}
