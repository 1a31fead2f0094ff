/**
 * Transfers, on a desktop and on a phone: a visitor opens /transfers, sees the published 2025
 * supplementary commune fund allocation, opens it and finds Kep's five communes and sangkats
 * whose amounts (read from the page) add up to the pool shown, which is the API's; opens a
 * sangkat's explanation part by part and sees the Lorenz curve. The profile of sangkat 230201
 * shows its transfer. A national officer moves weight to population in a scenario (the form
 * refuses shares that do not total 100) and sees gainers and losers as the API counts them; a
 * correction he prepares cannot be approved by himself (the stable code's message shows). The
 * allocation page has no serious accessibility problem, and nothing breaks the server's CSP.
 */
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
import { rielFrom, TransfersPage } from './pages/transfers.page.ts';

const PROGRAM = 'supplementary-commune-fund';
const YEAR = 2025;

const kmText = kmCatalogue('web/src/modules/transfers/locales/km.json');
// Texts every module shares (the example badge) are in the main catalogue.
const sharedKmText = kmCatalogue('web/src/locales/km.json');

interface AllocationAnswer {
  id: number;
  formulaId: number;
  pool: number;
  programNameKm: string;
  status: string;
  summary: { totals: { eligibleUnits: number } };
}
interface LineAnswer {
  unitCode: string;
  amount: number;
}

const journey = startJourney();

const apiGet = <T>(path: string, headers: Record<string, string> = {}) =>
  getJson<T>(journey.baseUrl, path, headers);

/** The published allocation of the demo, as the API gives it to anyone. */
async function publishedAllocation(): Promise<AllocationAnswer> {
  const list = await apiGet<{ items: AllocationAnswer[] }>(
    `/api/transfers/allocations?programCode=${PROGRAM}&fiscalYear=${YEAR}&page=1&pageSize=10`,
  );
  const allocation = list.items.find((item) => item.status === 'published');
  if (!allocation) throw new Error('the demo data has no published 2025 supplementary commune fund');
  return allocation;
}

/** Signs in through the API (cookie and CSRF token), for comparisons with what the page shows. */
async function signedInApi(login: string) {
  const session = await apiSignIn(journey.baseUrl, login);
  return <T>(path: string, payload: unknown): Promise<T> => session.send<T>('POST', path, payload);
}

describe.each(VIEWPORTS)('transfers journey on $name', (device) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it('shows the published allocation, its units adding up to the pool, an explanation and the Lorenz curve', async () => {
    const expected = await publishedAllocation();
    // Every eligible commune of the country shares the pool: the lines, page by page, add up to it.
    let allLines = 0;
    let sum = 0;
    for (let at = 1; ; at += 1) {
      const part = await apiGet<{ items: LineAnswer[]; total: number }>(
        `/api/transfers/allocations/${expected.id}/lines?page=${at}&pageSize=100&sort=code`,
      );
      allLines += part.items.length;
      sum += part.items.reduce((total, line) => total + line.amount, 0);
      if (part.items.length === 0 || allLines >= part.total) break;
    }
    expect(allLines).toBeGreaterThan(1000);
    expect(sum).toBe(expected.pool);
    // The page shows Kep's sangkats when asked for the province.
    const lines = await apiGet<{ items: LineAnswer[]; total: number }>(
      `/api/transfers/allocations/${expected.id}/lines?page=1&pageSize=100&sort=code&within=23`,
    );
    const transfers = new TransfersPage(page, journey.baseUrl);
    await transfers.gotoList();
    const row = transfers.allocationRow(PROGRAM, YEAR);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('published');

    const id = await transfers.openAllocation(PROGRAM, YEAR);
    expect(id).toBe(expected.id);
    expect(await transfers.heading().textContent()).toContain(expected.programNameKm);
    // The base of the demo formula is not official: the page says so.
    await page.locator('main .pool-amount .example-badge').waitFor();
    expect(await page.locator('main .pool-amount .example-badge').textContent()).toBe(
      sharedKmText('example.badge'),
    );

    const pool = await transfers.pool();
    expect(pool).toBe(expected.pool);
    await transfers.linesWithin('23', lines.items.length);
    expect(await transfers.lineCodes()).toEqual(lines.items.map((line) => line.unitCode));
    const amounts = await transfers.lineAmounts();
    expect(amounts).toHaveLength(5);
    expect(amounts).toEqual(lines.items.map((line) => line.amount));

    // Sangkat Kaeb's amount, part by part: four components, adding up to its amount.
    const index = lines.items.findIndex((line) => line.unitCode === '230201');
    const explanation = await transfers.explain('230201');
    expect(explanation.parts).toHaveLength(4);
    expect(explanation.parts.reduce((sum, part) => sum + part, 0)).toBe(explanation.total);
    expect(explanation.total).toBe(amounts[index]);

    const curve = transfers.lorenzCurve();
    await curve.first().waitFor();
    expect(await curve.first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await page.locator('main figure.lorenz svg title').textContent()).toBe(
      kmText('transfers.lorenz.title'),
    );
  });

  it('shows the transfer on the profile of sangkat 230201', async () => {
    const expected = await publishedAllocation();
    const published = await apiGet<{ items: { allocationId: number; amount: number }[] }>(
      '/api/transfers/units/230201/published',
    );
    const mine = published.items.find((item) => item.allocationId === expected.id);
    expect(mine).toBeDefined();
    await page.goto(`${journey.baseUrl}/units/230201`, { waitUntil: 'load' });
    const row = page.locator(`main .unit-transfers tr[data-allocation="${expected.id}"]`);
    await row.waitFor();
    expect(rielFrom((await row.locator('[data-field="amount"]').textContent()) ?? '')).toBe(mine?.amount);
    await row.locator('a').click();
    await page.waitForURL((url) => url.pathname === `/transfers/allocations/${expected.id}`);
  });

  it('lets a national officer move weight to population and see who gains and who loses', async () => {
    await signInThrough(page, journey.baseUrl, 'officer@sndd.example', '/transfers/scenario');
    const transfers = new TransfersPage(page, journey.baseUrl);
    await page.locator('main form.scenario-form').waitFor();

    // 20 + 30 + 30 + 10 is not 100: the form says so at once and will not run.
    await transfers.setShare('equal', '20');
    await page.locator('main form.scenario-form .total-note[data-ok="false"]').first().waitFor();
    expect(await transfers.runButton().isDisabled()).toBe(true);
    await transfers.setShare('population', '40');
    await page
      .locator('main form.scenario-form > fieldset:first-of-type > .total-note[data-ok="true"]')
      .waitFor();
    expect(await transfers.runButton().isDisabled()).toBe(false);

    const shown = await transfers.runScenario();
    expect(shown.gainers).toBeGreaterThan(0);
    expect(shown.losers).toBeGreaterThan(0);

    // The same scenario through the API: the page shows its counts.
    const { formulaId } = await publishedAllocation();
    const { formula } = await apiGet<{ formula: { components: { code: string; sharePercent: number }[] } }>(
      `/api/transfers/formulas/${formulaId}`,
    );
    const scenario = {
      ...formula,
      components: formula.components.map((component) => ({
        ...component,
        sharePercent:
          component.code === 'equal' ? 20 : component.code === 'population' ? 40 : component.sharePercent,
      })),
    };
    const post = await signedInApi('officer@sndd.example');
    const api = await post<{ gainers: number; losers: number; units: unknown[] }>(
      '/api/transfers/scenarios',
      {
        baselineFormulaId: formulaId,
        scenario,
      },
    );
    expect(shown).toEqual({ gainers: api.gainers, losers: api.losers });
    // Every commune of the country, a page of them at a time.
    expect(api.units.length).toBeGreaterThan(1000);
    expect(await page.locator('main table.changes-table tbody tr').count()).toBe(25);
    await page.locator('main .scenario-result figure.lorenz path.lorenz__curve--before').waitFor();
    const problems = await transfers.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  });

  it('shows a formula readably, with its document to download as JSON', async () => {
    const { formulaId } = await publishedAllocation();
    const transfers = new TransfersPage(page, journey.baseUrl);
    await page.goto(`${journey.baseUrl}/transfers/formulas/${formulaId}`, { waitUntil: 'load' });
    const components = page.locator('main table.formula-components tbody tr');
    await components.first().waitFor();
    expect(
      await components.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-component'))),
    ).toEqual(['equal', 'population', 'villages', 'village-allocation']);
    const download = page.locator('main a.download-link');
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    expect(await download.getAttribute('download')).toBe(`${PROGRAM}-${YEAR}-v1.json`);
    const problems = await transfers.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  });

  it('refuses that the officer who prepared a correction approves it, with the code’s message', async () => {
    const expected = await publishedAllocation();
    await signInThrough(
      page,
      journey.baseUrl,
      'officer@sndd.example',
      `/transfers/allocations/${expected.id}`,
    );
    const form = page.locator('main form.correction-form');
    await form.locator('textarea[name="reason"]').fill('ការកែតម្រូវសាកល្បង: តួលេខប្រជាជនថ្មី');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(
      (url) =>
        url.pathname.startsWith('/transfers/allocations/') &&
        url.pathname !== `/transfers/allocations/${expected.id}`,
    );
    const actions = page.locator('main .allocation-actions');
    await page.locator('main [data-field="status"] [data-status="draft"]').waitFor();
    await actions.locator('button.button--danger').click();
    await actions.locator('.confirm button.button--danger').click();
    const alert = actions.locator('[role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(kmText('errors.transfers.allocation.same_person'));
    // The published allocation is untouched.
    expect((await publishedAllocation()).id).toBe(expected.id);
  });

  it('has no serious accessibility problem on the allocation page', async () => {
    const expected = await publishedAllocation();
    const transfers = new TransfersPage(page, journey.baseUrl);
    await transfers.gotoAllocation(expected.id);
    const kep = await apiGet<{ items: LineAnswer[] }>(
      `/api/transfers/allocations/${expected.id}/lines?page=1&pageSize=100&sort=code&within=23`,
    );
    await transfers.linesWithin('23', kep.items.length);
    await transfers.explain('230101');
    await transfers.lorenzCurve().first().waitFor();
    const problems = await transfers.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  });
});
