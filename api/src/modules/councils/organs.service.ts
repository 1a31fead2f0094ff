/**
 * Organs of a unit (councils, boards of governors, committees, offices): reading them with
 * their members, creating, changing and closing them. Closing an organ ends the mandates still
 * running on its last day. Every change runs in one transaction with its audit records.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { auditedMember, auditedOrgan, toMember, toOrgan } from './councils.answers.ts';
import { portDb, type CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import { numberPatternProblem } from './decision-number.ts';
import type { CreateOrganBody, Organ, OrganListQuery, UpdateOrganBody } from './councils.schemas.ts';
import {
  ORGAN_KINDS,
  type CouncilsDb,
  type CouncilsOrganTable,
  type MemberRow,
  type OrganKind,
} from './councils.tables.ts';
import {
  selectMembers,
  selectMembersSittingAfter,
  updateMember as updateMemberRow,
} from './members.queries.ts';
import {
  findOrgan,
  findOrganUnit,
  insertOrgan,
  selectOrgansOfUnit,
  updateOrgan as updateOrganRow,
} from './organs.queries.ts';

export const MANAGE_ORGANS = 'councils.organ.manage';

/** Unit locator for the access check: the unit of the organ a path names. */
export async function unitOfOrgan(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findOrganUnit(db, id);
  if (unit === undefined) throw fail('councils.organ.not_found');
  return unit;
}

/**
 * Birth year, disability and indigenous identity are personal: only a signed-in caller who
 * may manage the organs of this unit sees them. Everyone else (the public included) gets the
 * public facts and the aggregates of /stats.
 */
export function seesPersonalDetails(
  ctx: CouncilsContext,
  viewer: Principal | null,
  unitCode: string,
): Promise<boolean> {
  return ctx.access.holdsAt(ctx.db, viewer, [MANAGE_ORGANS], unitCode);
}

export async function listUnitOrgans(
  ctx: CouncilsContext,
  input: { unitCode: string; query: OrganListQuery; viewer: Principal | null },
): Promise<PageResult<Organ>> {
  const { unitCode, query } = input;
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), unitCode); // 404 for an unknown unit
  const today = ctx.today();
  const { rows, total } = await selectOrgansOfUnit(ctx.db, unitCode, {
    kind: query.kind,
    sittingOn: query.includeClosed ? undefined : today,
    page: query.page,
    pageSize: query.pageSize,
  });
  const personal = await seesPersonalDetails(ctx, input.viewer, unitCode);
  const members = await selectMembers(
    ctx.db,
    rows.map((row) => row.id),
    today,
  );
  return {
    items: rows.map((row) =>
      toOrgan(
        row,
        members
          .filter((member) => member.organ_id === row.id)
          .map((member) => toMember(member, today, personal)),
        today,
      ),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getOrgan(
  ctx: CouncilsContext,
  input: { id: number; viewer: Principal | null },
): Promise<Organ> {
  const row = await findOrgan(ctx.db, input.id);
  if (!row) throw fail('councils.organ.not_found');
  const today = ctx.today();
  const personal = await seesPersonalDetails(ctx, input.viewer, row.unit_code);
  const members = await selectMembers(ctx.db, [row.id]);
  return toOrgan(
    row,
    members.map((member) => toMember(member, today, personal)),
    today,
  );
}

function checkKind(kind: string): OrganKind {
  if (!(ORGAN_KINDS as readonly string[]).includes(kind)) {
    throw fail('councils.organ.bad_kind', {
      title: `An organ is one of: ${ORGAN_KINDS.join(', ')}.`,
      detail: `Not a kind of organ: ${kind}.`,
    });
  }
  return kind as OrganKind;
}

function checkOrganDates(organ: {
  term_start: string | null;
  term_end: string | null;
  closed_on: string | null;
}) {
  if (organ.term_start !== null && organ.term_end !== null && organ.term_end < organ.term_start) {
    throw fail('councils.organ.end_before_start');
  }
  if (organ.term_start !== null && organ.closed_on !== null && organ.closed_on < organ.term_start) {
    throw fail('councils.organ.closed_before_start');
  }
}

/** A numbering pattern as given (null or absent: the default), or 400 bad_number_pattern. */
function checkedNumberPattern(pattern: string | null | undefined): string | null {
  if (pattern === undefined || pattern === null) return null;
  const problem = numberPatternProblem(pattern);
  if (problem) throw fail('councils.organ.bad_number_pattern', problem);
  return pattern;
}

export async function createOrgan(
  ctx: CouncilsContext,
  actor: Actor,
  input: { unitCode: string; body: CreateOrganBody },
): Promise<Organ> {
  const { unitCode, body } = input;
  const kind = checkKind(body.kind);
  const unit = await ctx.ports.gazetteer.getUnit(portDb(ctx.db), unitCode); // 404 for an unknown unit
  const today = ctx.today();
  // Villages are not administrations; a commune is run by its chief and deputies, who sit in
  // the council, so boards of governors exist from the district level up.
  if (unit.level > 3) throw fail('councils.organ.unit_not_sna');
  if (unit.validTo !== null && unit.validTo <= today) {
    throw fail('councils.organ.unit_abolished', { title: `The unit ${unitCode} no longer exists.` });
  }
  if (kind === 'board_of_governors' && unit.level === 3) {
    throw fail('councils.organ.kind_not_for_unit', {
      title: 'Communes and sangkats have no board of governors: their chief and deputies sit in the council.',
    });
  }
  const values = {
    unit_code: unitCode,
    kind,
    name_km: body.nameKm.trim(),
    name_en: body.nameEn.trim(),
    term_start: body.termStart ?? null,
    term_end: body.termEnd ?? null,
    closed_on: null,
    legal_reference: body.legalReference ?? null,
    source: body.source ?? null,
    decision_number_pattern: checkedNumberPattern(body.decisionNumberPattern),
  };
  checkOrganDates(values);
  return ctx.inTransaction(async (trx) => {
    const row = await insertOrgan(trx, values);
    await ctx.audit.write(trx, actor, {
      action: 'councils.organ.create',
      entityType: 'councils.organ',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: auditedOrgan(row),
    });
    return toOrgan(row, [], today);
  });
}

export async function updateOrgan(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateOrganBody },
): Promise<Organ> {
  const { id, body } = input;
  await ctx.inTransaction(async (trx) => {
    const before = await findOrgan(trx, id);
    if (!before) throw fail('councils.organ.not_found');
    const changes: Updateable<CouncilsOrganTable> = {};
    if (body.nameKm !== undefined) changes.name_km = body.nameKm.trim();
    if (body.nameEn !== undefined) changes.name_en = body.nameEn.trim();
    if (body.termStart !== undefined) changes.term_start = body.termStart;
    if (body.termEnd !== undefined) changes.term_end = body.termEnd;
    if (body.closedOn !== undefined) changes.closed_on = body.closedOn;
    if (body.legalReference !== undefined) changes.legal_reference = body.legalReference;
    if (body.source !== undefined) changes.source = body.source;
    if (body.decisionNumberPattern !== undefined)
      changes.decision_number_pattern = checkedNumberPattern(body.decisionNumberPattern);
    checkOrganDates({ ...before, ...changes });

    // Closing an organ ends the mandates still running on its last day.
    const closing = body.closedOn !== undefined && body.closedOn !== null ? body.closedOn : null;
    const ended: { before: MemberRow; after: MemberRow }[] = [];
    if (closing !== null) {
      const sitting = await selectMembersSittingAfter(trx, id, closing);
      const late = sitting.find((member) => member.start_date > closing);
      if (late) {
        throw fail('councils.organ.members_after_close', `Member ${late.id} starts on ${late.start_date}.`);
      }
      for (const member of sitting) {
        ended.push({ before: member, after: await updateMemberRow(trx, member.id, { end_date: closing }) });
      }
    }

    const after = await updateOrganRow(trx, id, changes);
    for (const change of ended) {
      await ctx.audit.write(trx, actor, {
        action: 'councils.member.end',
        entityType: 'councils.member',
        entityId: String(change.after.id),
        unitCode: after.unit_code,
        before: auditedMember(change.before),
        after: auditedMember(change.after),
      });
    }
    await ctx.audit.write(trx, actor, {
      action:
        closing !== null && before.closed_on === null ? 'councils.organ.close' : 'councils.organ.update',
      entityType: 'councils.organ',
      entityId: String(id),
      unitCode: after.unit_code,
      before: auditedOrgan(before),
      after: auditedOrgan(after),
    });
  });
  // The writer manages this organ (the access check said so): they see what they changed.
  return getOrgan(ctx, { id, viewer: actor.principal });
}
