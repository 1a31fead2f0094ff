#!/usr/bin/env node
/**
 * The home-page budget of ADR 0006: the JavaScript the home page loads (its entry script and the
 * chunks preloaded with it), gzipped, is at most 150 KB. Builds the web app into web/dist first
 * (under two seconds; the browser journeys then serve that build), measures it the way the
 * benchmark does (bench/web-bundle.ts), lists each file, and exits 1 over the budget.
 *
 *   node --import tsx scripts/check-bundle.ts [--no-build]
 */
import { buildWeb, HOME_PAGE_BUDGET_BYTES, kb, measureHomePage } from '../bench/web-bundle.ts';

try {
  if (!process.argv.includes('--no-build')) buildWeb();
} catch (error) {
  console.error(`✗ home page JavaScript: ${(error as Error).message}`);
  process.exit(1);
}
const { files, total } = measureHomePage();
for (const { file, bytes } of files) console.log(`  ${kb(bytes).toFixed(1).padStart(7)} KB  ${file}`);
const line =
  `home page JavaScript: ${kb(total).toFixed(1)} KB gzipped in ${files.length} files ` +
  `(budget ${kb(HOME_PAGE_BUDGET_BYTES)} KB, ADR 0006; 1 KB = 1024 bytes)`;
if (total > HOME_PAGE_BUDGET_BYTES) {
  console.error(`✗ ${line}: ${kb(total - HOME_PAGE_BUDGET_BYTES).toFixed(1)} KB over`);
  process.exitCode = 1;
} else {
  console.log(`${line}: ${kb(HOME_PAGE_BUDGET_BYTES - total).toFixed(1)} KB to spare`);
}
