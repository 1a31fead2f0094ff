/**
 * The budgets module's catalogues (loaded with its lazy chunk, see i18n.ts) checked as
 * web/scripts/check-catalogues.mjs checks the main ones: both languages have every key, no
 * value is empty or left in English, placeholders agree, and every key the module's code uses
 * literally is in the module's or the main catalogues. Also: the stable error codes of the API
 * that the pages show have their message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the budgets catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?budgets\./,
    builtKeys: [
      ...['proposed', 'approved', 'adjusted', 'executed'].map((p) => `budgets.phase.${p}`),
      ...['revenue', 'expenditure'].map((d) => `budgets.direction.${d}`),
      ...['q1', 'q2', 'q3', 'q4'].map((q) => `budgets.quarter.${q}`),
      ...['province', 'district', 'commune'].map((tier) => `budgets.tier.${tier}`),
      ...['original', 'adjustment', 'transfer'].map((kind) => `budgets.versions.kind.${kind}`),
    ],
    errorCodes: [
      'budgets.council_decision.not_passed',
      'budgets.council_decision.wrong_unit',
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
    ],
  });
});
