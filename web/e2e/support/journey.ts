/**
 * What every browser journey sets up, once: the server and the browser for the file, a fresh
 * browser context per test (no session carried over) that fails the test on any CSP violation,
 * signing in through the sign-in page or through the API, the Khmer catalogues, and the axe
 * report. A journey file reads:
 *
 *   const journey = startJourney();
 *   describe.each(VIEWPORTS)('… on $name', (device) => {
 *     let page: Page;
 *     pagePerTest(journey, device, (opened) => (page = opened));
 *     it('…', async () => { await signInThrough(page, journey.baseUrl, 'officer@sndd.example', '/x'); … });
 *   });
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { AxeProblem } from '../pages/home.page.ts';
import { SignInPage } from '../pages/sign-in.page.ts';
import { launchBrowser, watchCspViolations } from './browser.ts';
import { DEMO_PASSWORD, repoRoot, startServer, type RunningServer } from './server.ts';

export interface Journey {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The server's address, `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
}

/** Starts the server and the browser before the file's tests and stops both after them. */
export function startJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started (use it inside a test)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get baseUrl() {
      return started(server).baseUrl;
    },
  };
}

/** A screen: the shared desktop and phone (VIEWPORTS), or a journey's own (390 px wide, say). */
interface Device {
  viewport: { width: number; height: number };
  isMobile: boolean;
  hasTouch: boolean;
}

/**
 * A fresh browser context and page for each test on the device (no session cookie carried
 * from one test to the next), handed to `use`; after the test the context closes and the
 * test fails on any Content-Security-Policy violation the page reported.
 */
export function pagePerTest(
  journey: Journey,
  { viewport, isMobile, hasTouch }: Device,
  use: (page: Page, context: BrowserContext) => void,
): void {
  let context: BrowserContext | undefined;
  let cspViolations: string[] = [];
  beforeEach(async () => {
    context = await journey.browser.newContext({ viewport, isMobile, hasTouch });
    const page = await context.newPage();
    cspViolations = watchCspViolations(page);
    use(page, context);
  });
  afterEach(async () => {
    await context?.close();
    expect(cspViolations).toEqual([]);
  });
}

/**
 * Signs in through the sign-in page (with the demo password unless another is given), sent
 * on to `next`, and waits until the browser is there (`next`'s path, its query included when
 * it has one).
 */
export async function signInThrough(
  page: Page,
  baseUrl: string,
  login: string,
  next: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  const signIn = new SignInPage(page, baseUrl);
  await signIn.goto(next);
  await signIn.signIn(login, password);
  const withQuery = next.includes('?');
  await page.waitForURL((url) => (withQuery ? `${url.pathname}${url.search}` : url.pathname) === next);
}

/** A session signed in through the API, for fetch calls beside what the page shows. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** The headers of a write: the session's cookie and CSRF token. */
  headers: Record<string, string>;
  /** A JSON request in the session; an answer that is not 2xx fails the test with its text. */
  send<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** GET a JSON answer (anyone's, or with the headers given); an answer that is not 2xx fails the test. */
export async function getJson<T>(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in through the API (with the demo password). */
export async function apiSignIn(baseUrl: string, login: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${login}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    cookie,
    csrfToken,
    headers,
    async send<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },
  };
}

/**
 * A Khmer catalogue of the web (a path from the repository's root, e.g.
 * `web/src/locales/km.json`) as a lookup: a missing key fails the test rather than comparing
 * with undefined.
 */
export function kmCatalogue(path: string): (key: string) => string {
  const km = JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, string>;
  return (key) => {
    const value = km[key];
    if (value === undefined) throw new Error(`${path} has no key ${key}`);
    return value;
  };
}

/** Khmer pages show Khmer digits unless the reader turns them off. */
export function khmerDigits(value: number | string): string {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
}

/** axe's serious problems, one per paragraph, for a failure message. */
export function accessibilityReport(problems: AxeProblem[]): string {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help}\n    ${p.targets.join('\n    ')}`).join('\n');
}
