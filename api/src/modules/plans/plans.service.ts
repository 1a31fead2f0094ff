/**
 * Development plans per SNA and mandate: vision, goals and indicators by sector, yearly
 * targets and the planning calendar. Drafted by the administration, reviewed, approved with a
 * council decision checked through the councils module's port. Every change is one
 * transaction with its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import type { DecisionMismatch } from '../councils/index.ts';
import { portDb, type PlansContext } from './plans.context.ts';
import { fail, type PlansErrorCode } from './plans.errors.ts';
import {
  findPlan,
  findPlanUnit,
  insertGoals,
  insertIndicator,
  insertPlan,
  insertSteps,
  isPlanYearTaken,
  lockPlan,
  selectFundSources,
  selectPlanParts,
  selectPlansOfUnit,
  selectSectors,
  updatePlan,
} from './plans.queries.ts';
import type {
  ApproveBody,
  CodeName,
  CreatePlanBody,
  Plan,
  PlanListQuery,
  PlanStatusBody,
} from './plans.schemas.ts';
import type { PlanRow, PlansDb } from './plans.tables.ts';

/** The kind of council decision that approves a development plan or an investment program (councils' data). */
export const APPROVE_PLAN = 'approve_plan';
export const MANAGE_PLANS = 'plans.plan.manage';

const codeName = (row: { code: string; name_km: string; name_en: string }): CodeName => ({
  code: row.code,
  nameKm: row.name_km,
  nameEn: row.name_en,
});

export async function listSectors(ctx: PlansContext): Promise<{ items: CodeName[] }> {
  return { items: (await selectSectors(ctx.db)).map(codeName) };
}

export async function listFundSources(ctx: PlansContext): Promise<{ items: CodeName[] }> {
  return { items: (await selectFundSources(ctx.db)).map(codeName) };
}

export async function checkSectors(db: PlansDb, codes: readonly string[]): Promise<void> {
  const known = new Set((await selectSectors(db)).map((row) => row.code));
  const unknown = codes.find((code) => !known.has(code));
  if (unknown !== undefined) throw fail('plans.sector.unknown', `Not a sector: ${unknown}.`);
}

/** A unit of today's tree that is an SNA (province, district or commune), else a stable code. */
export async function snaUnit(ctx: PlansContext, db: PlansDb, unitCode: string) {
  const unit = await ctx.ports.gazetteer.getCurrentUnit(portDb(db), unitCode);
  if (unit.level > 3) throw fail('plans.unit.not_sna');
  return unit;
}

/** Unit locator for the access check: the unit of the plan a path names. */
export async function unitOfPlan(db: PlansDb, id: number): Promise<string> {
  const unit = await findPlanUnit(db, id);
  if (unit === undefined) throw fail('plans.plan.not_found');
  return unit;
}

const MISMATCH: Record<DecisionMismatch, PlansErrorCode> = {
  not_found: 'plans.decision.not_found',
  wrong_unit: 'plans.decision.wrong_unit',
  wrong_organ: 'plans.decision.wrong_organ',
  wrong_kind: 'plans.decision.wrong_kind',
  not_passed: 'plans.decision.not_passed',
  after_date: 'plans.decision.after_approval',
};

/**
 * The council decision behind an approval, checked by the councils module: the unit's council,
 * kind approve_plan, passed, taken on or before the approval's date (today unless given; never
 * in the future). Returns the approval's date.
 */
export async function checkApproval(
  ctx: PlansContext,
  db: PlansDb,
  unitCode: string,
  body: ApproveBody,
): Promise<string> {
  const today = ctx.today();
  const date = body.date ?? today;
  if (date > today) throw fail('plans.decision.future_date');
  const check = await ctx.ports.councilDecisions.checkDecision(db, {
    decisionId: body.councilDecisionId,
    unitCode,
    organKind: 'council',
    kind: APPROVE_PLAN,
    onOrBefore: date,
  });
  if (!check.ok) {
    throw fail(
      MISMATCH[check.reason],
      check.decision ? `Decision ${check.decision.reference} of ${check.decision.date}.` : undefined,
    );
  }
  return date;
}

const auditedPlan = (row: PlanRow) => ({
  unitCode: row.unit_code,
  firstYear: row.first_year,
  lastYear: row.last_year,
  status: row.status,
  councilDecisionId: row.council_decision_id,
  approvedOn: row.approved_on,
});

async function planAnswer(db: PlansDb, row: PlanRow): Promise<Plan> {
  const parts = await selectPlanParts(db, row.id);
  return {
    id: row.id,
    unitCode: row.unit_code,
    firstYear: row.first_year,
    lastYear: row.last_year,
    visionKm: row.vision_km,
    visionEn: row.vision_en,
    status: row.status,
    councilDecisionId: row.council_decision_id === null ? null : Number(row.council_decision_id),
    approvedOn: row.approved_on,
    isExample: row.is_example,
    goals: parts.goals.map((goal) => ({
      id: Number(goal.id),
      sectorCode: goal.sector_code,
      textKm: goal.text_km,
      textEn: goal.text_en,
    })),
    indicators: parts.indicators.map((indicator) => ({
      id: Number(indicator.id),
      sectorCode: indicator.sector_code,
      nameKm: indicator.name_km,
      nameEn: indicator.name_en,
      measure: indicator.measure,
      baseline: Number(indicator.baseline),
      baselineYear: indicator.baseline_year,
      targets: parts.targets
        .filter((target) => Number(target.indicator_id) === Number(indicator.id))
        .map((target) => ({ year: target.year, target: Number(target.target) })),
    })),
    calendar: parts.steps.map((step) => ({
      id: Number(step.id),
      stepKm: step.step_km,
      stepEn: step.step_en,
      owner: step.owner,
      startDate: step.start_date,
      endDate: step.end_date,
    })),
  };
}

export async function getPlan(ctx: PlansContext, input: { id: number }): Promise<Plan> {
  const row = await findPlan(ctx.db, input.id);
  if (!row) throw fail('plans.plan.not_found');
  return planAnswer(ctx.db, row);
}

export async function listPlans(
  ctx: PlansContext,
  input: { unitCode: string; query: PlanListQuery },
): Promise<PageResult<Plan>> {
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), input.unitCode);
  const { rows, total } = await selectPlansOfUnit(ctx.db, input.unitCode, input.query);
  const items: Plan[] = [];
  for (const row of rows) items.push(await planAnswer(ctx.db, row));
  return { items, page: input.query.page, pageSize: input.query.pageSize, total };
}

export async function createPlan(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: CreatePlanBody; isExample?: boolean },
): Promise<Plan> {
  const { unitCode, body } = input;
  await snaUnit(ctx, ctx.db, unitCode);
  if (body.lastYear < body.firstYear || body.lastYear - body.firstYear > 9)
    throw fail('plans.plan.bad_years');
  await checkSectors(ctx.db, [
    ...body.goals.map((goal) => goal.sectorCode),
    ...body.indicators.map((indicator) => indicator.sectorCode),
  ]);
  for (const indicator of body.indicators) {
    if (indicator.baseline < 0 || indicator.targets.some((target) => target.target < 0)) {
      throw fail('plans.project.negative_amount', `Indicator ${indicator.nameKm}.`);
    }
    const years = indicator.targets.map((target) => target.year);
    if (
      years.some((year) => year < body.firstYear || year > body.lastYear) ||
      new Set(years).size !== years.length
    ) {
      throw fail('plans.plan.year_outside', `Indicator ${indicator.nameKm}.`);
    }
  }
  for (const step of body.calendar) {
    if (step.endDate < step.startDate) throw fail('plans.plan.bad_step_dates', step.stepKm);
  }
  return ctx.inTransaction(async (trx) => {
    if (await isPlanYearTaken(trx, unitCode, body.firstYear)) throw fail('plans.plan.duplicate');
    const row = await insertPlan(trx, {
      unit_code: unitCode,
      first_year: body.firstYear,
      last_year: body.lastYear,
      vision_km: body.visionKm,
      vision_en: body.visionEn ?? null,
      is_example: input.isExample ?? false,
    });
    await insertGoals(
      trx,
      body.goals.map((goal, index) => ({
        plan_id: row.id,
        sector_code: goal.sectorCode,
        text_km: goal.textKm,
        text_en: goal.textEn ?? null,
        sort_order: index + 1,
      })),
    );
    for (const [index, indicator] of body.indicators.entries()) {
      await insertIndicator(
        trx,
        {
          plan_id: row.id,
          sector_code: indicator.sectorCode,
          name_km: indicator.nameKm,
          name_en: indicator.nameEn ?? null,
          measure: indicator.measure,
          baseline: indicator.baseline,
          baseline_year: indicator.baselineYear,
          sort_order: index + 1,
        },
        indicator.targets,
      );
    }
    await insertSteps(
      trx,
      body.calendar.map((step, index) => ({
        plan_id: row.id,
        step_km: step.stepKm,
        step_en: step.stepEn ?? null,
        owner: step.owner,
        start_date: step.startDate,
        end_date: step.endDate,
        sort_order: index + 1,
      })),
    );
    await ctx.audit.write(trx, actor, {
      action: 'plans.plan.create',
      entityType: 'plans.plan',
      entityId: String(row.id),
      unitCode,
      after: { ...auditedPlan(row), goals: body.goals.length, indicators: body.indicators.length },
    });
    return planAnswer(trx, row);
  });
}

/** draft → reviewed (the board has reviewed it); reviewed → draft (sent back). Approval is its own action. */
export async function setPlanStatus(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: PlanStatusBody },
): Promise<Plan> {
  const to = input.body.status;
  return ctx.inTransaction(async (trx) => {
    const before = await lockPlan(trx, input.id);
    if (!before) throw fail('plans.plan.not_found');
    const allowed =
      (before.status === 'draft' && to === 'reviewed') || (before.status === 'reviewed' && to === 'draft');
    if (!allowed) throw fail('plans.plan.bad_transition', `From ${before.status} to ${to}.`);
    const after = await updatePlan(trx, input.id, { status: to === 'reviewed' ? 'reviewed' : 'draft' });
    await ctx.audit.write(trx, actor, {
      action: 'plans.plan.status',
      entityType: 'plans.plan',
      entityId: String(input.id),
      unitCode: after.unit_code,
      before: auditedPlan(before),
      after: auditedPlan(after),
    });
    return planAnswer(trx, after);
  });
}

export async function approvePlan(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: ApproveBody },
): Promise<Plan> {
  return ctx.inTransaction(async (trx) => {
    const before = await lockPlan(trx, input.id);
    if (!before) throw fail('plans.plan.not_found');
    if (before.status !== 'reviewed') throw fail('plans.plan.not_reviewed', `The plan is ${before.status}.`);
    const date = await checkApproval(ctx, trx, before.unit_code, input.body);
    const after = await updatePlan(trx, input.id, {
      status: 'approved',
      council_decision_id: input.body.councilDecisionId,
      approved_on: date,
    });
    await ctx.audit.write(trx, actor, {
      action: 'plans.plan.approve',
      entityType: 'plans.plan',
      entityId: String(input.id),
      unitCode: after.unit_code,
      before: auditedPlan(before),
      after: auditedPlan(after),
    });
    return planAnswer(trx, after);
  });
}
