/**
 * The first journey: a visitor on a desktop and on a phone reads the home page in Khmer,
 * switches to English and back, and the choice survives a reload; the page has no serious
 * accessibility problem in either language; the provinces list shows the 25 provinces. The
 * home page is a front door (issue #19): searching a service, tracking a case, complaining,
 * creating an account and "my commune" each lead where they say, on a 390 px phone too, and
 * the page never scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import { accessibilityReport, startJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { HomePage } from './pages/home.page.ts';
import { UnitsPage } from './pages/units.page.ts';

const catalogue = (lang: 'km' | 'en'): Record<string, string> =>
  JSON.parse(readFileSync(join(repoRoot, 'web/src/locales', `${lang}.json`), 'utf8')) as Record<
    string,
    string
  >;
const km = catalogue('km');
const en = catalogue('en');

const journey = startJourney();

describe.each(VIEWPORTS)('home journey on $name', ({ viewport, isMobile, hasTouch }) => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await journey.browser.newContext({ viewport, isMobile, hasTouch });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('opens in Khmer, switches language, and keeps the choice after a reload', async () => {
    const home = new HomePage(await context.newPage(), journey.baseUrl);
    await home.goto();
    expect(await home.htmlLang()).toBe('km');
    expect(await home.heading().textContent()).toBe(km['home.title']);
    expect(await home.khmerFontLoaded()).toBe(true);

    await home.switchLanguage('en');
    expect(await home.htmlLang()).toBe('en');
    expect(await home.heading().textContent()).toBe(en['home.title']);

    await home.reload();
    expect(await home.htmlLang()).toBe('en');
    expect(await home.heading().textContent()).toBe(en['home.title']);

    await home.switchLanguage('km');
    expect(await home.htmlLang()).toBe('km');
    await home.reload();
    expect(await home.htmlLang()).toBe('km');
    expect(await home.heading().textContent()).toBe(km['home.title']);
    await home.page.close();
  });

  it('has no serious or critical accessibility problem in either language', async () => {
    const home = new HomePage(await context.newPage(), journey.baseUrl);
    await home.goto();
    const found: string[] = [];
    for (const lang of ['km', 'en'] as const) {
      await home.switchLanguage(lang);
      const problems = await home.seriousAccessibilityProblems();
      if (problems.length > 0) found.push(`[${lang}]\n${accessibilityReport(problems)}`);
    }
    if (found.length > 0) console.error(found.join('\n'));
    expect(found).toEqual([]);
    await home.switchLanguage('km');
    await home.page.close();
  });

  it('lists the capital and the 24 provinces', async () => {
    const home = new HomePage(await context.newPage(), journey.baseUrl);
    await home.goto();
    await home.openProvinces();
    const units = new UnitsPage(home.page, journey.baseUrl);
    await units.waitForList();
    expect(await units.rows().count()).toBe(25);
    expect(await units.heading().textContent()).toBe(km['units.title']);
    await units.page.close();
  });

  it('is a front door: each link and form leads where it says, and nothing scrolls sideways', async () => {
    const page = await context.newPage();
    const home = new HomePage(page, journey.baseUrl);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const path = () => {
      const url = new URL(page.url());
      return `${url.pathname}${url.search}`;
    };
    await home.goto();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // No plain text dressed as a link: the pill-shaped list is gone.
    expect(await page.locator('main .chips').count()).toBe(0);

    // Find a service: the catalogue with the words typed.
    await page.locator('main form[role="search"] input[name="q"]').fill('សំបុត្រ');
    await page.locator('main form[role="search"] button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/services');
    expect(new URL(page.url()).searchParams.get('q')).toBe('សំបុត្រ');
    await page.locator('main h1').waitFor();

    // Track a case: the tracking page with the number.
    await home.goto();
    await page.locator('main input[name="number"]').fill('ABCD2345');
    await page.locator('main input[name="number"]').press('Enter');
    await page.waitForURL((url) => url.pathname === '/track');
    expect(new URL(page.url()).searchParams.get('number')).toBe('ABCD2345');

    // Complain, and create an account.
    for (const [selector, to] of [
      ['main a[href="/complaints/new"]', '/complaints/new'],
      ['main a[href="/sign-up"]', '/sign-up'],
      ['main a[href="/services"]', '/services'],
    ] as const) {
      await home.goto();
      await page.locator(selector).first().click();
      await page.waitForURL((url) => url.pathname === to);
      await page.locator('main h1').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
    }

    // My commune: province, municipality, sangkat; its services, page and the modules' sections.
    await home.goto();
    const selects = page.locator('main .home-commune select');
    await selects.nth(0).selectOption('23');
    await selects.nth(1).selectOption('2302');
    await selects.nth(2).selectOption('230201');
    const body = page.locator('main .home-commune__body[data-commune="230201"]');
    await body.waitFor();
    await body.locator('a[href="/services?unit=230201"]').waitFor();
    await body.locator('a[href="/units/230201"]').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const problems = await home.seriousAccessibilityProblems();
    expect(problems, accessibilityReport(problems)).toEqual([]);
    // Remembered on this device.
    await home.reload();
    await page.locator('main .home-commune__body[data-commune="230201"]').waitFor();
    await page.locator('main a[href="/services?unit=230201"]').click();
    await page.waitForURL(() => path() === '/services?unit=230201');
    await page.close();
  });
});
