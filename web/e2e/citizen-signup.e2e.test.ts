/**
 * A person with only a phone, on a 390 px screen, in Khmer: signs up with their number typed
 * in Khmer digits and the code the SMS brought (the server runs with an SMS gateway this file
 * serves, so the code is read as the person reads it, from the message), sets a password,
 * signs out and in again with it, applies for a service and finds it under "my
 * applications". Axe finds nothing serious on the sign-up and recovery pages, and no page
 * scrolls sideways.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The SMS arrives through the job queue: on a loaded machine that takes a while.
const JOURNEY_TIMEOUT_MS = 300_000;
import { watchCspViolations } from './support/browser.ts';
import { accessibilityReport, kmCatalogue, signInThrough, startJourney } from './support/journey.ts';
import { ShellPage } from './pages/home.page.ts';
import { ServicesPage } from './pages/services.page.ts';

const accessKm = kmCatalogue('web/src/modules/access/locales/km.json');

/** The fake SMS gateway: every message the server sends, as { to, text }. */
const sent: { to: string; text: string }[] = [];
let gateway: Server;

// Before the journey starts the server: it reads the gateway's address from the environment.
beforeAll(async () => {
  gateway = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      try {
        sent.push(JSON.parse(body) as { to: string; text: string });
      } catch {
        // Not the default JSON template: keep nothing.
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => gateway.listen(0, '127.0.0.1', done));
  process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
});
afterAll(async () => {
  await new Promise((done) => gateway?.close(done));
});

const journey = startJourney();

/** Waits for the SMS to the number (+855…) and returns the code in it. */
async function codeSentTo(phone: string, after: number): Promise<string> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const message = sent.slice(after).find((item) => item.to === phone);
    const code = message?.text.match(/code is (\d{6})/)?.[1];
    if (code) return code;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`no SMS to ${phone}: ${JSON.stringify(sent)}`);
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// A number of its own per run (a database on PostgreSQL is kept from one run to the next).
const LOCAL = `97${String(Date.now() % 10_000_000).padStart(7, '0')}`;
const PHONE = `+855${LOCAL}`;
const toKhmer = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
/** Typed as a person types it, in Khmer digits: ០៩៧ ១២៣ ៤៥៦៧. */
const PHONE_TYPED_KM = toKhmer(`0${LOCAL.slice(0, 2)} ${LOCAL.slice(2, 5)} ${LOCAL.slice(5)}`);
const PASSWORD = 'rice-field-2026';
const NAME = 'សុខា ចាន់ (គំរូ)';

describe('a citizen signs up by phone on a 390 px screen, in Khmer', () => {
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[] = [];
  beforeEach(async () => {
    context = await journey.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    cspViolations = watchCspViolations(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(cspViolations).toEqual([]);
  });

  it(
    'signs up with the SMS code, signs in again, applies and sees it under my applications',
    async () => {
      const shell = new ShellPage(page, journey.baseUrl);
      await page.goto(`${journey.baseUrl}/sign-up`, { waitUntil: 'load' });
      await shell.waitForHeading(accessKm('access.signUp.title'));
      expect(await shell.htmlLang()).toBe('km');
      let problems = await shell.seriousAccessibilityProblems();
      expect(problems, accessibilityReport(problems)).toEqual([]);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

      const before = sent.length;
      await page.locator('main form[data-step="phone"] input[name="phone"]').fill(PHONE_TYPED_KM);
      await page.locator('main form[data-step="phone"] button[type="submit"]').click();
      const codeForm = page.locator('main form[data-step="code"]');
      await codeForm.waitFor();
      const code = await codeSentTo(PHONE, before);

      // A wrong code first: a clear message in Khmer, and the form stays.
      await codeForm.locator('input[name="code"]').fill(code === '000000' ? '111111' : '000000');
      await codeForm.locator('input[name="displayName"]').fill(NAME);
      await codeForm.locator('input[name="password"]').fill(PASSWORD);
      await codeForm.locator('button[type="submit"]').click();
      const alert = page.locator('main [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(accessKm('errors.access.code.wrong'));
      problems = await shell.seriousAccessibilityProblems();
      expect(problems, accessibilityReport(problems)).toEqual([]);

      await codeForm.locator('input[name="code"]').fill(code);
      await codeForm.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(await shell.signedInName()).toBe(NAME);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

      // Signed out and in again with the password, by the number typed another way.
      await shell.signOut();
      const apply = '/services/commune.certification/apply?unit=230201';
      await signInThrough(page, journey.baseUrl, `0${LOCAL}`, apply, PASSWORD);
      const services = new ServicesPage(page, journey.baseUrl);
      await page.locator('main form.svc-apply-form').waitFor();
      await services.fillField('document_kind', 'copy');
      await services.fillField('copies', '១');
      const number = await services.submitAndReadNumber('svc-apply-form');
      expect(number).toMatch(/^[0-9A-Z]{8}$/);
      await page.goto(`${journey.baseUrl}/my/applications`, { waitUntil: 'load' });
      await page.locator(`main [data-number="${number}"]`).first().waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('offers password recovery from the sign-in page, with the same answer for any number', async () => {
    const shell = new ShellPage(page, journey.baseUrl);
    await page.goto(`${journey.baseUrl}/sign-in`, { waitUntil: 'load' });
    await page.locator('main a[href="/sign-in/recover"]').click();
    await shell.waitForHeading(accessKm('access.recover.title'));
    const problems = await shell.seriousAccessibilityProblems();
    expect(problems, accessibilityReport(problems)).toEqual([]);
    await page.locator('main input[name="phone"]').fill('011 999 888');
    await page.locator('main form[data-step="phone"] button[type="submit"]').click();
    await page.locator('main form[data-step="code"]').waitFor();
    await page.locator('main .phone-code__sent').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
});
