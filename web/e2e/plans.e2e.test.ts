/**
 * From a village need to a committed project, on a phone (390 px): the commune clerk of
 * sangkat Kaeb (230201) opens the unit's plans page, records a need raised at a village
 * meeting of Kaev Krasang, sets a priority traced to it, adds a project of the investment
 * program with its cost by fund source, opens the project and commits it. The API then holds
 * the committed project with its priority and cost. Each page has no serious accessibility
 * problem (axe) and nothing is wider than the phone. Then the clerk deletes a need recorded
 * by mistake and a proposed project (each asked first), and sees the reviewed plan's approval
 * by a council decision.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityReport,
  kmCatalogue,
  pagePerTest,
  signInThrough,
  startJourney,
} from './support/journey.ts';
import { ShellPage } from './pages/home.page.ts';

const UNIT = '230201';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const km = kmCatalogue('web/src/modules/plans/locales/km.json');

const journey = startJourney();
/** This run's mark on what it writes (a PostgreSQL journey database keeps earlier runs' records). */
const RUN = String(Date.now() % 100_000);

async function checkPage(page: Page): Promise<void> {
  const problems = await new ShellPage(page, journey.baseUrl).seriousAccessibilityProblems();
  if (problems.length > 0) console.error(accessibilityReport(problems));
  expect(problems).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('plans journey on a phone', () => {
  let page: Page;
  pagePerTest(journey, PHONE, (opened) => (page = opened));

  it('takes a village need to a priority, a project, and commits the project', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/plans/units/${UNIT}`);
    // The address changes before the plans page has drawn: wait for its heading, not any h1.
    await page.locator('main h1', { hasText: km('plans.title') }).waitFor();
    expect((await page.locator('main h1').textContent())?.trim()).toBe(km('plans.title'));

    // A need from the village meeting of Kaev Krasang.
    const need = page.locator('main form.need-form');
    await need.locator('select[name="villageCode"] option[value="23020102"]').waitFor({ state: 'attached' });
    await need.locator('select[name="villageCode"]').selectOption('23020102');
    await need.locator('textarea[name="needText"]').fill(`ស្ពានឈើឆ្លងព្រែក (សាកល្បង ${RUN})`);
    await need.locator('input[name="meetingDate"]').fill('2026-09-15');
    await need.locator('input[name="attendeesFemale"]').fill('18');
    await need.locator('input[name="attendeesMale"]').fill('12');
    await need.locator('input[type="checkbox"]').first().check();
    await need.locator('button[type="submit"]').click();
    await need.locator('[role="status"]').waitFor();
    await page
      .locator('main .plans-needs tbody tr', { hasText: `ស្ពានឈើឆ្លងព្រែក (សាកល្បង ${RUN})` })
      .first()
      .waitFor();
    await checkPage(page);

    // A priority traced to it.
    const priority = page.locator('main form.priority-form');
    await priority.locator('input[name="year"]').fill('2027');
    await priority.locator('input[name="rank"]').fill(String(100 + (Number(RUN) % 800)));
    await priority.locator('input[name="titleKm"]').fill('ស្ពានឈើ (សាកល្បង)');
    await priority.locator('textarea[name="reason"]').fill('សិស្សឆ្លងព្រែកទៅសាលារៀន');
    await priority
      .locator('label', { hasText: `ស្ពានឈើឆ្លងព្រែក (សាកល្បង ${RUN})` })
      .locator('input')
      .check();
    await priority.locator('button[type="submit"]').click();
    await priority.locator('[role="status"]').waitFor();

    // A project of the program, its cost from the Commune/Sangkat Fund and the citizens.
    const project = page.locator('main form.project-form');
    await project.locator('input[name="titleKm"]').fill('សាងសង់ស្ពានឈើ (សាកល្បង)');
    await project.locator('input[name="titleEn"]').fill('Wooden bridge (journey)');
    await project.locator('input[name="outputText"]').fill('ស្ពាន');
    await project.locator('input[name="outputUnit"]').fill('m');
    await project.locator('input[name="year"]').fill('2027');
    await project.locator('input[data-fund-source="commune_fund"]').fill('9000000');
    await project.locator('input[data-fund-source="citizens"]').fill('1000000');
    await project.locator('button[type="submit"]').click();
    const added = project.locator('[role="status"] a');
    await added.waitFor();
    await added.click();
    await page.waitForURL((url) => /^\/plans\/projects\/\d+$/.test(url.pathname));
    const projectId = Number(new URL(page.url()).pathname.split('/').pop());

    // The project page: the cost table, then committing it.
    await page.locator('main [data-field="project-total"]').waitFor();
    await checkPage(page);
    const status = page.locator('main form.status-form');
    await status.locator('select').selectOption('committed');
    await status.locator('button[type="submit"]').click();
    await page.locator('main .project-status--committed').waitFor();

    const stored = (await (await fetch(`${journey.baseUrl}/api/plans/projects/${projectId}`)).json()) as {
      status: string;
      total: number;
      costs: { year: number; fundSource: string; amount: number }[];
    };
    expect(stored.status).toBe('committed');
    expect(stored.total).toBe(10_000_000);
    expect(stored.costs).toEqual([
      { year: 2027, fundSource: 'commune_fund', amount: 9_000_000 },
      { year: 2027, fundSource: 'citizens', amount: 1_000_000 },
    ]);
    await checkPage(page);
  }, 300_000);

  it('deletes a need not yet merged and a proposed project; the reviewed plan awaits its decision', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/plans/units/${UNIT}`);
    await page.locator('main h1', { hasText: km('plans.title') }).waitFor();

    // The plan: reviewed (the demo's) shows the approval by a council decision; once approved, nothing to do.
    await page.locator('main [data-field="plan-status"]').waitFor();
    const planStatus = (await page.locator('main [data-field="plan-status"]').textContent())?.trim();
    if (planStatus === km('plans.plan.statuses.reviewed')) {
      const approve = page.locator('main form.plan-approve-form');
      await approve.waitFor();
      await approve.locator('select[name="councilDecisionId"], [data-field="no-decision"]').first().waitFor();
      expect(await approve.locator('button[type="submit"]').isDisabled()).toBe(true);
    }

    // A need recorded by mistake, deleted from its row (asked first).
    const text = `តម្រូវការលុប (សាកល្បង ${RUN})`;
    const need = page.locator('main form.need-form');
    await need.locator('select[name="villageCode"] option[value="23020101"]').waitFor({ state: 'attached' });
    await need.locator('select[name="villageCode"]').selectOption('23020101');
    await need.locator('textarea[name="needText"]').fill(text);
    await need.locator('input[name="meetingDate"]').fill('2026-09-16');
    await need.locator('input[name="attendeesFemale"]').fill('3');
    await need.locator('button[type="submit"]').click();
    const row = page.locator('main .plans-needs tbody tr', { hasText: text }).first();
    await row.waitFor();
    await checkPage(page);
    await row.getByRole('button', { name: km('plans.delete') }).click();
    await row.getByRole('button', { name: km('plans.deleteConfirm') }).click();
    await page.locator('main .plans-needs tbody tr', { hasText: text }).waitFor({ state: 'detached' });

    // A proposed project, deleted from its page: back to the unit's plans, and gone from the API.
    const project = page.locator('main form.project-form');
    await project.locator('input[name="titleKm"]').fill('គម្រោងលុប (សាកល្បង)');
    await project.locator('input[name="titleEn"]').fill('Project to delete (journey)');
    await project.locator('input[name="outputText"]').fill('ផ្លូវ');
    await project.locator('input[name="outputUnit"]').fill('m');
    await project.locator('input[name="year"]').fill('2027');
    await project.locator('input[data-fund-source="commune_fund"]').fill('500000');
    await project.locator('button[type="submit"]').click();
    const added = project.locator('[role="status"] a');
    await added.waitFor();
    await added.click();
    await page.waitForURL((url) => /^\/plans\/projects\/\d+$/.test(url.pathname));
    const projectId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('main [data-field="project-total"]').waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: km('plans.project.delete') }).click();
    await page.getByRole('button', { name: km('plans.deleteConfirm') }).click();
    await page.waitForURL((url) => url.pathname === `/plans/units/${UNIT}`);
    const gone = await fetch(`${journey.baseUrl}/api/plans/projects/${projectId}`);
    expect(gone.status).toBe(404);
    await page.locator('main h1', { hasText: km('plans.title') }).waitFor();
    await checkPage(page);
  }, 300_000);
});
