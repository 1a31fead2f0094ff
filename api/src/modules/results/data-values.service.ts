/**
 * Recording figures: a batch of values of one data set, checked whole before anything is
 * written (type, period type, the unit's type and place in the caller's area, the breakdown,
 * approval), then written with the pre-aggregation in one transaction and one audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { ErrorItem } from '../../platform/errors.ts';
import { portDb, type ResultsContext } from './results.context.ts';
import { fail, type ResultsErrorCode } from './results.errors.ts';
import type { DataValuesBody, DataValuesResult, FormValues, FormValuesQuery } from './results.schemas.ts';
import {
  findDataSet,
  selectDataSetElements,
  selectDataSetUnitTypes,
  selectCombos,
  selectOptionCombos,
} from './framework.queries.ts';
import { parsePeriod, periodsHolding } from './periods.ts';
import { checkValue } from './values.ts';
import {
  lockUnits,
  selectFormValues,
  selectLockedCells,
  writeValues,
  type ValueRow,
} from './values.queries.ts';
import type { ResultsDb } from './results.tables.ts';

/** A canonical key of a breakdown: its options in category order. */
const optionsKey = (categories: readonly string[], options: Record<string, string>) =>
  categories.map((category) => `${category}=${options[category] ?? ''}`).join('&');

/** The cells of each combination: combo → options key → option combo id. */
async function optionCombos(
  db: ResultsDb,
  comboCodes: readonly string[],
  categoriesOf: Map<string, string[]>,
) {
  const rows = await selectOptionCombos(db, comboCodes);
  const cells = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const categories = categoriesOf.get(row.combo_code) ?? Object.keys(row.options).sort();
    const map = cells.get(row.combo_code) ?? new Map<string, number>();
    map.set(optionsKey(categories, row.options), row.id);
    cells.set(row.combo_code, map);
  }
  return cells;
}

/** The categories of each combination, in their stored order. */
async function comboCategories(db: ResultsDb, comboCodes: readonly string[]) {
  const rows = await selectCombos(db, comboCodes);
  return new Map(rows.map((row) => [row.code, row.category_codes]));
}

/** The problem of highest priority first: outside the caller's area, then approval, then the rest. */
const PRIORITY: ResultsErrorCode[] = ['results.value.outside_scope', 'results.value.locked'];

export interface Problem {
  code: ResultsErrorCode;
  path: string;
  message: string;
  /** The value's index in the batch. */
  index: number;
}

/** A batch checked whole: the rows to write (the values without a problem) and every problem. */
export interface PreparedBatch {
  dataSet: string;
  rows: ValueRow[];
  /** For each row, the index of its value in the batch. */
  rowIndex: number[];
  problems: Problem[];
  units: Map<string, { typeCode: string; level: number; ancestors: string[] }>;
}

/**
 * Checks a batch of values of one data set (types, periods, units and the caller's area,
 * breakdowns, duplicates, approved cells) without writing anything.
 */
export async function prepareBatch(
  ctx: ResultsContext,
  input: { body: DataValuesBody; scope: 'all' | string[] },
): Promise<PreparedBatch> {
  const { body, scope } = input;
  const db = ctx.db;
  const dataSet = await findDataSet(db, body.dataSet);
  if (!dataSet) throw fail('results.data_set.not_found', `No data set ${body.dataSet}.`);
  const elements = new Map((await selectDataSetElements(db, [dataSet.code])).map((row) => [row.code, row]));
  const unitTypes = new Set(
    (await selectDataSetUnitTypes(db, [dataSet.code])).map((row) => row.unit_type_code),
  );
  const combos = [...new Set([...elements.values()].map((element) => element.combo_code))];
  const categoriesOf = await comboCategories(db, combos);
  const cells = await optionCombos(db, combos, categoriesOf);

  const problems: Problem[] = [];
  const problem = (code: ResultsErrorCode, index: number, field: string, message: string) =>
    problems.push({ code, path: `/values/${index}/${field}`, message: `${code}: ${message}`, index });

  // Units: all of the batch asked of the gazetteer in one query (type and ancestors), then
  // checked here: the type reports the data set, the caller's area holds an ancestor.
  const unitCodes = [...new Set(body.values.map((value) => value.unit))];
  const units = await ctx.ports.gazetteer.unitsWithAncestors(portDb(db), unitCodes);
  const unitProblems = new Map<string, { code: ResultsErrorCode; message: string }>();
  for (const code of unitCodes) {
    const unit = units.get(code);
    if (!unit) {
      unitProblems.set(code, { code: 'results.value.unit_unknown', message: `No unit ${code}.` });
    } else if (!unitTypes.has(unit.typeCode)) {
      unitProblems.set(code, {
        code: 'results.value.unit_not_assigned',
        message: `Units of type ${unit.typeCode} do not report ${dataSet.code}.`,
      });
    } else if (scope !== 'all' && !unit.ancestors.some((ancestor) => scope.includes(ancestor))) {
      unitProblems.set(code, {
        code: 'results.value.outside_scope',
        message: `Unit ${code} is outside your area.`,
      });
    }
  }

  const rows: ValueRow[] = [];
  const rowIndex: number[] = [];
  const seen = new Set<string>();
  body.values.forEach((value, index) => {
    const unitProblem = unitProblems.get(value.unit);
    if (unitProblem) problem(unitProblem.code, index, 'unit', unitProblem.message);
    const element = elements.get(value.dataElement);
    if (!element) {
      problem(
        'results.value.element_not_in_data_set',
        index,
        'dataElement',
        `${value.dataElement} is not in ${dataSet.code}.`,
      );
      return;
    }
    const period = parsePeriod(value.period);
    if (!period) {
      problem('results.value.bad_period', index, 'period', `Not a period: ${value.period}.`);
    } else if (period.type !== dataSet.period_type) {
      problem(
        'results.value.wrong_period_type',
        index,
        'period',
        `${value.period} is ${period.type}; ${dataSet.code} is ${dataSet.period_type}.`,
      );
    }
    const checked = checkValue(element.value_type, value.value);
    if (checked === null) {
      problem(
        'results.value.bad_value',
        index,
        'value',
        `${String(value.value)} is not ${element.value_type}.`,
      );
    }
    const categories = categoriesOf.get(element.combo_code) ?? [];
    const options = value.categoryOptions ?? {};
    const extra = Object.keys(options).filter((key) => !categories.includes(key));
    const cocId =
      extra.length > 0 ? undefined : cells.get(element.combo_code)?.get(optionsKey(categories, options));
    if (cocId === undefined) {
      problem(
        'results.value.bad_category_options',
        index,
        'categoryOptions',
        `${element.code} is broken down by ${categories.join(', ') || 'nothing'}.`,
      );
    }
    if (!period || checked === null || cocId === undefined || unitProblem) return;
    const key = `${element.code}|${value.unit}|${period.code}|${cocId}`;
    if (seen.has(key)) {
      problem(
        'results.value.duplicate',
        index,
        'dataElement',
        `Given twice: ${element.code} ${value.unit} ${period.code}.`,
      );
      return;
    }
    seen.add(key);
    rowIndex.push(index);
    rows.push({
      dataElement: element.code,
      unit: value.unit,
      period: period.code,
      cocId,
      value: checked,
      year: period.year,
      start: period.start,
      end: period.end,
    });
  });

  // Approved cells, as they are now (checked again under the units' lock when writing).
  for (const problem of await lockedProblems(db, dataSet.code, rows, rowIndex)) problems.push(problem);
  return { dataSet: dataSet.code, rows, rowIndex, problems, units };
}

/** A problem for each row whose data set, unit and period are approved or locked. */
async function lockedProblems(
  db: ResultsDb,
  dataSetCode: string,
  rows: readonly ValueRow[],
  rowIndex: readonly number[],
): Promise<Problem[]> {
  const cellsAsked = [...new Map(rows.map((row) => [`${row.unit}|${row.period}`, row])).values()];
  const locked = new Set(
    (
      await selectLockedCells(
        db,
        dataSetCode,
        cellsAsked.map((row) => ({ unit: row.unit, period: row.period })),
      )
    ).map((cell) => `${cell.unit_code}|${cell.period}`),
  );
  if (locked.size === 0) return [];
  return rows.flatMap((row, i) => {
    if (!locked.has(`${row.unit}|${row.period}`)) return [];
    const index = rowIndex[i] ?? 0;
    const code = 'results.value.locked' as const;
    return [
      {
        code,
        index,
        path: `/values/${index}/period`,
        message: `${code}: ${dataSetCode} ${row.unit} ${row.period} is approved.`,
      },
    ];
  });
}

export async function recordDataValues(
  ctx: ResultsContext,
  actor: Actor,
  input: { body: DataValuesBody; scope: 'all' | string[] },
): Promise<DataValuesResult> {
  const batch = await prepareBatch(ctx, input);
  if (batch.problems.length > 0) refuse(batch.problems);
  return writeBatch(ctx, actor, batch);
}

/** Writes the rows of a checked batch with the pre-aggregation and one audit record (all or nothing). */
export async function writeBatch(
  ctx: ResultsContext,
  actor: Actor,
  batch: Pick<PreparedBatch, 'dataSet' | 'rows' | 'rowIndex' | 'units'>,
  audit: { action: string; extra?: Record<string, unknown> } = { action: 'results.values.record' },
): Promise<DataValuesResult> {
  const { rows, units } = batch;
  const dataSet = { code: batch.dataSet };
  const unitCodes = [...new Set(rows.map((row) => row.unit))];
  return ctx.inTransaction(async (trx) => {
    await lockUnits(trx, unitCodes);
    // Approval is checked again under the units' lock, which an approval step takes too: a
    // cell approved while this batch was being checked is still refused.
    const locked = await lockedProblems(trx, dataSet.code, rows, batch.rowIndex);
    if (locked.length > 0) refuse(locked);
    // The ancestry read above, before the lock: the tree does not change under a batch of figures
    // (a restructuring is a gazetteer import of its own).
    const ancestry = unitCodes.flatMap((unit) =>
      (units.get(unit)?.ancestors ?? []).map((ancestor) => ({ unit, ancestor })),
    );
    const rollups = [...new Set(rows.map((row) => row.period))].flatMap((code) => {
      const period = parsePeriod(code) as NonNullable<ReturnType<typeof parsePeriod>>;
      return periodsHolding(period).map((rollup) => ({ period: code, rollup }));
    });
    const written = await writeValues(trx, {
      dataSetCode: dataSet.code,
      updatedBy: actor.userId,
      rows,
      ancestry,
      rollups,
    });
    const unchanged = rows.length - written.inserted - written.updated;
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    // One record per batch: a form or an import writes hundreds to millions of values at once;
    // a record per value would multiply the audit chain (hash-chained, written in sequence) by
    // as many, and the values themselves carry who changed them last and when.
    await ctx.audit.write(trx, actor, {
      action: audit.action,
      entityType: 'results.data_set',
      entityId: dataSet.code,
      unitCode: unitCodes.length === 1 ? (unitCodes[0] ?? null) : null,
      after: {
        dataSet: dataSet.code,
        values: rows.length,
        inserted: written.inserted,
        updated: written.updated,
        unchanged,
        units: unitCodes.length,
        firstUnits: unitCodes.slice(0, 20),
        periods: periods.slice(0, 24),
        ...audit.extra,
      },
    });
    return {
      dataSet: dataSet.code,
      values: rows.length,
      inserted: written.inserted,
      updated: written.updated,
      unchanged,
    };
  });
}

function refuse(problems: Problem[]): never {
  const first = PRIORITY.find((code) => problems.some((p) => p.code === code)) ?? problems[0]?.code;
  const errors: ErrorItem[] = problems.slice(0, 200).map(({ path, message }) => ({ path, message }));
  const codes = [...new Set(problems.map((p) => p.code))];
  throw fail(first ?? 'results.value.bad_values', {
    detail: `${problems.length} value${problems.length === 1 ? '' : 's'} refused (${codes.join(', ')}); nothing was recorded.`,
    errors,
  });
}

/** The values already recorded for a data set, unit and period (the form's starting point). */
export async function formValues(ctx: ResultsContext, query: FormValuesQuery): Promise<FormValues> {
  const dataSet = await findDataSet(ctx.db, query.dataSet);
  if (!dataSet) throw fail('results.data_set.not_found');
  const period = parsePeriod(query.period);
  if (!period) throw fail('results.value.bad_period');
  if (period.type !== dataSet.period_type) throw fail('results.value.wrong_period_type');
  if (!(await ctx.ports.gazetteer.unitExists(portDb(ctx.db), query.unit)))
    throw fail('results.value.unit_unknown');
  const locked = await selectLockedCells(ctx.db, dataSet.code, [{ unit: query.unit, period: period.code }]);
  const rows = await selectFormValues(ctx.db, {
    dataSetCode: dataSet.code,
    unit: query.unit,
    period: period.code,
    year: period.year,
  });
  return {
    dataSet: dataSet.code,
    unit: query.unit,
    period: period.code,
    locked: locked.length > 0,
    values: rows.map((row) => ({
      dataElement: row.data_element_code,
      cocId: row.coc_id,
      value: String(row.value),
    })),
  };
}
