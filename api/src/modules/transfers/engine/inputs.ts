/**
 * Per-unit inputs of an allocation: one row per unit with its figures (population, villages,
 * poor households, …), read from a CSV whose columns are mapped to indicator names.
 *
 * Reading never drops a row silently: every row it cannot use, and every value it cannot read,
 * is a problem with its row number, column and a stable code. An empty cell is simply no value;
 * the allocation then says which unit lacks a figure the formula needs.
 */
import { CSV_PROBLEM, readCsv } from '../../../platform/csv/read-csv.ts';

export interface UnitInputs {
  /** NCDD code, zero-padded (`010201`). */
  code: string;
  /** 1 capital/province, 2 municipality/district/khan, 3 commune/sangkat, 4 village; from the code's length when absent. */
  level?: number;
  /** Unit type (commune, sangkat, …), needed only by formulas that choose by type. */
  type?: string;
  /** Indicator name → value. */
  values: Record<string, number>;
  /** The line of the file the row came from (header = 1), when it came from a file. */
  sourceRow?: number;
}

export const INPUT_PROBLEM = {
  missingColumn: 'transfers.input.missing_column',
  missingCode: 'transfers.input.missing_code',
  badCode: 'transfers.input.bad_code',
  duplicateCode: 'transfers.input.duplicate_code',
  badNumber: 'transfers.input.bad_number',
  negativeValue: 'transfers.input.negative_value',
  unreadable: 'transfers.input.unreadable',
  // The platform's one code for a row with more or fewer cells than the header.
  misalignedRow: CSV_PROBLEM.misalignedRow,
} as const;

export interface InputProblem {
  /** Line in the file, header = 1. */
  row: number;
  column: string | null;
  code: (typeof INPUT_PROBLEM)[keyof typeof INPUT_PROBLEM];
  message: string;
}

export interface ReadInputsOptions {
  /** The column holding the unit code. */
  codeColumn: string;
  /** Indicator name → column, e.g. `{ population: 'TT_Both' }`. */
  columns: Record<string, string>;
  /** Optional columns holding the level (a number) and the type. */
  levelColumn?: string;
  typeColumn?: string;
  /** The level of every row, when the file holds one level only and has no level column. */
  level?: number;
  /**
   * NCDD files often print codes without their leading zero (10201 for 010201): when true (the
   * default), a code of an odd number of digits gets one. Codes must then be 2, 4, 6 or 8 digits.
   */
  padCodes?: boolean;
}

export interface ReadInputsResult {
  rows: UnitInputs[];
  problems: InputProblem[];
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
const NCDD_CODE = /^([0-9]{2}){1,4}$/;

/** Why a row with more or fewer cells than the header is left out, and how to mend the file. */
export { misalignedRowMessage } from '../../../platform/csv/read-csv.ts';

export function readInputsCsv(text: string, options: ReadInputsOptions): ReadInputsResult {
  const problems: InputProblem[] = [];
  // The platform's reader checks every row against the header: a row with more or fewer cells
  // (an unquoted thousands separator, 2,278, shifts every later column) is refused with its row.
  const read = readCsv(text);
  if (read.header.length === 0) {
    const whole = read.problems[0];
    return {
      rows: [],
      problems: [
        {
          row: whole?.row ?? 1,
          column: null,
          code: INPUT_PROBLEM.unreadable,
          message: whole?.message ?? 'The file cannot be read as CSV.',
        },
      ],
    };
  }
  const header = read.header;
  const indexOf = (column: string): number => {
    const index = header.indexOf(column);
    if (index < 0)
      problems.push({
        row: 1,
        column,
        code: INPUT_PROBLEM.missingColumn,
        message: `The file has no column "${column}".`,
      });
    return index;
  };
  const codeIndex = indexOf(options.codeColumn);
  const valueIndexes = Object.entries(options.columns).map(([indicator, column]) => ({
    indicator,
    column,
    index: indexOf(column),
  }));
  const levelIndex = options.levelColumn ? indexOf(options.levelColumn) : -1;
  const typeIndex = options.typeColumn ? indexOf(options.typeColumn) : -1;
  if (problems.length > 0) return { rows: [], problems };

  const padCodes = options.padCodes ?? true;
  const rows: UnitInputs[] = [];
  const firstRowOf = new Map<string, number>();
  for (const refused of read.problems) {
    problems.push({
      row: refused.row ?? 1,
      column: null,
      code: INPUT_PROBLEM.misalignedRow,
      message: refused.message,
    });
  }
  for (const { cells: record, row } of read.rows) {
    const rawCode = record[codeIndex] ?? '';
    if (rawCode === '') {
      problems.push({
        row,
        column: options.codeColumn,
        code: INPUT_PROBLEM.missingCode,
        message: 'No unit code.',
      });
      continue;
    }
    const code = padCodes && /^\d+$/.test(rawCode) && rawCode.length % 2 === 1 ? `0${rawCode}` : rawCode;
    if (padCodes && !NCDD_CODE.test(code)) {
      problems.push({
        row,
        column: options.codeColumn,
        code: INPUT_PROBLEM.badCode,
        message: `"${rawCode}" is not an NCDD code (2, 4, 6 or 8 digits).`,
      });
      continue;
    }
    const first = firstRowOf.get(code);
    if (first !== undefined) {
      problems.push({
        row,
        column: options.codeColumn,
        code: INPUT_PROBLEM.duplicateCode,
        message: `Unit ${code} is already on row ${first}; this row is left out.`,
      });
      continue;
    }
    firstRowOf.set(code, row);

    const values: Record<string, number> = {};
    for (const { indicator, column, index } of valueIndexes) {
      const cell = record[index] ?? '';
      if (cell === '') continue;
      if (!NUMBER.test(cell)) {
        problems.push({ row, column, code: INPUT_PROBLEM.badNumber, message: `"${cell}" is not a number.` });
        continue;
      }
      const value = Number(cell);
      if (value < 0) {
        problems.push({
          row,
          column,
          code: INPUT_PROBLEM.negativeValue,
          message: `${indicator} cannot be negative (${cell}).`,
        });
        continue;
      }
      values[indicator] = value;
    }
    const unit: UnitInputs = { code, values, sourceRow: row };
    const levelCell = levelIndex >= 0 ? (record[levelIndex] ?? '') : '';
    if (levelCell !== '') {
      if (/^[1-4]$/.test(levelCell)) unit.level = Number(levelCell);
      else
        problems.push({
          row,
          column: options.levelColumn ?? null,
          code: INPUT_PROBLEM.badNumber,
          message: `"${levelCell}" is not a level (1 to 4).`,
        });
    } else if (options.level !== undefined) unit.level = options.level;
    const typeCell = typeIndex >= 0 ? (record[typeIndex] ?? '') : '';
    if (typeCell !== '') unit.type = typeCell;
    rows.push(unit);
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems };
}

/**
 * The rows whose codes are not in `knownCodes` (the administrative tree): to be reported to the
 * person importing, never dropped without a word.
 */
export function checkCodesAgainst(
  rows: readonly UnitInputs[],
  knownCodes: ReadonlySet<string>,
): UnitInputs[] {
  return rows.filter((row) => !knownCodes.has(row.code));
}

/** The level a zero-padded NCDD code implies: 2 digits → 1, 4 → 2, 6 → 3, 8 → 4. */
export function levelOfCode(code: string): number | undefined {
  return NCDD_CODE.test(code) ? code.length / 2 : undefined;
}
