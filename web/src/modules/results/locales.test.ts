/**
 * The results catalogues (loaded with its lazy chunk, see i18n.ts): both languages have every
 * key, the module's keys are its own, every key the pages use exists, and the API's stable
 * codes the pages show have their message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the results catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?results\./,
    builtKeys: [1, 2, 3, 4].map((n) => `results.analytics.level${n}`),
    errorCodes: [
      'results.value.bad_value',
      'results.value.wrong_period_type',
      'results.value.outside_scope',
      'results.value.unit_not_assigned',
      'results.value.locked',
      'results.analytics.bad_period',
      'results.analytics.bad_level',
    ],
  });
});
