/**
 * The transfers module's catalogues (loaded with its lazy chunk, see i18n.ts) checked as
 * web/scripts/check-catalogues.mjs checks the main ones: both languages have every key, no
 * value is empty or left in English, placeholders agree, and every key the module's code uses
 * literally is in the module's or the main catalogues. Also: the stable error codes of the API
 * that the pages show have their message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the transfers catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?transfers\./,
    builtKeys: [
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
    ],
    errorCodes: [
      'transfers.allocation.same_person',
      'transfers.allocation.bad_status',
      'transfers.year.published',
      'transfers.input.missing_value',
      'transfers.formula.weights_not_100',
      'transfers.formula.invalid',
      'transfers.program.unknown',
      'transfers.formula.version_taken',
      'transfers.input.negative_value',
      // The figures import's problems (engine/inputs.ts INPUT_PROBLEM), shown by code.
      'transfers.input.missing_column',
      'transfers.input.missing_code',
      'transfers.input.bad_code',
      'transfers.input.duplicate_code',
      'transfers.input.bad_number',
      'transfers.input.unreadable',
    ],
  });
});
