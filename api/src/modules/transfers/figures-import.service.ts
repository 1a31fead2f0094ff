/**
 * The figures' CSV import (one row per unit, one column per indicator), under the one import
 * contract (platform/http/imports.ts): a dry run by default, reporting every problem and every
 * code the tree does not know (never silently dropped); applying a file with problems writes
 * nothing and answers `transfers.import.has_problems`, unless `applyValid` asks for its valid
 * rows to be written on purpose.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { importProblem, type ImportProblem } from '../../platform/http/imports.ts';
import { checkCodesAgainst, readInputsCsv } from './engine/inputs.ts';
import { upsertFigures } from './figures.queries.ts';
import { refuseFrozenYear } from './figures.service.ts';
import type { TransfersContext } from './transfers.context.ts';
import { fail } from './transfers.errors.ts';

export interface FiguresImportInput {
  /** The CSV file's text. */
  text: string;
  fileName: string;
  fiscalYear: number;
  source: string;
  codeColumn: string;
  /** Indicator -> column, e.g. { population: 'TT_Both' }. */
  columns: Record<string, string>;
  dryRun: boolean;
  /** Write the rows without a problem and with a known code; report the rest. */
  applyValid: boolean;
}

export interface FiguresImportReport {
  fileName: string;
  checksum: string;
  dryRun: boolean;
  applied: boolean;
  rowsRead: number;
  rowsValid: number;
  rowsApplied: number;
  problems: ImportProblem[];
  /** Figures read (cells), every row. */
  values: number;
  /** Codes the file names that the tree does not know: reported, never silently dropped. */
  unknownCodes: { code: string; row: number | null }[];
}

export async function importIndicators(
  ctx: TransfersContext,
  actor: Actor,
  input: FiguresImportInput,
): Promise<FiguresImportReport> {
  if (Object.keys(input.columns).length === 0) throw fail('transfers.input.no_columns');
  const read = readInputsCsv(input.text, { codeColumn: input.codeColumn, columns: input.columns });
  const known = await ctx.ports.gazetteer.currentUnits(ctx.db);
  const unknown = checkCodesAgainst(read.rows, new Set(known.map((unit) => unit.code)));
  // The valid part: rows without a problem of their own and with a code the tree knows.
  const rowsWithProblems = new Set(read.problems.map((problem) => problem.row));
  const unknownCodes = new Set(unknown.map((row) => row.code));
  const valid = read.rows.filter(
    (row) =>
      !unknownCodes.has(row.code) && !(row.sourceRow !== undefined && rowsWithProblems.has(row.sourceRow)),
  );
  const report: FiguresImportReport = {
    fileName: input.fileName,
    checksum: createHash('sha256').update(input.text).digest('hex'),
    dryRun: input.dryRun,
    applied: false,
    rowsRead: read.rows.length,
    rowsValid: valid.length,
    rowsApplied: 0,
    problems: read.problems.map((problem) =>
      importProblem(problem.code, problem.message, { row: problem.row, column: problem.column }),
    ),
    values: read.rows.reduce((total, row) => total + Object.keys(row.values).length, 0),
    unknownCodes: unknown.map((row) => ({ code: row.code, row: row.sourceRow ?? null })),
  };
  if (input.dryRun) return report;
  const hasProblems = read.problems.length > 0 || unknown.length > 0;
  if (hasProblems && !input.applyValid)
    throw fail(
      'transfers.import.has_problems',
      `${read.problems.length} problem(s) and ${unknown.length} unknown code(s): nothing was written.`,
    );

  await ctx.inTransaction(async (trx) => {
    await refuseFrozenYear(trx, input.fiscalYear);
    await upsertFigures(
      trx,
      valid.flatMap((row) =>
        Object.entries(row.values).map(([indicator, value]) => ({
          unit_code: row.code,
          fiscal_year: input.fiscalYear,
          indicator,
          value,
          source: input.source,
        })),
      ),
    );
    await ctx.audit.write(trx, actor, {
      action: 'transfers.indicator.import',
      entityType: 'transfers.indicator_import',
      entityId: `${input.fiscalYear}:${input.source}`,
      unitCode: null,
      after: {
        fiscalYear: input.fiscalYear,
        source: input.source,
        columns: input.columns,
        rows: valid.length,
        leftOut: read.rows.length - valid.length,
      },
    });
  });
  return { ...report, applied: true, rowsApplied: valid.length };
}

/** Parses `population:TT_Both,poor_households:HH` into { population: 'TT_Both', ... }. */
export function columnMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [indicator, column] = pair.split(':').map((part) => part.trim());
    if (!indicator || !column || !/^[a-z][a-z0-9_]{0,59}$/.test(indicator))
      throw fail('transfers.input.bad_map', `Not an indicator:column pair: "${pair}".`);
    map[indicator] = column;
  }
  return map;
}
