/**
 * The establishment: positions per unit and organ, their state, and the approved establishment
 * per unit type and year. Every change is one transaction with its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { blankToNull, toPosition } from './hr.answers.ts';
import { snaUnit, type HrContext } from './hr.context.ts';
import { fail } from './hr.errors.ts';
import {
  findPosition,
  lockPosition,
  selectApprovedEstablishment,
  selectApprovedEstablishments,
  selectCategories,
  selectEstablishmentCounts,
  selectGrades,
  selectOccupants,
  selectPositionsPage,
  selectPositionWithStatus,
  updatePosition,
  upsertApprovedEstablishment,
  insertPosition,
  countOverlappingAssignments,
} from './hr.queries.ts';
import type {
  ApprovedEstablishment,
  ApprovedEstablishmentBody,
  Category,
  CreatePositionBody,
  EstablishmentSummary,
  Position,
  PositionListQuery,
  PositionStateBody,
} from './hr.schemas.ts';
import type { HrDb, PositionRow } from './hr.tables.ts';

export async function listCategories(ctx: HrContext): Promise<{ items: Category[] }> {
  const [categories, grades] = await Promise.all([selectCategories(ctx.db), selectGrades(ctx.db)]);
  return {
    items: categories.map((row) => ({
      code: row.code,
      kind: row.kind,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
      grades: grades
        .filter((grade) => grade.category_code === row.code)
        .map((grade) => ({ code: grade.code, nameKm: grade.name_km, nameEn: grade.name_en })),
    })),
  };
}

/** The category exists, and the grade (when given) belongs to it; returns the category's kind. */
export async function checkCategory(db: HrDb, categoryCode: string, gradeCode: string | null | undefined) {
  const [categories, grades] = await Promise.all([selectCategories(db), selectGrades(db)]);
  const category = categories.find((row) => row.code === categoryCode);
  if (category === undefined) throw fail('hr.category.unknown', `Not a category: ${categoryCode}.`);
  if (gradeCode !== null && gradeCode !== undefined) {
    const grade = grades.find((row) => row.code === gradeCode);
    if (grade === undefined || grade.category_code !== categoryCode)
      throw fail('hr.grade.unknown', `Not a grade of ${categoryCode}: ${gradeCode}.`);
  }
  return category;
}

/** Unit locator for the access check: the unit of the position a path names. */
export async function unitOfPosition(db: HrDb, id: number): Promise<string> {
  const row = await findPosition(db, id);
  if (row === undefined) throw fail('hr.position.not_found');
  return row.unit_code;
}

const auditedPosition = (row: PositionRow) => ({
  unitCode: row.unit_code,
  organ: row.organ,
  titleKm: row.title_km,
  titleEn: row.title_en,
  categoryCode: row.category_code,
  gradeCode: row.grade_code,
  level: row.level,
  functionCode: row.function_code,
  state: row.state,
  fundingSource: row.funding_source,
  maxOccupants: row.max_occupants,
});

export async function getPosition(ctx: HrContext, db: HrDb, id: number): Promise<Position> {
  const day = ctx.today();
  const row = await selectPositionWithStatus(db, id, day);
  if (row === undefined) throw fail('hr.position.not_found');
  return toPosition(row, await selectOccupants(db, [id], day));
}

export async function listPositions(
  ctx: HrContext,
  input: { unitCode: string; query: PositionListQuery },
): Promise<PageResult<Position>> {
  await snaUnit(ctx, ctx.db, input.unitCode);
  const day = ctx.today();
  const { rows, total } = await selectPositionsPage(ctx.db, {
    unitCode: input.unitCode,
    day,
    status: input.query.status,
    page: input.query.page,
    pageSize: input.query.pageSize,
  });
  const occupants = await selectOccupants(
    ctx.db,
    rows.map((row) => row.id),
    day,
  );
  return {
    items: rows.map((row) => toPosition(row, occupants)),
    page: input.query.page,
    pageSize: input.query.pageSize,
    total,
  };
}

export async function createPosition(
  ctx: HrContext,
  actor: Actor,
  input: { unitCode: string; body: CreatePositionBody; isExample?: boolean },
): Promise<Position> {
  const { body } = input;
  return ctx.inTransaction(async (trx) => {
    await snaUnit(ctx, trx, input.unitCode);
    await checkCategory(trx, body.categoryCode, body.gradeCode);
    const row = await insertPosition(trx, {
      unit_code: input.unitCode,
      organ: body.organ,
      title_km: body.titleKm,
      title_en: blankToNull(body.titleEn),
      category_code: body.categoryCode,
      grade_code: body.gradeCode ?? null,
      level: body.level,
      function_code: body.functionCode ?? null,
      funding_source: body.fundingSource,
      max_occupants: body.maxOccupants ?? 1,
      is_example: input.isExample ?? false,
    });
    await ctx.audit.write(trx, actor, {
      action: 'hr.position.create',
      entityType: 'hr.position',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: auditedPosition(row),
    });
    return getPosition(ctx, trx, row.id);
  });
}

/** Opens, freezes or closes a position; a position someone holds today cannot close. */
export async function setPositionState(
  ctx: HrContext,
  actor: Actor,
  input: { id: number; body: PositionStateBody },
): Promise<Position> {
  return ctx.inTransaction(async (trx) => {
    const before = await lockPosition(trx, input.id);
    if (before === undefined) throw fail('hr.position.not_found');
    const today = ctx.today();
    if (input.body.state === 'closed' && (await countOverlappingAssignments(trx, input.id, today, null)) > 0)
      throw fail('hr.position.still_occupied');
    const after = await updatePosition(trx, input.id, { state: input.body.state });
    await ctx.audit.write(trx, actor, {
      action: 'hr.position.state',
      entityType: 'hr.position',
      entityId: String(after.id),
      unitCode: after.unit_code,
      before: { state: before.state },
      after: { state: after.state },
    });
    return getPosition(ctx, trx, after.id);
  });
}

/** The establishment's figures for a unit this year, against the approved establishment of its type. */
export async function establishmentSummary(ctx: HrContext, unitCode: string): Promise<EstablishmentSummary> {
  const unit = await snaUnit(ctx, ctx.db, unitCode);
  const day = ctx.today();
  const year = Number(day.slice(0, 4));
  const [counts, approved] = await Promise.all([
    selectEstablishmentCounts(ctx.db, unitCode, day),
    selectApprovedEstablishment(ctx.db, unit.typeCode, year),
  ]);
  const of = (status: string) => counts.byStatus.find((row) => row.status === status)?.n ?? 0;
  const sex = (value: string) => counts.bySex.find((row) => row.sex === value)?.n ?? 0;
  return {
    unitCode,
    unitTypeCode: unit.typeCode,
    year,
    approved: approved?.approved_count ?? null,
    positions: of('vacant') + of('occupied') + of('frozen'),
    occupied: of('occupied'),
    vacant: of('vacant'),
    frozen: of('frozen'),
    staffFemale: sex('female'),
    staffMale: sex('male'),
  };
}

const toApproved = (row: {
  unit_type_code: string;
  year: number;
  approved_count: number;
  source: string | null;
  is_example: boolean;
}): ApprovedEstablishment => ({
  unitTypeCode: row.unit_type_code,
  year: row.year,
  approvedCount: row.approved_count,
  source: row.source,
  isExample: row.is_example,
});

export async function listApprovedEstablishments(
  ctx: HrContext,
  year: number | undefined,
): Promise<{ items: ApprovedEstablishment[] }> {
  return { items: (await selectApprovedEstablishments(ctx.db, year)).map(toApproved) };
}

export async function setApprovedEstablishment(
  ctx: HrContext,
  actor: Actor,
  input: { unitTypeCode: string; year: number; body: ApprovedEstablishmentBody; isExample?: boolean },
): Promise<ApprovedEstablishment> {
  return ctx.inTransaction(async (trx) => {
    const before = await selectApprovedEstablishment(trx, input.unitTypeCode, input.year);
    const row = await upsertApprovedEstablishment(trx, {
      unit_type_code: input.unitTypeCode,
      year: input.year,
      approved_count: input.body.approvedCount,
      source: blankToNull(input.body.source),
      is_example: input.isExample ?? false,
    });
    await ctx.audit.write(trx, actor, {
      action: 'hr.establishment.set',
      entityType: 'hr.establishment',
      entityId: `${row.unit_type_code}/${row.year}`,
      before: before ? toApproved(before) : null,
      after: toApproved(row),
    });
    return toApproved(row);
  });
}
