/**
 * The working-day calendar, on a desktop and on a phone. A visitor opens /services/calendar for
 * 2026 and sees every holiday the API gives, with the example badge, the year's number of
 * working days and a due date worked out across Khmer New Year. The national officer edits a
 * future year no one else touches (2029 on the desktop, 2030 on the phone): he adds two
 * holidays, the second first with a wrong day (outside the year on the desktop, the first
 * holiday's day again on the phone), confirms, reads the Khmer message of the API's stable
 * code with his rows still there, fixes the day and saves; the table shows the stored list, the
 * API gives it back with its source, and a due date across the new holiday moves by one day. A
 * district officer reaches the calendar from the office links and sees it read-only. No serious
 * accessibility problem, no CSP violation, and the page is never wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { typedDate } from '../src/lib/dates.ts';
import { VIEWPORTS } from './support/browser.ts';
import {
  accessibilityReport,
  khmerDigits,
  pagePerTest,
  signInThrough,
  startJourney,
} from './support/journey.ts';
import { DEMO_PASSWORD, repoRoot } from './support/server.ts';
import { ServicesCalendarPage } from './pages/services-calendar.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const catalogue = (path: string) =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, string>;
const km = catalogue('web/src/modules/services/calendar/locales/km.json');
// Texts every module shares (the example badge) are in the main catalogue.
const sharedKm = catalogue('web/src/locales/km.json');
const servicesKm = catalogue('web/src/modules/services/locales/km.json');

interface Holiday {
  date: string;
  nameKm: string;
  nameEn: string;
  source: string;
  isExample: boolean;
}
interface CalendarYear {
  year: number;
  holidays: Holiday[];
  workingDays: number;
  defined: boolean;
}

/** What each viewport edits: its own year, so that the two runs do not meet. */
const CASES = {
  desktop: {
    year: 2029,
    // Tuesday 6 March and Monday 11 June 2029; the due date of one working day from Monday 5 March.
    first: { date: '2029-03-06', nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង ក', nameEn: 'Test holiday A' },
    second: { date: '2029-06-11', nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង ខ', nameEn: 'Test holiday B' },
    wrongDay: '2030-01-02',
    error: 'services.calendar.date_outside_year',
    dueFrom: '2029-03-05',
    dueBefore: '2029-03-06',
    dueAfter: '2029-03-07',
  },
  phone: {
    year: 2030,
    first: { date: '2030-03-05', nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង គ', nameEn: 'Test holiday C' },
    second: { date: '2030-06-10', nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង ឃ', nameEn: 'Test holiday D' },
    wrongDay: '2030-03-05',
    error: 'services.calendar.duplicate_date',
    dueFrom: '2030-03-04',
    dueBefore: '2030-03-05',
    dueAfter: '2030-03-06',
  },
} as const;

const journey = startJourney();

describe.each(VIEWPORTS)('working-day calendar on $name', ({ name, ...device }) => {
  const chosen = CASES[name];
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  const fetchYear = (year: number) =>
    page.evaluate(async (y) => {
      const response = await fetch(`/api/services/calendar/${y}`);
      return { status: response.status, body: (await response.json()) as unknown };
    }, year);
  const fetchDueDate = (from: string, days: number) =>
    page.evaluate(
      async ([f, d]) => {
        const response = await fetch(`/api/services/calendar/due-date?from=${f}&days=${d}`);
        return ((await response.json()) as { dueDate: string }).dueDate;
      },
      [from, days] as const,
    );
  const fitsTheScreen = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  const expectAccessible = async (calendar: ServicesCalendarPage) => {
    const problems = await calendar.seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  };

  it('shows a visitor 2026’s holidays as the API gives them, with the example badge, and a due date', async () => {
    const calendar = new ServicesCalendarPage(page, journey.baseUrl);
    await calendar.goto(2026);
    await calendar.waitForHeading(km['servicesCalendar.title'] ?? '');
    await calendar.waitForYear(2026);

    const api = await fetchYear(2026);
    expect(api.status).toBe(200);
    const expected = api.body as CalendarYear;
    expect(expected.holidays.length).toBeGreaterThan(10);
    expect(await calendar.holidayDates()).toEqual(expected.holidays.map((holiday) => holiday.date));
    expect(await calendar.exampleBadge().textContent()).toBe(sharedKm['example.badge']);

    // 1 January 2026 is a Thursday: its weekday and its Khmer month, in Khmer digits.
    const [day, nameKm, nameEn] = await calendar.rowText('2026-01-01');
    expect(day).toBe(`${km['servicesCalendar.weekday.4']} ${khmerDigits(1)} មករា ${khmerDigits(2026)}`);
    expect(nameKm).toBe(expected.holidays[0]?.nameKm);
    expect(nameEn).toBe(expected.holidays[0]?.nameEn);

    const workingDays = await calendar.fact('workingDays');
    expect(workingDays.value).toBe(String(expected.workingDays));
    expect(workingDays.text).toBe(khmerDigits(expected.workingDays));
    expect((await calendar.fact('source')).text).toContain(expected.holidays[0]?.source ?? '-');
    expect(await calendar.editButton().count()).toBe(0);

    // One working day from Monday 13 April 2026 skips the three days of Khmer New Year.
    const due = await calendar.dueDate('2026-04-13', '១');
    expect(due.date).toBe(await fetchDueDate('2026-04-13', 1));
    expect(due.date).toBe('2026-04-17');
    expect(due.text).toContain(km['servicesCalendar.weekday.5']);

    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(calendar);
  });

  it(`lets the national officer replace the holidays of ${chosen.year}, showing the API’s stable error in Khmer`, async () => {
    const { year, first, second } = chosen;
    const signIn = new SignInPage(page, journey.baseUrl);
    await signIn.goto(`/services/calendar?year=${year}`);
    await signIn.signIn('officer@sndd.example', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/services/calendar');
    const calendar = new ServicesCalendarPage(page, journey.baseUrl);
    await calendar.waitForYear(year);
    expect(await calendar.year(year).getAttribute('data-defined')).toBe('false');
    expect(await fetchDueDate(chosen.dueFrom, 1)).toBe(chosen.dueBefore);

    await calendar.startEditing();
    expect(await calendar.rows().count()).toBe(0);
    await calendar.addHoliday(first);
    await calendar.addHoliday({ ...second, date: chosen.wrongDay });
    const source = `អនុក្រឹត្យលេខ E2E-${year} អនក្រ.បក ស្ដីពីថ្ងៃឈប់សម្រាកសាធារណៈ ឆ្នាំ${year}`;
    await calendar.fillSource(source);
    await calendar.saveWithConfirmation();

    // The API refuses; its code's Khmer message is shown and nothing typed is lost.
    expect(await calendar.errorText()).toBe(servicesKm[`errors.${chosen.error}`]);
    expect(await calendar.rowValues()).toEqual([first, { ...second, date: chosen.wrongDay }]);
    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(calendar);

    // The date is picked from a calendar in Khmer: month names and digits, then said in words.
    const months = await calendar.pickRowDate(1, second.date);
    expect(months.slice(0, 3)).toEqual(['មករា', 'កុម្ភៈ', 'មីនា']);
    const picked = await calendar.rowDateText(1);
    expect(picked.typed).toBe(typedDate(second.date, { lang: 'km', khmerDigits: true }));
    expect(picked.words).toContain('មិថុនា');
    await expectAccessible(calendar);
    await calendar.saveWithConfirmation();
    await calendar.savedNote().waitFor();
    expect(await calendar.holidayDates()).toEqual([first.date, second.date]);
    expect((await calendar.rowText(first.date)).slice(1)).toEqual([first.nameKm, first.nameEn]);
    expect(await calendar.exampleBadge().count()).toBe(0);
    expect((await calendar.fact('source')).text).toBe(source);

    // What the API now gives: the stored list, its source, and a due date one day later.
    const api = await fetchYear(year);
    expect(api.status).toBe(200);
    const stored = api.body as CalendarYear;
    expect(stored.defined).toBe(true);
    expect(stored.holidays).toEqual([
      { ...first, source, isExample: false },
      { ...second, source, isExample: false },
    ]);
    expect((await calendar.fact('workingDays')).value).toBe(String(stored.workingDays));
    expect(await fetchDueDate(chosen.dueFrom, 1)).toBe(chosen.dueAfter);

    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(calendar);
  });

  it('shows a district officer the calendar from the office links, read-only', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.district@sndd.example', '/applications');
    const link = page.locator('main .page-links a[href="/services/calendar"]');
    await link.waitFor();
    expect(await link.textContent()).toBe(servicesKm['services.office.calendar']);
    await link.click();
    const calendar = new ServicesCalendarPage(page, journey.baseUrl);
    await calendar.waitForHeading(km['servicesCalendar.title'] ?? '');
    await page.locator('main .svc-calendar__table').waitFor();
    expect((await calendar.holidayDates()).length).toBeGreaterThan(0);
    expect(await calendar.editButton().count()).toBe(0);
    expect(await page.locator('main form.svc-calendar__form').count()).toBe(0);
    await expectAccessible(calendar);
  });
});
