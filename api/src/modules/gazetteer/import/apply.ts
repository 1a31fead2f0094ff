/**
 * Writes a change set to the tree in ONE transaction: the import row, the units (inserted,
 * updated, closed), a new version for every unit whose state changed, one event per change and
 * one audit record for the whole import. Either all of it commits or none: the tree is never
 * left half-imported.
 */
import { inTransaction } from '../../../platform/db/in-transaction.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { AuditActor } from '../../../platform/audit/audit-context.ts';
import { fail } from '../gazetteer.errors.ts';
import type { ChangeSet, ImportedUnit, UnitChange } from './change-set.ts';
import { isEmptyChangeSet } from './diff.ts';
import { asImportDb, type AnyDb, type ImportDb } from './import-tables.ts';
import {
  analyzeUnits,
  closeVersions,
  currentDate,
  deleteOpenVersions,
  endUnits,
  type EventRow,
  insertEvents,
  insertFirstVersions,
  insertImportRow,
  insertNewUnits,
  insertVersionsFromUnits,
  lockImports,
  type NewUnitRow,
  reinstateUnits,
  setUrban,
  updateChangedUnits,
  withoutJit,
} from './import.queries.ts';
import { type PhaseTimings, timed } from './phase-timings.ts';
import type { ProgressCallback } from './read-files.ts';
import { compareCodes } from './validate.ts';

export interface ApplyOptions {
  /** When the changes took effect (YYYY-MM-DD); null: unknown, today for changes and removals. */
  effectiveDate: string | null;
  fileNames: readonly string[];
  fileChecksums: readonly string[];
  actor: AuditActor;
  /** Apply the valid part of a file with problems (the rows with problems and their descendants are left out). */
  applyValid: boolean;
  onProgress?: ProgressCallback;
  timings?: PhaseTimings;
}

export interface ImportSummary {
  counts: ChangeSet['counts'];
  unitsRead: ChangeSet['unitsRead'];
  problems: number;
  skipped: number;
  urbanFollowers: number;
  spellingVariants: number;
}

export interface ApplyResult {
  /** Null when there was nothing to write (the same files imported again). */
  importId: number | null;
  summary: ImportSummary;
}

export const CLI_ACTOR = (login: string): AuditActor => ({
  actorUserId: null,
  actorLogin: login,
  assignmentId: null,
  requestId: null,
  ip: null,
});

export function summaryOf(changeSet: ChangeSet): ImportSummary {
  return {
    counts: changeSet.counts,
    unitsRead: changeSet.unitsRead,
    problems: changeSet.problems.length,
    skipped: changeSet.skippedCodes.length,
    urbanFollowers: changeSet.urbanFollowers.length,
    spellingVariants: changeSet.spellingVariants.length,
  };
}

export const hasProblems = () => fail('gazetteer.import.has_problems');

// Rows per statement. Each statement takes its rows as one parameter, so this bounds memory
// rather than parameters: a chunk's JSON is built, sent and parsed at a time (PGlite's
// WebAssembly memory, once grown, stays grown), while the whole country still takes a few
// statements per table.
const CHUNK = 2500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export async function applyChangeSet(
  db: AnyDb,
  changeSet: ChangeSet,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const summary = summaryOf(changeSet);
  if (changeSet.problems.length > 0 && !options.applyValid) throw hasProblems();
  if (isEmptyChangeSet(changeSet)) return { importId: null, summary };
  const run = (trx: ImportDb) => write(trx, changeSet, options, summary);
  return inTransaction(asImportDb(db), run);
}

// A level of new units larger than this is inserted with fresh statistics of gazetteer_unit (see
// insertLevel). The whole country's villages are one statement of 14,500 rows.
const ANALYZE_ABOVE = 1000;

async function write(
  trx: ImportDb,
  changeSet: ChangeSet,
  options: ApplyOptions,
  summary: ImportSummary,
): Promise<ApplyResult> {
  const { timings } = options;
  await lockImports(trx);
  await withoutJit(trx);
  const today = await currentDate(trx);
  // Changes and removals need a date to close the state before them; a creation without a
  // known date is "since before our records" (a null valid_from).
  const changeDate = options.effectiveDate ?? today ?? new Date().toISOString().slice(0, 10);

  const importId = await insertImportRow(trx, {
    fileNames: options.fileNames,
    fileChecksums: options.fileChecksums,
    effectiveDate: options.effectiveDate,
    summary: json(summary),
    createdBy: options.actor.actorUserId,
  });
  const source = `NCDD gazetteer import #${importId}: ${options.fileNames.join(', ')}`;

  const total = changeSet.changes.length + changeSet.urbanFollowers.length;
  let done = 0;
  const progress = (count: number) => {
    if (count === 0) return;
    done += count;
    options.onProgress?.('write', done, total);
  };
  options.onProgress?.('write', 0, total);

  const added = changeSet.changes.filter((change) => change.kind === 'added');
  const created = added.filter((change) => !change.reinstated);
  const reinstated = added.filter((change) => change.reinstated);
  const removed = changeSet.changes.filter((change) => change.kind === 'removed');
  const changed = changeSet.changes.filter(
    (change): change is Extract<UnitChange, { kind: 'renamed' | 'moved' | 'retyped' }> =>
      change.kind === 'renamed' || change.kind === 'moved' || change.kind === 'retyped',
  );

  // New units, one statement per level, parents' level first: each row's parent is in place for
  // the foreign key, and the closure trigger (once per statement) walks up parent_code. Within
  // a level, in code order (the ids follow it).
  const byLevel = new Map<number, NewUnitRow[]>();
  for (const { after, unit } of [...created].sort((a, b) => compareCodes(a.code, b.code))) {
    const rows = byLevel.get(unit.level) ?? [];
    rows.push({
      code: after.code,
      level: unit.level,
      parent_code: after.parentCode,
      type_code: after.typeCode,
      name_km: after.nameKm,
      name_latin: after.nameLatin,
      is_urban: after.isUrban,
      legal_reference: unit.legalReference,
      valid_from: options.effectiveDate,
    });
    byLevel.set(unit.level, rows);
  }
  let inserted = 0;
  for (const level of [...byLevel.keys()].sort()) {
    const rows = byLevel.get(level) ?? [];
    if (rows.length > ANALYZE_ABOVE && inserted > 0) {
      // The closure trigger's plan (and the foreign-key checks') is cached from its first run in
      // the session: planned against the few units of the upper levels, it would scan the whole
      // table for each village (O(n²): a minute instead of seconds for the whole country).
      // Fresh statistics make the next run plan again, with the indexes.
      await timed(timings, 'write units, closure (trigger)', () => analyzeUnits(trx));
    }
    for (const chunk of chunks(rows)) {
      await timed(timings, 'write units, closure (trigger)', () => insertNewUnits(trx, chunk, source));
      await timed(timings, 'write versions', () => insertFirstVersions(trx, chunk));
      inserted += chunk.length;
      progress(chunk.length);
    }
  }

  await timed(timings, 'write units, closure (trigger)', () =>
    reinstateUnits(
      trx,
      reinstated.map(({ after, unit }) => ({
        code: after.code,
        parent_code: after.parentCode,
        type_code: after.typeCode,
        name_km: after.nameKm,
        name_latin: after.nameLatin,
        is_urban: after.isUrban,
        legal_reference: unit.legalReference,
      })),
      changeDate,
      source,
    ),
  );

  // Changed units: one row per unit, whatever changed (a unit both renamed and retyped gets one
  // update and one new version, and two events).
  const finalState = new Map<string, { unit: ImportedUnit; isUrban: boolean | null }>();
  for (const change of changed) {
    const entry = finalState.get(change.code) ?? { unit: change.unit, isUrban: null };
    if (change.kind === 'retyped') entry.isUrban = change.after.isUrban;
    finalState.set(change.code, entry);
  }
  const removedCodes = removed.map((change) => change.code);
  await timed(timings, 'write units, closure (trigger)', async () => {
    await updateChangedUnits(
      trx,
      [...finalState.values()].map(({ unit, isUrban }) => ({ ...unit, isUrban })),
    );
    progress(changed.length);
    for (const isUrban of [true, false]) {
      const codes = changeSet.urbanFollowers
        .filter((item) => item.isUrban === isUrban)
        .map((item) => item.code);
      await setUrban(trx, codes, isUrban);
    }
    progress(changeSet.urbanFollowers.length);
    await endUnits(trx, removedCodes, changeDate);
    progress(removed.length);
  });

  // Versions: the state before each change ends on the change date, the new one starts there.
  const rolled = [
    ...finalState.keys(),
    ...changeSet.urbanFollowers.map((item) => item.code),
    ...reinstated.map((change) => change.code),
  ];
  await timed(timings, 'write versions', async () => {
    await closeVersions(trx, [...rolled, ...removedCodes], changeDate);
    // A version still open here began on the change date itself (a second import the same
    // day): the new state replaces it rather than leaving an empty period.
    await deleteOpenVersions(trx, rolled);
    await insertVersionsFromUnits(trx, rolled, changeDate);
  });

  await timed(timings, 'write events', async () => {
    for (const chunk of chunks(changeSet.changes))
      await insertEvents(
        trx,
        chunk.map((change) => eventOf(change, importId, changeDate, options)),
      );
  });

  // Last, because the audit lock is held until commit (see writeAudit).
  await timed(timings, 'audit', () =>
    writeAudit(trx, {
      ...options.actor,
      action: 'gazetteer.import.apply',
      entityType: 'gazetteer.import',
      entityId: String(importId),
      unitCode: null,
      after: {
        ...summary,
        fileNames: options.fileNames,
        fileChecksums: options.fileChecksums,
        effectiveDate: options.effectiveDate,
        // The audit record keeps its field's name.
        applyValidPart: options.applyValid,
      },
    }),
  );
  return { importId, summary };
}

const snapshot = (unit: ImportedUnit, isUrban: boolean) => ({
  parentCode: unit.parentCode,
  typeCode: unit.typeCode,
  nameKm: unit.nameKm,
  nameLatin: unit.nameLatin,
  isUrban,
});

function eventOf(change: UnitChange, importId: number, changeDate: string, options: ApplyOptions): EventRow {
  const common = { unit_code: change.code, import_id: importId, recorded_by: options.actor.actorUserId };
  switch (change.kind) {
    case 'added':
      return {
        ...common,
        kind: change.reinstated ? 'reinstated' : 'created',
        effective_date: change.reinstated ? changeDate : options.effectiveDate,
        legal_reference: change.unit.legalReference,
        before: null,
        after: snapshot(change.unit, change.after.isUrban),
        note: change.unit.officialNote,
      };
    case 'removed':
      return {
        ...common,
        kind: 'abolished',
        effective_date: changeDate,
        legal_reference: null,
        before: change.before,
        after: null,
        note: null,
      };
    default:
      return {
        ...common,
        kind: change.kind,
        effective_date: changeDate,
        legal_reference: change.unit.legalReference,
        before: change.before,
        after: change.after,
        note: change.unit.officialNote,
      };
  }
}
