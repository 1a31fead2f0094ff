/**
 * Public pages on a phone over a slow mobile network (issue #19): Lighthouse's mobile preset
 * with its simulated slow 4G (150 ms round trip, 1.6 Mbit/s down, CPU slowed 4×), run against
 * the real server (`npm start` on a prepared PGlite folder with the whole country and the demo,
 * serving the production build of the web app), the median of three runs per page.
 *
 * Pages: the home page, the list of services, a commune's unit page and a tracking page with a
 * real demo tracking number. Baseline: the same visible text of each page served as one plain,
 * static HTML page with no script and no web font, measured by the same Lighthouse in the same
 * run: the floor any page carrying that text over that network can reach.
 *
 * Targets: LCP < 2.5 s, CLS < 0.1, TBT < 200 ms, JavaScript transferred < 150 KB (gzipped).
 * Smoke mode (CI): the home page only, one run, to notice a bench that stops running.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import { result, smoke, type BenchResult } from './harness.ts';
import { buildWeb } from './web-bundle.ts';
import { startServer } from '../web/e2e/support/server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchBrowser } from '../web/e2e/support/browser.ts';

const RUNS = smoke ? 1 : Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TARGETS = { lcpMs: 2_500, cls: 0.1, tbtMs: 200, scriptKb: 150 };

interface PageFigures {
  lcpMs: number;
  cls: number;
  tbtMs: number;
  scriptKb: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One Lighthouse run of `url` (performance only, mobile preset, simulated slow 4G). */
async function lighthouseRun(url: string, port: number): Promise<PageFigures> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
  const runner = await lighthouse(url, flags);
  const audits = runner?.lhr.audits;
  if (!audits) throw new Error(`Lighthouse gave no result for ${url}`);
  const requests =
    (audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] })
      ?.items ?? [];
  const scriptBytes = requests
    .filter((request) => request.resourceType === 'Script')
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    scriptKb: scriptBytes / 1024,
  };
}

async function medianOf(url: string, port: number): Promise<PageFigures> {
  const runs: PageFigures[] = [];
  for (let index = 0; index < RUNS; index++) runs.push(await lighthouseRun(url, port));
  return {
    lcpMs: median(runs.map((run) => run.lcpMs)),
    cls: median(runs.map((run) => run.cls)),
    tbtMs: median(runs.map((run) => run.tbtMs)),
    scriptKb: median(runs.map((run) => run.scriptKb)),
  };
}

/** The visible text of each page once it has rendered, read by a real browser. */
async function visibleTexts(urls: string[]): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const texts: string[] = [];
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'networkidle' });
      texts.push(await page.locator('body').innerText());
    }
    return texts;
  } finally {
    await browser.close();
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serves each text as a plain static page at /0, /1, …: no script, no web font, one request. */
async function serveStaticPages(texts: string[]): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const text = texts[Number(request.url?.slice(1))];
    if (text === undefined) {
      response.writeHead(404).end();
      return;
    }
    const paragraphs = text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="km"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title></head><body>${paragraphs}</body></html>`,
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A real tracking number from the demo, read from the public Open311 list as any client would. */
async function demoTrackingNumber(baseUrl: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/open311/v2/requests.json`);
  if (!response.ok) return undefined;
  const requests = (await response.json()) as { service_request_id?: string }[];
  return requests.find((request) => request.service_request_id)?.service_request_id;
}

export async function run(): Promise<BenchResult[]> {
  buildWeb();
  // The embedded database, as a commune office runs it, even when the other benchmarks were
  // given a PostgreSQL database: a first start there would load the country and the demo into it.
  const databaseUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const app = await startServer().finally(() => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
  });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  let baseline: { server: Server; base: string } | undefined;
  try {
    const tracking = await demoTrackingNumber(app.baseUrl);
    const pages: { name: string; path: string }[] = [
      { name: 'home', path: '/' },
      { name: 'services', path: '/services' },
      { name: 'unit page (Kep commune 230201)', path: '/units/230201' },
      { name: 'tracking', path: tracking ? `/track?number=${encodeURIComponent(tracking)}` : '/track' },
    ].slice(0, smoke ? 1 : undefined);
    const texts = await visibleTexts(pages.map((page) => `${app.baseUrl}${page.path}`));
    baseline = await serveStaticPages(texts);
    const results: BenchResult[] = [];
    for (const [index, page] of pages.entries()) {
      const figures = await medianOf(`${app.baseUrl}${page.path}`, chrome.port);
      const floor = await medianOf(`${baseline.base}/${index}`, chrome.port);
      const baselineName = `the same text as static HTML (median of ${RUNS})`;
      results.push(
        result({
          name: `${page.name}: LCP, mobile slow 4G`,
          unit: 'ms',
          figure: figures.lcpMs,
          baselineName,
          baseline: floor.lcpMs,
          target: { text: `< ${TARGETS.lcpMs} ms`, met: figures.lcpMs < TARGETS.lcpMs },
        }),
        result({
          name: `${page.name}: CLS (×1000)`,
          unit: '‰',
          figure: figures.cls * 1000,
          baselineName,
          // A static page shifts nothing: its CLS is 0, so the ratio is against 0.001 at least.
          baseline: Math.max(floor.cls * 1000, 1),
          target: { text: `< ${TARGETS.cls}`, met: figures.cls < TARGETS.cls },
        }),
        result({
          name: `${page.name}: TBT`,
          unit: 'ms',
          figure: figures.tbtMs,
          baselineName,
          baseline: Math.max(floor.tbtMs, 1),
          target: { text: `< ${TARGETS.tbtMs} ms`, met: figures.tbtMs < TARGETS.tbtMs },
        }),
        result({
          name: `${page.name}: JavaScript transferred`,
          unit: 'KB',
          figure: figures.scriptKb,
          baselineName: 'the static page (no script; 1 KB floor)',
          baseline: Math.max(floor.scriptKb, 1),
          target: { text: `< ${TARGETS.scriptKb} KB`, met: figures.scriptKb < TARGETS.scriptKb },
        }),
      );
    }
    return results;
  } finally {
    baseline?.server.close();
    chrome.kill();
    await app.stop();
  }
}
