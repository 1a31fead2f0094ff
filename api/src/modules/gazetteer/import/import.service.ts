/**
 * The gazetteer import as the upload page uses it, on the one import contract
 * (platform/http/imports.ts): check a file (dry run, the default), apply it, or apply its valid
 * part (applyValid); a file with problems applied without applyValid is refused with 422
 * `gazetteer.import.has_problems` and nothing is written. The work itself (read, validate,
 * compare, apply under the import lock, in one transaction) is run-import.ts, shared with the
 * command line.
 */
import type { Actor } from '../../../platform/actor.ts';
import { importProblem } from '../../../platform/http/imports.ts';
import type { PageResult } from '../../../platform/http/paging.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { fail } from '../gazetteer.errors.ts';
import type { ImportProblem as FoundProblem, UnitChange } from './change-set.ts';
import { countImports, selectImports } from './import.queries.ts';
import {
  SHOWN_CHANGES,
  type ImportChangeItem,
  type ImportListItem,
  type ImportProblemItem,
  type ImportResult,
} from './import.schemas.ts';
import { runImport } from './run-import.ts';
import { PROBLEM } from './validate.ts';

export interface GazetteerImportInput {
  fileName: string;
  data: Buffer;
  dryRun: boolean;
  applyValid: boolean;
  /** When the changes took effect (YYYY-MM-DD); null: unknown. */
  effectiveDate: string | null;
}

function changeItem(change: UnitChange): ImportChangeItem {
  if (change.kind === 'removed')
    return {
      kind: change.kind,
      code: change.code,
      before: { ...change.before },
      after: null,
      legalReference: null,
      source: null,
    };
  return {
    kind: change.kind,
    code: change.code,
    before: change.kind === 'added' ? null : { ...change.before },
    after: { ...change.after },
    legalReference: change.unit.legalReference,
    source: change.unit.source,
  };
}

/** A problem of the import in the one ImportProblem shape (and its row and unit, as before). */
function problemItem(problem: FoundProblem): ImportProblemItem {
  return {
    ...importProblem(problem.code, problem.message, {
      file: problem.source.file,
      sheet: problem.source.sheet ?? null,
      row: problem.source.row ?? null,
      column: problem.unitCode === undefined ? null : 'code',
      value: problem.unitCode ?? null,
    }),
    source: problem.source,
    ...(problem.unitCode === undefined ? {} : { unitCode: problem.unitCode }),
  };
}

const WHOLE_FILE_CODES = [PROBLEM.unreadable, PROBLEM.wrongKind, PROBLEM.wrongLayout] as const;
const isWholeFileProblem = (
  problem: FoundProblem,
): problem is FoundProblem & { code: (typeof WHOLE_FILE_CODES)[number] } =>
  (WHOLE_FILE_CODES as readonly string[]).includes(problem.code);

export async function importGazetteerFile(
  ctx: GazetteerContext,
  actor: Actor,
  input: GazetteerImportInput,
): Promise<ImportResult> {
  const outcome = await runImport(ctx.db, {
    files: [{ name: input.fileName, data: input.data }],
    dryRun: input.dryRun,
    effectiveDate: input.effectiveDate,
    applyValid: input.applyValid,
    actor: actor.audit,
  });
  const { changeSet } = outcome;
  // A file that gave no row at all (not a table, a broken workbook, no gazetteer columns) is
  // refused as a whole with its own code: never a 200 that reads as "nothing to change".
  const wholeFile = outcome.rowsRead === 0 ? changeSet.problems.find(isWholeFileProblem) : undefined;
  if (wholeFile) throw fail(wholeFile.code, { detail: wholeFile.message });
  if (outcome.refused) throw fail('gazetteer.import.has_problems');
  return {
    fileName: input.fileName,
    checksum: outcome.fileChecksums[0] ?? '',
    dryRun: input.dryRun,
    applied: outcome.applied,
    rowsRead: outcome.rowsRead,
    rowsValid: outcome.rowsValid,
    rowsApplied: outcome.applied ? outcome.rowsValid : 0,
    problems: changeSet.problems.map(problemItem),
    importId: outcome.importId,
    format: outcome.formats[0] ?? 'unreadable',
    summary: outcome.summary,
    changes: changeSet.changes.slice(0, SHOWN_CHANGES).map(changeItem),
    totalChanges: changeSet.changes.length,
  };
}

/** Past imports, newest first. */
export async function listImports(
  ctx: GazetteerContext,
  input: { page: number; pageSize: number },
): Promise<PageResult<ImportListItem>> {
  const { page, pageSize } = input;
  const [rows, total] = await Promise.all([
    selectImports(ctx.db, { limit: pageSize, offset: (page - 1) * pageSize }),
    countImports(ctx.db),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      fileNames: row.file_names,
      fileChecksums: row.file_checksums,
      effectiveDate: row.effective_date,
      dryRun: row.dry_run,
      summary: row.summary,
      createdBy: row.created_by,
      createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
    })),
    page,
    pageSize,
    total,
  };
}
