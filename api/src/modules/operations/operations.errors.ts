/**
 * Every error the operations module answers: its HTTP status and a short English title. The web
 * shows its own Khmer and English text for each code (web/src/modules/operations/locales).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const OPERATIONS_ERRORS = defineErrors({
  'operations.job.not_failed': {
    status: 404,
    title: 'No failed job has this id (it may have been retried already).',
  },
});

export const fail = failWith(OPERATIONS_ERRORS);
