/**
 * One gazetteer import from files to tree, shared by the CLI and the HTTP route: read the
 * files, then — under the import lock, in one transaction — validate them against the tree,
 * compare, and (unless it is a dry run, or there are problems and the valid part was not
 * asked for) apply.
 */
import type { AuditActor } from '../../../platform/audit/audit-context.ts';
import { refreshSearchIndex } from '../search/search-index.ts';
import { applyChangeSet, type ImportSummary, summaryOf } from './apply.ts';
import type { ChangeSet, ImportProblem } from './change-set.ts';
import { diffUnits } from './diff.ts';
import type { AnyDb } from './import-tables.ts';
import { loadTree, lockImports } from './import.queries.ts';
import {
  readImportFiles,
  type FileFormat,
  type ImportFile,
  type ProgressCallback,
  type ReadFilesResult,
} from './read-files.ts';
import { validateRows } from './validate.ts';
import { type PhaseTimings, timed } from './phase-timings.ts';

export interface ImportRequest {
  files: readonly ImportFile[];
  dryRun: boolean;
  effectiveDate: string | null;
  /** Apply the rows without problems (and not below a row with one) and report the rest. */
  applyValid: boolean;
  actor: AuditActor;
  onProgress?: ProgressCallback;
  /** Filled with the milliseconds of each phase when given (the benchmark prints them). */
  timings?: PhaseTimings;
}

export interface ImportOutcome {
  changeSet: ChangeSet;
  summary: ImportSummary;
  /** The import row written; null for a dry run, a refusal, or nothing to change. */
  importId: number | null;
  applied: boolean;
  /** Not applied because the files have problems and only the whole was asked for. */
  refused: boolean;
  fileNames: string[];
  fileChecksums: string[];
  formats: FileFormat[];
  /** Data rows read from the files. */
  rowsRead: number;
  /** Rows without a problem and not below a row with one (the valid part). */
  rowsValid: number;
}

/** Problems as a reader meets them: file by file, sheet by sheet, row by row. */
function inFileOrder(problems: ImportProblem[], read: ReadFilesResult): ImportProblem[] {
  const place = new Map<string, number>();
  for (const item of [...read.problems, ...read.rows]) {
    const key = `${item.source.file}\u0000${item.source.sheet ?? ''}`;
    if (!place.has(key)) place.set(key, place.size);
  }
  const placeOf = (problem: ImportProblem) =>
    place.get(`${problem.source.file}\u0000${problem.source.sheet ?? ''}`) ?? place.size;
  // Array.prototype.sort is stable: problems of one row keep the order they were found in.
  return problems.sort((a, b) => placeOf(a) - placeOf(b) || (a.source.row ?? 0) - (b.source.row ?? 0));
}

export async function runImport(db: AnyDb, request: ImportRequest): Promise<ImportOutcome> {
  const { timings } = request;
  const read = await timed(timings, 'read', () => readImportFiles(request.files, request.onProgress));
  let rowsValid = 0;
  const compare = async (trx: AnyDb): Promise<ChangeSet> => {
    request.onProgress?.('compare', 0, 1);
    const tree = await timed(timings, 'load tree', () => loadTree(trx));
    const treeCodes = new Set(tree.filter((unit) => unit.validTo === null).map((unit) => unit.code));
    const validated = await timed(timings, 'validate', () => validateRows(read.rows, treeCodes));
    rowsValid = validated.units.filter((unit) => !unit.implied).length;
    const changeSet = await timed(timings, 'diff', () =>
      diffUnits({
        ...validated,
        problems: inFileOrder([...read.problems, ...validated.problems], read),
        tree,
      }),
    );
    request.onProgress?.('compare', 1, 1);
    return changeSet;
  };
  const outcome = (
    changeSet: ChangeSet,
    fields: Pick<ImportOutcome, 'importId' | 'applied' | 'refused'>,
  ) => ({
    changeSet,
    summary: summaryOf(changeSet),
    fileNames: read.fileNames,
    fileChecksums: read.fileChecksums,
    formats: read.formats,
    rowsRead: read.rows.length,
    rowsValid,
    ...fields,
  });

  if (request.dryRun) {
    const changeSet = await compare(db);
    return outcome(changeSet, { importId: null, applied: false, refused: false });
  }
  const commitStarted = { at: 0 };
  const applied = await db.transaction().execute(async (trx) => {
    // The lock first, then the tree: the change set is computed from the tree it is applied to.
    await lockImports(trx);
    const changeSet = await compare(trx);
    if (changeSet.problems.length > 0 && !request.applyValid)
      return outcome(changeSet, { importId: null, applied: false, refused: true });
    const result = await applyChangeSet(trx, changeSet, {
      effectiveDate: request.effectiveDate,
      fileNames: read.fileNames,
      fileChecksums: read.fileChecksums,
      actor: request.actor,
      applyValid: request.applyValid,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(timings ? { timings } : {}),
    });
    // New and renamed units must be findable at once: their search keys are written in the
    // same transaction (extra codes are harmless, so every changed unit is given).
    if (result.importId !== null) {
      const codes = changeSet.changes
        .filter((change) => change.kind !== 'removed')
        .map((change) => change.code);
      request.onProgress?.('index', 0, codes.length);
      await timed(timings, 'search index', () => refreshSearchIndex(trx, codes));
      request.onProgress?.('index', codes.length, codes.length);
      request.onProgress?.('commit', 0, 1);
    }
    commitStarted.at = performance.now();
    return outcome(changeSet, {
      importId: result.importId,
      applied: result.importId !== null,
      refused: false,
    });
  });
  if (timings && commitStarted.at > 0) timings.set('commit', performance.now() - commitStarted.at);
  if (applied.applied) request.onProgress?.('commit', 1, 1);
  return applied;
}
