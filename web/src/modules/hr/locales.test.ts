/**
 * The hr catalogues (loaded with its lazy chunk, see i18n.ts): both languages have every key,
 * the module's keys are its own, every key the pages use exists, and every error code of the
 * API's hr module has its message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the hr catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?hr\./,
    builtKeys: [
      ...['vacant', 'occupied', 'frozen', 'closed'].map((status) => `hr.status.${status}`),
      ...['administration', 'board_support', 'clerk_office', 'council_support'].map(
        (organ) => `hr.organ.${organ}`,
      ),
      ...['leadership', 'management', 'staff'].map((level) => `hr.level.${level}`),
      ...['national_budget', 'sna_budget', 'commune_fund', 'district_fund', 'development_partner'].map(
        (source) => `hr.fundingSource.${source}`,
      ),
      ...['substantive', 'acting', 'secondment', 'transfer'].map((kind) => `hr.assignmentKind.${kind}`),
      ...['civil_servant', 'contract'].map((kind) => `hr.employmentKind.${kind}`),
      ...['retirement', 'resignation', 'dismissal', 'death', 'contract_end', 'transfer', 'other'].map(
        (reason) => `hr.reason.${reason}`,
      ),
      ...['under_25', '25-34', '35-44', '45-54', '55_and_over', 'unknown'].map(
        (group) => `hr.ageGroup.${group}`,
      ),
      ...['yes', 'no', 'unknown'].map((value) => `hr.disability.${value}`),
      ...['female', 'male'].map((sex) => `hr.sex.${sex}`),
    ],
    errorCodes: [
      'hr.position.occupied',
      'hr.assignment.bad_dates',
      'hr.employment.contract_assistant_limit',
      'hr.person.outside_scope',
      'hr.person.national_id_taken',
    ],
  });
});
