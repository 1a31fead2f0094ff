/**
 * Every approval points to a decision (#15 item 4), on a real database: the picker's list (the
 * passed approve_budget decisions of the unit's council, dated on or before the day), a budget
 * approved with one keeps its id and shows it, and the bad inputs of the issue (a decision of
 * another organ or unit, of another kind, failed, dated after the approval) each answer their
 * stable code with nothing written. A typed number stays a legacy reference (no id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { checkDecision } from './decisions.service.ts';
import { call, convene, holdWith, makeOrgan, problem } from './councils.test-bed.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let admin: Client;

const agenda = [{ titleKm: 'ថវិកា', titleEn: 'Budget' }];
const DAY = '2026-11-12';

/** An organ of 230201 with three members, a held meeting on DAY with all present, and its decisions. */
async function organWithDecisions(kind: string, decisions: { kind: string; for: number }[]) {
  const roles = kind === 'council' ? ['chief', 'deputy', 'member'] : ['head', 'deputy', 'member'];
  const organ = await makeOrgan(admin, '230201', roles, kind);
  const meeting = await convene(admin, organ.organId, DAY, { place: 'Hall', agenda });
  await holdWith(admin, meeting, organ.members);
  const ids: number[] = [];
  for (const decision of decisions) {
    ids.push(
      (
        await call<{ id: number }>(
          admin,
          'POST',
          `/api/councils/meetings/${meeting}/decisions`,
          {
            kind: decision.kind,
            titleKm: 'អនុម័តថវិកា',
            titleEn: 'Approve the budget',
            tally: { for: decision.for, against: 3 - decision.for, abstain: 0 },
          },
          201,
        )
      ).id,
    );
  }
  return ids;
}

let council: number[];
let committee: number[];

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  // passed, failed, passed but of kind "other"
  council = await organWithDecisions('council', [
    { kind: 'approve_budget', for: 3 },
    { kind: 'approve_budget', for: 1 },
    { kind: 'other', for: 3 },
  ]);
  committee = await organWithDecisions('committee', [{ kind: 'approve_budget', for: 3 }]);
}, 300_000);
afterAll(async () => t.close());

describe('approving a budget picks a decision', () => {
  it('lists for the picker the passed budget decisions of the unit’s council up to the day', async () => {
    const page = await call<{ items: { id: number; organKind: string; passed: boolean }[]; total: number }>(
      anon,
      'GET',
      `/api/councils/decisions?unit=230201&organKind=council&kind=approve_budget&passed=true&to=${DAY}`,
    );
    expect(page.items.map((item) => item.id)).toContain(council[0]);
    expect(page.items.map((item) => item.id)).not.toContain(council[1]);
    expect(page.items.map((item) => item.id)).not.toContain(committee[0]);
    expect(page.items.every((item) => item.organKind === 'council' && item.passed)).toBe(true);
    const before = await call<{ total: number }>(
      anon,
      'GET',
      `/api/councils/decisions?unit=230201&organKind=council&kind=approve_budget&passed=true&to=2026-11-11`,
    );
    expect(before.total).toBe(0);
  });

  it('refuses a decision of another organ, of another kind, failed or unknown; nothing written', async () => {
    const budget = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/budgets/units/230201/years/2032',
      undefined,
      201,
    );
    await call(
      clerk,
      'POST',
      `/api/budgets/${budget.id}/lines`,
      { economicCode: '71', fundSourceCode: 'own_source', amount: 500_000, descriptionEn: 'Fees' },
      201,
    );
    const approve = (councilDecisionId: number) =>
      problem(clerk, 'POST', `/api/budgets/${budget.id}/approve`, { councilDecisionId });
    expect(await approve(committee[0]!)).toEqual({
      status: 409,
      code: 'budgets.council_decision.wrong_organ',
    });
    expect(await approve(council[1]!)).toEqual({ status: 409, code: 'budgets.council_decision.not_passed' });
    expect(await approve(council[2]!)).toEqual({ status: 409, code: 'budgets.council_decision.wrong_kind' });
    expect(await approve(123_456_789)).toEqual({ status: 400, code: 'budgets.council_decision.not_found' });
    const still = await call<{ phase: string; councilDecision: unknown }>(
      clerk,
      'GET',
      '/api/budgets/units/230201/years/2032',
    );
    expect(still).toMatchObject({ phase: 'proposed', councilDecision: null });
    const audited = await t.db.kysely
      .selectFrom('audit_record')
      .select('action')
      .where('entity_type', '=', 'budgets.budget')
      .where('entity_id', '=', String(budget.id))
      .where('action', '=', 'budgets.budget.approve')
      .execute();
    expect(audited).toHaveLength(0);

    const approved = await call<{
      phase: string;
      councilDecision: { decisionId: number | null; number: string };
    }>(clerk, 'POST', `/api/budgets/${budget.id}/approve`, { councilDecisionId: council[0] });
    expect(approved.phase).toBe('approved');
    expect(approved.councilDecision).toEqual({ number: '1/2026', date: DAY, decisionId: council[0] });
    // Shown to everyone on the budget's page.
    const read = await call<{ councilDecision: { decisionId: number | null } }>(
      anon,
      'GET',
      '/api/budgets/units/230201/years/2032',
    );
    expect(read.councilDecision.decisionId).toBe(council[0]);
  });

  it('refuses a decision of another unit, and one dated after the approval (the one shared check)', async () => {
    const ok = { unitCode: '230201', organKind: 'council', kind: 'approve_budget', onOrBefore: DAY };
    expect(await checkDecision(t.db.kysely, { ...ok, decisionId: council[0]! })).toMatchObject({ ok: true });
    expect(
      await checkDecision(t.db.kysely, { ...ok, unitCode: '230202', decisionId: council[0]! }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong_unit',
    });
    expect(
      await checkDecision(t.db.kysely, { ...ok, onOrBefore: '2026-11-11', decisionId: council[0]! }),
    ).toMatchObject({ ok: false, reason: 'after_date', decision: { date: DAY } });
  });

  it('keeps a typed number as a legacy reference, without a decision id', async () => {
    const budget = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/budgets/units/230201/years/2033',
      undefined,
      201,
    );
    await call(
      clerk,
      'POST',
      `/api/budgets/${budget.id}/lines`,
      { economicCode: '71', fundSourceCode: 'own_source', amount: 500_000, descriptionEn: 'Fees' },
      201,
    );
    const approved = await call<{ councilDecision: { decisionId: number | null; number: string } }>(
      clerk,
      'POST',
      `/api/budgets/${budget.id}/approve`,
      { councilDecisionNumber: '០៧/២០២៦', councilDecisionDate: '2026-11-01' },
    );
    expect(approved.councilDecision).toEqual({ number: '០៧/២០២៦', date: '2026-11-01', decisionId: null });
  });

  it('searches the public register in Khmer and English, with the unit and dates', async () => {
    const search = (q: string, extra = '') =>
      call<{ items: { id: number }[]; total: number }>(
        anon,
        'GET',
        `/api/councils/decisions?unit=230201&q=${encodeURIComponent(q)}${extra}`,
      );
    expect((await search('APPROVE budget')).total).toBe(4);
    expect((await search('អនុម័តថវិកា')).total).toBe(4);
    expect((await search('budget', `&organ=0`.replace('0', '999999'))).total).toBe(0);
    expect((await search('budget', '&to=2026-11-11')).total).toBe(0);
    expect((await search('100%_')).total).toBe(0);
    expect((await search('nothing-like-this')).total).toBe(0);
  });
});
