/**
 * The tree's history: a unit's events, the changes between two dates, and the staff edit of a
 * unit (names, urban or rural), which is itself a dated change with its legal reference.
 */
import type { Actor } from '../../platform/actor.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { fail } from './gazetteer.errors.ts';
import { findUnitByCode, unitCodeExists, type GazetteerDb } from './gazetteer.queries.ts';
import type { ChangesQuery, Unit, UnitEvent, UnitUpdateBody } from './gazetteer.schemas.ts';
import { unitNotFound } from './gazetteer.service.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import {
  closeVersion,
  insertEvent,
  insertVersion,
  lockOpenVersion,
  lockUnit,
  selectChanges,
  selectUnitEvents,
  updateUnitState,
  updateVersion,
} from './history.queries.ts';

type LockedUnit = NonNullable<Awaited<ReturnType<typeof lockUnit>>>;

/**
 * The unit's open version, locked. A unit written without its history (by hand, or by a tool
 * that predates it) gets its current state as its first version, before a change is recorded
 * on top of it (the staff edit, a merge, a split).
 */
export async function lockOrWriteOpenVersion(trx: GazetteerDb, unit: LockedUnit) {
  const open = await lockOpenVersion(trx, unit.code);
  if (open) return open;
  await insertVersion(trx, {
    code: unit.code,
    parent_code: unit.parent_code,
    type_code: unit.type_code,
    name_km: unit.name_km,
    name_latin: unit.name_latin,
    is_urban: unit.is_urban,
    legal_reference: unit.legal_reference,
    valid_from: unit.valid_from,
    valid_to: null,
  });
  const written = await lockOpenVersion(trx, unit.code);
  if (!written) throw new Error(`gazetteer unit ${unit.code}: no open version after writing one`);
  return written;
}

const CHANGE_SORT_COLUMNS = {
  effectiveDate: 'gazetteer_unit_event.effective_date',
  unitCode: 'gazetteer_unit_event.unit_code',
};

// The driver gives jsonb back as parsed JSON; what the import and this module write there is
// always an object of changed attributes (or null).
type EventRow = Omit<UnitEvent, 'before' | 'after'> & { before: unknown; after: unknown };
const asEvent = (row: EventRow): UnitEvent => row as UnitEvent;

/** A unit's events, newest first (those without a date last); 404 for a code never in the tree. */
export async function unitHistory(
  ctx: GazetteerContext,
  code: string,
  query: { page: number; pageSize: number },
): Promise<PageResult<UnitEvent>> {
  const { db } = ctx;
  const { items, total } = await selectUnitEvents(db, code, query.page, query.pageSize);
  // A unit always has at least its 'created' event: only an empty answer needs the lookup.
  if (total === 0 && !(await unitCodeExists(db, code))) throw unitNotFound(code);
  return { items: items.map(asEvent), page: query.page, pageSize: query.pageSize, total };
}

/** The events that took effect between two dates (both included). */
export async function listChanges(
  ctx: GazetteerContext,
  query: ChangesQuery,
): Promise<PageResult<UnitEvent>> {
  if (query.from > query.to) {
    throw fail('gazetteer.changes.bad_range', `from ${query.from} is after to ${query.to}.`);
  }
  const page = await fetchPage(selectChanges(ctx.db, query), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: CHANGE_SORT_COLUMNS,
    tieBreak: 'gazetteer_unit_event.id',
  });
  return { ...page, items: page.items.map(asEvent) };
}

const nameRequired = (field: 'nameKm' | 'nameLatin') =>
  fail('gazetteer.unit.name_required', `${field} is empty.`);

export const badEffectiveDate = (detail: string) => fail('gazetteer.unit.bad_effective_date', detail);

/**
 * Changes a unit's names or its urban/rural status from `effectiveDate` on, in one transaction:
 * the unit's current state, its versions (the open one ends and a new one begins on the
 * effective date: versions cover [valid_from, valid_to)), one event per kind of change with its
 * legal reference, and the audit record.
 */
export async function updateUnit(
  ctx: GazetteerContext,
  actor: Actor,
  input: UnitUpdateBody & { code: string },
): Promise<Unit> {
  const { code, ...body } = input;
  const nameKm = body.nameKm?.trim();
  const nameLatin = body.nameLatin?.trim();
  if (nameKm === '') throw nameRequired('nameKm');
  if (nameLatin === '') throw nameRequired('nameLatin');
  const legalReference = body.legalReference.trim();
  if (legalReference === '') {
    throw fail('gazetteer.unit.legal_reference_required');
  }
  const today = ctx.today();
  // gazetteer_unit holds the tree as it is now: a change that takes effect later would show
  // before its time. Future changes wait for their day (or for the import, which dates them).
  if (body.effectiveDate > today) throw badEffectiveDate(`${body.effectiveDate} is after today (${today}).`);

  await ctx.inTransaction(async (trx) => {
    const unit = await lockUnit(trx, code);
    if (!unit || (unit.valid_to !== null && unit.valid_to <= today)) throw unitNotFound(code, today);

    const next = {
      name_km: nameKm ?? unit.name_km,
      name_latin: nameLatin ?? unit.name_latin,
      is_urban: body.isUrban ?? unit.is_urban,
    };
    const renamedBefore: Record<string, unknown> = {};
    const renamedAfter: Record<string, unknown> = {};
    if (next.name_km !== unit.name_km) {
      renamedBefore.nameKm = unit.name_km;
      renamedAfter.nameKm = next.name_km;
    }
    if (next.name_latin !== unit.name_latin) {
      renamedBefore.nameLatin = unit.name_latin;
      renamedAfter.nameLatin = next.name_latin;
    }
    const renamed = Object.keys(renamedAfter).length > 0;
    const retyped = next.is_urban !== unit.is_urban;
    if (!renamed && !retyped) {
      throw fail('gazetteer.unit.no_change');
    }

    const open = await lockOrWriteOpenVersion(trx, unit);
    if (open.valid_from !== null && body.effectiveDate < open.valid_from) {
      throw badEffectiveDate(
        `${body.effectiveDate} is before ${open.valid_from}, when the unit’s current state began.`,
      );
    }

    const versionState = { ...next, legal_reference: legalReference };
    if (open.valid_from === body.effectiveDate) {
      // A second change on the same day: the state that began that day is corrected in place
      // (a version cannot end on the day it begins); the events keep both changes.
      await updateVersion(trx, open.id, versionState);
    } else {
      await closeVersion(trx, open.id, body.effectiveDate);
      await insertVersion(trx, {
        code,
        parent_code: open.parent_code,
        type_code: open.type_code,
        ...versionState,
        valid_from: body.effectiveDate,
        valid_to: null,
      });
    }
    await updateUnitState(trx, code, versionState);

    const recordedBy = actor.userId;
    const dated = { unitCode: code, effectiveDate: body.effectiveDate, legalReference, recordedBy };
    if (renamed)
      await insertEvent(trx, { ...dated, kind: 'renamed', before: renamedBefore, after: renamedAfter });
    if (retyped) {
      await insertEvent(trx, {
        ...dated,
        kind: 'retyped',
        before: { isUrban: unit.is_urban },
        after: { isUrban: next.is_urban },
      });
    }
    // Last, because the audit chain's lock is held until the transaction commits.
    await ctx.audit.write(trx, actor, {
      action: 'gazetteer.unit.update',
      entityType: 'gazetteer.unit',
      entityId: code,
      unitCode: code,
      before: { ...renamedBefore, ...(retyped ? { isUrban: unit.is_urban } : {}) },
      after: {
        ...renamedAfter,
        ...(retyped ? { isUrban: next.is_urban } : {}),
        effectiveDate: body.effectiveDate,
        legalReference,
      },
    });
  });

  const unit = await findUnitByCode(ctx.db, code);
  if (!unit) throw unitNotFound(code);
  return unit;
}
