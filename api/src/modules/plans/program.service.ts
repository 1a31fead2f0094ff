/**
 * The 3-year rolling investment program of an SNA: its window of years, its totals by year
 * and fund source (its own projects and those of its subtree), its approval by the council,
 * and the yearly roll: unfinished projects carry (their cost of the year that leaves the
 * window moves into the new first year), one action per SNA, audited. The national roll does
 * the same for every program at once, set-based, with one audit record per SNA.
 */
import type { Actor } from '../../platform/actor.ts';
import { portDb, type PlansContext } from './plans.context.ts';
import { fail } from './plans.errors.ts';
import {
  approveProgramRow,
  findProgram,
  lockProgram,
  rollPrograms,
  selectProgramTotals,
  selectRollUp,
} from './projects.queries.ts';
import { checkApproval, snaUnit } from './plans.service.ts';
import type { ApproveBody, Program, RollBody, RollResult } from './plans.schemas.ts';
import type { PlansDb } from './plans.tables.ts';

const windowOf = (first: number) => [first, first + 1, first + 2];

async function programAnswer(ctx: PlansContext, db: PlansDb, unitCode: string): Promise<Program> {
  const row = await findProgram(db, unitCode);
  if (!row) {
    return { unitCode, firstYear: null, years: [], councilDecisionId: null, approvedOn: null, totals: [] };
  }
  const years = windowOf(row.first_year);
  const totals = await selectProgramTotals(db, ctx.ports.gazetteer.subtreeCodesQuery(db, [unitCode]), years);
  return {
    unitCode,
    firstYear: row.first_year,
    years,
    councilDecisionId: row.council_decision_id,
    approvedOn: row.approved_on,
    totals: totals.map((total) => ({
      year: total.year,
      fundSource: total.fund_source_code,
      amount: Number(total.amount),
    })),
  };
}

export async function getProgram(ctx: PlansContext, input: { unitCode: string }): Promise<Program> {
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), input.unitCode);
  return programAnswer(ctx, ctx.db, input.unitCode);
}

export async function approveProgram(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: ApproveBody },
): Promise<Program> {
  const { unitCode } = input;
  await snaUnit(ctx, ctx.db, unitCode);
  return ctx.inTransaction(async (trx) => {
    const before = await lockProgram(trx, unitCode);
    if (!before) throw fail('plans.program.no_program');
    if (before.council_decision_id !== null) throw fail('plans.program.already_approved');
    const date = await checkApproval(ctx, trx, unitCode, input.body);
    const after = await approveProgramRow(trx, unitCode, input.body.councilDecisionId, date);
    await ctx.audit.write(trx, actor, {
      action: 'plans.program.approve',
      entityType: 'plans.program',
      entityId: unitCode,
      unitCode,
      before: { firstYear: before.first_year, councilDecisionId: null },
      after: {
        firstYear: after.first_year,
        councilDecisionId: after.council_decision_id,
        approvedOn: after.approved_on,
      },
    });
    return programAnswer(ctx, trx, unitCode);
  });
}

/** Rolls one SNA's program from `fromYear` (its current first year) to the next year. */
export async function rollProgram(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: RollBody },
): Promise<RollResult> {
  const { unitCode, body } = input;
  await snaUnit(ctx, ctx.db, unitCode);
  return ctx.inTransaction(async (trx) => {
    const program = await lockProgram(trx, unitCode);
    if (!program) throw fail('plans.program.no_program');
    if (program.first_year !== body.fromYear) {
      throw fail('plans.program.stale_roll', `The program starts in ${program.first_year}.`);
    }
    const [rolled] = await rollPrograms(trx, body.fromYear, [unitCode]);
    const result = {
      unitCode,
      fromYear: body.fromYear,
      toYear: body.fromYear + 1,
      carried: rolled?.carried ?? 0,
    };
    await ctx.audit.write(trx, actor, {
      action: 'plans.program.roll',
      entityType: 'plans.program',
      entityId: unitCode,
      unitCode,
      before: { firstYear: body.fromYear, councilDecisionId: program.council_decision_id },
      after: { firstYear: result.toYear, carried: result.carried },
    });
    return result;
  });
}

/**
 * Rolls every program that starts in `fromYear` to the next year in one transaction (the
 * national roll; a command-line or benchmark action, no route): one audit record per SNA.
 */
export async function rollNationalProgram(
  ctx: PlansContext,
  actor: Actor,
  input: { fromYear: number },
): Promise<{ programs: number; carried: number }> {
  return ctx.inTransaction(async (trx) => {
    const rolled = await rollPrograms(trx, input.fromYear, 'all');
    await ctx.audit.writeMany(
      trx,
      actor,
      rolled.map((row) => ({
        action: 'plans.program.roll',
        entityType: 'plans.program',
        entityId: row.unit_code,
        unitCode: row.unit_code,
        before: { firstYear: input.fromYear },
        after: { firstYear: input.fromYear + 1, carried: row.carried },
      })),
    );
    return { programs: rolled.length, carried: rolled.reduce((sum, row) => sum + row.carried, 0) };
  });
}

/** Amounts by sector and fund source of one year, for the country or a subtree. */
export async function rollUp(ctx: PlansContext, input: { year: number; unitCode?: string }) {
  const within =
    input.unitCode === undefined
      ? undefined
      : ctx.ports.gazetteer.subtreeCodesQuery(ctx.db, [input.unitCode]);
  const rows = await selectRollUp(ctx.db, input.year, within);
  return rows.map((row) => ({
    sectorCode: row.sector_code,
    fundSource: row.fund_source_code,
    amount: Number(row.amount),
    projects: row.projects,
  }));
}
