/**
 * The checks every module with its own catalogues (loaded with its lazy chunk, ADR 0007) runs in
 * its `locales.test.ts`, as web/scripts/check-catalogues.mjs checks the main ones: both
 * languages have every key, no value is empty or left in English, placeholders agree, the
 * module's keys are its own, every key its code uses literally exists, and the keys its pages
 * build at run time (statuses, error codes, ...) have their text. Test code only: it imports
 * vitest and node:fs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import mainEn from '../locales/en.json';
import mainKm from '../locales/km.json';

export interface ModuleCatalogues {
  /** The module's folder: `new URL('.', import.meta.url)` from its test. */
  moduleUrl: URL;
  km: Record<string, string>;
  en: Record<string, string>;
  /** What every key of the module starts with. */
  ownKeys: RegExp;
  /** Keys the pages build at run time, so a literal search cannot find them. */
  builtKeys?: readonly string[];
  /** The API's stable error codes the pages show: each needs `errors.<code>`. */
  errorCodes?: readonly string[];
}

// Calls of t, and of km where a page prints Khmer whatever the reader's language (the A4 board).
const KEY_PATTERN = /\b(?:t|km)\(\s*'([^'\n]+)'/g;

const placeholders = (value: string) =>
  [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();

/** The module's source files; a part in a sub-folder with catalogues of its own checks itself. */
function sourceFiles(dir: string, top = true): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (!top && entries.some((entry) => entry.isDirectory() && entry.name === 'locales')) return [];
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, false);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Declares the checks as `it` blocks; call it inside the module's `describe`. */
export function checkModuleCatalogues({
  moduleUrl,
  km,
  en,
  ownKeys,
  builtKeys = [],
  errorCodes = [],
}: ModuleCatalogues) {
  const main: { km: Record<string, string>; en: Record<string, string> } = { km: mainKm, en: mainEn };
  // A key may live in the module's catalogue or in the main one (loaded before any module).
  const known = (key: string) => Boolean((km[key] ?? main.km[key]) && (en[key] ?? main.en[key]));

  it('have the same keys in Khmer and English, each translated and with the same placeholders', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
    for (const [key, kmValue] of Object.entries(km)) {
      const enValue = en[key] ?? '';
      expect(kmValue.trim(), key).not.toBe('');
      expect(enValue.trim(), key).not.toBe('');
      if (/[A-Za-z]/.test(kmValue)) expect(kmValue, `${key} is not translated`).not.toBe(enValue);
      expect(placeholders(kmValue), key).toEqual(placeholders(enValue));
    }
  });

  it('hold only the module’s keys, none of them also in the main catalogues', () => {
    for (const key of Object.keys(km)) {
      expect(key).toMatch(ownKeys);
      expect(key in main.km || key in main.en, `${key} is in the main catalogues too`).toBe(false);
    }
  });

  it('have every key the module uses literally', () => {
    const moduleDir = fileURLToPath(moduleUrl);
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(moduleDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(KEY_PATTERN)) {
        const key = match[1] ?? '';
        used += 1;
        if (!known(key)) missing.push(`${key} (${file.slice(moduleDir.length)})`);
      }
    }
    // The search itself works: a module with catalogues uses keys.
    expect(used).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('name every key the pages build and explain the API’s stable error codes', () => {
    const wanted = [...builtKeys, ...errorCodes.map((code) => `errors.${code}`)];
    expect(wanted.filter((key) => !known(key))).toEqual([]);
  });
}
