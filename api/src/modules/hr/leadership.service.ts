/**
 * Women in leadership: holders of positions by sex, grade and position level (with age group
 * and disability), for the nation by province or for one unit's subtree, against the year's
 * target (38% unless set), with the council members in office by sex from the councils port.
 */
import type { Actor } from '../../platform/actor.ts';
import { blankToNull } from './hr.answers.ts';
import { portDb, snaUnit, type HrContext } from './hr.context.ts';
import { fail } from './hr.errors.ts';
import { selectStaffFigures, selectTarget, selectTargets, upsertTarget } from './hr.queries.ts';
import type { Leadership, LeadershipQuery, LeadershipTarget, LeadershipTargetBody } from './hr.schemas.ts';
import { DEFAULT_TARGET_PERCENT, summarise } from './leadership.ts';

/** The day counted for a year: today for this year (or a later one), 31 December for a past one. */
const dayOf = (year: number, today: string) => (year >= Number(today.slice(0, 4)) ? today : `${year}-12-31`);

export async function leadershipRollUp(ctx: HrContext, query: LeadershipQuery): Promise<Leadership> {
  const today = ctx.today();
  const year = query.year ?? Number(today.slice(0, 4));
  const day = dayOf(year, today);
  const db = ctx.db;
  const gazetteer = ctx.ports.gazetteer;
  const groups =
    query.unit === undefined
      ? (await gazetteer.currentUnits(portDb(db), { levels: [1] })).map((unit) => ({
          code: unit.code,
          nameKm: unit.nameKm,
          nameLatin: unit.nameLatin,
        }))
      : [await snaUnit(ctx, db, query.unit)].map((unit) => ({
          code: unit.code,
          nameKm: unit.nameKm,
          nameLatin: unit.nameLatin,
        }));
  const within = (code: string) => gazetteer.subtreeCodesQuery(portDb(db), [code]);
  // Each unit of each group's subtree, with its group: one small indexed read per group.
  const subtrees = await Promise.all(
    groups.map(async (group) => ({ group, rows: await within(group.code).execute() })),
  );
  const groupOf = {
    unitCodes: subtrees.flatMap((subtree) => subtree.rows.map((row) => row.descendant_code)),
    groupCodes: subtrees.flatMap((subtree) => subtree.rows.map(() => subtree.group.code)),
  };
  const [figures, target, councils] = await Promise.all([
    selectStaffFigures(db, groupOf, day),
    selectTarget(db, year),
    ctx.ports.councilSeats.councilMembersBySex(
      db,
      query.unit === undefined ? gazetteer.unitCodesOfLevelsQuery(portDb(db), [1, 2, 3]) : within(query.unit),
      day,
    ),
  ]);
  const summary = summarise(figures);
  return {
    scopeCode: query.unit ?? null,
    year,
    day,
    targetPercent: target ? Number(target.target_percent) : DEFAULT_TARGET_PERCENT,
    targetIsDefault: target === undefined,
    totals: summary.totals,
    leadership: summary.leadership,
    rows: groups.map((group) => ({
      unitCode: group.code,
      nameKm: group.nameKm,
      nameLatin: group.nameLatin,
      ...summary.group(group.code),
    })),
    byLevel: summary.byLevel,
    byGrade: summary.byGrade,
    byAgeGroup: summary.byAgeGroup,
    byDisability: summary.byDisability,
    councilMembers: councils,
  };
}

const toTarget = (row: {
  year: number;
  target_percent: string;
  source: string | null;
}): LeadershipTarget => ({
  year: row.year,
  targetPercent: Number(row.target_percent),
  source: row.source,
});

export async function listTargets(ctx: HrContext): Promise<{ items: LeadershipTarget[] }> {
  return { items: (await selectTargets(ctx.db)).map(toTarget) };
}

export async function setTarget(
  ctx: HrContext,
  actor: Actor,
  input: { year: number; body: LeadershipTargetBody },
): Promise<LeadershipTarget> {
  const { targetPercent } = input.body;
  if (!(targetPercent >= 0 && targetPercent <= 100)) throw fail('hr.target.bad_value');
  return ctx.inTransaction(async (trx) => {
    const before = await selectTarget(trx, input.year);
    const row = await upsertTarget(
      trx,
      input.year,
      Math.round(targetPercent * 100) / 100,
      blankToNull(input.body.source),
    );
    await ctx.audit.write(trx, actor, {
      action: 'hr.target.set',
      entityType: 'hr.leadership_target',
      entityId: String(row.year),
      before: before ? toTarget(before) : null,
      after: toTarget(row),
    });
    return toTarget(row);
  });
}
