/**
 * The management pages' catalogues (loaded with their lazy chunk, see i18n.ts), checked as
 * web/scripts/check-catalogues.mjs checks the main ones, with the keys the pages build at run
 * time and the API's stable error codes these pages may show (their messages live in the
 * services catalogue, which i18n.ts loads too).
 */
import { describe, expect, it } from 'vitest';
import { checkModuleCatalogues } from '../../../lib/module-catalogues.testing.ts';
import servicesEn from '../locales/en.json';
import servicesKm from '../locales/km.json';
import en from './locales/en.json';
import km from './locales/km.json';
import { FIELD_DATATYPES, PROVIDER_TIERS } from './draft.ts';

const ERROR_CODES = [
  'services.standard.not_found',
  'services.standard.duplicate_code',
  'services.standard.bad_field',
  'services.standard.duplicate_fee_tier',
  'services.standard.bad_owner',
  'services.standard.tier_in_use',
  'services.offering.not_found',
  'services.offering.wrong_tier',
  'services.offering.overlap',
  'services.offering.end_before_start',
];

describe('the service standards management catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^servicesAdmin\./,
    builtKeys: [
      ...FIELD_DATATYPES.map((datatype) => `servicesAdmin.datatype.${datatype}`),
      ...PROVIDER_TIERS.map((tier) => `servicesAdmin.offerings.addHint.${tier}`),
      ...['current', 'future', 'ended'].map((state) => `servicesAdmin.offerings.state.${state}`),
      ...['required', 'wholeNumber', 'api'].map((problem) => `servicesAdmin.problem.${problem}`),
      ...['up', 'down', 'remove'].flatMap((action) => [
        `servicesAdmin.row.${action}`,
        `servicesAdmin.row.${action}Label`,
      ]),
    ],
  });

  // Their messages and the shared words are in the services catalogue (loaded with these pages).
  it('can show every error code and shared word of the services catalogue it relies on', () => {
    const wanted = [
      ...ERROR_CODES.map((code) => `errors.${code}`),
      ...PROVIDER_TIERS.map((tier) => `services.tier.${tier}`),
      'services.tier.label',
      'services.fee.label',
      'services.timeLimit.label',
      'services.timeLimit.many',
      'services.office.manageStandards',
    ];
    const km2 = servicesKm as Record<string, string>;
    const en2 = servicesEn as Record<string, string>;
    expect(wanted.filter((key) => !km2[key] || !en2[key])).toEqual([]);
  });
});
