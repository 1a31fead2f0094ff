#!/usr/bin/env node
/**
 * Fails when the JavaScript loaded for the home page (the entry script and the chunks Vite
 * preloads with it) exceeds the budget, gzipped. Citizens reach the portal on phones over slow
 * links; other pages are lazy-loaded and do not count. Run after `vite build`.
 *
 *   node web/scripts/check-bundle-size.mjs [budgetKB=150]
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budgetKB = Number(process.argv[2] ?? 150);

let html;
try {
  html = await readFile(join(distDir, 'index.html'), 'utf8');
} catch {
  console.error('bundle size: web/dist/index.html is missing; run `npm run build` first');
  process.exit(1);
}

const files = [
  ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((m) => m[1]);

let total = 0;
for (const file of new Set(files)) {
  const size = gzipSync(await readFile(join(distDir, file))).length;
  total += size;
  console.log(`  ${(size / 1000).toFixed(1).padStart(7)} kB  ${file}`);
}
const totalKB = total / 1000;
const line = `bundle size: home route JavaScript ${totalKB.toFixed(1)} kB gzipped (budget ${budgetKB} kB)`;
if (totalKB > budgetKB) {
  console.error(line);
  process.exitCode = 1;
} else {
  console.log(line);
}
