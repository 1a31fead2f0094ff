/**
 * The dashboard's catalogues (loaded with its lazy chunk, see i18n.ts), checked as
 * web/scripts/check-catalogues.mjs checks the main ones, plus the keys the pages build at run
 * time (breakdowns, figures, months) and the messages of the API's stable error codes.
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
const KEY_PATTERN = /\bt\(\s*'([^'\n]+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the dashboard catalogues', () => {
  const kmTexts: Record<string, string> = km;
  const enTexts: Record<string, string> = en;
  const has = (key: string) => (key in kmTexts || key in mainKm) && (key in enTexts || key in mainEn);

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

  it('hold only dashboard keys, none of them also in the main catalogues', () => {
    for (const key of Object.keys(kmTexts)) {
      expect(key).toMatch(/^(servicesDashboard\.|errors\.services\.dashboard\.)/);
      expect(key in mainKm || key in mainEn, `${key} is in the main catalogues too`).toBe(false);
    }
    expect('servicesDashboard.nav' in mainKm && 'servicesDashboard.nav' in mainEn).toBe(true);
  });

  it('have every key the module uses literally', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(moduleDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(KEY_PATTERN)) {
        const key = match[1] ?? '';
        if (!has(key)) missing.push(`${key} (${file.slice(moduleDir.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name every breakdown, figure, period problem and month the pages build keys for', () => {
    const built = [
      ...['service', 'sex', 'ageGroup', 'disability'].flatMap((kind) => [
        `servicesDashboard.by.${kind}`,
        `servicesDashboard.col.${kind}`,
      ]),
      ...['received', 'completed', 'onTimeRate', 'medianDays', 'overdueNow', 'feesRiel', 'satisfaction'].map(
        (figure) => `servicesDashboard.figure.${figure}`,
      ),
      'servicesDashboard.period.order',
      'servicesDashboard.period.length',
      ...Array.from({ length: 12 }, (_, index) => `servicesDashboard.month.${index + 1}`),
    ];
    expect(built.filter((key) => !(key in kmTexts && key in enTexts))).toEqual([]);
  });

  it('explain the stable error codes of the dashboard API', async () => {
    expect(kmTexts['errors.services.dashboard.bad_period']).toBeTruthy();
    expect(enTexts['errors.services.dashboard.bad_period']).toBeTruthy();
    // services.unit.unknown belongs to the services catalogue; ours registers it when missing.
    const { default: i18next } = await import('i18next');
    await i18next.init({ lng: 'km', keySeparator: false, nsSeparator: false, resources: {} });
    await import('./i18n.ts');
    expect(i18next.t('errors.services.unit.unknown', { lng: 'km' })).toBe(
      kmTexts['servicesDashboard.error.unitUnknown'],
    );
    expect(i18next.t('errors.services.unit.unknown', { lng: 'en' })).toBe(
      enTexts['servicesDashboard.error.unitUnknown'],
    );
    expect(i18next.t('errors.services.dashboard.bad_period', { lng: 'en' })).toBe(
      enTexts['errors.services.dashboard.bad_period'],
    );
  });
});
