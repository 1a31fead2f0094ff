/**
 * Every error the results module answers: its HTTP status and a short English title. The web
 * shows its own Khmer and English text for each code (web/src/locales, `errors.<code>`).
 * A refused batch of values names each bad value in `errors[]` (`/values/<index>/<field>`).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const RESULTS_ERRORS = defineErrors({
  'results.framework.not_found': { status: 404, title: 'No such results framework.' },
  'results.indicator.not_found': { status: 404, title: 'No such indicator.' },
  'results.data_set.not_found': { status: 404, title: 'No such data set.' },
  'results.value.bad_values': {
    status: 400,
    title: 'Some values cannot be recorded: nothing was recorded. Each is listed with its reason.',
  },
  'results.value.element_not_in_data_set': {
    status: 400,
    title: 'A data element is not part of this data set.',
  },
  'results.value.bad_value': { status: 400, title: 'A value does not fit the data element’s type.' },
  'results.value.bad_period': {
    status: 400,
    title: 'Not a period: write 2025 (year), 2025Q1 (quarter) or 202501 (month).',
  },
  'results.value.wrong_period_type': {
    status: 400,
    title: 'The period is not of the data set’s period type.',
  },
  'results.value.unit_unknown': { status: 400, title: 'No unit with this code.' },
  'results.value.unit_not_assigned': {
    status: 400,
    title: 'This data set is not collected by units of this type.',
  },
  'results.value.outside_scope': {
    status: 403,
    title: 'You may not enter figures for a unit outside your area.',
  },
  'results.value.bad_category_options': {
    status: 400,
    title: 'The breakdown does not match the data element’s categories and their options.',
  },
  'results.value.duplicate': {
    status: 400,
    title: 'The same figure (element, unit, period and breakdown) is given twice in the batch.',
  },
  'results.value.locked': {
    status: 409,
    title: 'The figures of this data set, unit and period are approved: they can no longer change.',
  },
  'results.approval.bad_transition': {
    status: 409,
    title: 'The figures are not in a state this step applies to (e.g. approving figures not submitted).',
  },
  'results.approval.not_above': {
    status: 403,
    title: 'Figures are approved, returned and locked by the level above the unit, not by the unit itself.',
  },
  'results.approval.unlock_national': {
    status: 403,
    title: 'Locked figures can be un-approved only nationally.',
  },
  'results.approval.comment_required': {
    status: 400,
    title: 'Give the reason: returning or un-approving figures needs a comment.',
  },
  'results.import.has_problems': {
    status: 422,
    title:
      'The file has problems: nothing was recorded. Check it with a dry run, or apply only the valid rows.',
  },
  'results.import.unreadable': {
    status: 400,
    title: 'The file cannot be read as a DHIS2 data value set (JSON or CSV).',
  },
  'results.import.no_data_set': { status: 400, title: 'Name the data set, in the file or the request.' },
  'results.import.unknown_category_option_combo': {
    status: 400,
    title:
      'The data element has no such category option combination (write its options’ codes joined by dots).',
  },
  'results.analytics.bad_period': {
    status: 400,
    title: 'Not a period: write 2025 (year), 2025Q1 (quarter) or 202501 (month).',
  },
  'results.analytics.bad_by': {
    status: 400,
    title: 'Break down by categories the indicator allows (e.g. sex, age).',
  },
  'results.analytics.bad_level': {
    status: 400,
    title: 'The level is the unit’s own or one below it (1 province … 4 village).',
  },
  'results.analytics.unit_unknown': { status: 404, title: 'No unit with this code.' },
});

export type ResultsErrorCode = keyof typeof RESULTS_ERRORS;

export const fail = failWith(RESULTS_ERRORS);
