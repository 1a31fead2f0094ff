import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AGE_GROUP_KEYS,
  CHANNEL_KEYS,
  COMPLAINT_STATUS_KEYS,
  COMPLAINT_STEP_KEYS,
  SERVICES_ERROR_CODES,
  SEX_KEYS,
  STATUS_KEYS,
  STEP_KEYS,
  SUBJECT_KEYS,
  TIER_KEYS,
} from './labels.ts';

type Catalogue = Record<string, string>;
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Catalogue;
/** The services' own catalogue (loaded with the lazy pages) over the shared one. */
const catalogue = (lang: string): Catalogue => ({
  ...read(`../../locales/${lang}.json`),
  ...read(`./locales/${lang}.json`),
});

// Keys built at run time escape the catalogue check (it reads only keys written out in the source).
const KEYS = [
  ...Object.values(STATUS_KEYS),
  ...Object.values(STEP_KEYS),
  ...Object.values(COMPLAINT_STATUS_KEYS),
  ...Object.values(COMPLAINT_STEP_KEYS),
  ...Object.values(SUBJECT_KEYS),
  ...Object.values(SEX_KEYS),
  ...Object.values(AGE_GROUP_KEYS),
  ...Object.values(TIER_KEYS),
  ...Object.values(CHANNEL_KEYS),
  ...SERVICES_ERROR_CODES.map((code) => `errors.${code}`),
];

describe.each(['km', 'en'])('the %s catalogue', (lang) => {
  const messages = catalogue(lang);
  it('names every status, step, subject, sex, age group, tier and channel of the services', () => {
    expect(KEYS.filter((key) => !messages[key])).toEqual([]);
  });

  it('translates every stable error code of the services API', () => {
    expect(SERVICES_ERROR_CODES.length).toBeGreaterThan(50);
    expect(SERVICES_ERROR_CODES.filter((code) => !messages[`errors.${code}`])).toEqual([]);
  });
});

it('lists every error code the services API throws', () => {
  // The API's source is read as text: a new code there without a translation here fails.
  const dir = new URL('../../../../api/src/modules/services/', import.meta.url);
  const files = [
    'applications.service.ts',
    'applications.routes.ts',
    'applicants.ts',
    'attachments.ts',
    'calendar.service.ts',
    'complaints.service.ts',
    'form-fields.ts',
    'standards.service.ts',
  ];
  const thrown = new Set<string>();
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const match of text.matchAll(/'(services\.[a-z_]+\.[a-z_]+)'/g)) thrown.add(match[1] as string);
  }
  const known = new Set<string>(SERVICES_ERROR_CODES);
  const permissionsAndAudit =
    /^services\.(application\.(file|process|transition|fee_paid|rate)|complaint\.(handle|file|transition)|attachment\.add|standard\.(create|revise|manage)|offering\.(create|update)|calendar\.(manage|replace)|outbox\.read)$/;
  expect([...thrown].filter((code) => !known.has(code) && !permissionsAndAudit.test(code))).toEqual([]);
});

describe('the services catalogues (web/src/modules/services/locales)', () => {
  const km = read('./locales/km.json');
  const en = read('./locales/en.json');
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

  it('hold the same keys in Khmer and English, none empty, with the same placeholders', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(km)) {
      expect(value.trim(), key).not.toBe('');
      expect((en[key] ?? '').trim(), key).not.toBe('');
      expect(placeholders(value), key).toEqual(placeholders(en[key] ?? ''));
      // Khmer is written in Khmer: a value copied from English would show here.
      if (/[A-Za-z]{4,}/.test(value)) expect(value, key).not.toBe(en[key]);
    }
  });

  it('hold only services keys and the services error codes', () => {
    expect(Object.keys(km).filter((key) => !/^(errors\.)?services\./.test(key))).toEqual([]);
  });

  it('hold every key the services pages use', () => {
    const dir = new URL('./', import.meta.url);
    const shared = { ...read('../../locales/km.json'), ...km };
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter(
      (name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'),
    )) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const match of text.matchAll(/\b(?:t|km)\(\s*'([^'\n]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((key) => !(key in shared))).toEqual([]);
  });
});
