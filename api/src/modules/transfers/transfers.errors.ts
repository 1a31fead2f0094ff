/**
 * Every error code the transfers module answers (services, routes and the engine), with its
 * HTTP status and a short English title. The web shows its own Khmer and English text by code
 * (web/src/modules/transfers/locales, `errors.<code>`). Row-level problems of the figures import
 * are declared with `status: 'problem'`.
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const TRANSFERS_ERRORS = defineErrors({
  'transfers.program.exists': { status: 409, title: 'A program with this code exists.' },
  'transfers.program.unknown': { status: 422, title: 'No transfer program has this code: create it first.' },
  'transfers.formula.not_found': { status: 404, title: 'No formula has this id.' },
  'transfers.formula.invalid': { status: 400, title: 'The formula does not have the expected shape.' },
  'transfers.formula.weights_not_100': {
    status: 400,
    title: 'The weights of the formula do not add up to 100%.',
  },
  'transfers.formula.version_taken': { status: 409, title: 'This version of the formula exists already.' },
  'transfers.year.published': {
    status: 409,
    title: 'This program’s allocation for that year is published: its formula and figures are frozen.',
  },
  'transfers.allocation.not_found': { status: 404, title: 'No allocation has this id.' },
  'transfers.allocation.bad_status': {
    status: 409,
    title: 'The allocation is not in the state this step needs.',
  },
  'transfers.allocation.same_person': {
    status: 409,
    title: 'An allocation is approved by someone other than the person who computed it.',
  },
  'transfers.allocation.formula_mismatch': {
    status: 422,
    title: 'A correction uses a formula of the same program and fiscal year.',
  },
  'transfers.allocation.no_eligible_units': { status: 422, title: 'No unit is eligible under this formula.' },
  'transfers.allocation.floors_above_pool': {
    status: 422,
    title: 'The floors add up to more than the pool.',
  },
  'transfers.allocation.caps_below_pool': { status: 422, title: 'The caps add up to less than the pool.' },
  'transfers.input.missing_value': { status: 422, title: 'Some units lack a figure the formula needs.' },
  // 400 for a figure entered by hand; the engine answers 422 when a stored figure is negative.
  'transfers.input.negative_value': { status: 400, title: 'A figure cannot be negative.' },
  'transfers.input.bad_value': { status: 422, title: 'A figure is not a finite number.' },
  'transfers.input.duplicate_code': { status: 422, title: 'A unit code appears twice.' },
  'transfers.input.missing_level': { status: 422, title: 'A unit has no level.' },
  'transfers.input.missing_type': { status: 422, title: 'A unit has no type.' },
  'transfers.input.zero_value_inverse': {
    status: 422,
    title: 'A unit has a figure of zero for a criterion shared by its inverse.',
  },
  'transfers.input.zero_total': { status: 422, title: 'A criterion’s figures add up to zero.' },
  'transfers.input.no_columns': {
    status: 400,
    title: 'Name at least one indicator column (map=indicator:column).',
  },
  'transfers.input.bad_map': { status: 400, title: 'Not an indicator:column pair.' },
  'transfers.import.has_problems': {
    status: 422,
    title: 'The file has problems: nothing was written (check it, or apply its valid rows on purpose).',
  },
  // Row-level problems of the figures import (engine/inputs.ts INPUT_PROBLEM).
  'transfers.input.missing_column': { status: 'problem', title: 'A column the import needs is missing.' },
  'transfers.input.missing_code': { status: 'problem', title: 'A row has no unit code.' },
  'transfers.input.bad_code': { status: 'problem', title: 'A unit code is not a valid NCDD code.' },
  'transfers.input.bad_number': { status: 'problem', title: 'A cell is not a number.' },
  'transfers.input.unreadable': { status: 'problem', title: 'The file cannot be read as CSV.' },
});

export type TransfersErrorCode = keyof typeof TRANSFERS_ERRORS;

export const fail = failWith(TRANSFERS_ERRORS);
