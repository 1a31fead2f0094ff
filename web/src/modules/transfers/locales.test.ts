/**
 * The transfers module's catalogues (loaded with its lazy chunk, see i18n.ts) checked as
 * web/scripts/check-catalogues.mjs checks the main ones: both languages have every key, no
 * value is empty or left in English, placeholders agree, and every key the module's code uses
 * literally is in the module's or the main catalogues. Also: the stable error codes of the API
 * that the pages show have their message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import km from './locales/km.json';
import mainEn from '../../locales/en.json';
import mainKm from '../../locales/km.json';

const moduleDir = fileURLToPath(new URL('.', import.meta.url));
const placeholders = (value: string) =>
  [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const KEY_PATTERN = /\bt\(\s*'([^'\n]+)'/g;

describe('the transfers catalogues', () => {
  const kmTexts: Record<string, string> = km;
  const enTexts: Record<string, string> = en;

  it('have the same keys in Khmer and English, each translated and with the same placeholders', () => {
    expect(Object.keys(kmTexts).sort()).toEqual(Object.keys(enTexts).sort());
    for (const [key, kmValue] of Object.entries(kmTexts)) {
      const enValue = enTexts[key] ?? '';
      expect(kmValue.trim(), key).not.toBe('');
      expect(enValue.trim(), key).not.toBe('');
      if (/[A-Za-z]/.test(kmValue)) expect(kmValue, `${key} is not translated`).not.toBe(enValue);
      expect(placeholders(kmValue), key).toEqual(placeholders(enValue));
    }
  });

  it('hold only transfers keys, none of them also in the main catalogues', () => {
    for (const key of Object.keys(kmTexts)) {
      expect(key).toMatch(/^(errors\.)?transfers\./);
      expect(key in mainKm || key in mainEn, `${key} is in the main catalogues too`).toBe(false);
    }
  });

  it('have every key the module uses', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(moduleDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(KEY_PATTERN)) {
        const key = match[1] ?? '';
        const known = (key in kmTexts || key in mainKm) && (key in enTexts || key in mainEn);
        if (!known) missing.push(`${key} (${file.slice(moduleDir.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('explain the stable error codes of the transfers API', () => {
    for (const code of [
      'transfers.allocation.same_person',
      'transfers.allocation.bad_status',
      'transfers.year.published',
      'transfers.input.missing_value',
      'transfers.formula.weights_not_100',
      'transfers.formula.invalid',
      'transfers.program.unknown',
      'transfers.formula.version_taken',
      'transfers.input.negative_value',
    ]) {
      expect(kmTexts[`errors.${code}`], code).toBeTruthy();
      expect(enTexts[`errors.${code}`], code).toBeTruthy();
    }
  });

  it('name every status, equity figure and sort order the pages build keys for', () => {
    const built = [
      ...['draft', 'approved', 'published', 'superseded'].map((s) => `transfers.status.${s}`),
      ...['gini', 'theil', 'coefficientOfVariation', 'maxMinRatio', 'povertyCorrelation'].flatMap((f) => [
        `transfers.equity.${f}`,
        `transfers.equity.${f}.help`,
      ]),
      ...['code', '-code', 'amount', '-amount'].map((s) => `transfers.lines.sort.${s}`),
      'transfers.explanation.limit.floor',
      'transfers.explanation.limit.cap',
      'transfers.actions.done.approved',
      'transfers.actions.done.published',
    ];
    for (const key of built) {
      expect(kmTexts[key], key).toBeTruthy();
      expect(enTexts[key], key).toBeTruthy();
    }
  });
});
