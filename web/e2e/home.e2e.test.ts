/**
 * The first journey: a visitor on a desktop and on a phone reads the home page in Khmer,
 * switches to English and back, and the choice survives a reload; the page has no serious
 * accessibility problem in either language; the provinces list shows the 25 provinces.
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
});
