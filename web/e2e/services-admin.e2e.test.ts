/**
 * Managing service standards in the browser, on a desktop and on a phone. The national officer
 * opens /services/manage from the officers' links, creates a standard with two fee tiers, a
 * required document and a list field, is first refused in Khmer with the API's stable code
 * (two fee tiers with one code), saves it (version 1), revises it (version 2: the history shows
 * both), offers it at Kep municipality (2302) from today and ends that offering; each step is
 * read back from the API in the page, with his session. No serious accessibility problem on the
 * form, no CSP violation. A district officer does not get the link nor the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import { accessibilityReport, pagePerTest, signInThrough, startJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { ServicesAdminPage } from './pages/services-admin.page.ts';

const catalogue = (path: string) =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, string>;
const servicesKm = catalogue('web/src/modules/services/locales/km.json');
const adminKm = catalogue('web/src/modules/services/admin/locales/km.json');
const accessKm = catalogue('web/src/locales/km.json');

interface Standard {
  code: string;
  currentVersion: number;
  ownerUnitCode: string | null;
  providerTier: string;
  timeLimitDays: number;
  nameEn: string;
  feeTiers: { code: string; amountRiel: number }[];
  requiredDocuments: { nameKm: string; nameEn: string }[];
  formFields: {
    code: string;
    datatype: string;
    required: boolean;
    values?: { key: string }[];
    minimum?: number | null;
    maximum?: number | null;
  }[];
  offerings: { id: number; unitCode: string; validFrom: string; validTo: string | null }[];
}

/** Today in Cambodia, as the API counts days. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Phnom_Penh' });

/** GET from the API in the page (same origin, the page's session). */
async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as T };
  }, path);
}

const journey = startJourney();

describe.each(VIEWPORTS)('managing service standards on $name', ({ name, ...device }) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it('lets the national officer create, revise, offer and end an offering of a standard', async () => {
    const code = `e2e.admin.${name}`;
    await signInThrough(page, journey.baseUrl, 'officer@sndd.example', '/applications');

    // The officers' links lead to the list.
    const link = page.locator('main .page-links a[href="/services/manage"]');
    expect((await link.textContent())?.trim()).toBe(servicesKm['services.office.manageStandards']);
    await link.click();
    const admin = new ServicesAdminPage(page, journey.baseUrl);
    await admin.waitForHeading(adminKm['servicesAdmin.manage.title'] ?? '');
    await page.locator('main .svc-admin table tbody tr').first().waitFor();
    const listProblems = await admin.seriousAccessibilityProblems();
    expect(listProblems, accessibilityReport(listProblems)).toEqual([]);
    await admin.openNew();

    await admin.fill({
      code,
      nameKm: 'វិញ្ញាបនបត្រសាកល្បង',
      nameEn: 'Test certificate',
      sector: 'civil_registration',
      legalBasis: 'ប្រកាសលេខ ០០១ (សាកល្បង)',
      providerTier: 'district',
      timeLimitDays: '៥',
    });
    // Two fee tiers, first with the same code: the API refuses that.
    await admin.fill(
      { feeCode: 'standard', feeLabelKm: 'ធម្មតា', feeLabelEn: 'Standard', feeAmount: '10000' },
      '[data-row="fee"][data-index="0"]',
    );
    await admin.add('fee');
    await admin.fill(
      { feeCode: 'standard', feeLabelKm: 'បន្ទាន់', feeLabelEn: 'Urgent', feeAmount: '25,000' },
      '[data-row="fee"][data-index="1"]',
    );
    await admin.add('document');
    await admin.fill(
      { documentNameKm: 'អត្តសញ្ញាណប័ណ្ណ', documentNameEn: 'National ID card' },
      '[data-row="document"][data-index="0"]',
    );
    await admin.add('field');
    const field = '[data-row="field"][data-index="0"]';
    await admin.fill(
      {
        fieldCode: 'purpose',
        fieldDatatype: 'singlevaluelist',
        fieldDescriptionKm: 'គោលបំណង',
        fieldDescriptionEn: 'Purpose',
      },
      field,
    );
    await admin.form().locator(`${field} input[name="fieldRequired"]`).check();
    await admin.fill(
      { valueCode: 'work', valueNameKm: 'ការងារ', valueNameEn: 'Work' },
      `${field} [data-row="value"][data-index="0"]`,
    );
    await admin.add('value', field);
    await admin.fill(
      { valueCode: 'study', valueNameKm: 'ការសិក្សា', valueNameEn: 'Study' },
      `${field} [data-row="value"][data-index="1"]`,
    );

    // A number field with bounds typed the wrong way round: the form says so before sending.
    await admin.add('field');
    const copies = '[data-row="field"][data-index="1"]';
    await admin.fill(
      {
        fieldCode: 'copies',
        fieldDatatype: 'number',
        fieldDescriptionKm: 'ចំនួនច្បាប់',
        fieldDescriptionEn: 'Copies',
        fieldMinimum: '២០',
        fieldMaximum: '10',
      },
      copies,
    );
    await admin.submit();
    const boundsProblem = admin.form().locator(`${copies} [data-problem="boundsOrder"]`);
    await boundsProblem.waitFor();
    expect((await boundsProblem.textContent())?.trim()).toBe(adminKm['servicesAdmin.problem.boundsOrder']);
    await admin.fill({ fieldMinimum: '១' }, copies);

    // The form page: no serious accessibility problem, nothing wider than the screen.
    const problems = await admin.seriousAccessibilityProblems();
    expect(problems, accessibilityReport(problems)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await admin.submit();
    const refusal = await admin.refusal();
    expect(refusal).toEqual({
      code: 'services.standard.duplicate_fee_tier',
      text: servicesKm['errors.services.standard.duplicate_fee_tier'],
    });
    expect((await apiGet(page, `/api/services/standards/${code}`)).status).toBe(404);

    // Fixed, it is saved as version 1.
    await admin.fill({ feeCode: 'urgent' }, '[data-row="fee"][data-index="1"]');
    await admin.submit();
    await admin.waitForStandard(code, 1, 'created');
    const created = await apiGet<Standard>(page, `/api/services/standards/${code}`);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      code,
      currentVersion: 1,
      ownerUnitCode: null,
      providerTier: 'district',
      timeLimitDays: 5,
      feeTiers: [
        { code: 'standard', amountRiel: 10000 },
        { code: 'urgent', amountRiel: 25000 },
      ],
      requiredDocuments: [{ nameKm: 'អត្តសញ្ញាណប័ណ្ណ', nameEn: 'National ID card' }],
      offerings: [],
    });
    expect(created.body.formFields).toHaveLength(2);
    expect(created.body.formFields[0]).toMatchObject({
      code: 'purpose',
      datatype: 'singlevaluelist',
      required: true,
      values: [{ key: 'work' }, { key: 'study' }],
    });
    expect(created.body.formFields[1]).toMatchObject({ code: 'copies', minimum: 1, maximum: 10 });

    // Revised: version 2, the history shows both.
    await admin.fill({ timeLimitDays: '7', nameEn: 'Test certificate (revised)' });
    await admin.submit();
    await admin.waitForStandard(code, 2, 'revised');
    expect(await admin.versionRows()).toEqual(['2', '1']);
    const revised = await apiGet<Standard>(page, `/api/services/standards/${code}`);
    expect(revised.body).toMatchObject({
      currentVersion: 2,
      timeLimitDays: 7,
      nameEn: 'Test certificate (revised)',
    });
    // A revision keeps the bounds it did not touch (it used to drop them).
    expect(revised.body.formFields[1]).toMatchObject({ code: 'copies', minimum: 1, maximum: 10 });
    const versions = await apiGet<{ items: { version: number }[] }>(
      page,
      `/api/services/standards/${code}/versions`,
    );
    expect(versions.body.items.map((version) => version.version)).toEqual([2, 1]);

    // Offered at Kep municipality from today, then ended today.
    const day = today();
    await admin.addOffering(['23', '2302'], day);
    await admin.offeringRow('2302').waitFor();
    const offered = await apiGet<Standard>(page, `/api/services/standards/${code}`);
    expect(offered.body.offerings).toEqual([
      expect.objectContaining({ unitCode: '2302', validFrom: day, validTo: null }),
    ]);
    await admin.endOffering('2302', day);
    const ended = await apiGet<Standard>(page, `/api/services/standards/${code}`);
    expect(ended.body.offerings).toEqual([
      expect.objectContaining({ unitCode: '2302', validFrom: day, validTo: day }),
    ]);
    // Still version 2: an offering is not a new version.
    expect(ended.body.currentVersion).toBe(2);

    const editProblems = await admin.seriousAccessibilityProblems();
    expect(editProblems, accessibilityReport(editProblems)).toEqual([]);
  });

  it('shows a district officer neither the link nor the page', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.district@sndd.example', '/applications');
    await page.locator('main .page-links a[href="/outbox"]').waitFor();
    expect(await page.locator('main a[href="/services/manage"]').count()).toBe(0);

    const admin = new ServicesAdminPage(page, journey.baseUrl);
    await page.goto(`${journey.baseUrl}/services/manage`, { waitUntil: 'load' });
    await admin.waitForHeading(accessKm['access.forbidden.title'] ?? '');
    expect(await page.locator('main form.svc-admin__search').count()).toBe(0);
  });
});
