/**
 * Village needs collected at village meetings (recorded by the commune) and the commune's
 * priorities that merge them, each priority traced back to its needs and villages. Reading is
 * public: the public view of a commune.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { portDb, type PlansContext } from './plans.context.ts';
import { fail } from './plans.errors.ts';
import {
  deleteNeedRow,
  deletePriorityNeeds,
  deletePriorityRow,
  findNeedUnit,
  findPriority,
  isRankTakenByOther,
  lockNeed,
  lockPriority,
  prioritiesOfNeed,
  projectsOfPriority,
  updateNeedRow,
  updatePriorityRow,
  insertNeed,
  insertPriority,
  insertPriorityNeeds,
  isRankTaken,
  selectNeedsByIds,
  selectNeedsOfPriorities,
  selectNeedsOfUnit,
  selectPrioritiesOfUnit,
} from './needs.queries.ts';
import { checkSectors, snaUnit } from './plans.service.ts';
import type {
  CreateNeedBody,
  CreatePriorityBody,
  Need,
  NeedListQuery,
  Priority,
  PriorityListQuery,
} from './plans.schemas.ts';
import { VULNERABLE_GROUPS, type NeedRow, type PlansDb, type PriorityRow } from './plans.tables.ts';

export const MANAGE_PROGRAM = 'plans.program.manage';

async function namesOf(ctx: PlansContext, db: PlansDb, codes: readonly string[]) {
  return ctx.ports.gazetteer.unitNames(portDb(db), [...new Set(codes)]);
}

function toNeed(row: NeedRow, names: Map<string, { nameKm: string; nameLatin: string }>): Need {
  const name = names.get(row.village_code);
  return {
    id: row.id,
    unitCode: row.unit_code,
    villageCode: row.village_code,
    villageNameKm: name?.nameKm ?? row.village_code,
    villageNameLatin: name?.nameLatin ?? row.village_code,
    meetingDate: row.meeting_date,
    needText: row.need_text,
    sectorCode: row.sector_code,
    attendeesFemale: row.attendees_female,
    attendeesMale: row.attendees_male,
    vulnerableGroups: row.vulnerable_groups,
    isExample: row.is_example,
  };
}

export async function listNeeds(
  ctx: PlansContext,
  input: { unitCode: string; query: NeedListQuery },
): Promise<PageResult<Need>> {
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), input.unitCode);
  const { rows, total } = await selectNeedsOfUnit(ctx.db, input.unitCode, input.query);
  const names = await namesOf(
    ctx,
    ctx.db,
    rows.map((row) => row.village_code),
  );
  return {
    items: rows.map((row) => toNeed(row, names)),
    page: input.query.page,
    pageSize: input.query.pageSize,
    total,
  };
}

/** A need's body checked against its commune: sector, groups, attendance, date, village. */
async function checkedNeed(ctx: PlansContext, unitCode: string, body: CreateNeedBody) {
  const unit = await snaUnit(ctx, ctx.db, unitCode);
  if (unit.level !== 3) throw fail('plans.unit.not_commune');
  await checkSectors(ctx.db, [body.sectorCode]);
  const bad = body.vulnerableGroups.find(
    (group) => !(VULNERABLE_GROUPS as readonly string[]).includes(group),
  );
  if (bad !== undefined) throw fail('plans.need.bad_group', `Not a group: ${bad}.`);
  if (body.attendeesFemale + body.attendeesMale === 0) throw fail('plans.need.no_attendees');
  if (body.meetingDate > ctx.today()) throw fail('plans.need.future_meeting');
  const gazetteer = ctx.ports.gazetteer;
  const village = await gazetteer.getUnit(portDb(ctx.db), body.villageCode).catch(() => null);
  if (
    village === null ||
    village.level !== 4 ||
    !(await gazetteer.isUnitWithin(ctx.db, body.villageCode, unitCode))
  ) {
    throw fail('plans.need.village_outside', `Village ${body.villageCode}.`);
  }
  return village;
}

export async function createNeed(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: CreateNeedBody; isExample?: boolean },
): Promise<Need> {
  const { unitCode, body } = input;
  const village = await checkedNeed(ctx, unitCode, body);
  return ctx.inTransaction(async (trx) => {
    const row = await insertNeed(trx, {
      unit_code: unitCode,
      village_code: body.villageCode,
      meeting_date: body.meetingDate,
      need_text: body.needText,
      sector_code: body.sectorCode,
      attendees_female: body.attendeesFemale,
      attendees_male: body.attendeesMale,
      vulnerable_groups: [...new Set(body.vulnerableGroups)],
      is_example: input.isExample ?? false,
    });
    await ctx.audit.write(trx, actor, {
      action: 'plans.need.create',
      entityType: 'plans.need',
      entityId: String(row.id),
      unitCode,
      after: {
        villageCode: row.village_code,
        meetingDate: row.meeting_date,
        sectorCode: row.sector_code,
        attendeesFemale: row.attendees_female,
        attendeesMale: row.attendees_male,
      },
    });
    return toNeed(row, new Map([[village.code, { nameKm: village.nameKm, nameLatin: village.nameLatin }]]));
  });
}

async function prioritiesAnswer(ctx: PlansContext, db: PlansDb, rows: PriorityRow[]): Promise<Priority[]> {
  const links = await selectNeedsOfPriorities(
    db,
    rows.map((row) => row.id),
  );
  const names = await namesOf(
    ctx,
    db,
    links.map((link) => link.village_code),
  );
  return rows.map((row) => ({
    id: row.id,
    unitCode: row.unit_code,
    year: row.year,
    rank: row.rank,
    titleKm: row.title_km,
    titleEn: row.title_en,
    sectorCode: row.sector_code,
    reason: row.reason,
    isExample: row.is_example,
    needs: links
      .filter((link) => link.priority_id === row.id)
      .map((link) => ({
        id: link.id,
        needText: link.need_text,
        villageCode: link.village_code,
        villageNameKm: names.get(link.village_code)?.nameKm ?? link.village_code,
        villageNameLatin: names.get(link.village_code)?.nameLatin ?? link.village_code,
      })),
  }));
}

export async function listPriorities(
  ctx: PlansContext,
  input: { unitCode: string; query: PriorityListQuery },
): Promise<PageResult<Priority>> {
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), input.unitCode);
  const { rows, total } = await selectPrioritiesOfUnit(ctx.db, input.unitCode, input.query);
  return {
    items: await prioritiesAnswer(ctx, ctx.db, rows),
    page: input.query.page,
    pageSize: input.query.pageSize,
    total,
  };
}

export async function createPriority(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: CreatePriorityBody; isExample?: boolean },
): Promise<Priority> {
  const { unitCode, body } = input;
  await snaUnit(ctx, ctx.db, unitCode);
  await checkSectors(ctx.db, [body.sectorCode]);
  if (body.needIds.length === 0) throw fail('plans.priority.no_needs');
  return ctx.inTransaction(async (trx) => {
    const needIds = await checkedNeedIds(ctx, trx, unitCode, body.needIds);
    if (await isRankTaken(trx, unitCode, body.year, body.rank)) {
      throw fail('plans.priority.rank_taken', `Rank ${body.rank} in ${body.year}.`);
    }
    const row = await insertPriority(trx, {
      unit_code: unitCode,
      year: body.year,
      rank: body.rank,
      title_km: body.titleKm,
      title_en: body.titleEn ?? null,
      sector_code: body.sectorCode,
      reason: body.reason,
      is_example: input.isExample ?? false,
    });
    await insertPriorityNeeds(trx, row.id, needIds);
    await ctx.audit.write(trx, actor, {
      action: 'plans.priority.create',
      entityType: 'plans.priority',
      entityId: String(row.id),
      unitCode,
      after: { year: row.year, rank: row.rank, sectorCode: row.sector_code, needIds },
    });
    return (await prioritiesAnswer(ctx, trx, [row]))[0]!;
  });
}

/** Unit locator for the access check: the commune of the need a path names. */
export async function unitOfNeed(db: PlansDb, id: number): Promise<string> {
  const unit = await findNeedUnit(db, id);
  if (unit === undefined) throw fail('plans.need.not_found');
  return unit;
}

/** Unit locator for the access check: the unit of the priority a path names. */
export async function unitOfPriority(db: PlansDb, id: number): Promise<string> {
  const row = await findPriority(db, id);
  if (row === undefined) throw fail('plans.priority.not_found');
  return row.unit_code;
}

const needAudit = (row: NeedRow) => ({
  villageCode: row.village_code,
  meetingDate: row.meeting_date,
  needText: row.need_text,
  sectorCode: row.sector_code,
  attendeesFemale: row.attendees_female,
  attendeesMale: row.attendees_male,
  vulnerableGroups: row.vulnerable_groups,
});

/** Corrects a need (its village, meeting, text, sector, attendance, groups); its id stays. */
export async function updateNeed(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: CreateNeedBody },
): Promise<Need> {
  const { id, body } = input;
  const unitCode = await unitOfNeed(ctx.db, id);
  const village = await checkedNeed(ctx, unitCode, body);
  return ctx.inTransaction(async (trx) => {
    const before = await lockNeed(trx, id);
    if (!before) throw fail('plans.need.not_found');
    const after = await updateNeedRow(trx, id, {
      village_code: body.villageCode,
      meeting_date: body.meetingDate,
      need_text: body.needText,
      sector_code: body.sectorCode,
      attendees_female: body.attendeesFemale,
      attendees_male: body.attendeesMale,
      vulnerable_groups: [...new Set(body.vulnerableGroups)],
    });
    await ctx.audit.write(trx, actor, {
      action: 'plans.need.update',
      entityType: 'plans.need',
      entityId: String(id),
      unitCode,
      before: needAudit(before),
      after: needAudit(after),
    });
    return toNeed(after, new Map([[village.code, { nameKm: village.nameKm, nameLatin: village.nameLatin }]]));
  });
}

/** Deletes a need no priority merges (else 409 plans.need.in_priority). */
export async function deleteNeed(ctx: PlansContext, actor: Actor, input: { id: number }): Promise<void> {
  await ctx.inTransaction(async (trx) => {
    const before = await lockNeed(trx, input.id);
    if (!before) throw fail('plans.need.not_found');
    const priorities = await prioritiesOfNeed(trx, input.id);
    if (priorities.length > 0) {
      throw fail('plans.need.in_priority', `Priorities ${priorities.join(', ')}.`);
    }
    await deleteNeedRow(trx, input.id);
    await ctx.audit.write(trx, actor, {
      action: 'plans.need.delete',
      entityType: 'plans.need',
      entityId: String(input.id),
      unitCode: before.unit_code,
      before: needAudit(before),
    });
  });
}

/** The needs a priority merges, checked: each one of the unit's subtree. */
async function checkedNeedIds(ctx: PlansContext, trx: PlansDb, unitCode: string, ids: readonly number[]) {
  const needIds = [...new Set(ids)];
  if (needIds.length === 0) throw fail('plans.priority.no_needs');
  const needs = await selectNeedsByIds(trx, needIds);
  // A commune's own needs; a district's priorities may merge the needs of its communes.
  for (const id of needIds) {
    const need = needs.find((row) => row.id === id);
    if (!need || !(await ctx.ports.gazetteer.isUnitWithin(trx, need.unit_code, unitCode))) {
      throw fail('plans.priority.need_outside', `Need ${id}.`);
    }
  }
  return needIds;
}

/** Changes a priority (year, rank, title, sector, reason, its needs); its id stays. */
export async function updatePriority(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: CreatePriorityBody },
): Promise<Priority> {
  const { id, body } = input;
  const unitCode = await unitOfPriority(ctx.db, id);
  await checkSectors(ctx.db, [body.sectorCode]);
  return ctx.inTransaction(async (trx) => {
    const before = await lockPriority(trx, id);
    if (!before) throw fail('plans.priority.not_found');
    const needIds = await checkedNeedIds(ctx, trx, unitCode, body.needIds);
    if (await isRankTakenByOther(trx, unitCode, body.year, body.rank, id)) {
      throw fail('plans.priority.rank_taken', `Rank ${body.rank} in ${body.year}.`);
    }
    const after = await updatePriorityRow(trx, id, {
      year: body.year,
      rank: body.rank,
      title_km: body.titleKm,
      title_en: body.titleEn ?? null,
      sector_code: body.sectorCode,
      reason: body.reason,
    });
    const beforeNeeds = await deletePriorityNeeds(trx, id);
    await insertPriorityNeeds(trx, id, needIds);
    await ctx.audit.write(trx, actor, {
      action: 'plans.priority.update',
      entityType: 'plans.priority',
      entityId: String(id),
      unitCode,
      before: {
        year: before.year,
        rank: before.rank,
        titleKm: before.title_km,
        sectorCode: before.sector_code,
        needIds: beforeNeeds,
      },
      after: {
        year: after.year,
        rank: after.rank,
        titleKm: after.title_km,
        sectorCode: after.sector_code,
        needIds,
      },
    });
    return (await prioritiesAnswer(ctx, trx, [after]))[0]!;
  });
}

/** Deletes a priority no project carries (else 409 plans.priority.in_use). */
export async function deletePriority(ctx: PlansContext, actor: Actor, input: { id: number }): Promise<void> {
  await ctx.inTransaction(async (trx) => {
    const before = await lockPriority(trx, input.id);
    if (!before) throw fail('plans.priority.not_found');
    const projects = await projectsOfPriority(trx, input.id);
    if (projects.length > 0) throw fail('plans.priority.in_use', `Projects ${projects.join(', ')}.`);
    const needIds = await deletePriorityNeeds(trx, input.id);
    await deletePriorityRow(trx, input.id);
    await ctx.audit.write(trx, actor, {
      action: 'plans.priority.delete',
      entityType: 'plans.priority',
      entityId: String(input.id),
      unitCode: before.unit_code,
      before: {
        year: before.year,
        rank: before.rank,
        titleKm: before.title_km,
        sectorCode: before.sector_code,
        needIds,
      },
    });
  });
}
