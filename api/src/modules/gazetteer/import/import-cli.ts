/**
 * `npm run import -- gazetteer <file>... [--dry-run] [--json] [--effective-date YYYY-MM-DD]
 * [--apply-valid]`: reads NCDD workbooks and flat CSVs (or pumi's CSVs), shows what would
 * change in the tree and, unless it is a dry run, applies it. The database is the one of
 * `npm start`: DATABASE_URL, or PGlite in DATA_DIR (stop the server first: PGlite allows one
 * process). Exit codes: 0 done, 1 problems in the files (nothing applied), 2 usage or
 * unreadable files.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OpenDatabase } from '../../../platform/cli.ts';
import { dataDirInUse } from '../../../platform/db/data-dir-in-use.ts';
import { DataDirLockedError } from '../../../platform/db/data-dir-lock.ts';
import { cutLine, formatCount, listWithCount } from '../../../platform/log-line.ts';
import { CLI_ACTOR } from './apply.ts';
import type { ChangeSet, UnitChange } from './change-set.ts';
import type { ImportFile } from './read-files.ts';
import { runImport, type ImportOutcome } from './run-import.ts';
import { describeSource, PROBLEM } from './validate.ts';

const USAGE =
  'Usage: npm run import -- gazetteer <file>... [--dry-run] [--json] [--effective-date YYYY-MM-DD] [--apply-valid]\n';

export interface CliOptions {
  files: string[];
  dryRun: boolean;
  json: boolean;
  effectiveDate: string | null;
  applyValid: boolean;
}

/** The options, or the reason they are not usable. */
export function parseArgs(args: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = {
    files: [],
    dryRun: false,
    json: false,
    effectiveDate: null,
    applyValid: false,
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--apply-valid') options.applyValid = true;
    else if (arg === '--effective-date' || arg.startsWith('--effective-date=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[(index += 1)];
      if (!value || !isIsoDate(value))
        return { error: `--effective-date needs a date YYYY-MM-DD, not "${value ?? ''}"` };
      options.effectiveDate = value;
    } else if (arg.startsWith('--')) return { error: `Unknown option ${arg}` };
    else options.files.push(arg);
  }
  if (options.files.length === 0) return { error: 'Name at least one file.' };
  return options;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function describeChange(change: UnitChange): string {
  switch (change.kind) {
    case 'added':
      return `${change.reinstated ? 'reinstated' : 'added'}  ${change.code} ${change.after.typeCode} ${change.after.nameKm} (${change.after.nameLatin})`;
    case 'renamed':
      return `renamed  ${change.code} ${change.before.nameKm} (${change.before.nameLatin}) → ${change.after.nameKm} (${change.after.nameLatin})`;
    case 'moved':
      return `moved    ${change.code} ${change.before.parentCode ?? '-'} → ${change.after.parentCode ?? '-'}`;
    case 'retyped':
      return `retyped  ${change.code} ${change.before.typeCode} → ${change.after.typeCode}`;
    case 'removed':
      return `removed  ${change.code} ${change.before.typeCode} ${change.before.nameKm} (${change.before.nameLatin})`;
  }
}

const SHOWN_CHANGES = 50;
const SHOWN_PROBLEMS = 200;
const SHOWN_FILES = 20;

export function humanSummary(outcome: ImportOutcome, options: Pick<CliOptions, 'dryRun'>): string {
  const { changeSet } = outcome;
  const lines: string[] = [];
  const read = changeSet.unitsRead;
  lines.push(
    `Files: ${listWithCount(
      outcome.fileNames.map((name, index) => `${name} (${outcome.formats[index]})`),
      SHOWN_FILES,
    )}`,
  );
  lines.push(`Read: ${read[1]} provinces, ${read[2]} districts, ${read[3]} communes, ${read[4]} villages`);
  const counts = changeSet.counts;
  lines.push(
    `Changes: ${counts.added} added, ${counts.renamed} renamed, ${counts.moved} moved, ${counts.retyped} retyped, ${counts.removed} removed` +
      (changeSet.urbanFollowers.length > 0
        ? ` (+ ${changeSet.urbanFollowers.length} villages following their commune's urban status)`
        : ''),
  );
  for (const change of changeSet.changes.slice(0, SHOWN_CHANGES)) lines.push(`  ${describeChange(change)}`);
  if (changeSet.changes.length > SHOWN_CHANGES)
    lines.push(
      `  … and ${formatCount(changeSet.changes.length - SHOWN_CHANGES)} more (--json lists them all)`,
    );
  if (changeSet.spellingVariants.length > 0) {
    lines.push(
      `Spelt differently, not renamed (the tree keeps its spelling): ${changeSet.spellingVariants.length}`,
    );
    for (const variant of changeSet.spellingVariants.slice(0, SHOWN_CHANGES))
      lines.push(`  ${variant.code}: "${variant.tree}" / "${variant.file}"`);
    if (changeSet.spellingVariants.length > SHOWN_CHANGES)
      lines.push(`  … and ${formatCount(changeSet.spellingVariants.length - SHOWN_CHANGES)} more`);
  }
  if (changeSet.problems.length > 0) {
    lines.push(`Problems: ${changeSet.problems.length}`);
    for (const problem of changeSet.problems.slice(0, SHOWN_PROBLEMS))
      lines.push(`  ${describeSource(problem.source)}: ${problem.code}: ${problem.message}`);
    if (changeSet.problems.length > SHOWN_PROBLEMS)
      lines.push(
        `  … and ${formatCount(changeSet.problems.length - SHOWN_PROBLEMS)} more (--json lists them all)`,
      );
    if (changeSet.skippedCodes.length > 0)
      lines.push(
        `Left out because of problems (with their descendants): ${changeSet.skippedCodes.length} units`,
      );
  }
  if (options.dryRun) lines.push('Dry run: nothing was applied.');
  else if (outcome.refused)
    lines.push(
      'Nothing was applied: correct the problems, or run again with --apply-valid to apply only the valid part.',
    );
  else if (outcome.importId === null) lines.push('Nothing to apply: the tree already matches the files.');
  else lines.push(`Applied as import #${outcome.importId}.`);
  return `${lines.map((line) => cutLine(line)).join('\n')}\n`;
}

/** The exit code for an outcome: problems that stop the import are 1, unreadable input 2. */
export function exitCodeOf(outcome: ImportOutcome): number {
  const { problems } = outcome.changeSet;
  if (problems.some((problem) => problem.code === PROBLEM.unreadable || problem.code === PROBLEM.wrongKind))
    return 2;
  if (problems.length > 0 && !outcome.applied) return 1;
  return 0;
}

const PHASES: Readonly<Record<string, string>> = {
  read: 'reading files',
  compare: 'comparing with the tree',
  write: 'writing units',
  index: 'search keys',
  commit: 'committing',
};

/**
 * Progress on standard error (standard output stays the summary, or pure JSON with --json):
 * a line when a phase starts and ends, and one every `intervalMs` in between, with the rows done.
 */
export function progressPrinter(
  write: (line: string) => void = (line) => process.stderr.write(line),
  intervalMs = 2_000,
  now: () => number = Date.now,
): (stage: string, done: number, total: number) => void {
  const started = now();
  let lastStage = '';
  let lastAt = 0;
  let lastDone = -1;
  return (stage, done, total) => {
    const at = now();
    const boundary = stage !== lastStage || done === 0 || done === total;
    if (!boundary && at - lastAt < intervalMs) return;
    if (stage === lastStage && done === lastDone) return;
    lastStage = stage;
    lastAt = at;
    lastDone = done;
    const seconds = ((at - started) / 1000).toFixed(1);
    write(
      cutLine(
        `gazetteer import: ${PHASES[stage] ?? stage} ${formatCount(done)}/${formatCount(total)} (${seconds} s)`,
      ) + '\n',
    );
  };
}

export async function runGazetteerImport(args: string[], openDatabase: OpenDatabase): Promise<number> {
  const options = parseArgs(args);
  if ('error' in options) {
    process.stderr.write(`${options.error}\n${USAGE}`);
    return 2;
  }
  const files: ImportFile[] = [];
  for (const file of options.files) {
    try {
      files.push({ name: path.basename(file), data: await fs.readFile(file) });
    } catch (error) {
      process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  // The tree the codes are checked against must exist; demo data is never loaded from here.
  let db: Awaited<ReturnType<OpenDatabase>>;
  try {
    db = await openDatabase();
  } catch (error) {
    // The server holds the PGlite folder: one sentence, exit 2, no stack trace.
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${dataDirInUse(error.dataDir, 'the import')}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const outcome = await runImport(db.kysely, {
      files,
      dryRun: options.dryRun,
      effectiveDate: options.effectiveDate,
      applyValid: options.applyValid,
      actor: CLI_ACTOR(`cli:${os.userInfo().username}`),
      onProgress: progressPrinter(),
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(jsonOutcome(outcome), null, 2)}\n` : humanSummary(outcome, options),
    );
    return exitCodeOf(outcome);
  } catch (error) {
    process.stderr.write(`${cutLine(`Import failed, nothing was applied: ${(error as Error).message}`)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

/** The full change set, with where each file came from and what was applied. */
function jsonOutcome(
  outcome: ImportOutcome,
): { importId: number | null; applied: boolean; changeSet: ChangeSet } & Pick<
  ImportOutcome,
  'fileNames' | 'fileChecksums' | 'formats'
> {
  return {
    importId: outcome.importId,
    applied: outcome.applied,
    fileNames: outcome.fileNames,
    fileChecksums: outcome.fileChecksums,
    formats: outcome.formats,
    changeSet: outcome.changeSet,
  };
}
