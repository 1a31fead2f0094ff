/**
 * Kysely functions over the data values and their pre-aggregation: (db, args) → rows. The write
 * is one statement: it reads the values it replaces, writes the new ones and adds the
 * differences to the pre-aggregation of the unit and each of its ancestors, so the values and
 * the roll-up can never disagree after a commit.
 */
import { sql, type Expression } from 'kysely';
import type { ResultsDb } from './results.tables.ts';

/**
 * SQL of the periods holding a value's period `v.period` (itself, its quarter, its year; null
 * where none), the same as periods.ts's periodsHolding: for recounts.
 */
export const HOLDING_PERIODS = sql`values (v.period),
  (case when v.period ~ '^[0-9]{6}$' then left(v.period, 4) || 'Q' || ((substr(v.period, 5, 2)::int + 2) / 3) end),
  (case when v.period ~ '^[0-9]{4}(Q[1-4]|[0-9]{2})$' then left(v.period, 4) end)`;

export interface ValueRow {
  dataElement: string;
  unit: string;
  period: string;
  cocId: number;
  /** Decimal text, already checked against the element's type. */
  value: string;
  year: number;
  start: string;
  end: string;
}

/** The (data set, unit, period) cells of these whose figures are approved or locked (frozen). */
export function selectLockedCells(
  db: ResultsDb,
  dataSetCode: string,
  cells: readonly { unit: string; period: string }[],
) {
  if (cells.length === 0) return Promise.resolve([]);
  return sql<{ unit_code: string; period: string }>`
    select s.unit_code, s.period
    from results_data_set_status s
    join unnest(${cells.map((c) => c.unit)}::text[], ${cells.map((c) => c.period)}::text[]) as c (unit_code, period)
      on c.unit_code = s.unit_code and c.period = s.period
    where s.data_set_code = ${dataSetCode} and s.status in ('approved', 'locked')`
    .execute(db)
    .then((result) => result.rows);
}

/**
 * Serialises writers of the same units (transaction-scoped advisory locks, in code order so two
 * batches cannot deadlock): the differences added to the pre-aggregation are computed from the
 * values each writer reads, which another writer of the same cell must not change meanwhile.
 */
export async function lockUnits(db: ResultsDb, units: readonly string[]) {
  const sorted = [...new Set(units)].sort();
  if (sorted.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtext('results.value:' || u)) from unnest(${sorted}::text[]) as u order by u`.execute(
    db,
  );
}

/**
 * Writes the values (new or changed; an unchanged one is left alone) and keeps the
 * pre-aggregation current for each unit's chain of ancestors (`ancestry`: pairs of unit and
 * ancestor, the unit itself included). Returns how many values were added and changed.
 */
export async function writeValues(
  db: ResultsDb,
  input: {
    dataSetCode: string;
    updatedBy: number | null;
    rows: readonly ValueRow[];
    ancestry: readonly { unit: string; ancestor: string }[];
    /** Each period of the batch with itself and the longer periods holding it. */
    rollups: readonly { period: string; rollup: string }[];
  },
): Promise<{ inserted: number; updated: number }> {
  // Grouping a large batch's differences by unit, ancestor and period is done in memory, not on
  // disk (the default work_mem of 4 MB spills at ~10,000 values).
  await sql`set local work_mem = '64MB'`.execute(db);
  const result = await writeValuesQuery(input).execute(db);
  const row = result.rows[0];
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}

/** The statement of writeValues (exported for the benchmark's EXPLAIN). */
export function writeValuesQuery(input: Parameters<typeof writeValues>[1]) {
  const { rows } = input;
  // The batch's years as constants: the planner then reads only their partitions.
  const years = [...new Set(rows.map((row) => row.year))];
  return sql<{ inserted: string; updated: string }>`
    with input as (
      select * from unnest(
        ${rows.map((r) => r.dataElement)}::text[],
        ${rows.map((r) => r.unit)}::text[],
        ${rows.map((r) => r.period)}::text[],
        ${rows.map((r) => r.cocId)}::int[],
        ${rows.map((r) => r.value)}::numeric[],
        ${rows.map((r) => r.year)}::smallint[],
        ${rows.map((r) => r.start)}::date[],
        ${rows.map((r) => r.end)}::date[]
      ) as i (data_element_code, unit_code, period, coc_id, value, year, period_start, period_end)
    ),
    ancestry as (
      select * from unnest(
        ${input.ancestry.map((a) => a.unit)}::text[],
        ${input.ancestry.map((a) => a.ancestor)}::text[]
      ) as a (unit_code, ancestor_code)
    ),
    rollups as (
      select * from unnest(
        ${input.rollups.map((r) => r.period)}::text[],
        ${input.rollups.map((r) => r.rollup)}::text[]
      ) as r (period, rollup)
    ),
    compared as (
      select i.*, v.value as old_value
      from input i
      left join results_data_value v
        on v.data_element_code = i.data_element_code and v.unit_code = i.unit_code
       and v.period = i.period and v.coc_id = i.coc_id and v.year = i.year
       and v.year = any(${years}::smallint[])
    ),
    changed as (
      select * from compared where old_value is distinct from value
    ),
    -- Values: new ones inserted, changed ones updated, each set in one pass (no per-row
    -- conflict handling: writers of the same unit are serialised by lockUnits).
    written_new as (
      insert into results_data_value
        (year, data_element_code, period, unit_code, coc_id, value, data_set_code,
         period_start, period_end, updated_by)
      select year, data_element_code, period, unit_code, coc_id, value, ${input.dataSetCode},
             period_start, period_end, ${input.updatedBy}::bigint
      from changed where old_value is null
      returning 1
    ),
    written_changed as (
      update results_data_value v
      set value = c.value, data_set_code = ${input.dataSetCode}, updated_at = now(),
          updated_by = ${input.updatedBy}::bigint
      from changed c
      where c.old_value is not null and v.year = any(${years}::smallint[])
        and v.data_element_code = c.data_element_code and v.unit_code = c.unit_code
        and v.period = c.period and v.coc_id = c.coc_id and v.year = c.year
      returning 1
    ),
    deltas as (
      select c.data_element_code, r.rollup as period, a.ancestor_code as unit_code, c.coc_id,
             sum(c.value - coalesce(c.old_value, 0)) as value,
             count(*) filter (where c.old_value is null)::int as value_count
      from changed c
      join ancestry a on a.unit_code = c.unit_code
      join rollups r on r.period = c.period
      group by c.data_element_code, r.rollup, a.ancestor_code, c.coc_id
    ),
    -- The pre-aggregation: the rows that exist are updated in one set-based UPDATE; the others
    -- inserted. Ancestors are shared by writers of other units, so a row another writer added
    -- since this statement's snapshot is met by ON CONFLICT and added to, never lost.
    agg_updated as (
      update results_value_agg g
      set value = g.value + d.value, value_count = g.value_count + d.value_count
      from deltas d
      where g.data_element_code = d.data_element_code and g.period = d.period
        and g.unit_code = d.unit_code and g.coc_id = d.coc_id
      returning g.data_element_code, g.period, g.unit_code, g.coc_id
    ),
    agg_inserted as (
      insert into results_value_agg as g
        (data_element_code, period, unit_code, coc_id, value, value_count)
      select d.data_element_code, d.period, d.unit_code, d.coc_id, d.value, d.value_count
      from deltas d
      where not exists (
        select 1 from agg_updated u
        where u.data_element_code = d.data_element_code and u.period = d.period
          and u.unit_code = d.unit_code and u.coc_id = d.coc_id)
      on conflict (data_element_code, period, unit_code, coc_id)
      do update set value = g.value + excluded.value, value_count = g.value_count + excluded.value_count
      returning 1
    )
    select
      (select count(*) from changed where old_value is null) as inserted,
      (select count(*) from changed where old_value is not null) as updated,
      (select count(*) from written_new) + (select count(*) from written_changed) as written,
      (select count(*) from agg_updated) + (select count(*) from agg_inserted) as aggregated`;
}

/** The values of a data set's elements for one unit and period (the data entry form). */
/** The units that hold values. */
export async function selectValueUnits(db: ResultsDb): Promise<string[]> {
  const rows = await db.selectFrom('results_data_value').select('unit_code').distinct().execute();
  return rows.map((row) => row.unit_code);
}

export function selectFormValues(
  db: ResultsDb,
  input: { dataSetCode: string; unit: string; period: string; year: number },
) {
  return db
    .selectFrom('results_data_value as v')
    .innerJoin('results_data_set_element as s', (join) =>
      join
        .onRef('s.data_element_code', '=', 'v.data_element_code')
        .on('s.data_set_code', '=', input.dataSetCode),
    )
    .select(['v.data_element_code', 'v.coc_id', 'v.value', 'v.updated_at'])
    .where('v.unit_code', '=', input.unit)
    .where('v.period', '=', input.period)
    .where('v.year', '=', input.year)
    .orderBy('v.data_element_code')
    .orderBy('v.coc_id')
    .execute();
}

/** The cells of the pre-aggregation that differ from a full recount (for tests and the benchmark). */
export async function aggregationDifferences(
  db: ResultsDb,
  ancestry: readonly { unit: string; ancestor: string }[],
): Promise<number> {
  const result = await sql<{ count: string }>`
    with recount as (
      select v.data_element_code, a.ancestor_code as unit_code, p.period, v.coc_id,
             sum(v.value) as value, count(*)::int as value_count
      from results_data_value v
      join unnest(${ancestry.map((a) => a.unit)}::text[], ${ancestry.map((a) => a.ancestor)}::text[])
        as a (descendant_code, ancestor_code) on a.descendant_code = v.unit_code
      cross join lateral (${HOLDING_PERIODS}) as p (period)
      where p.period is not null
      group by 1, 2, 3, 4
    )
    select count(*) as count
    from recount r
    full join results_value_agg g
      on g.data_element_code = r.data_element_code and g.unit_code = r.unit_code
     and g.period = r.period and g.coc_id = r.coc_id
    where r.value is distinct from g.value or r.value_count is distinct from g.value_count`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

export interface AggregateRow {
  unit_code: string;
  data_element_code: string;
  value: string;
  /** The option of each category asked for (`by`), null when the element has no such category. */
  keys: (string | null)[];
}

/**
 * Sums of the pre-aggregation over a date range for some elements, per unit of a level (the
 * units given by `units`, a subquery of codes) and per option of the categories in `by`.
 */
export async function sumAggregates(
  db: ResultsDb,
  input: {
    elements: readonly string[];
    period: string;
    units: Expression<unknown> | readonly string[];
    within?: Expression<unknown>;
    by: readonly string[];
    /** Read the pre-aggregation of approved (and locked) figures only. */
    approved?: boolean;
  },
): Promise<AggregateRow[]> {
  const table = sql.table(input.approved === true ? 'results_value_agg_approved' : 'results_value_agg');
  const keys = input.by.map((category, index) => sql`c.options ->> ${category} as ${sql.ref(`k${index}`)}`);
  const groupKeys = input.by.map((_, index) => sql.ref(`k${index}`));
  const unitFilter = Array.isArray(input.units)
    ? sql`g.unit_code = any(${[...(input.units as readonly string[])]}::text[])`
    : sql`g.unit_code in (${input.units})`;
  const withinFilter = input.within === undefined ? sql`true` : sql`g.unit_code in (${input.within})`;
  const result = await sql<Record<string, string | null>>`
    select g.unit_code, g.data_element_code, sum(g.value)::text as value
      ${keys.length > 0 ? sql`, ${sql.join(keys)}` : sql``}
    from ${table} g
    join results_category_option_combo c on c.id = g.coc_id
    where g.data_element_code = any(${[...input.elements]}::text[])
      and g.period = ${input.period}
      and ${unitFilter} and ${withinFilter}
    group by g.unit_code, g.data_element_code ${groupKeys.length > 0 ? sql`, ${sql.join(groupKeys)}` : sql``}`.execute(
    db,
  );
  return result.rows.map((row) => ({
    unit_code: row.unit_code as string,
    data_element_code: row.data_element_code as string,
    value: row.value as string,
    keys: input.by.map((_, index) => row[`k${index}`] ?? null),
  }));
}
