/**
 * Operations and messages, on a desktop and on a 390 px phone, in Khmer and English.
 *
 * The failed background jobs: the server runs with an SMS gateway that refuses every
 * connection and one delivery attempt per message, so a complaint filed with a phone number
 * leaves its `notifications.deliver` job in the dead-letter list. The national administrator
 * opens /operations/jobs, finds that job (its name, its last error), runs it again: the page
 * says it is back in the queue and it leaves the list (the API's list agrees).
 *
 * Messages to me: the commune clerk opens /account/notifications, is refused a phone number
 * that is not Cambodian (the message in the page's language), chooses e-mail with an address
 * and saves; the API holds the choice and the page shows it after a reload.
 *
 * Each page has no serious accessibility problem in either language and nothing is wider than
 * the screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ShellPage, type Language } from './pages/home.page.ts';
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
import { repoRoot } from './support/server.ts';

// The server this file starts (support/server.ts passes the environment on): an SMS gateway
// where nothing listens (port 9 on this machine: discard, closed), one attempt per message.
process.env.SMS_GATEWAY_URL = 'http://127.0.0.1:9/send';
process.env.NOTIFY_MAX_ATTEMPTS = '1';
process.env.NOTIFY_TIMEOUT_SECONDS = '2';

const operationsKm = kmCatalogue('web/src/modules/operations/locales/km.json');
const notificationsKm = kmCatalogue('web/src/modules/notifications/locales/km.json');
const catalogue = (path: string): Record<string, string> =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, string>;
const notificationsEn = catalogue('web/src/modules/notifications/locales/en.json');
const operationsEn = catalogue('web/src/modules/operations/locales/en.json');

type Device = Omit<(typeof VIEWPORTS)[number], 'viewport' | 'name'> & {
  name: string;
  viewport: { width: number; height: number };
};
/** The shared desktop, and a phone 390 px wide (the width the pages are checked at). */
const DEVICES: Device[] = [
  VIEWPORTS[0],
  { ...VIEWPORTS[1], name: 'phone (390 px)', viewport: { width: 390, height: 844 } },
];

interface FailedJob {
  id: string;
  name: string;
  error: string | null;
  attempts: number;
}
interface FailedPage {
  items: FailedJob[];
  total: number;
}

const journey = startJourney();

async function failedJobs(headers: Record<string, string>): Promise<FailedJob[]> {
  return (await getJson<FailedPage>(journey.baseUrl, '/api/jobs/failed?page=1&pageSize=100', headers)).items;
}

/** A complaint with a phone number whose message cannot be sent: its delivery job fails. */
async function aFailedDeliveryJob(headers: Record<string, string>): Promise<FailedJob> {
  const before = new Set((await failedJobs(headers)).map((job) => job.id));
  const filed = await fetch(`${journey.baseUrl}/api/services/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: 'office',
      unitCode: '230202',
      description: 'ការិយាល័យបិទទ្វារក្នុងម៉ោងធ្វើការ (ឧទាហរណ៍ សាកល្បង) / The office was closed (example).',
      complainant: { phone: '012 444 555', sex: 'female', ageGroup: '50-64' },
    }),
  });
  if (filed.status !== 201) throw new Error(`the complaint: ${filed.status} ${await filed.text()}`);
  const start = Date.now();
  for (;;) {
    const job = (await failedJobs(headers)).find(
      (item) => !before.has(item.id) && item.name === 'notifications.deliver',
    );
    if (job) return job;
    if (Date.now() - start > 60_000)
      throw new Error(`no failed delivery job after 60 s\n${journey.server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function noSeriousProblems(shell: ShellPage, where: string): Promise<void> {
  const problems = await shell.seriousAccessibilityProblems();
  if (problems.length > 0) console.error(`[${where}]\n${accessibilityReport(problems)}`);
  expect(problems).toEqual([]);
}

async function fitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function inLanguage(shell: ShellPage, lang: Language): Promise<void> {
  await shell.switchLanguage(lang);
  // The menu (opened on a phone to switch) is closed again by a reload.
  await shell.reload();
}

describe.each(DEVICES)('operations journey on $name', ({ name, ...device }) => {
  let page: Page;
  // pagePerTest's type names the shared viewports' sizes; any size works.
  pagePerTest(journey, device, (opened) => (page = opened));

  it('shows a failed job to the national administrator, who runs it again', async () => {
    const admin = await apiSignIn(journey.baseUrl, 'admin@sndd.example');
    const job = await aFailedDeliveryJob(admin.headers);
    expect(job.error).toMatch(/sms/i);

    await signInThrough(page, journey.baseUrl, 'admin@sndd.example', '/operations/jobs');
    const shell = new ShellPage(page, journey.baseUrl);
    await shell.waitForHeading(operationsKm('operations.jobs.title'));
    const row = page.locator(`main tr[data-job="${job.id}"]`);
    await row.waitFor();
    expect((await row.locator('th').textContent())?.trim()).toBe('notifications.deliver');
    expect(await row.textContent()).toContain('sms');
    await noSeriousProblems(shell, `${name} km jobs`);
    await fitsTheScreen(page);

    // The same page in English.
    await inLanguage(shell, 'en');
    await shell.waitForHeading(operationsEn['operations.jobs.title']!);
    await row.waitFor();
    await noSeriousProblems(shell, `${name} en jobs`);
    await fitsTheScreen(page);

    // Run it again: the page says so, and the job leaves the list.
    await row.locator('button', { hasText: operationsEn['operations.jobs.retry']! }).click();
    await page.locator('main p[role="status"]').waitFor();
    expect(await page.locator('main p[role="status"]').textContent()).toContain('notifications.deliver');
    await row.waitFor({ state: 'detached' });
    expect((await failedJobs(admin.headers)).map((item) => item.id)).not.toContain(job.id);
  }, 240_000);

  it('lets the clerk choose how messages come, refusing a phone number that is not Cambodian', async () => {
    await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', '/account/notifications');
    const shell = new ShellPage(page, journey.baseUrl);
    await shell.waitForHeading(notificationsKm('notifications.title'));
    const form = page.locator('main form');
    await form.waitFor();
    await noSeriousProblems(shell, `${name} km preferences`);
    await fitsTheScreen(page);

    // A number that is not Cambodian: refused, in Khmer, nothing saved.
    await form.locator('input[name="phone"]').fill('+33 1 23 45 67 89');
    await form.locator('button[type="submit"]').click();
    await page.getByText(notificationsKm('errors.notifications.preference.bad_phone')).waitFor();
    const clerk = await apiSignIn(journey.baseUrl, 'kep.clerk@sndd.example');
    const unchanged = await getJson<{ phone: string | null }>(
      journey.baseUrl,
      '/api/notifications/preferences',
      clerk.headers,
    );
    expect(unchanged.phone).not.toBe('+33123456789');

    // In English: e-mail, with its address; saved.
    await inLanguage(shell, 'en');
    await shell.waitForHeading(notificationsEn['notifications.title']!);
    await noSeriousProblems(shell, `${name} en preferences`);
    const address = `kep.clerk.${name.split(' ')[0]}@example.org`;
    await form.locator('select[name="channel"]').selectOption('email');
    await form.locator('input[name="phone"]').fill('');
    await form.locator('input[name="email"]').fill(address);
    await form.locator('button[type="submit"]').click();
    await page.getByText(notificationsEn['notifications.saved']!, { exact: true }).waitFor();
    const saved = await getJson<{ channel: string | null; email: string | null }>(
      journey.baseUrl,
      '/api/notifications/preferences',
      clerk.headers,
    );
    expect(saved).toMatchObject({ channel: 'email', email: address });

    // After a reload the page shows the choice.
    await shell.reload();
    await form.waitFor();
    expect(await form.locator('select[name="channel"]').inputValue()).toBe('email');
    expect(await form.locator('input[name="email"]').inputValue()).toBe(address);
    await fitsTheScreen(page);
  }, 240_000);
});
