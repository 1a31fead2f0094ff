/**
 * Restructuring the tree under a legal act: a unit merged into another of the same level, and a
 * unit split into new units. National operations (the same permission as the import). Each is
 * one transaction: the units, their versions, the events (with the other units in
 * `related_codes`), the search keys of new units, and the audit record.
 *
 * Codes are identities and a unit's code starts with its parent's code, so children cannot
 * follow a merge or the abolition of a split unit: such a unit must have no live children
 * (the caller moves or abolishes them first, through the import).
 */
import type { Actor } from '../../platform/actor.ts';
import type { AppError } from '../../platform/errors.ts';
import { fail } from './gazetteer.errors.ts';
import { findUnitByCode, type GazetteerDb } from './gazetteer.queries.ts';
import type { Unit } from './gazetteer.schemas.ts';
import { unitNotFound } from './gazetteer.service.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import { closeVersion, insertEvent, insertVersion, lockUnit } from './history.queries.ts';
import { badEffectiveDate, lockOrWriteOpenVersion } from './history.service.ts';
import {
  endUnit,
  insertUnits,
  selectLiveChildCodes,
  selectTakenCodes,
  selectUnitTypes,
} from './restructure.queries.ts';
import type {
  UnitMergeBody,
  UnitMergeResult,
  UnitSplitBody,
  UnitSplitResult,
} from './restructure.schemas.ts';
import { refreshSearchIndex } from './search/search-index.ts';

type LockedUnit = NonNullable<Awaited<ReturnType<typeof lockUnit>>>;

function checkedLegalReference(value: string): string {
  const legalReference = value.trim();
  if (legalReference === '') {
    throw fail('gazetteer.unit.legal_reference_required');
  }
  return legalReference;
}

/** gazetteer_unit holds the tree as it is now: future-dated changes wait for their day. */
function checkNotFuture(effectiveDate: string, today: string): void {
  if (effectiveDate > today) throw badEffectiveDate(`${effectiveDate} is after today (${today}).`);
}

async function lockLiveUnit(trx: GazetteerDb, code: string, today: string): Promise<LockedUnit> {
  const unit = await lockUnit(trx, code);
  if (!unit || (unit.valid_to !== null && unit.valid_to <= today)) throw unitNotFound(code, today);
  return unit;
}

/**
 * The unit's current state must have begun by `effectiveDate`; when the unit ends on that date,
 * strictly before it (a state cannot end on the day it begins).
 */
function checkStartedBy(
  code: string,
  began: string | null,
  effectiveDate: string,
  options: { ends: boolean },
): void {
  if (began === null) return;
  if (effectiveDate < began || (options.ends && effectiveDate === began)) {
    throw badEffectiveDate(
      `${effectiveDate} is ${effectiveDate === began ? 'the day' : 'before'} ${began}, when the current state of ${code} began.`,
    );
  }
}

async function refuseLiveChildren(
  trx: GazetteerDb,
  code: string,
  effectiveDate: string,
  errorCode: 'gazetteer.merge.has_children' | 'gazetteer.split.has_children',
): Promise<void> {
  const children = await selectLiveChildCodes(trx, code, effectiveDate);
  if (children.length === 0) return;
  const shown = children.slice(0, 10).join(', ') + (children.length > 10 ? ', …' : '');
  throw fail(
    errorCode,
    `${code} has ${children.length} unit(s) in the tree on ${effectiveDate}: ${shown}. Move or abolish them first (the import).`,
  );
}

/** The unit leaves the tree on `effectiveDate`: its open version and the unit itself end then. */
async function abolish(trx: GazetteerDb, code: string, openVersionId: number, effectiveDate: string) {
  await closeVersion(trx, openVersionId, effectiveDate);
  await endUnit(trx, code, effectiveDate);
}

async function readUnit(db: GazetteerDb, code: string): Promise<Unit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code);
  return unit;
}

/** `code` is absorbed by `intoCode` (same level, both in the tree) from `effectiveDate` on. */
export async function mergeUnit(
  ctx: GazetteerContext,
  actor: Actor,
  input: UnitMergeBody & { code: string },
): Promise<UnitMergeResult> {
  const { code, ...body } = input;
  const legalReference = checkedLegalReference(body.legalReference);
  const { intoCode, effectiveDate } = body;
  if (intoCode === code) {
    throw fail('gazetteer.merge.same_unit', `${code} twice.`);
  }
  const today = ctx.today();
  checkNotFuture(effectiveDate, today);

  await ctx.inTransaction(async (trx) => {
    // Both rows locked, always in the order of their codes, so that two merges take turns.
    const [first, second] = [code, intoCode].sort();
    const locked = new Map<string, LockedUnit>();
    for (const each of [first!, second!]) locked.set(each, await lockLiveUnit(trx, each, today));
    const absorbed = locked.get(code)!;
    const into = locked.get(intoCode)!;
    if (absorbed.code.length !== into.code.length) {
      throw fail(
        'gazetteer.merge.level_mismatch',
        `${code} is of level ${code.length / 2}, ${intoCode} of level ${intoCode.length / 2}.`,
      );
    }
    await refuseLiveChildren(trx, code, effectiveDate, 'gazetteer.merge.has_children');

    const open = await lockOrWriteOpenVersion(trx, absorbed);
    checkStartedBy(code, open.valid_from, effectiveDate, { ends: true });
    checkStartedBy(code, absorbed.valid_from, effectiveDate, { ends: true });
    // The absorbing unit must be in the tree on the date.
    checkStartedBy(intoCode, into.valid_from, effectiveDate, { ends: false });

    await abolish(trx, code, open.id, effectiveDate);

    const recordedBy = actor.userId;
    const dated = { effectiveDate, legalReference, recordedBy, kind: 'merged' as const };
    await insertEvent(trx, {
      ...dated,
      unitCode: code,
      before: { validTo: null },
      after: { validTo: effectiveDate },
      relatedCodes: [intoCode],
      note: `merged into ${intoCode}`,
    });
    await insertEvent(trx, {
      ...dated,
      unitCode: intoCode,
      before: null,
      after: null,
      relatedCodes: [code],
      note: `absorbed ${code}`,
    });
    // Last, because the audit chain's lock is held until the transaction commits.
    await ctx.audit.write(trx, actor, {
      action: 'gazetteer.unit.merge',
      entityType: 'gazetteer.unit',
      entityId: code,
      unitCode: code,
      before: { validTo: null },
      after: { validTo: effectiveDate, intoCode, effectiveDate, legalReference },
    });
  });

  return { absorbed: await readUnit(ctx.db, code), into: await readUnit(ctx.db, intoCode) };
}

function badPartCode(detail: string): AppError {
  return fail('gazetteer.split.bad_code', detail);
}

/** `code` is split into new units under the same parent from `effectiveDate` on. */
export async function splitUnit(
  ctx: GazetteerContext,
  actor: Actor,
  input: UnitSplitBody & { code: string },
): Promise<UnitSplitResult> {
  const { code, ...body } = input;
  const legalReference = checkedLegalReference(body.legalReference);
  const { effectiveDate, keepOriginal } = body;
  const today = ctx.today();
  checkNotFuture(effectiveDate, today);

  const parts = body.parts.map((part) => ({
    code: part.code,
    nameKm: part.nameKm.trim(),
    nameLatin: part.nameLatin.trim(),
    typeCode: part.typeCode,
  }));
  const seen = new Set<string>();
  for (const part of parts) {
    if (part.nameKm === '' || part.nameLatin === '') {
      throw fail(
        'gazetteer.unit.name_required',
        `${part.code}: ${part.nameKm === '' ? 'nameKm' : 'nameLatin'} is empty.`,
      );
    }
    if (seen.has(part.code)) throw badPartCode(`${part.code} is given twice.`);
    seen.add(part.code);
    if (part.code.length !== code.length) {
      throw badPartCode(`${part.code} has ${part.code.length} digits, ${code} has ${code.length}.`);
    }
  }
  const newCodes = parts.map((part) => part.code);

  await ctx.inTransaction(async (trx) => {
    const original = await lockLiveUnit(trx, code, today);
    const parentCode = original.parent_code;
    for (const part of parts) {
      if (parentCode !== null && !part.code.startsWith(parentCode)) {
        throw badPartCode(
          `${part.code} does not start with ${parentCode}, the code of the parent of ${code}.`,
        );
      }
    }
    const taken = await selectTakenCodes(trx, newCodes);
    if (taken.length > 0) {
      throw fail('gazetteer.split.code_taken', `Already in use: ${taken.join(', ')}.`);
    }

    const typeCodes = [...new Set(parts.map((part) => part.typeCode ?? original.type_code))];
    const types = new Map((await selectUnitTypes(trx, typeCodes)).map((type) => [type.code, type]));
    const level = code.length / 2;
    for (const typeCode of typeCodes) {
      const type = types.get(typeCode);
      if (!type || type.level !== level) {
        throw fail(
          'gazetteer.split.bad_type',
          type ? `${typeCode} is a type of level ${type.level}, not ${level}.` : `No unit type ${typeCode}.`,
        );
      }
    }
    if (!keepOriginal) await refuseLiveChildren(trx, code, effectiveDate, 'gazetteer.split.has_children');

    const open = await lockOrWriteOpenVersion(trx, original);
    checkStartedBy(code, open.valid_from, effectiveDate, { ends: !keepOriginal });
    checkStartedBy(code, original.valid_from, effectiveDate, { ends: !keepOriginal });

    const states = parts.map((part) => {
      const typeCode = part.typeCode ?? original.type_code;
      return {
        code: part.code,
        parent_code: parentCode,
        type_code: typeCode,
        name_km: part.nameKm,
        name_latin: part.nameLatin,
        // The original's urban status carries over within its type; another type brings its own.
        is_urban: typeCode === original.type_code ? original.is_urban : types.get(typeCode)!.is_urban,
        legal_reference: legalReference,
        valid_from: effectiveDate,
        valid_to: null,
      };
    });
    await insertUnits(
      trx,
      states.map((state) => ({ ...state, level, source: `Split of ${code} (${legalReference})` })),
    );
    for (const state of states) await insertVersion(trx, state);
    if (!keepOriginal) await abolish(trx, code, open.id, effectiveDate);

    const recordedBy = actor.userId;
    const dated = { effectiveDate, legalReference, recordedBy, kind: 'split' as const };
    await insertEvent(trx, {
      ...dated,
      unitCode: code,
      before: keepOriginal ? null : { validTo: null },
      after: keepOriginal ? null : { validTo: effectiveDate },
      relatedCodes: newCodes,
      note: `split into ${newCodes.join(', ')}${keepOriginal ? ' (kept)' : ''}`,
    });
    for (const state of states) {
      await insertEvent(trx, {
        ...dated,
        unitCode: state.code,
        before: null,
        after: {
          parentCode: state.parent_code,
          typeCode: state.type_code,
          nameKm: state.name_km,
          nameLatin: state.name_latin,
          isUrban: state.is_urban,
        },
        relatedCodes: [code],
        note: `split from ${code}`,
      });
    }
    await refreshSearchIndex(trx, newCodes);
    // Last, because the audit chain's lock is held until the transaction commits.
    await ctx.audit.write(trx, actor, {
      action: 'gazetteer.unit.split',
      entityType: 'gazetteer.unit',
      entityId: code,
      unitCode: code,
      before: keepOriginal ? null : { validTo: null },
      after: {
        ...(keepOriginal ? {} : { validTo: effectiveDate }),
        parts: states.map((state) => ({
          code: state.code,
          typeCode: state.type_code,
          nameKm: state.name_km,
          nameLatin: state.name_latin,
        })),
        keepOriginal,
        effectiveDate,
        legalReference,
      },
    });
  });

  const result: UnitSplitResult = { original: await readUnit(ctx.db, code), parts: [] };
  for (const partCode of newCodes) result.parts.push(await readUnit(ctx.db, partCode));
  return result;
}
