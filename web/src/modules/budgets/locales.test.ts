/**
 * The budgets module's catalogues (loaded with its lazy chunk, see i18n.ts) checked as
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

describe('the budgets catalogues', () => {
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

  it('hold only budgets keys, none of them also in the main catalogues', () => {
    for (const key of Object.keys(kmTexts)) {
      expect(key).toMatch(/^(errors\.)?budgets\./);
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

  it('explain every stable error code of the budgets API', () => {
    for (const code of [
      'budgets.budget.council_decision_missing',
      'budgets.budget.not_proposed',
      'budgets.budget.not_approved',
      'budgets.budget.exists',
      'budgets.budget.empty',
      'budgets.budget.not_found',
      'budgets.council_decision.future_date',
      'budgets.line.system_owned',
      'budgets.line.unknown_economic_class',
      'budgets.line.unknown_functional_class',
      'budgets.line.unknown_fund_source',
      'budgets.line.functional_class_required',
      'budgets.line.direction_mismatch',
      'budgets.line.negative_amount',
      'budgets.line.bad_amount',
      'budgets.line.not_current',
      'budgets.line.not_found',
      'budgets.actual.negative_amount',
      'budgets.actual.empty',
      'budgets.adjustment.reason_missing',
      'budgets.adjustment.drops_executed_line',
      'budgets.adjustment.unknown_line',
      'budgets.adjustment.duplicate_line',
      'budgets.adjustment.partial_decision',
      'budgets.import.has_problems',
      'budgets.report.no_budget',
      'budgets.unit.not_an_administration',
      'budgets.version.not_found',
      'budgets.open_data.no_resource',
    ]) {
      expect(kmTexts[`errors.${code}`], code).toBeTruthy();
      expect(enTexts[`errors.${code}`], code).toBeTruthy();
    }
  });

  it('name every phase, direction, quarter, tier and version kind the pages build keys for', () => {
    const built = [
      ...['proposed', 'approved', 'adjusted', 'executed'].map((p) => `budgets.phase.${p}`),
      ...['revenue', 'expenditure'].map((d) => `budgets.direction.${d}`),
      ...['q1', 'q2', 'q3', 'q4'].map((q) => `budgets.quarter.${q}`),
      ...['province', 'district', 'commune'].map((tier) => `budgets.tier.${tier}`),
      ...['original', 'adjustment', 'transfer'].map((kind) => `budgets.versions.kind.${kind}`),
    ];
    for (const key of built) {
      expect(kmTexts[key], key).toBeTruthy();
      expect(enTexts[key], key).toBeTruthy();
    }
  });
});
