/**
 * The plans catalogues (loaded with its lazy chunk, see i18n.ts): both languages have every
 * key, the module's keys are its own, every key the pages use exists, and every error code of
 * the API's plans module has its message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the plans catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?plans\./,
    builtKeys: [
      ...['proposal', 'committed', 'ongoing', 'completed', 'dropped'].map(
        (status) => `plans.status.${status}`,
      ),
      ...['draft', 'reviewed', 'approved'].map((status) => `plans.plan.statuses.${status}`),
      ...['women', 'children', 'elderly', 'disabled', 'indigenous', 'poor'].map(
        (group) => `plans.group.${group}`,
      ),
      ...['infrastructure', 'service'].map((kind) => `plans.kind.${kind}`),
      ...['none', 'adaptation', 'mitigation', 'both'].map((marker) => `plans.climate.${marker}`),
    ],
    errorCodes: [
      'plans.project.split_mismatch',
      'plans.project.negative_amount',
      'plans.project.location_outside',
      'plans.project.completed',
      'plans.decision.not_passed',
    ],
  });
});
