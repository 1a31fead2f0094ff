/**
 * Pure helpers of the transfers pages: percents added exactly (as the engine adds them, in
 * ten-thousandths, so that 33.3333 + 33.3333 + 33.3334 is 100 and 30 + 30 + 30 is not), the
 * scenario form and the formula document it changes, the import's column
 * mapping, and client-side sorting and paging of a scenario's units.
 */
import { parseNumber } from '../../lib/numbers.ts';
import type { FormulaDocument, Pool, UnitChange } from './types.ts';

/** 100 % in ten-thousandths of a percent: percents have at most 4 decimals. */
export const PERCENT_SCALE = 10_000;
export const HUNDRED_PERCENT = 100 * PERCENT_SCALE;

/** A percent typed by hand, in ten-thousandths; null unless it is 0 to 100 with at most 4 decimals. */
export function percentUnits(text: string): number | null {
  const percent = parseNumber(text, { decimals: 4, max: 100 });
  return percent === null ? null : Math.round(percent * PERCENT_SCALE);
}

export interface PercentTotal {
  /** The sum in percent (exact to 4 decimals); null when a value cannot be read. */
  total: number | null;
  isHundred: boolean;
  /** Indexes of the values that are not percents. */
  invalid: number[];
}

/** The total of some percents typed by hand, and whether it is exactly 100. */
export function percentTotal(values: readonly string[]): PercentTotal {
  let units = 0;
  const invalid: number[] = [];
  values.forEach((value, index) => {
    const read = percentUnits(value);
    if (read === null) invalid.push(index);
    else units += read;
  });
  if (invalid.length > 0) return { total: null, isHundred: false, invalid };
  return { total: units / PERCENT_SCALE, isHundred: units === HUNDRED_PERCENT, invalid };
}

/**
 * The pool a formula's pool gives, rounded down to the rounding unit as the engine does (the
 * riel below one rounding unit are not distributed). BigInt: bases run into trillions of riel.
 */
export function poolOf(pool: Pool, roundingUnit: number): number {
  let exact: bigint;
  if (pool.kind === 'fixed') exact = BigInt(pool.amount);
  else {
    const units = percentUnits(String(pool.percent)) ?? 0;
    exact = (BigInt(pool.base.amount) * BigInt(units)) / BigInt(HUNDRED_PERCENT);
  }
  const unit = BigInt(Math.max(1, roundingUnit));
  return Number((exact / unit) * unit);
}

// ------------------------------------------------------------------------------ the scenario form

export interface ScenarioForm {
  /** One per component of the formula, in its order: its share and its criteria's weights. */
  components: { share: string; weights: string[] }[];
  /** The pool: percent and base for a share of a base, amount for a fixed pool. */
  poolPercent: string;
  poolAmount: string;
}

/** The form as the stored formula fills it. */
export function formOf(formula: FormulaDocument): ScenarioForm {
  return {
    components: formula.components.map((component) => ({
      share: String(component.sharePercent),
      weights: component.criteria.map((criterion) => String(criterion.weightPercent)),
    })),
    poolPercent: formula.pool.kind === 'share_of_base' ? String(formula.pool.percent) : '',
    poolAmount: String(
      formula.pool.kind === 'share_of_base' ? formula.pool.base.amount : formula.pool.amount,
    ),
  };
}

export interface FormCheck {
  shares: PercentTotal;
  /** One per component. */
  weights: PercentTotal[];
  poolPercentValid: boolean;
  poolAmountValid: boolean;
  valid: boolean;
}

/** What is wrong with the form, live: shares and each component's weights must total 100. */
export function checkForm(formula: FormulaDocument, form: ScenarioForm): FormCheck {
  const shares = percentTotal(form.components.map((component) => component.share));
  const weights = form.components.map((component) => percentTotal(component.weights));
  const percent = percentUnits(form.poolPercent);
  const poolPercentValid = formula.pool.kind === 'fixed' || (percent !== null && percent > 0);
  const poolAmountValid = parseNumber(form.poolAmount) !== null;
  return {
    shares,
    weights,
    poolPercentValid,
    poolAmountValid,
    valid:
      shares.isHundred && weights.every((total) => total.isHundred) && poolPercentValid && poolAmountValid,
  };
}

/** The percent as the formula document writes it: a number with at most 4 decimals. */
const percentNumber = (text: string) => (percentUnits(text) ?? 0) / PERCENT_SCALE;

/** The stored formula with the form's shares, weights and pool: the scenario sent to the API. */
export function applyForm(formula: FormulaDocument, form: ScenarioForm): FormulaDocument {
  const amount = parseNumber(form.poolAmount) ?? 0;
  const pool: Pool =
    formula.pool.kind === 'share_of_base'
      ? {
          ...formula.pool,
          percent: percentNumber(form.poolPercent),
          base: { ...formula.pool.base, amount },
        }
      : { ...formula.pool, amount };
  return {
    ...formula,
    pool,
    components: formula.components.map((component, index) => {
      const edit = form.components[index];
      if (!edit) return component;
      return {
        ...component,
        sharePercent: percentNumber(edit.share),
        criteria: component.criteria.map((criterion, k) => {
          const weight = edit.weights[k];
          return weight === undefined ? criterion : { ...criterion, weightPercent: percentNumber(weight) };
        }),
      };
    }),
  };
}

// ------------------------------------------------------------------------------ scenario results

export type ChangeOrder = 'change' | '-change' | 'code';

/** The units sorted by their change (ties by code), or by code. */
export function sortChanges(units: readonly UnitChange[], order: ChangeOrder): UnitChange[] {
  const byCode = (a: UnitChange, b: UnitChange) => a.code.localeCompare(b.code);
  if (order === 'code') return [...units].sort(byCode);
  const sign = order === 'change' ? 1 : -1;
  return [...units].sort((a, b) => sign * (a.change - b.change) || byCode(a, b));
}

/** One page (1-based) of a list held in memory. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const start = (Math.max(1, page) - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

// ------------------------------------------------------------------------------ import mapping

export const INDICATOR_NAME = /^[a-z][a-z0-9_]{0,59}$/;

export interface ColumnMapping {
  indicator: string;
  column: string;
}

/**
 * The API's `map` parameter (`population:TT_Both,poor_households:HH`) from the rows of the
 * form; empty rows are left out. null when a row is half filled, an indicator name is not
 * valid or appears twice, or a column name holds a comma or a colon.
 */
export function columnMapParam(rows: readonly ColumnMapping[]): string | null {
  const filled = rows
    .map((row) => ({ indicator: row.indicator.trim(), column: row.column.trim() }))
    .filter((row) => row.indicator !== '' || row.column !== '');
  if (filled.length === 0) return null;
  const seen = new Set<string>();
  for (const row of filled) {
    if (!INDICATOR_NAME.test(row.indicator) || row.column === '' || /[,:]/.test(row.column)) return null;
    if (seen.has(row.indicator)) return null;
    seen.add(row.indicator);
  }
  return filled.map((row) => `${row.indicator}:${row.column}`).join(',');
}

/** The column names of a CSV's first line (quotes removed), for the mapping's suggestions. */
export function csvHeader(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < firstLine.length; i += 1) {
    const char = firstLine[i];
    if (char === '"') {
      if (quoted && firstLine[i + 1] === '"') {
        current += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (char === ',' && !quoted) {
      names.push(current.trim());
      current = '';
    } else current += char;
  }
  names.push(current.trim());
  return names.filter((name) => name !== '');
}

// ------------------------------------------------------------------------------ display

/** The longest code prefix (whole levels: 2, 4, 6 digits) that all codes share. */
export function commonPrefix(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  let length = Math.min(...codes.map((code) => code.length));
  length -= length % 2;
  const first = codes[0] ?? '';
  while (length > 0 && !codes.every((code) => code.startsWith(first.slice(0, length)))) length -= 2;
  return first.slice(0, length);
}

/** A share written as a decimal string ("0.276363636364") as a percent number (27.64). */
export function sharePercent(share: string): number {
  const value = Number(share);
  return Number.isFinite(value) ? Math.round(value * 1_000_000) / 10_000 : 0;
}

/** A decimal string of riel ("16800000000.0000") rounded to whole riel for display. */
export function wholeRiel(decimal: string): number {
  const value = Number(decimal);
  return Number.isFinite(value) ? Math.round(value) : 0;
}

/** The file name of a downloaded formula document. */
export function formulaFileName(formula: FormulaDocument): string {
  return `${formula.program.code}-${formula.fiscalYear}-v${formula.version}.json`;
}
