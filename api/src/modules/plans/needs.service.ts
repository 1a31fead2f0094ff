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

export async function createNeed(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: CreateNeedBody; isExample?: boolean },
): Promise<Need> {
  const { unitCode, body } = input;
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
  const needIds = [...new Set(body.needIds)];
  if (needIds.length === 0) throw fail('plans.priority.no_needs');
  return ctx.inTransaction(async (trx) => {
    const needs = await selectNeedsByIds(trx, needIds);
    // A commune's own needs; a district's priorities may merge the needs of its communes.
    for (const id of needIds) {
      const need = needs.find((row) => row.id === id);
      if (!need || !(await ctx.ports.gazetteer.isUnitWithin(trx, need.unit_code, unitCode))) {
        throw fail('plans.priority.need_outside', `Need ${id}.`);
      }
    }
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
