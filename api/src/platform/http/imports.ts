/**
 * The one import contract, for every file a person uploads or an operator gives the
 * command line (the gazetteer, the transfer figures, BOOST budgets, and any later one):
 *
 * - `dryRun` (default true): read and check the whole file, report every problem and what
 *   would change, write nothing;
 * - `applyValid` (default false): apply the rows without problems and report the rest;
 * - applying a file that has problems without `applyValid` writes nothing and answers 422
 *   `<module>.import.has_problems`;
 * - the report has the same base everywhere (`ImportReportBase`) and each problem the same
 *   shape (`ImportProblem`), so the web shows every import with one component (DryRunImport).
 *
 * Each import adds its own fields to the report (what would change) with `importReport`.
 */
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';

export const ImportQuery = Type.Object({
  dryRun: Type.Boolean({ default: true, description: 'Check and report only; write nothing.' }),
  applyValid: Type.Boolean({
    default: false,
    description:
      'Apply the rows without problems and report the rest (otherwise a file with problems is refused).',
  }),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportProblem = Type.Object(
  {
    code: Type.String({
      description: 'Stable code, e.g. gazetteer.import.duplicate_code: clients translate it.',
    }),
    message: Type.String({ description: 'The same in English, with the values concerned.' }),
    file: Type.Union([Type.String(), Type.Null()], {
      description: 'The file, when several are imported at once.',
    }),
    sheet: Type.Union([Type.String(), Type.Null()], { description: 'The workbook sheet, if any.' }),
    row: Type.Union([Type.Integer(), Type.Null()], {
      description: '1-based, as a spreadsheet program shows it.',
    }),
    column: Type.Union([Type.String(), Type.Null()]),
    value: Type.Union([Type.String(), Type.Null()], {
      description: 'The value found, cut to 200 characters.',
    }),
  },
  { $id: 'ImportProblem', title: 'ImportProblem' },
);
export type ImportProblem = Static<typeof ImportProblem>;

const reportBase = {
  fileName: Type.String(),
  checksum: Type.String({ description: 'sha256 of the file, hex.' }),
  dryRun: Type.Boolean(),
  applied: Type.Boolean({ description: 'Whether anything was written.' }),
  rowsRead: Type.Integer(),
  rowsValid: Type.Integer({ description: 'Rows without a problem.' }),
  rowsApplied: Type.Integer({ description: 'Rows written (0 for a dry run).' }),
  problems: Type.Array(ImportProblem, { description: 'Every problem found.' }),
};

export const ImportReportBase = Type.Object(reportBase);
export type ImportReportBase = Static<typeof ImportReportBase>;

/** A module's import report: the base and its own fields (what would change). */
export function importReport<Extra extends TProperties>(
  id: string,
  extra: Extra,
): TObject<typeof reportBase & Extra> {
  return Type.Object({ ...reportBase, ...extra }, { $id: id, title: id });
}

/** A problem with the fields not given set to null (the value cut to 200 characters). */
export function importProblem(
  code: string,
  message: string,
  at: Partial<Omit<ImportProblem, 'code' | 'message'>> = {},
): ImportProblem {
  const value = at.value ?? null;
  return {
    code,
    message,
    file: at.file ?? null,
    sheet: at.sheet ?? null,
    row: at.row ?? null,
    column: at.column ?? null,
    value: value === null ? null : value.slice(0, 200),
  };
}
