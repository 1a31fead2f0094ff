/**
 * A district's establishment on a phone (390 px), in Khmer: the HR officer of Kep municipality
 * (2302) opens the unit's establishment page, creates a position, records a person and assigns
 * them, sees the position occupied by that person in the table, then records a second person
 * and is refused when assigning them to the same position (hr.position.occupied, in Khmer).
 * The API then holds one holder of the position. Each page has no serious accessibility
 * problem (axe) and nothing is wider than the phone.
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

const UNIT = '2302';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const km = kmCatalogue('web/src/modules/hr/locales/km.json');

const journey = startJourney();
/** This run's mark on what it writes (a PostgreSQL journey database keeps earlier runs' records). */
const RUN = String(Date.now() % 100_000_000);

async function checkPage(page: Page): Promise<void> {
  const problems = await new ShellPage(page, journey.baseUrl).seriousAccessibilityProblems();
  if (problems.length > 0) console.error(accessibilityReport(problems));
  expect(problems).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function recordPerson(page: Page, nameKm: string, nameLatin: string, nationalId: string) {
  const form = page.locator('main form.person-form');
  await form.locator('input[name="nameKm"]').fill(nameKm);
  await form.locator('input[name="nameLatin"]').fill(nameLatin);
  await form.locator('select[name="sex"]').selectOption('female');
  await form.locator('input[name="birthDate"]').fill('1992-04-10');
  await form.locator('input[name="nationalId"]').fill(nationalId);
  await form.locator('input[name="employmentStart"]').fill('2025-01-01');
  await form.locator('button[type="submit"]').click();
  await form.locator('[role="status"]').waitFor();
}

/** Picks the position and the person by the text of their options, and submits the assignment. */
async function assign(page: Page, title: string, nameKm: string) {
  const form = page.locator('main form.assign-form');
  const position = form.locator('select[name="positionId"] option', { hasText: title });
  await position.waitFor({ state: 'attached' });
  await form.locator('select[name="positionId"]').selectOption((await position.getAttribute('value')) ?? '');
  const person = form.locator('select[name="personId"] option', { hasText: nameKm });
  await person.waitFor({ state: 'attached' });
  await form.locator('select[name="personId"]').selectOption((await person.getAttribute('value')) ?? '');
  await form.locator('input[name="assignmentStart"]').fill('2025-02-01');
  await form.locator('button[type="submit"]').click();
}

describe('hr journey on a phone', () => {
  let page: Page;
  pagePerTest(journey, PHONE, (opened) => (page = opened));

  it('creates a position, records and assigns a person, and is refused a second occupant', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.district@sndd.example', `/hr/units/${UNIT}`);
    await page.locator('main h1', { hasText: km('hr.establishment.title') }).waitFor();
    await page.locator('main [data-field="approved"]').waitFor();
    await checkPage(page);

    // A position of the administration.
    const title = `មន្ត្រីសាកល្បង ${RUN}`;
    const positionForm = page.locator('main form.position-form');
    await positionForm.locator('input[name="titleKm"]').fill(title);
    await positionForm.locator('input[name="titleEn"]').fill(`Journey officer ${RUN}`);
    await positionForm.locator('select[name="level"]').selectOption('staff');
    await positionForm.locator('button[type="submit"]').click();
    await positionForm.locator('[role="status"]').waitFor();
    const row = page.locator('main .hr-positions tbody tr', { hasText: title });
    await row.waitFor();
    expect((await row.locator('.hr-status').textContent())?.trim()).toBe(km('hr.status.vacant'));

    // A person, assigned to it: the table shows the position occupied by them.
    const first = `សុខា សាកល្បង ${RUN}`;
    await recordPerson(page, first, `Journey Sokha ${RUN}`, `J${RUN}A`);
    await assign(page, title, first);
    await page.locator('main form.assign-form [role="status"]').waitFor();
    await row.locator('.hr-status', { hasText: km('hr.status.occupied') }).waitFor();
    await row.locator('a', { hasText: first }).waitFor();
    await checkPage(page);

    // A second person for the same position over the same dates: refused, in Khmer.
    const second = `ចន្ទា សាកល្បង ${RUN}`;
    await recordPerson(page, second, `Journey Chanda ${RUN}`, `J${RUN}B`);
    await assign(page, title, second);
    await page.locator('main form.assign-form', { hasText: km('errors.hr.position.occupied') }).waitFor();
    await checkPage(page);

    // The person's page keeps the assignment.
    await row.locator('a', { hasText: first }).click();
    await page.waitForURL((url) => /^\/hr\/persons\/\d+$/.test(url.pathname));
    await page.locator('main [data-assignment]').first().waitFor();
    await checkPage(page);
    const personId = Number(new URL(page.url()).pathname.split('/').pop());
    const stored = await page.evaluate(async (id) => {
      const response = await fetch(`/api/hr/persons/${id}`);
      return (await response.json()) as { assignments: { titleKm: string; kind: string }[] };
    }, personId);
    expect(stored.assignments).toEqual([expect.objectContaining({ titleKm: title, kind: 'substantive' })]);
  }, 300_000);
});
