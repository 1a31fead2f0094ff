/**
 * How much JavaScript a phone downloads to show the home page: every script and modulepreload
 * that web/dist/index.html names, each gzipped (level 9), summed. One measure for the benchmark
 * (bench/web-bundle.bench.ts) and for the budget that `npm run check` enforces
 * (scripts/check-bundle.ts; ADR 0006: at most 150 KB).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../api/src/config.ts';

/** ADR 0006: the home page ships at most 150 KB of JavaScript, gzipped (1 KB = 1024 bytes). */
export const HOME_PAGE_BUDGET_BYTES = 150 * 1024;

export const webDist = path.join(repoRoot, 'web', 'dist');

export const gzipped = (file: string): number => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Builds the web app into web/dist (`npm run build -w web`), as production does. */
export function buildWeb(): void {
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`the web app does not build (npm run build):\n${build.stdout}${build.stderr}`);
  }
}

/** The scripts the home page loads: its entry script and the chunks preloaded with it. */
export function homePageScripts(dist = webDist): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return [
    ...new Set(
      [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
        (m) => m[1] ?? '',
      ),
    ),
  ];
}

/** Each home-page script of a built web app with its gzipped size, and the total, in bytes. */
export function measureHomePage(dist = webDist): { files: { file: string; bytes: number }[]; total: number } {
  const files = homePageScripts(dist).map((src) => ({
    file: src.replace(/^\//, ''),
    bytes: gzipped(path.join(dist, src.replace(/^\//, ''))),
  }));
  return { files, total: files.reduce((sum, { bytes }) => sum + bytes, 0) };
}

/** Bytes as KB with one decimal (1 KB = 1024 bytes). */
export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
