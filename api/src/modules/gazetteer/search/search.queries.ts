/** SQL over the search index: (db, args) -> rows, no rules. */
import { sql, type RawBuilder } from 'kysely';
import type { GazetteerUnitSearchPartTable, GazetteerUnitSearchTable, SearchDb } from './search.tables.ts';
import { NORMALISER_VERSION } from './normalise.ts';

/**
 * What a query's keys are compared with: the Khmer key, the folded official Latin name, the
 * folded UNGEGN romanisation of the Khmer name, or the code.
 */
export type SearchKey = 'km' | 'latin' | 'roman' | 'code';

// The code is compared in "C" order too (digits only, so the same as any collation's order),
// which is what the (level, code collate "C") index holds.
const KEY_SQL: Record<SearchKey, RawBuilder<string>> = {
  km: sql<string>`s.key_km`,
  latin: sql<string>`s.key_fold`,
  roman: sql<string>`s.key_roman`,
  code: sql<string>`(s.code collate "C")`,
};

export interface MatchFilters {
  level?: number | undefined;
  within?: string | undefined;
}

export interface PathItem {
  code: string;
  nameKm: string;
  nameLatin: string;
}

export interface MatchRow {
  code: string;
  level: number;
  typeCode: string;
  nameKm: string;
  nameLatin: string;
  parentCode: string | null;
  /** The ancestors, root first, the unit itself left out. */
  path: PathItem[];
  /** The UNGEGN romanisation, when the match was made on it (not on the official name). */
  romanised: string | null;
  /** Prefix matches only: the key is exactly what was typed. */
  exact?: boolean;
}

/**
 * The ancestors of the unit `t.code` as a JSON array, root first, from the closure table. Put
 * in the select list of a query over at most `limit` rows (the answer itself), it costs one
 * index lookup per answer, in the same statement: no second round trip, no N+1.
 */
const PATH_SQL = sql<PathItem[]>`coalesce((
    select json_agg(json_build_object('code', a.code, 'nameKm', a.name_km, 'nameLatin', a.name_latin)
                    order by c.depth desc)
    from gazetteer_unit_closure c
    join gazetteer_unit a on a.code = c.ancestor_code
    where c.descendant_code = t.code and c.depth > 0
  ), '[]'::json)`;

// The columns of gazetteer_unit an answer shows, read in the inner queries as `u`.
const INNER_COLUMNS = sql`u.code, u.level, u.type_code, u.name_km, u.name_latin, u.parent_code`;

const UNIT_COLUMNS = sql`t.code, t.level, t.type_code as "typeCode", t.name_km as "nameKm",
  t.name_latin as "nameLatin", t.parent_code as "parentCode", ${PATH_SQL} as path, t.romanised`;

/**
 * The keys that start with `prefix` as a range, `prefix <= key < prefix'` where prefix' has
 * its last code point incremented. In "C" order (byte order, which for UTF-8 is code-point
 * order) that is exactly "starts with", and a btree range scan serves it whatever the plan
 * (a `like 'q%'` only uses an index when the planner sees the parameter's value).
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const chars = [...prefix];
  const last = chars.pop()?.codePointAt(0) ?? 0;
  // Skip the surrogate block, which String.fromCodePoint refuses.
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return { from: prefix, to: chars.join('') + String.fromCodePoint(Math.min(next, 0x10ffff)) };
}

/** Still in force (abolished units keep their keys, for history) and, if asked, inside `within`. */
function filterSql(filters: MatchFilters): RawBuilder<unknown> {
  const alive = sql`exists (select 1 from gazetteer_unit u where u.code = s.code and u.valid_to is null)`;
  if (filters.within === undefined) return alive;
  return sql`${alive} and exists (
    select 1 from gazetteer_unit_closure c
    where c.ancestor_code = ${filters.within} and c.descendant_code = s.code and c.depth > 0)`;
}

const LEVELS = [1, 2, 3, 4];

/**
 * Units whose key starts with one of `prefixes`, compared with each of `keys` (a romanised
 * query: the official name and the romanisation): those whose key is one of `exact` first,
 * then by level, then by key (the name as the search sees it), then by code. A unit found
 * through several keys counts once, at its best rank, through the official name if it can.
 *
 * One statement, but read level by level: for each level, key and prefix, the first `limit`
 * keys in key order come straight from the (level, key, code) index, and only those are merged
 * and sorted. Exact matches are the smallest keys of their range, so they are among those
 * read: the merged set holds the first `limit` answers. A query that matches 3,000 villages
 * thus reads at most 4 x keys x `limit` index entries, not 3,000 rows to sort.
 */
export async function selectPrefixMatches(
  db: SearchDb,
  keys: readonly SearchKey[],
  prefixes: readonly string[],
  exact: readonly string[],
  filters: MatchFilters,
  limit: number,
): Promise<MatchRow[]> {
  const where = filterSql(filters);
  const branches = (filters.level === undefined ? LEVELS : [filters.level]).flatMap((level) =>
    keys.flatMap((key) =>
      prefixes.map((prefix) => {
        const keySql = KEY_SQL[key];
        const { from, to } = prefixRange(prefix);
        return sql`(select s.code, s.level, ${keySql} as key, ${sql.lit(key === 'roman' ? 1 : 0)} as via
          from gazetteer_unit_search s
          where s.level = ${level} and ${keySql} >= ${from} and ${keySql} < ${to} and ${where}
          order by ${keySql}, s.code limit ${limit})`;
      }),
    ),
  );
  // The answer (at most `limit` units) first, then their paths and the final order.
  const result = await sql<MatchRow>`
    select ${UNIT_COLUMNS}, t.exact_rank = 0 as exact
    from (
      select ${INNER_COLUMNS}, d.exact_rank, d.key,
        case when d.via = 1 then s.romanised end as romanised
      from (
        select distinct on (m.code) m.code, m.level, m.key, m.via,
          case when m.key in (${sql.join([...exact])}) then 0 else 1 end as exact_rank
        from (${sql.join(branches, sql` union all `)}) m
        order by m.code, exact_rank, m.via, m.key
      ) d
      join gazetteer_unit u on u.code = d.code
      join gazetteer_unit_search s on s.code = d.code
      order by d.exact_rank, d.level, d.key, d.code
      limit ${limit}
    ) t
    order by t.exact_rank, t.level, t.key, t.code`.execute(db);
  return result.rows;
}

/** Trigram distance (1 - similarity) under which a name counts as similar: similarity 0.3, pg_trgm's default. */
const MAX_TRIGRAM_DISTANCE = 0.7;

/**
 * The fuzzy fallback: units whose folded official name or folded romanisation is nearest to
 * `typed` by trigrams (pg_trgm's distance `<->`, 1 - similarity, at most 0.7), the nearest
 * first, then by level (a province before a village as near). Each key's GiST index gives its
 * nearest `limit` names directly (ORDER BY distance LIMIT), so the query reads a few index pages,
 * not every name sharing a trigram with the query. Units in `exclude` (already in the answer)
 * are left out.
 */
export async function selectFuzzyMatches(
  db: SearchDb,
  typed: string,
  exclude: readonly string[],
  filters: MatchFilters,
  limit: number,
): Promise<MatchRow[]> {
  const where = filterSql(filters);
  const level = filters.level === undefined ? sql`true` : sql`s.level = ${filters.level}`;
  const excluded = exclude.length === 0 ? sql`true` : sql`s.code not in (${sql.join([...exclude])})`;
  const nearest = (key: 'key_fold' | 'key_roman', via: number) => {
    const distance = sql`s.${sql.ref(key)} operator(public.<->) ${typed}`;
    return sql`(select s.code, ${distance} as distance, ${sql.lit(via)} as via
      from gazetteer_unit_search s
      where ${level} and ${excluded} and ${where}
      order by ${distance} limit ${limit})`;
  };
  const result = await sql<MatchRow>`
    select ${UNIT_COLUMNS}
    from (
      select ${INNER_COLUMNS}, n.distance,
        case when n.via = 1 then s.romanised end as romanised
      from (
        select distinct on (m.code) m.code, m.distance, m.via
        from (${nearest('key_fold', 0)} union all ${nearest('key_roman', 1)}) m
        where m.distance <= ${MAX_TRIGRAM_DISTANCE}
        order by m.code, m.distance, m.via
      ) n
      join gazetteer_unit u on u.code = n.code
      join gazetteer_unit_search s on s.code = n.code
      order by n.distance, u.level, u.code
      limit ${limit}
    ) t
    order by t.distance, t.level, t.code`.execute(db);
  return result.rows;
}

/**
 * Units with a syllable (Khmer) or word (romanised) inside their name that starts with
 * `fragment`, and whose name does not itself start with it (those are prefix matches): by
 * level, then by the rest of the name from the match, then by code. Read level by level from
 * the (script, level, part, code) key of gazetteer_unit_search_part, like the prefix matches.
 */
export async function selectInfixMatches(
  db: SearchDb,
  key: 'km' | 'latin',
  fragment: string,
  filters: MatchFilters,
  limit: number,
): Promise<MatchRow[]> {
  const keySql = KEY_SQL[key];
  const { from, to } = prefixRange(fragment);
  const where = filterSql(filters);
  const branches = (filters.level === undefined ? LEVELS : [filters.level]).map(
    (level) => sql`(select p.code, p.level, p.part from gazetteer_unit_search_part p
      join gazetteer_unit_search s on s.code = p.code
      where p.script = ${key} and p.level = ${level} and p.part >= ${from} and p.part < ${to}
        and not (${keySql} >= ${from} and ${keySql} < ${to}) and ${where}
      order by p.part, p.code limit ${limit})`,
  );
  // A name can hold the fragment twice (two parts): the unit comes once, at its first match.
  const result = await sql<MatchRow>`
    select ${UNIT_COLUMNS}
    from (
      select ${INNER_COLUMNS}, first.part, null::text as romanised
      from (
        select distinct on (m.code) m.code, m.part
        from (${sql.join(branches, sql` union all `)}) m
        order by m.code, m.part
      ) first
      join gazetteer_unit u on u.code = first.code
      order by u.level, first.part, u.code
      limit ${limit}
    ) t
    order by t.level, t.part, t.code`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------------------- keeping the index

/** The SQL twin of `namesHash` (search-index.ts); a test checks that they agree. */
const namesHashSql = () =>
  sql<string>`md5(${String(NORMALISER_VERSION)}::text || chr(31) || u.name_km || chr(31) || u.name_latin)`;

/** The names of the units with these codes, or of every unit. */
export function selectUnitNames(db: SearchDb, codes?: readonly string[]) {
  const select = db.selectFrom('gazetteer_unit').select(['code', 'name_km', 'name_latin']);
  return (codes === undefined ? select : select.where('code', 'in', [...codes])).execute();
}

/** The tree's revision now, and the one (with the normaliser's version) the index was last current for. */
export async function selectSearchSyncState(
  db: SearchDb,
): Promise<{ revision: number; syncedRevision: number | null; syncedVersion: number | null }> {
  const row = await db
    .selectFrom('gazetteer_tree_revision as r')
    .leftJoin('gazetteer_unit_search_sync as s', (join) => join.onTrue())
    .select(['r.revision', 's.tree_revision', 's.normaliser_version'])
    .executeTakeFirst();
  return {
    revision: Number(row?.revision ?? 0),
    syncedRevision: row?.tree_revision == null ? null : Number(row.tree_revision),
    syncedVersion: row?.normaliser_version == null ? null : Number(row.normaliser_version),
  };
}

/** Records that the index is current for this revision of the tree and version of the normaliser. */
export async function recordSearchSync(db: SearchDb, revision: number, version: number): Promise<void> {
  await db
    .insertInto('gazetteer_unit_search_sync')
    .values({ tree_revision: revision, normaliser_version: version })
    .onConflict((conflict) =>
      conflict
        .column('singleton')
        .doUpdateSet({ tree_revision: revision, normaliser_version: version, synced_at: new Date() }),
    )
    .execute();
}

/** The units with no search keys, or whose names (or the normaliser's version) changed since. */
export function selectStaleUnitNames(db: SearchDb) {
  return db
    .selectFrom('gazetteer_unit as u')
    .leftJoin('gazetteer_unit_search as s', 's.code', 'u.code')
    .select(['u.code', 'u.name_km', 'u.name_latin'])
    .where((eb) => eb.or([eb('s.code', 'is', null), eb('s.names_hash', '<>', namesHashSql())]))
    .execute();
}

export async function upsertSearchKeys(
  db: SearchDb,
  rows: readonly GazetteerUnitSearchTable[],
): Promise<void> {
  await db
    .insertInto('gazetteer_unit_search')
    .values([...rows])
    .onConflict((conflict) =>
      conflict.column('code').doUpdateSet((eb) => ({
        key_km: eb.ref('excluded.key_km'),
        key_latin: eb.ref('excluded.key_latin'),
        key_fold: eb.ref('excluded.key_fold'),
        key_roman: eb.ref('excluded.key_roman'),
        romanised: eb.ref('excluded.romanised'),
        names_hash: eb.ref('excluded.names_hash'),
      })),
    )
    .execute();
}

export async function deleteSearchParts(db: SearchDb, codes: readonly string[]): Promise<void> {
  await db
    .deleteFrom('gazetteer_unit_search_part')
    .where('code', 'in', [...codes])
    .execute();
}

export async function insertSearchParts(
  db: SearchDb,
  parts: readonly GazetteerUnitSearchPartTable[],
): Promise<void> {
  await db
    .insertInto('gazetteer_unit_search_part')
    .values([...parts])
    .execute();
}
