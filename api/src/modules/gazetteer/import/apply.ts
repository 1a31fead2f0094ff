/**
 * Writes a change set to the tree in ONE transaction: the import row, the units (inserted,
 * updated, closed), a new version for every unit whose state changed, one event per change and
 * one audit record for the whole import. Either all of it commits or none: the tree is never
 * left half-imported.
 */
import { sql } from 'kysely';
import { inTransaction } from '../../../platform/db/in-transaction.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { AuditActor } from '../../../platform/audit/audit-context.ts';
import { AppError } from '../../../platform/http/problem.ts';
import type { ChangeSet, ImportedUnit, UnitChange } from './change-set.ts';
import { isEmptyChangeSet } from './diff.ts';
import { asImportDb, type AnyDb, type GazetteerUnitEventTable, type ImportDb } from './import-tables.ts';
import type { ProgressCallback } from './read-files.ts';
import { compareCodes } from './validate.ts';

export interface ApplyOptions {
  /** When the changes took effect (YYYY-MM-DD); null: unknown, today for changes and removals. */
  effectiveDate: string | null;
  fileNames: readonly string[];
  fileChecksums: readonly string[];
  actor: AuditActor;
  /** Apply the valid part of a file with problems (the rows with problems and their descendants are left out). */
  applyValidPart: boolean;
  onProgress?: ProgressCallback;
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

// Rows per statement: large enough that 16,500 units take a few dozen statements, small
// enough to stay far below PostgreSQL's 65,535 parameters (11 per unit row).
const BATCH = 1000;

// Any fixed number, distinct from the migrations' and the audit chain's locks: imports take
// turns, so that a change set is never computed from a tree another import is changing.
const IMPORT_LOCK_KEY = 724_110_2031;

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

export const hasProblems = () =>
  new AppError(
    422,
    'gazetteer.import.has_problems',
    'The file has problems: correct them, or apply only the valid part.',
  );

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Takes the import lock for the rest of the transaction (re-entrant within it). */
export async function lockImports(trx: AnyDb): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

const snapshotJson = (unit: ImportedUnit, isUrban: boolean) =>
  json({
    parentCode: unit.parentCode,
    typeCode: unit.typeCode,
    nameKm: unit.nameKm,
    nameLatin: unit.nameLatin,
    isUrban,
  });

export async function applyChangeSet(
  db: AnyDb,
  changeSet: ChangeSet,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const summary = summaryOf(changeSet);
  if (changeSet.problems.length > 0 && !options.applyValidPart) throw hasProblems();
  if (isEmptyChangeSet(changeSet)) return { importId: null, summary };
  const run = (trx: ImportDb) => write(trx, changeSet, options, summary);
  return inTransaction(asImportDb(db), run);
}

async function write(
  trx: ImportDb,
  changeSet: ChangeSet,
  options: ApplyOptions,
  summary: ImportSummary,
): Promise<ApplyResult> {
  await lockImports(trx);
  const today = await sql<{ today: string }>`select current_date::text as today`.execute(trx);
  // Changes and removals need a date to close the state before them; a creation without a
  // known date is "since before our records" (a null valid_from).
  const changeDate = options.effectiveDate ?? today.rows[0]?.today ?? new Date().toISOString().slice(0, 10);

  const importRow = await trx
    .insertInto('gazetteer_import')
    .values({
      kind: 'gazetteer',
      file_names: [...options.fileNames],
      file_checksums: [...options.fileChecksums],
      effective_date: options.effectiveDate,
      dry_run: false,
      summary: json(summary),
      created_by: options.actor.actorUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const importId = importRow.id;
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

  // New units, parents before children: each row's parent is in place for the foreign key and
  // for the closure trigger, which walks up parent_code.
  const batches = chunks([...created].sort((a, b) => compareCodes(a.code, b.code)));
  for (const batch of batches) {
    await trx
      .insertInto('gazetteer_unit')
      .values(
        batch.map(({ after, unit }) => ({
          code: after.code,
          level: unit.level,
          parent_code: after.parentCode,
          type_code: after.typeCode,
          name_km: after.nameKm,
          name_latin: after.nameLatin,
          is_urban: after.isUrban,
          legal_reference: unit.legalReference,
          valid_from: options.effectiveDate,
          source,
        })),
      )
      .execute();
    await trx
      .insertInto('gazetteer_unit_version')
      .values(
        batch.map(({ after, unit }) => ({
          code: after.code,
          parent_code: after.parentCode,
          type_code: after.typeCode,
          name_km: after.nameKm,
          name_latin: after.nameLatin,
          is_urban: after.isUrban,
          legal_reference: unit.legalReference,
          valid_from: options.effectiveDate,
          valid_to: null,
        })),
      )
      .execute();
    progress(batch.length);
    if (batch === batches[0] && batches.length > 1) {
      // The closure trigger runs once per row, and its plan (and the foreign-key checks') is
      // cached from the first rows: planned against an empty table, it scans the whole table
      // for every later row, O(n²) — 64 s instead of 4 s for the whole country on PostgreSQL.
      // Fresh statistics after the first batch make the cached plans use the indexes.
      await sql`analyze gazetteer_unit`.execute(trx);
    }
  }

  for (const { after, unit } of reinstated) {
    await trx
      .updateTable('gazetteer_unit')
      .set({
        parent_code: after.parentCode,
        type_code: after.typeCode,
        name_km: after.nameKm,
        name_latin: after.nameLatin,
        is_urban: after.isUrban,
        legal_reference: unit.legalReference,
        valid_from: changeDate,
        valid_to: null,
        source,
        updated_at: sql`now()`,
      })
      .where('code', '=', after.code)
      .execute();
  }

  // Changed units: one row per unit, whatever changed (a unit both renamed and retyped gets one
  // update and one new version, and two events).
  const finalState = new Map<string, { unit: ImportedUnit; isUrban: boolean | null }>();
  for (const change of changed) {
    const entry = finalState.get(change.code) ?? { unit: change.unit, isUrban: null };
    if (change.kind === 'retyped') entry.isUrban = change.after.isUrban;
    finalState.set(change.code, entry);
  }
  for (const batch of chunks([...finalState.values()], 500)) {
    const values = batch.map(
      ({ unit, isUrban }) =>
        sql`(${unit.code}::text, ${unit.nameKm}::text, ${unit.nameLatin}::text, ${unit.parentCode}::text, ${unit.typeCode}::text, ${isUrban}::boolean)`,
    );
    await sql`
      update gazetteer_unit as u
      set name_km = v.name_km, name_latin = v.name_latin, parent_code = v.parent_code,
        type_code = v.type_code, is_urban = coalesce(v.is_urban, u.is_urban), updated_at = now()
      from (values ${sql.join(values)}) as v (code, name_km, name_latin, parent_code, type_code, is_urban)
      where u.code = v.code`.execute(trx);
  }
  progress(changed.length);

  for (const isUrban of [true, false]) {
    const codes = changeSet.urbanFollowers
      .filter((item) => item.isUrban === isUrban)
      .map((item) => item.code);
    for (const batch of chunks(codes)) {
      await trx
        .updateTable('gazetteer_unit')
        .set({ is_urban: isUrban, updated_at: sql`now()` })
        .where('code', 'in', batch)
        .execute();
    }
  }
  progress(changeSet.urbanFollowers.length);

  const removedCodes = removed.map((change) => change.code);
  for (const batch of chunks(removedCodes)) {
    await trx
      .updateTable('gazetteer_unit')
      .set({ valid_to: changeDate, updated_at: sql`now()` })
      .where('code', 'in', batch)
      .execute();
  }
  progress(removed.length);

  // Versions: the state before each change ends on the change date, the new one starts there.
  const rolled = [
    ...finalState.keys(),
    ...changeSet.urbanFollowers.map((item) => item.code),
    ...reinstated.map((change) => change.code),
  ];
  for (const batch of chunks([...rolled, ...removedCodes])) {
    await trx
      .updateTable('gazetteer_unit_version')
      .set({ valid_to: changeDate })
      .where('code', 'in', batch)
      .where('valid_to', 'is', null)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<', changeDate)]))
      .execute();
  }
  for (const batch of chunks(rolled)) {
    // A version still open here began on the change date itself (a second import the same
    // day): the new state replaces it rather than leaving an empty period.
    await trx
      .deleteFrom('gazetteer_unit_version')
      .where('code', 'in', batch)
      .where('valid_to', 'is', null)
      .execute();
    await trx
      .insertInto('gazetteer_unit_version')
      .columns([
        'code',
        'parent_code',
        'type_code',
        'name_km',
        'name_latin',
        'is_urban',
        'legal_reference',
        'valid_from',
        'valid_to',
      ])
      .expression((eb) =>
        eb
          .selectFrom('gazetteer_unit')
          .select([
            'code',
            'parent_code',
            'type_code',
            'name_km',
            'name_latin',
            'is_urban',
            'legal_reference',
            sql<string>`${changeDate}::date`.as('valid_from'),
            sql<null>`null::date`.as('valid_to'),
          ])
          .where('code', 'in', batch),
      )
      .execute();
  }

  const events = changeSet.changes.map((change) => eventOf(change, importId, changeDate, options));
  for (const batch of chunks(events)) await trx.insertInto('gazetteer_unit_event').values(batch).execute();

  // Last, because the audit lock is held until commit (see writeAudit).
  await writeAudit(trx, {
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
      applyValidPart: options.applyValidPart,
    },
  });
  return { importId, summary };
}

type EventRow = Omit<GazetteerUnitEventTable, 'id' | 'related_codes' | 'recorded_at' | 'before' | 'after'> & {
  before: string | null;
  after: string | null;
};

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
        after: snapshotJson(change.unit, change.after.isUrban),
        note: change.unit.officialNote,
      };
    case 'removed':
      return {
        ...common,
        kind: 'abolished',
        effective_date: changeDate,
        legal_reference: null,
        before: json(change.before),
        after: null,
        note: null,
      };
    default:
      return {
        ...common,
        kind: change.kind,
        effective_date: changeDate,
        legal_reference: change.unit.legalReference,
        before: json(change.before),
        after: json(change.after),
        note: change.unit.officialNote,
      };
  }
}
