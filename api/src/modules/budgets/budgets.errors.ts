/**
 * Every error the budgets module answers, and the row-level problems of its BOOST import
 * (`status: 'problem'`): the HTTP status and a short English title. The web shows its own Khmer
 * and English text for each code (web/src/modules/budgets/locales, `errors.<code>`).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const BUDGETS_ERRORS = defineErrors({
  'budgets.budget.not_found': { status: 404, title: 'No such budget.' },
  'budgets.budget.exists': { status: 409, title: 'This unit already has a budget for this year.' },
  'budgets.budget.not_proposed': {
    status: 409,
    title: 'Lines change only while the budget is proposed; adjust an approved budget instead.',
  },
  'budgets.budget.not_approved': { status: 409, title: 'The budget is not approved yet.' },
  'budgets.budget.council_decision_missing': {
    status: 409,
    title: 'A budget is approved only after the council’s decision is recorded, with its number and date.',
  },
  'budgets.budget.empty': { status: 409, title: 'A budget without lines cannot be approved.' },
  'budgets.version.not_found': { status: 404, title: 'This budget has no such version.' },
  'budgets.unit.not_an_administration': {
    status: 400,
    title: 'Only provinces, districts and communes have budgets.',
  },
  'budgets.line.not_found': { status: 404, title: 'No such budget line.' },
  'budgets.line.bad_amount': { status: 400, title: 'An amount is a whole number of riel.' },
  'budgets.line.negative_amount': {
    status: 400,
    title:
      'An amount cannot be negative: record a revenue as a revenue line and an expenditure as an expenditure line.',
  },
  'budgets.line.unknown_economic_class': { status: 400, title: 'Unknown economic class.' },
  'budgets.line.direction_mismatch': {
    status: 400,
    title: 'The economic class does not match the direction given.',
  },
  'budgets.line.unknown_functional_class': { status: 400, title: 'Unknown functional class.' },
  'budgets.line.functional_class_required': {
    status: 400,
    title: 'An expenditure line needs its functional class.',
  },
  'budgets.line.unknown_fund_source': { status: 400, title: 'Unknown fund source.' },
  'budgets.line.system_owned': {
    status: 409,
    title: 'This line is written by the system (a published transfer) and cannot be changed by hand.',
  },
  'budgets.line.not_current': {
    status: 409,
    title: 'This line belongs to an earlier version of the budget.',
  },
  'budgets.council_decision.future_date': {
    status: 400,
    title: 'A council decision cannot be dated in the future.',
  },
  'budgets.council_decision.not_found': { status: 400, title: 'No council decision with this id.' },
  'budgets.council_decision.not_passed': { status: 409, title: 'The council did not pass this decision.' },
  'budgets.council_decision.wrong_unit': {
    status: 409,
    title: 'The decision is not one of this unit’s council.',
  },
  'budgets.council_decision.wrong_organ': {
    status: 409,
    title: 'The decision was taken by another organ than the council.',
  },
  'budgets.council_decision.after_approval': {
    status: 409,
    title: 'The decision is dated after the approval.',
  },
  'budgets.council_decision.wrong_kind': {
    status: 409,
    title: 'The decision does not approve a budget.',
  },
  'budgets.adjustment.reason_missing': { status: 400, title: 'An adjustment needs its reason.' },
  'budgets.adjustment.partial_decision': {
    status: 400,
    title: 'Give both the council decision’s number and date, or neither.',
  },
  'budgets.adjustment.unknown_line': {
    status: 400,
    title: 'The line is not a line of the version in force.',
  },
  'budgets.adjustment.duplicate_line': { status: 400, title: 'A line is replaced twice.' },
  'budgets.adjustment.drops_executed_line': {
    status: 409,
    title: 'An adjustment cannot drop a line that has actuals recorded.',
  },
  'budgets.actual.empty': { status: 400, title: 'Give the amount of at least one quarter.' },
  'budgets.actual.bad_amount': { status: 400, title: 'An amount is a whole number of riel.' },
  'budgets.actual.negative_amount': {
    status: 400,
    title:
      'An amount cannot be negative: record a revenue as a revenue line and an expenditure as an expenditure line.',
  },
  'budgets.report.no_budget': { status: 404, title: 'No published budget for this unit and year.' },
  'budgets.open_data.no_resource': { status: 404, title: 'No such resource in this package.' },
  'budgets.transfer.bad_amount': { status: 400, title: 'An amount is a whole number of riel.' },
  'budgets.transfer.negative_amount': {
    status: 400,
    title:
      'An amount cannot be negative: record a revenue as a revenue line and an expenditure as an expenditure line.',
  },
  'budgets.transfer.bad_program_code': { status: 400, title: 'Not a usable program code.' },
  'budgets.transfer.bad_year': { status: 400, title: 'Not a fiscal year.' },
  'budgets.transfer.fund_source_conflict': {
    status: 409,
    title: 'The fund source exists and is not a transfer program.',
  },
  'budgets.import.has_problems': {
    status: 422,
    title: 'The file has problems: nothing was imported. Run a dry run to see them.',
  },
  // Row-level problems of the BOOST import.
  'budgets.import.unreadable': { status: 'problem', title: 'Not a readable CSV.' },
  'budgets.import.missing_column': { status: 'problem', title: 'The header lacks a required column.' },
  'budgets.import.bad_year': {
    status: 'problem',
    title: 'A fiscal year is a year between 2000 and 2100.',
  },
  'budgets.import.bad_unit_code': {
    status: 'problem',
    title: 'Only provinces (2 digits), districts (4) and communes (6) have budgets.',
  },
  'budgets.import.unknown_unit': { status: 'problem', title: 'No administrative unit has this code.' },
  'budgets.import.unknown_economic_class': { status: 'problem', title: 'Unknown economic class.' },
  'budgets.import.unknown_functional_class': { status: 'problem', title: 'Unknown functional class.' },
  'budgets.import.functional_class_required': {
    status: 'problem',
    title: 'An expenditure row needs its functional class.',
  },
  'budgets.import.unknown_fund_source': { status: 'problem', title: 'Unknown fund source.' },
  'budgets.import.bad_amount': {
    status: 'problem',
    title: 'An amount is a whole, non-negative number of riel.',
  },
  'budgets.import.budget_exists': {
    status: 'problem',
    title: 'This unit already has a budget for this year.',
  },
});

export type BudgetsErrorCode = keyof typeof BUDGETS_ERRORS;

export const fail = failWith(BUDGETS_ERRORS);
