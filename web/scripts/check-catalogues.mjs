#!/usr/bin/env node
/**
 * Checks that the Khmer and English catalogues are complete and agree with each other and with
 * the keys the source uses. Exits 1 and lists every problem; prints one summary line either way.
 *
 *   node web/scripts/check-catalogues.mjs
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(webDir, 'src');
const localesDir = join(srcDir, 'locales');

// Values allowed to be identical in Khmer and English although they contain Latin letters:
// proper nouns and technical names that Khmer text writes in Latin script too.
const SAME_IN_BOTH_ALLOWED = new Set(['English', 'OpenAPI', 'API', 'SNDD', 'NP-2']);

const problems = [];

async function loadCatalogue(lang) {
  const file = join(localesDir, `${lang}.json`);
  let data;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push(`${lang}.json: cannot be read as JSON (${error.message})`);
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push(`${lang}.json: must be an object of flat keys`);
    return {};
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      problems.push(`${lang}.json: "${key}" is not a string (catalogues use flat keys)`);
    }
  }
  return data;
}

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) yield path;
  }
}

const placeholders = (value) =>
  new Set([...String(value).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));

const [km, en] = await Promise.all([loadCatalogue('km'), loadCatalogue('en')]);

// A module may keep its texts in a locales/{km,en}.json of its folder or of one of its parts
// (src/modules/services/dashboard/locales), loaded with its lazy chunk so that the home page
// does not carry them: they are checked as part of one catalogue.
async function loadModuleCatalogues(lang, into) {
  const modulesDir = join(srcDir, 'modules');
  const entries = await readdir(modulesDir, { recursive: true, withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && entry.name === 'locales')
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const folder of folders) {
    const file = join(folder, `${lang}.json`);
    let data;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      if (error.code !== 'ENOENT')
        problems.push(`${relative(webDir, file)}: cannot be read (${error.message})`);
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      if (key in into) problems.push(`${relative(webDir, file)}: "${key}" is also in another catalogue`);
      into[key] = value;
    }
  }
}
await Promise.all([loadModuleCatalogues('km', km), loadModuleCatalogues('en', en)]);

for (const key of Object.keys(en)) {
  if (!(key in km)) problems.push(`km.json: missing key "${key}" (present in en.json)`);
}
for (const key of Object.keys(km)) {
  if (!(key in en)) problems.push(`en.json: missing key "${key}" (present in km.json)`);
}

for (const [lang, catalogue] of [
  ['km', km],
  ['en', en],
]) {
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string' && value.trim() === '') {
      problems.push(`${lang}.json: empty value for "${key}"`);
    }
  }
}

for (const [key, kmValue] of Object.entries(km)) {
  const enValue = en[key];
  if (typeof kmValue !== 'string' || typeof enValue !== 'string') continue;
  if (kmValue === enValue && /[A-Za-z]/.test(kmValue) && !SAME_IN_BOTH_ALLOWED.has(kmValue)) {
    problems.push(`km.json: "${key}" is not translated (same as English: "${kmValue}")`);
  }
  const kmVars = placeholders(kmValue);
  const enVars = placeholders(enValue);
  for (const name of enVars) {
    if (!kmVars.has(name)) problems.push(`km.json: "${key}" lacks the placeholder {{${name}}}`);
  }
  for (const name of kmVars) {
    if (!enVars.has(name)) problems.push(`en.json: "${key}" lacks the placeholder {{${name}}}`);
  }
}

// Literal keys only: t('a.b'), t("a.b"), i18nKey="a.b", i18nKey={'a.b'}. Keys built at run time
// (errors.<code>) fall back to errors.unknown, so they cannot break the page.
const KEY_PATTERNS = [/\bt\(\s*'([^'\n]+)'/g, /\bt\(\s*"([^"\n]+)"/g, /\bi18nKey=\{?\s*["']([^"'\n]+)["']/g];

let filesScanned = 0;
const usedKeys = new Map();
for await (const file of sourceFiles(srcDir)) {
  filesScanned += 1;
  const text = await readFile(file, 'utf8');
  for (const pattern of KEY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const key = match[1];
      if (!usedKeys.has(key)) usedKeys.set(key, relative(webDir, file));
    }
  }
}

for (const [key, file] of usedKeys) {
  if (!(key in km)) problems.push(`km.json: missing key "${key}" used in ${file}`);
  if (!(key in en)) problems.push(`en.json: missing key "${key}" used in ${file}`);
}

for (const problem of problems) console.error(`  ✗ ${problem}`);
const summary =
  `catalogues: ${Object.keys(km).length} km keys, ${Object.keys(en).length} en keys, ` +
  `${usedKeys.size} keys used in ${filesScanned} source files, ${problems.length} problem(s)`;
if (problems.length > 0) {
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
