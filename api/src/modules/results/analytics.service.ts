/**
 * An indicator rolled up over the tree: for a unit (or the country), the units of a level
 * below it, a period (any months, quarters or years within it), and a breakdown by categories.
 * Read from the pre-aggregation (one row per element × period × unit and ancestor × cell, for
 * each value's own period and the quarter and year holding it), so a national roll-up of a year
 * reads the provinces' yearly rows, never the communes' monthly values. A ratio is the sum of
 * numerators over the sum of denominators, never an average of ratios; a zero denominator
 * gives no value (null).
 */
import { ancestryOf, portDb, type ResultsContext } from './results.context.ts';
import { fail } from './results.errors.ts';
import type { AnalyticsAnswer, AnalyticsQuery } from './results.schemas.ts';
import { findIndicator, selectCombos, selectDataElements } from './framework.queries.ts';
import { parsePeriod } from './periods.ts';
import { indicatorValue } from './values.ts';
import {
  aggregationDifferences,
  selectValueUnits,
  sumAggregates,
  type AggregateRow,
} from './values.queries.ts';

const LOWEST_LEVEL = 4;

export async function indicatorAnalytics(
  ctx: ResultsContext,
  query: AnalyticsQuery,
): Promise<AnalyticsAnswer> {
  const db = ctx.db;
  const gazetteer = ctx.ports.gazetteer;
  const indicator = await findIndicator(db, query.indicator);
  if (!indicator) throw fail('results.indicator.not_found', `No indicator ${query.indicator}.`);
  const period = parsePeriod(query.period);
  if (!period) throw fail('results.analytics.bad_period', `Not a period: ${query.period}.`);
  const by = (query.by ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const unknownBy = by.filter((category) => !indicator.disaggregations.includes(category));
  if (unknownBy.length > 0 || new Set(by).size !== by.length) {
    throw fail('results.analytics.bad_by', {
      detail: `${indicator.code} breaks down by: ${indicator.disaggregations.join(', ') || 'nothing'}.`,
    });
  }
  let unitLevel = 0;
  if (query.unit !== undefined) {
    if (!(await gazetteer.unitExists(portDb(db), query.unit))) {
      throw fail('results.analytics.unit_unknown', `No unit ${query.unit}.`);
    }
    unitLevel = (await gazetteer.getUnit(portDb(db), query.unit)).level;
  }
  const level = query.level ?? Math.min(unitLevel + 1, LOWEST_LEVEL);
  if (level < Math.max(unitLevel, 1) || level > LOWEST_LEVEL) {
    throw fail('results.analytics.bad_level', `Levels from ${Math.max(unitLevel, 1)} to ${LOWEST_LEVEL}.`);
  }

  const numerator = indicator.numerator;
  const denominator = indicator.denominator ?? undefined;
  const elements = [...new Set([...numerator, ...(denominator ?? [])])];
  // Which of the categories asked for each element is broken down by: a denominator without
  // one (all people, by sex only) is not split by it, each group takes the whole.
  const elementRows = await selectDataElements(db, elements);
  const combos = new Map(
    (await selectCombos(db, [...new Set(elementRows.map((row) => row.combo_code))])).map((row) => [
      row.code,
      row.category_codes,
    ]),
  );
  const categoriesOf = new Map(elementRows.map((row) => [row.code, combos.get(row.combo_code) ?? []]));

  const range = { elements, period: period.code, approved: query.approved === true };
  const rowsAt =
    query.unit !== undefined && level === unitLevel
      ? await sumAggregates(db, { ...range, units: [query.unit], by })
      : await sumAggregates(db, {
          ...range,
          units: gazetteer.unitCodesOfLevelsQuery(portDb(db), [level]),
          ...(query.unit !== undefined
            ? { within: gazetteer.subtreeCodesQuery(portDb(db), [query.unit]) }
            : {}),
          by,
        });
  // Totals: the unit's own rows, or the country's as the sum of its provinces' rows.
  const totalUnits =
    query.unit !== undefined ? [query.unit] : gazetteer.unitCodesOfLevelsQuery(portDb(db), [1]);
  const totalRows = (await sumAggregates(db, { ...range, units: totalUnits, by })).map((row) => ({
    ...row,
    unit_code: '',
  }));

  const factor = Number(indicator.factor);
  const combine = (rows: AggregateRow[]) => {
    const sums = new Map<string, number>();
    const groups = new Map<string, { unit: string; keys: (string | null)[] }>();
    for (const row of rows) {
      const key = `${row.unit_code}|${row.data_element_code}|${JSON.stringify(row.keys)}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(row.value));
      if (numerator.includes(row.data_element_code)) {
        groups.set(`${row.unit_code}|${JSON.stringify(row.keys)}`, { unit: row.unit_code, keys: row.keys });
      }
    }
    const sumOf = (unit: string, keys: (string | null)[], codes: readonly string[]) => {
      let total: number | null = null;
      for (const code of codes) {
        const own = categoriesOf.get(code) ?? [];
        const projected = keys.map((value, index) => (own.includes(by[index] ?? '') ? value : null));
        const found = sums.get(`${unit}|${code}|${JSON.stringify(projected)}`);
        if (found !== undefined) total = (total ?? 0) + found;
      }
      return total;
    };
    return [...groups.values()]
      .map(({ unit, keys }) => {
        const num = sumOf(unit, keys, numerator);
        const den = denominator === undefined ? undefined : sumOf(unit, keys, denominator);
        return {
          unit,
          categories: Object.fromEntries(by.map((category, index) => [category, keys[index] ?? null])),
          numerator: num,
          denominator: den === undefined ? null : den,
          value: indicatorValue(num, den, factor),
        };
      })
      .sort((a, b) =>
        a.unit === b.unit
          ? JSON.stringify(a.categories).localeCompare(JSON.stringify(b.categories))
          : a.unit.localeCompare(b.unit),
      );
  };

  const allRows = combine(rowsAt);
  const pageRows = allRows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await gazetteer.unitNames(
    portDb(db),
    pageRows.map((row) => row.unit),
  );
  const totals = combine(totalRows).map(({ unit: _unit, ...rest }) => rest);
  // The grand total: every group's numerator, and the denominator once (not once per group
  // when the denominator is not broken down like the numerator).
  const grand = combine(
    (await sumAggregates(db, { ...range, units: totalUnits, by: [] })).map((row) => ({
      ...row,
      unit_code: '',
    })),
  );
  const grandTotal = grand[0] ?? { numerator: null, denominator: null, value: null };
  return {
    indicator: {
      code: indicator.code,
      nameKm: indicator.name_km,
      nameEn: indicator.name_en,
      unitKm: indicator.unit_km,
      unitEn: indicator.unit_en,
      factor,
      direction: indicator.direction,
      isRatio: denominator !== undefined,
      isExample: indicator.is_example,
    },
    period: period.code,
    unit: query.unit ?? null,
    level,
    by,
    approvedOnly: query.approved === true,
    rows: {
      items: pageRows.map((row) => ({
        unitCode: row.unit,
        nameKm: names.get(row.unit)?.nameKm ?? row.unit,
        nameLatin: names.get(row.unit)?.nameLatin ?? row.unit,
        categories: row.categories,
        numerator: row.numerator,
        denominator: row.denominator,
        value: row.value,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: allRows.length,
    },
    totals,
    total: { numerator: grandTotal.numerator, denominator: grandTotal.denominator, value: grandTotal.value },
  };
}

/** How many cells of the pre-aggregation differ from a full recount of the values (0 when sound). */
export async function preAggregationDrift(ctx: ResultsContext): Promise<number> {
  const units = await selectValueUnits(ctx.db);
  return aggregationDifferences(ctx.db, await ancestryOf(ctx, ctx.db, units));
}
