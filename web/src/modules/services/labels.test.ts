import { readFileSync } from 'node:fs';
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
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

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

describe('the services catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?services\./,
    builtKeys: KEYS,
    errorCodes: SERVICES_ERROR_CODES,
  });

  it('translate more than fifty stable error codes of the services API', () => {
    expect(SERVICES_ERROR_CODES.length).toBeGreaterThan(50);
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
