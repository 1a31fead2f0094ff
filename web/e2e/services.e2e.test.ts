/**
 * Public services, on a desktop and on a phone, each with its own office and service so that
 * the two runs do not meet: a visitor finds a commune service by its Khmer name and reads its
 * fee and time limit; the office's printable fee board renders (and prints without the site
 * around it); the example citizen applies online with a file and is given a tracking number;
 * the commune clerk (desktop) or the One Window Service Office officer (phone) opens the
 * application, moves it under review → approved → ready for collection → closed with notes and
 * records the fee with a receipt number; the visitor follows it by the number typed in lower
 * case without the dash, sees the steps, and rates it with the phone number on file; a
 * complaint is filed and followed by its number. The service page and the application page
 * have no serious accessibility problem, and nothing breaks the Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import {
  accessibilityReport,
  khmerDigits,
  pagePerTest,
  signInThrough,
  startJourney,
} from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { ServicesPage } from './pages/services.page.ts';

const km = JSON.parse(
  readFileSync(join(repoRoot, 'web/src/modules/services/locales/km.json'), 'utf8'),
) as Record<string, string>;

function kmText(key: string, values: Record<string, string> = {}): string {
  const text = km[key];
  if (text === undefined) throw new Error(`the services catalogue has no key ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

// A tiny file that starts like a PDF (the API recognises files by their first bytes).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const CITIZEN = '+85512345678';

/** What each viewport works with. */
const CASES = {
  desktop: {
    search: 'សំបុត្រកំណើត',
    found: 'commune.birth_certificate',
    fee: '៤,០០០៛',
    days: 1,
    board: '230201',
    boardHas: ['commune.birth_certificate', 'commune.certification', 'commune.family_book'],
    apply: { code: 'commune.certification', unit: '230201', fields: { document_kind: 'copy', copies: '៣' } },
    officer: 'kep.clerk@sndd.example',
    receipt: 'KB-E2E-0001',
    complaint: { subject: 'office', unit: '230201' },
  },
  phone: {
    search: 'សៀវភៅគ្រួសារ',
    found: 'commune.family_book',
    fee: kmText('services.fee.free'),
    days: 5,
    board: '2302',
    boardHas: ['owso.business_licence_small', 'owso.construction_permit_small', 'owso.motorbike_transfer'],
    apply: {
      code: 'owso.motorbike_transfer',
      unit: '2302',
      fields: { plate_number: 'កែប 1B-9876', previous_owner: 'សុខ ដារា', sale_date: '2026-11-20' },
    },
    officer: 'kep.district@sndd.example',
    receipt: 'KEP-E2E-0001',
    complaint: { subject: 'officer', unit: '2302' },
  },
} as const;

const journey = startJourney();

describe.each(VIEWPORTS)('services journey on $name', ({ name, ...device }) => {
  const data = CASES[name];
  let page: Page;
  let services: ServicesPage;
  let number = '';
  pagePerTest(journey, device, (opened) => {
    page = opened;
    services = new ServicesPage(page, journey.baseUrl);
  });

  const signIn = (login: string, next: string) => signInThrough(page, journey.baseUrl, login, next);

  it('finds a commune service by its Khmer name and shows its fee and time limit', async () => {
    await services.gotoCatalogue();
    await services.searchAndOpen(data.search, data.found);
    expect(await services.heading().textContent()).toContain(data.search);
    expect(await services.fact('fee')).toContain(data.fee);
    expect(await services.fact('timeLimit')).toBe(
      kmText('services.timeLimit.many', { days: khmerDigits(data.days) }),
    );
    // The example data says so, and the offices offering it are listed with a way to apply.
    await page.locator('main .svc-standard h1 .example-badge').waitFor();
    await page.locator('main .svc-offices li[data-unit]').first().waitFor();
    await page.locator('main .svc-offices a[href*="/apply?unit="]').first().waitFor();

    const problems = await services.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  });

  it('renders the printable fee board of an office, in Khmer, without the site around it in print', async () => {
    await services.gotoBoard(data.board);
    expect(await page.locator('main .svc-board h1').textContent()).toBe(kmText('services.board.heading'));
    expect((await services.boardCodes()).sort()).toEqual([...data.boardHas].sort());
    const office = (await page.locator('main .svc-board__office').textContent()) ?? '';
    expect(office).toContain(data.board.length === 4 ? kmText('services.board.owso') : 'សង្កាត់កែប');
    await page.locator('main .svc-board-tools button').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('main .svc-board-tools').isVisible()).toBe(false);
    expect(await page.locator('main .svc-board__table').isVisible()).toBe(true);
  });

  it('lets the citizen apply online with a file and gives a tracking number to write down', async () => {
    const { code, unit, fields } = data.apply;
    await signIn(CITIZEN, `/services/${code}/apply?unit=${unit}`);
    await page.locator('main form.svc-apply-form').waitFor();
    for (const [field, value] of Object.entries(fields)) await services.fillField(field, value);
    await services.attach('id-card.pdf', 'application/pdf', PDF);
    number = await services.submitAndReadNumber('svc-apply-form');
    expect(number).toMatch(/^[34679ACDEFGHJKMNPRTWXY]{8}$/);
    expect(await services.bigNumber()).toBe(`${number.slice(0, 4)}-${number.slice(4)}`);
    expect(await page.locator('main .svc-number-box__hint').textContent()).toBe(
      kmText('services.number.writeDown'),
    );

    await page.locator('main a[href="/my/applications"]').click();
    await page.locator(`main table tr[data-number="${number}"]`).waitFor();
  });

  it('lets the officer move the application to closed with notes and record the fee', async () => {
    expect(number).not.toBe('');
    await signIn(data.officer, '/applications');
    await services.openFromOfficeList(number);
    await page.locator('main .svc-attachments li[data-file="id-card.pdf"]').waitFor();
    const answered = Object.keys(data.apply.fields)[0] ?? '';
    await page.locator(`main .svc-answers [data-field="${answered}"]`).waitFor();

    await services.step('under_review', 'ពិនិត្យឯកសារ');
    const problems = await services.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);

    await services.step('approved', 'ឯកសារគ្រប់គ្រាន់');
    await services.recordFee(data.receipt);
    await services.step('ready_for_collection', 'សូមមកយកនៅបញ្ជរ');
    await services.step('closed', 'បានប្រគល់ជូនហើយ');
    expect(await page.locator('main form.svc-step-form').count()).toBe(0);
    const notes = await page.locator('main .svc-steps__note').allTextContents();
    expect(notes).toEqual(['ពិនិត្យឯកសារ', 'ឯកសារគ្រប់គ្រាន់', 'សូមមកយកនៅបញ្ជរ', 'បានប្រគល់ជូនហើយ']);

    // Each change sent the applicant a message, which the officers' outbox lists.
    await page.goto(`${journey.baseUrl}/outbox?number=${number}`, { waitUntil: 'load' });
    await page.locator(`main table tr[data-number="${number}"]`).first().waitFor();
    expect(await page.locator(`main table tr[data-number="${number}"]`).count()).toBeGreaterThanOrEqual(5);
  });

  it('lets a visitor follow the application by its number typed loosely, see the steps and rate it', async () => {
    expect(number).not.toBe('');
    await services.gotoTrack();
    // Lower case, no dash, a space in the middle: as read out over the phone.
    await services.track(`${number.slice(0, 3)} ${number.slice(3)}`.toLowerCase(), 'application');
    await page.locator('main .svc-case[data-status="closed"]').waitFor();
    expect(await services.trackedSteps()).toEqual([
      'received',
      'under_review',
      'approved',
      'ready_for_collection',
      'closed',
    ]);
    // No personal data and no officers' notes on the public page.
    expect(await page.locator('main .svc-case').textContent()).not.toContain('ឯកសារគ្រប់គ្រាន់');
    await services.rate(4, 'ល្អ លឿន', '012 345 678');
    expect(await page.locator('main .svc-rated').textContent()).toBe(kmText('services.rating.thanks'));
  });

  it('takes a complaint from a visitor and follows it by its number', async () => {
    const { subject, unit } = data.complaint;
    await page.goto(`${journey.baseUrl}/complaints/new?unit=${unit}`, { waitUntil: 'load' });
    const form = page.locator('main form.svc-complaint-form');
    await form.waitFor();
    await form.locator(`input[name="subject"][value="${subject}"]`).check();
    if (subject === 'officer') await form.locator('input[name="officerName"]').fill('មន្ត្រីបញ្ជរលេខ ២');
    await form.locator('textarea[name="description"]').fill('គេសុំប្រាក់បន្ថែមក្រៅពីតារាងកម្រៃសេវា។');
    // The visitor lets the reply be published: anyone holding the number may then read it.
    await form.locator('input[name="publishReply"]').check();
    const complaint = await services.submitAndReadNumber('svc-complaint-form');
    expect(complaint).toMatch(/^[34679ACDEFGHJKMNPRTWXY]{8}$/);

    await services.gotoTrack();
    await services.track(`${complaint.slice(0, 4)}-${complaint.slice(4)}`.toLowerCase(), 'complaint');
    await page.locator('main .svc-case[data-status="received"]').waitFor();
    expect(await services.trackedSteps()).toEqual(['received']);

    // The ombudsman office of the district handles it to a decision and a reply.
    await signIn('kep.district@sndd.example', `/complaints/${complaint}`);
    await page.locator(`main .svc-complaint[data-number="${complaint}"]`).waitFor();
    const caseStep = async (to: string, text: string) => {
      const stepForm = page.locator('main form.svc-step-form');
      await stepForm.locator('textarea').fill(text);
      await stepForm.locator(`button[data-to="${to}"]`).click();
      await page.locator(`main .svc-complaint[data-status="${to}"]`).waitFor();
    };
    await caseStep('under_investigation', 'ហៅមន្ត្រីមកសួរ');
    await caseStep('decided', 'បានព្រមានមន្ត្រី និងសងប្រាក់វិញ');
    const reply = 'យើងបានសងប្រាក់ដែលយកលើស ហើយបានព្រមានមន្ត្រី។';
    await caseStep('replied', reply);
    await caseStep('closed', '');

    await services.gotoTrack();
    await services.track(complaint, 'complaint');
    await page.locator('main .svc-case[data-status="closed"]').waitFor();
    expect(await page.locator('main .svc-case .svc-reply').textContent()).toBe(reply);
  });

  it('lets an officer file at the counter for someone who came in person', async () => {
    const unit = data.apply.unit;
    const code = name === 'desktop' ? 'commune.birth_certificate' : 'owso.business_licence_small';
    await signIn(data.officer, `/applications/new?unit=${unit}&service=${code}`);
    const form = page.locator('main form.svc-counter-form');
    await form.waitFor();
    // Filing at the counter is in the officer's menu, one tap away on any page.
    expect(await page.locator('nav a[href="/applications/new"]').count()).toBe(1);
    await form.locator('input[name="applicantName"]').fill('ស្រី សុភាព');
    await form.locator('select[name="sex"]').selectOption('female');
    await form.locator('select[name="ageGroup"]').selectOption('18-34');
    await form.locator('select[name="disability"]').selectOption('yes');
    await form.locator('input[name="phone"]').fill('០៩៧ ៥៥៥ ០១២៣');
    const fields: Record<string, string> =
      name === 'desktop'
        ? {
            child_name: 'សុខ បុប្ផា',
            date_of_birth: '2026-11-20',
            child_sex: 'female',
            place_of_birth: 'home',
            mother_name: 'ស្រី សុភាព',
          }
        : { business_name: 'ហាងលក់ទំនិញ', business_type: 'retail', workers: '២', extras: 'signboard' };
    if (name !== 'desktop') {
      // A negative count is refused by the form itself, with the range the field accepts.
      await services.fillField('workers', '-៥');
      await form.locator('button[type="submit"]').click();
      const problem = page.locator('main [data-field="workers"] .field-error');
      await problem.waitFor();
      expect((await problem.textContent())?.trim()).toMatch(/^សូមវាយលេខចាប់ពី ០ ដល់ ១/);
    }
    for (const [field, value] of Object.entries(fields)) await services.fillField(field, value);
    const filed = await services.submitAndReadNumber('svc-counter-form');
    await services.gotoApplication(filed);
    expect(await page.locator('main .svc-application').textContent()).toContain('ស្រី សុភាព');
    expect(await page.locator('main .svc-application[data-status="received"]').count()).toBe(1);
  });
});
