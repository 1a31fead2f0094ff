/**
 * Kysely functions over the approval states of (data set, unit, period) cells and the
 * pre-aggregation of approved figures: (db, args) → rows.
 */
import { sql } from 'kysely';
import type { ApprovalStatus, ResultsDb } from './results.tables.ts';

/** The state of one cell, read for update (null: never touched, i.e. open). */
export function selectStatusForUpdate(db: ResultsDb, key: { dataSet: string; unit: string; period: string }) {
  return db
    .selectFrom('results_data_set_status')
    .select(['status', 'changed_at', 'comment'])
    .where('data_set_code', '=', key.dataSet)
    .where('unit_code', '=', key.unit)
    .where('period', '=', key.period)
    .forUpdate()
    .executeTakeFirst();
}

/** The state of one cell (null: never touched, i.e. open). */
export function selectStatus(db: ResultsDb, key: { dataSet: string; unit: string; period: string }) {
  return db
    .selectFrom('results_data_set_status')
    .select(['status', 'changed_at', 'comment'])
    .where('data_set_code', '=', key.dataSet)
    .where('unit_code', '=', key.unit)
    .where('period', '=', key.period)
    .executeTakeFirst();
}

export function upsertStatus(
  db: ResultsDb,
  row: {
    dataSet: string;
    unit: string;
    period: string;
    status: ApprovalStatus;
    changedBy: number | null;
    comment: string | null;
  },
) {
  return db
    .insertInto('results_data_set_status')
    .values({
      data_set_code: row.dataSet,
      unit_code: row.unit,
      period: row.period,
      status: row.status,
      changed_by: row.changedBy,
      comment: row.comment,
    })
    .onConflict((conflict) =>
      conflict.columns(['data_set_code', 'unit_code', 'period']).doUpdateSet({
        status: row.status,
        changed_by: row.changedBy,
        comment: row.comment,
        changed_at: sql<Date>`now()`,
      }),
    )
    .returning(['status', 'changed_at', 'comment'])
    .executeTakeFirstOrThrow();
}

/**
 * Adds (sign 1) or takes away (sign -1) a cell's values in the pre-aggregation of approved
 * figures, for the unit and each of its ancestors and for the period and the longer ones
 * holding it: one set-based statement. Rows left at no value are removed, so the table stays
 * equal to a recount of the approved cells.
 */
export async function moveApprovedValues(
  db: ResultsDb,
  input: {
    dataSet: string;
    unit: string;
    period: string;
    year: number;
    ancestors: readonly string[];
    rollups: readonly string[];
    sign: 1 | -1;
  },
): Promise<number> {
  const result = await sql<{ n: string }>`
    with cell as (
      select v.data_element_code, v.coc_id, v.value
      from results_data_value v
      where v.data_set_code = ${input.dataSet} and v.unit_code = ${input.unit}
        and v.period = ${input.period} and v.year = ${input.year}
    ),
    deltas as (
      select c.data_element_code, r.period, a.unit_code, c.coc_id,
             ${input.sign}::int * sum(c.value) as value, ${input.sign}::int * count(*)::int as value_count
      from cell c
      cross join unnest(${[...input.ancestors]}::text[]) as a (unit_code)
      cross join unnest(${[...input.rollups]}::text[]) as r (period)
      group by c.data_element_code, r.period, a.unit_code, c.coc_id
    ),
    moved as (
      insert into results_value_agg_approved as g
        (data_element_code, period, unit_code, coc_id, value, value_count)
      select data_element_code, period, unit_code, coc_id, value, value_count from deltas
      on conflict (data_element_code, period, unit_code, coc_id)
      do update set value = g.value + excluded.value, value_count = g.value_count + excluded.value_count
      returning 1
    )
    select (select count(*) from cell) as n, (select count(*) from moved) as moved`.execute(db);
  if (input.sign === -1) {
    await db
      .deleteFrom('results_value_agg_approved')
      .where('unit_code', 'in', [...input.ancestors])
      .where('period', 'in', [...input.rollups])
      .where('value_count', '<=', 0)
      .execute();
  }
  return Number(result.rows[0]?.n ?? 0);
}
