/**
 * The office dashboard, on a desktop and on a phone: the Kep district officer signs in and
 * opens /services/dashboard, which starts at his district (2302) over the last twelve months.
 * The headline figures read from the page equal the API's answer for the same filters (read in
 * the page, with his session); the monthly chart draws one received and one completed bar per
 * month with the API's counts; the sex breakdown shows the API's rows; the CSV link, fetched
 * in the page, answers 200 with text/csv. No serious accessibility problem, no CSP violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import { accessibilityReport, pagePerTest, signInThrough, startJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const km = JSON.parse(
  readFileSync(join(repoRoot, 'web/src/modules/services/dashboard/locales/km.json'), 'utf8'),
) as Record<string, string>;

interface Figures {
  received: number;
  completed: number;
  onTime: number;
  onTimeRate: number | null;
  medianDays: number | null;
  overdueNow: number;
  feesRiel: number;
  feePayments: number;
  satisfaction: { count: number; mean: number | null; distribution: number[] };
}
interface Row extends Figures {
  key: string;
  labelKm: string;
}
interface Dashboard {
  unitCode: string | null;
  from: string;
  to: string;
  total: Figures;
  byMonth: Row[];
  bySex: Row[];
}

/** The number in a figure's text ("១២.៥%", "KHR 100,000", "២០០,០០០៛"), or null for "—". */
function numberIn(text: string): number | null {
  const latin = text.replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
  if (latin.includes('—')) return null;
  const match = /-?[\d,]*\.?\d+/.exec(latin);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/,/g, ''));
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

const journey = startJourney();

describe.each(VIEWPORTS)('office dashboard on $name', (device) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it('shows the district officer the API’s figures for 2302, a chart, the sex breakdown and a CSV', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.district@sndd.example', '/services/dashboard');
    await page.locator('main h1', { hasText: km['servicesDashboard.title'] }).waitFor();
    const figures = page.locator('main .svc-dashboard__figures');
    await figures.waitFor();
    expect(await figures.getAttribute('data-unit')).toBe('2302');
    expect(await page.locator('main .unit-picker select[data-level="2"]').inputValue()).toBe('2302');

    // The filters the page used are those of its CSV link; the JSON answer for the same.
    const csvHref =
      (await page.locator('main a.download-link[data-format="csv"]').getAttribute('href')) ?? '';
    const query = new URL(csvHref, journey.baseUrl).searchParams;
    expect(query.get('unit')).toBe('2302');
    expect(query.get('from')).toMatch(/^\d{4}-\d{2}$/);
    expect(await page.locator('main a.download-link[data-format="xlsx"]').getAttribute('href')).toBe(
      csvHref.replace('dashboard.csv', 'dashboard.xlsx'),
    );
    const api = await page.evaluate(async (search) => {
      const response = await fetch(`/api/services/dashboard?${search}`);
      return { status: response.status, body: (await response.json()) as unknown };
    }, query.toString());
    expect(api.status).toBe(200);
    const expected = api.body as Dashboard;
    expect(expected.unitCode).toBe('2302');
    expect(expected.byMonth).toHaveLength(12);
    // The demo's applications in Kep municipality: the page would show zeros if it broke.
    expect(expected.total.received).toBeGreaterThan(0);

    const headline = async (kind: string) =>
      numberIn(
        (await page
          .locator(`main .svc-dashboard__headline .counts__item[data-kind="${kind}"] .counts__value`)
          .textContent()) ?? '',
      );
    const { total } = expected;
    expect({
      received: await headline('received'),
      completed: await headline('completed'),
      onTimeRate: await headline('onTimeRate'),
      medianDays: await headline('medianDays'),
      overdueNow: await headline('overdueNow'),
      feesRiel: await headline('feesRiel'),
      satisfaction: await headline('satisfaction'),
    }).toEqual({
      received: total.received,
      completed: total.completed,
      onTimeRate: total.onTimeRate === null ? null : oneDecimal(total.onTimeRate * 100),
      medianDays: total.medianDays,
      overdueNow: total.overdueNow,
      feesRiel: total.feesRiel,
      satisfaction: oneDecimal(total.satisfaction.mean),
    });

    // The chart: a received and a completed bar per month, with the API's counts.
    const chart = page.locator('main figure.month-chart svg[role="img"]');
    await chart.waitFor();
    expect(await chart.locator('title').textContent()).toBe(km['servicesDashboard.chart.title']);
    const bars = (field: string) =>
      chart
        .locator(`rect[data-field="${field}"]`)
        .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-value'))));
    expect(await bars('received')).toEqual(expected.byMonth.map((row) => row.received));
    expect(await bars('completed')).toEqual(expected.byMonth.map((row) => row.completed));
    const tallest = chart
      .locator('rect[data-field="received"]')
      .nth(
        expected.byMonth.findIndex(
          (row) => row.received === Math.max(...expected.byMonth.map((r) => r.received)),
        ),
      );
    expect(Number(await tallest.getAttribute('height'))).toBeGreaterThan(0);

    // The sex breakdown: the API's rows, in its order, with its counts.
    const sexRows = page.locator('main table[data-breakdown="sex"] tbody tr');
    expect(await sexRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))).toEqual(
      expected.bySex.map((row) => row.key),
    );
    expect(await sexRows.locator('th').allTextContents()).toEqual(expected.bySex.map((row) => row.labelKm));
    const received = await sexRows.locator('td[data-field="received"]').allTextContents();
    expect(received.map(numberIn)).toEqual(expected.bySex.map((row) => row.received));

    // The CSV, fetched in the page with the session's cookie.
    const csv = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }, csvHref);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Received');

    // Wide tables and the chart scroll inside their own regions: the page never gets wider
    // than the screen (a phone would zoom the whole page out).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);

    const problems = await new SignInPage(page, journey.baseUrl).seriousAccessibilityProblems();
    if (problems.length > 0) console.error(accessibilityReport(problems));
    expect(problems).toEqual([]);
  });
});
