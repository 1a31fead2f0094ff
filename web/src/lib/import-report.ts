/**
 * The one import contract as the web reads it (api/src/platform/http/imports.ts): every import
 * (the gazetteer, the transfer figures, BOOST budgets) answers a report with the same base and
 * problems of the same shape. These are the pure parts of the DryRunImport component: which
 * columns a problem table needs, its pages, and what the reader may do after a dry run.
 */

/** One problem found in a file: a stable code (translated as `errors.<code>`) and where it is. */
export interface ImportProblem {
  code: string;
  /** The same in English, with the values concerned: shown when the code has no text. */
  message: string;
  file: string | null;
  sheet: string | null;
  /** 1-based, as a spreadsheet program shows it. */
  row: number | null;
  column: string | null;
  value: string | null;
}

/** What every import answers, dry run or not; each import adds its own fields. */
export interface ImportReportBase {
  fileName: string;
  checksum: string;
  dryRun: boolean;
  applied: boolean;
  rowsRead: number;
  rowsValid: number;
  rowsApplied: number;
  problems: ImportProblem[];
}

/** What the import request carries besides the import's own fields. */
export interface ImportRequest {
  file: File;
  dryRun: boolean;
  applyValid: boolean;
}

/** The optional columns of a problem table: only those some problem fills in. */
export type ProblemColumn = 'file' | 'sheet' | 'row' | 'column' | 'value';

const OPTIONAL_COLUMNS: readonly ProblemColumn[] = ['file', 'sheet', 'row', 'column', 'value'];

/** The columns the problems need, in a fixed order (the problem text always comes last). */
export function problemColumns(problems: readonly ImportProblem[]): ProblemColumn[] {
  return OPTIONAL_COLUMNS.filter((column) =>
    problems.some((problem) => problem[column] !== null && problem[column] !== ''),
  );
}

/** The problems shown on one page of the table, the page kept within the pages there are. */
export function problemPage<T>(
  problems: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; page: number; pageSize: number; total: number } {
  const pages = Math.max(1, Math.ceil(problems.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * pageSize;
  return { items: problems.slice(start, start + pageSize), page: current, pageSize, total: problems.length };
}

/** The catalogue key of a problem's text: the same key as the API's error of that code. */
export function problemKey(code: string): string {
  return `errors.${code}`;
}

/**
 * What the reader may do after a dry run:
 * - `apply`: the file is clean, apply it;
 * - `applyValid`: the file has problems but valid rows, which may be applied alone;
 * - `none`: nothing to apply (no valid row, or the import does not take a valid part, or the
 *   import's own check refuses it).
 */
export type ImportNextStep = 'apply' | 'applyValid' | 'none';

export function nextStep(
  report: Pick<ImportReportBase, 'problems' | 'rowsValid'>,
  options: { allowApplyValid: boolean; acceptable: boolean },
): ImportNextStep {
  if (!options.acceptable) return 'none';
  if (report.problems.length === 0) return 'apply';
  if (options.allowApplyValid && report.rowsValid > 0) return 'applyValid';
  return 'none';
}
