/**
 * Budgets, on a desktop and on a phone: a visitor opens sangkat Kaeb (230201)'s 2026 budget and
 * sees its approved lines (as many as the API gives) and its council's decision; the report
 * page shows the API's totals and draws the budget-against-actual chart. The commune clerk
 * opens a budget for a later year (one per viewport, so that they do not collide), adds a
 * line, is refused approval without the council's decision (the Khmer message of the stable
 * code shows), records the decision and approves, adjusts the line's amount with a reason (a
 * second version) and records the first quarter's actuals (executed), each checked in the API.
 * The national officer checks a BOOST file with problems: the page lists the API's problems, in
 * Khmer, and offers nothing to apply. The budget page has no serious accessibility
 * problem, and nothing breaks the server's CSP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import {
  accessibilityReport,
  apiSignIn,
  getJson,
  kmCatalogue,
  pagePerTest,
  signInThrough,
  startJourney,
} from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { BudgetsPage, rielFrom } from './pages/budgets.page.ts';

const UNIT = '230201';
const YEAR = 2026;
/** The clerk's new budget: a later year per viewport. */
const NEW_YEAR = { desktop: 2031, phone: 2032 } as const;

const kmText = kmCatalogue('web/src/modules/budgets/locales/km.json');

interface Figures {
  budget: number;
  actual: number;
}
interface BudgetAnswer {
  phase: string;
  councilDecision: { number: string; date: string; decisionId: number | null } | null;
  lines: { id: number; amount: number; actuals: { q1: number } }[];
}
interface ReportAnswer {
  revenue: Figures;
  expenditure: Figures;
}

const journey = startJourney();

const apiGet = <T>(path: string) => getJson<T>(journey.baseUrl, path);

/** A dry run of a BOOST file through the API, as the national officer. */
async function boostDryRun(
  csv: string,
): Promise<{ rows: number; problems: { row: number; code: string }[] }> {
  const officer = await apiSignIn(journey.baseUrl, 'officer@sndd.example');
  const response = await fetch(`${journey.baseUrl}/api/budgets/imports?dryRun=true`, {
    method: 'POST',
    headers: {
      ...officer.headers,
      'content-type': 'text/csv',
      'x-file-name': 'with-problems.csv',
    },
    body: csv,
  });
  if (!response.ok) throw new Error(`BOOST dry run: ${response.status} ${await response.text()}`);
  return (await response.json()) as { rows: number; problems: { row: number; code: string }[] };
}

describe.each(VIEWPORTS)('budgets journey on $name', ({ name, ...device }) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it('shows a visitor the published 2026 budget of sangkat Kaeb with its council decision', async () => {
    const expected = await apiGet<BudgetAnswer>(`/api/budgets/units/${UNIT}/years/${YEAR}`);
    expect(expected.phase).not.toBe('proposed');
    const budgets = new BudgetsPage(page, journey.baseUrl);
    await budgets.gotoBudget(UNIT, YEAR);
    expect(await budgets.phase()).toBe(expected.phase);
    await budgets.lineRows().first().waitFor();
    expect(await budgets.lineRows().count()).toBe(expected.lines.length);
    expect(await budgets.field('council-decision').textContent()).toContain(expected.councilDecision?.number);
    // axe on the budget page with its lines.
    const problems = await budgets.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
    // A proposed budget is not shown to the public: the page says there is no published one.
    await budgets.gotoBudget('230202', YEAR);
    expect(await page.locator('main .no-budget h2').textContent()).toBe(kmText('budgets.none.title'));
  });

  it('shows the report with the API’s totals and draws the chart', async () => {
    const expected = await apiGet<ReportAnswer>(
      `/api/budgets/units/${UNIT}/years/${YEAR}/report?rollup=true`,
    );
    const budgets = new BudgetsPage(page, journey.baseUrl);
    await budgets.gotoReport(UNIT, YEAR);
    const read = async (field: string) => rielFrom((await budgets.field(field).textContent()) ?? '');
    expect(await read('revenue-budget')).toBe(expected.revenue.budget);
    expect(await read('revenue-actual')).toBe(expected.revenue.actual);
    expect(await read('expenditure-budget')).toBe(expected.expenditure.budget);
    expect(await read('expenditure-actual')).toBe(expected.expenditure.actual);
    await budgets.chartBars().first().waitFor();
    expect(await budgets.chartBars().count()).toBeGreaterThan(2);
    expect(Number(await budgets.chartBars().first().getAttribute('width'))).toBeGreaterThan(0);
  });

  it('lets the commune clerk open a budget, add a line and approve it only after the council’s decision', async () => {
    const year = NEW_YEAR[name];
    await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/budgets/${UNIT}/${year}`);
    const budgets = new BudgetsPage(page, journey.baseUrl);
    await page.locator('main button.create-budget').click();
    await budgets.waitForPhase('proposed');

    await budgets.addLine({
      direction: 'revenue',
      economic: '71',
      fund: 'own_source',
      km: 'កម្រៃសេវារដ្ឋបាល (សាកល្បង)',
      amount: '12,500,000',
    });
    await budgets.lineRows().first().waitFor();
    expect(
      rielFrom((await budgets.lineRows().first().locator('[data-field="amount"]').textContent()) ?? ''),
    ).toBe(12_500_000);

    await budgets.approve();
    const alert = page.locator('main .budget-decision > [role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(
      kmText('errors.budgets.budget.council_decision_missing'),
    );
    expect(await budgets.phase()).toBe('proposed');

    await budgets.recordDecision('០៣/២០៣១ សាកល្បង', '2025-12-20');
    await budgets.approve();
    await budgets.waitForPhase('approved');
    const stored = await apiGet<BudgetAnswer>(`/api/budgets/units/${UNIT}/years/${year}`);
    expect(stored.phase).toBe('approved');
    expect(stored.councilDecision).toEqual({
      number: '០៣/២០៣១ សាកល្បង',
      date: '2025-12-20',
      decisionId: null,
    });
    expect(stored.lines).toHaveLength(1);

    // An adjustment: a new version with its reason; the original stays listed.
    await budgets.adjust('ការកែសម្រួលពាក់កណ្ដាលឆ្នាំ (សាកល្បង)', ['13,000,000']);
    await budgets.waitForPhase('adjusted');
    await budgets.versionItems().nth(1).waitFor();
    expect(await budgets.versionItems().count()).toBe(2);
    const adjusted = await apiGet<BudgetAnswer>(`/api/budgets/units/${UNIT}/years/${year}`);
    expect(adjusted.phase).toBe('adjusted');
    expect(adjusted.lines.map((line) => line.amount)).toEqual([13_000_000]);

    // Actuals of the first quarter, recorded under the line: the budget is then executed.
    await budgets.recordActuals(budgets.lineRows().first(), { q1: '3,250,000' });
    await budgets.waitForPhase('executed');
    expect(
      rielFrom((await budgets.lineRows().first().locator('[data-field="actual"]').textContent()) ?? ''),
    ).toBe(3_250_000);
    const executed = await apiGet<BudgetAnswer>(`/api/budgets/units/${UNIT}/years/${year}`);
    expect(executed.phase).toBe('executed');
    expect(executed.lines.map((line) => line.actuals.q1)).toEqual([3_250_000]);
  });

  it('lets the national officer check a BOOST file and see each problem in Khmer, as the API finds them', async () => {
    const csv = readFileSync(
      join(repoRoot, 'api/src/modules/budgets/fixtures/boost-with-problems.csv'),
      'utf8',
    );
    const expected = await boostDryRun(csv);
    expect(expected.problems.length).toBeGreaterThan(3);
    await signInThrough(page, journey.baseUrl, 'officer@sndd.example', '/open-data');
    const form = page.locator('main form.boost-form');
    await form.locator('input[name="file"]').setInputFiles({
      name: 'with-problems.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await form.locator('button[type="submit"]').click();
    const rows = page.locator('main table.boost-problems tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(
      expected.problems.map((problem) => problem.code),
    );
    // The first problem reads as its code's Khmer message; nothing can be applied.
    expect((await rows.first().locator('td').last().textContent())?.trim()).toBe(
      kmText(`errors.${expected.problems[0]!.code}`),
    );
    await page.locator('main .boost-import .field-error').waitFor();
    expect(await page.locator('main .boost-import .import-actions').count()).toBe(0);
  });
});
