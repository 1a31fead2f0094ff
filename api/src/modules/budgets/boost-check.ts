/**
 * Reading and checking a BOOST-style CSV (the World Bank's BOOST public expenditure databases:
 * one flat row per unit, class and fund source with its approved and executed amounts):
 *
 *   year,admin_unit_code,econ_class,func_class,fund_source,approved,executed[,program,description_km,description_en]
 *
 * Every problem is reported with its line number (unknown unit codes are reported, never
 * silently dropped; bad amounts; unknown classes; a unit and year that already has a budget).
 * Nothing is written here: boost-import.service.ts applies what is valid.
 */
import { readCsv } from '../../platform/csv/read-csv.ts';
import { importProblem, type ImportProblem } from '../../platform/http/imports.ts';
import { portDb, type BudgetsContext } from './budgets.context.ts';
import type { BudgetsErrorCode } from './budgets.errors.ts';
import { findBudgetOf, selectClassifications, type Classifications } from './budgets.queries.ts';
import type { CheckedLine } from './line-rules.ts';

/** Each column and the header names it is known by (compared lower-cased, spaces as _). */
const COLUMNS = {
  year: ['year', 'fiscal_year'],
  unit: ['admin_unit_code', 'admin_code', 'unit_code'],
  economic: ['econ_class', 'economic_code', 'econ'],
  functional: ['func_class', 'functional_code', 'func'],
  fundSource: ['fund_source', 'fund_source_code', 'fund'],
  approved: ['approved'],
  executed: ['executed'],
  program: ['program', 'program_code'],
  descriptionKm: ['description_km'],
  descriptionEn: ['description_en', 'description'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['year', 'unit', 'economic', 'fundSource', 'approved'];

export interface BoostRow {
  row: number;
  unitCode: string;
  fiscalYear: number;
  line: CheckedLine;
  executed: number | null;
}

export interface BoostCheck {
  rows: number;
  valid: BoostRow[];
  problems: ImportProblem[];
}

/** The row-level problems of the import (each `budgets.import.<code>`, in BUDGETS_ERRORS). */
type ImportProblemCode<C = BudgetsErrorCode> = C extends `budgets.import.${infer Code}` ? Code : never;

const problem = (
  row: number,
  column: string | null,
  code: ImportProblemCode,
  message: string,
  value: string | null = null,
): ImportProblem => importProblem(`budgets.import.${code}`, message, { row, column, value });

/** Whole riel: digits, optionally with thousands separators (1,000,000 or 1 000 000). */
function parseRiel(text: string): number | null {
  const clean = text.trim().replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(clean)) return null;
  const value = Number(clean);
  return Number.isSafeInteger(value) ? value : null;
}

/** NCDD codes lose their leading zero in many files: an odd number of digits gets it back. */
const padCode = (code: string) => (/^\d+$/.test(code) && code.length % 2 === 1 ? `0${code}` : code);

/**
 * Reads and checks a file against the classifications and the tree; nothing is written.
 */
export async function checkBoostCsv(ctx: BudgetsContext, text: string): Promise<BoostCheck> {
  const { db } = ctx;
  const problems: ImportProblem[] = [];
  // The platform's reader: a row with more or fewer cells than the header (an unquoted amount
  // with separators, 431,250,000, shifts every later column) is refused with its row number.
  const read = readCsv(text);
  if (read.header.length === 0) {
    return {
      rows: 0,
      valid: [],
      problems: [
        problem(
          read.problems[0]?.row ?? 1,
          null,
          'unreadable',
          `Not a readable CSV: ${read.problems[0]?.message ?? 'no rows.'}`,
        ),
      ],
    };
  }
  const rowCount = read.rows.length + read.problems.length;
  const header = read.header.map((name) => name.toLowerCase().replace(/\s+/g, '_'));
  const index = {} as Record<Column, number>;
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    index[column] = header.findIndex((name) => names.includes(name));
  }
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    return {
      rows: rowCount,
      valid: [],
      problems: missing.map((column) =>
        problem(
          1,
          COLUMNS[column][0],
          'missing_column',
          `The header lacks the column ${COLUMNS[column][0]}.`,
        ),
      ),
    };
  }

  const classes: Classifications = await selectClassifications(db);
  const known = new Map<string, boolean>();
  const valid: BoostRow[] = [];
  for (const refused of read.problems) {
    problems.push(importProblem(refused.code, refused.message, { row: refused.row }));
  }
  for (const { cells: record, row } of read.rows) {
    const cell = (column: Column) => (index[column] < 0 ? '' : (record[index[column]] ?? '').trim());
    const before = problems.length;

    const yearText = cell('year');
    const fiscalYear = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || fiscalYear < 2000 || fiscalYear > 2100) {
      problems.push(
        problem(row, 'year', 'bad_year', 'A fiscal year is a year between 2000 and 2100.', yearText),
      );
    }

    const rawCode = cell('unit');
    const unitCode = padCode(rawCode);
    if (!/^(\d{2}){1,3}$/.test(unitCode)) {
      problems.push(
        problem(
          row,
          'admin_unit_code',
          'bad_unit_code',
          'Only provinces (2 digits), districts (4) and communes (6) have budgets.',
          rawCode,
        ),
      );
    } else {
      if (!known.has(unitCode))
        known.set(unitCode, await ctx.ports.gazetteer.unitExists(portDb(db), unitCode));
      if (!known.get(unitCode)) {
        problems.push(
          problem(
            row,
            'admin_unit_code',
            'unknown_unit',
            `No administrative unit has the code ${unitCode}.`,
            rawCode,
          ),
        );
      }
    }

    const economic = classes.economic.get(cell('economic'));
    if (!economic) {
      problems.push(
        problem(row, 'econ_class', 'unknown_economic_class', 'Unknown economic class.', cell('economic')),
      );
    }
    const functionalCode = cell('functional') || null;
    if (functionalCode !== null && !classes.functional.has(functionalCode)) {
      problems.push(
        problem(row, 'func_class', 'unknown_functional_class', 'Unknown functional class.', functionalCode),
      );
    } else if (economic?.direction === 'expenditure' && functionalCode === null) {
      problems.push(
        problem(
          row,
          'func_class',
          'functional_class_required',
          'An expenditure row needs its functional class.',
        ),
      );
    }
    if (!classes.fundSources.has(cell('fundSource'))) {
      problems.push(
        problem(row, 'fund_source', 'unknown_fund_source', 'Unknown fund source.', cell('fundSource')),
      );
    }
    const approved = parseRiel(cell('approved'));
    if (approved === null) {
      problems.push(
        problem(
          row,
          'approved',
          'bad_amount',
          'An amount is a whole, non-negative number of riel.',
          cell('approved'),
        ),
      );
    }
    const executedText = cell('executed');
    const executed = executedText === '' ? null : parseRiel(executedText);
    if (executedText !== '' && executed === null) {
      problems.push(
        problem(
          row,
          'executed',
          'bad_amount',
          'An amount is a whole, non-negative number of riel.',
          executedText,
        ),
      );
    }
    if (problems.length > before || !economic || approved === null) continue;
    valid.push({
      row,
      unitCode,
      fiscalYear,
      executed,
      line: {
        direction: economic.direction,
        economic_code: economic.code,
        functional_code: economic.direction === 'revenue' ? null : functionalCode,
        fund_source_code: cell('fundSource'),
        program_code: cell('program') || null,
        description_km: cell('descriptionKm') || null,
        description_en: cell('descriptionEn') || null,
        amount: approved,
      },
    });
  }

  // A unit and year that already has a budget is not overwritten: reported on its first row.
  const seen = new Set<string>();
  const existing = new Set<string>();
  for (const item of valid) {
    const key = `${item.unitCode}|${item.fiscalYear}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (await findBudgetOf(db, item.unitCode, item.fiscalYear)) {
      existing.add(key);
      problems.push(
        problem(
          item.row,
          'admin_unit_code',
          'budget_exists',
          `${item.unitCode} already has a budget for ${item.fiscalYear}.`,
          item.unitCode,
        ),
      );
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const refused = new Set(problems.map((item) => item.row));
  return {
    rows: rowCount,
    // A budget that exists is reported once, on its first row; none of its rows is valid.
    valid: valid.filter(
      (item) => !refused.has(item.row) && !existing.has(`${item.unitCode}|${item.fiscalYear}`),
    ),
    problems,
  };
}
