/**
 * Every error the hr module answers: its HTTP status and a short English title. The web shows
 * its own Khmer and English text for each code (web/src/modules/hr/locales).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const HR_ERRORS = defineErrors({
  'hr.unit.not_sna': { status: 400, title: 'Staff and positions belong to a commune, district or province.' },
  'hr.category.unknown': { status: 400, title: 'Not a category or contract type.' },
  'hr.grade.unknown': { status: 400, title: 'Not a grade of that category.' },
  'hr.position.not_found': { status: 404, title: 'No such position.' },
  'hr.position.not_open': { status: 409, title: 'The position is frozen or closed.' },
  'hr.position.occupied': {
    status: 409,
    title: 'Someone already holds this position over those dates.',
  },
  'hr.position.still_occupied': { status: 409, title: 'A position cannot close while someone holds it.' },
  'hr.person.not_found': { status: 404, title: 'No such person.' },
  'hr.person.outside_scope': {
    status: 403,
    title: 'The person is on the staff of a unit outside your scope.',
  },
  'hr.person.national_id_taken': { status: 409, title: 'Another person has this national ID.' },
  'hr.person.future_birth': { status: 400, title: 'A birth date cannot be in the future.' },
  'hr.person.not_employed': { status: 409, title: 'The person has no employment in force on that day.' },
  'hr.person.same_unit': { status: 400, title: 'The person is already on the staff of that unit.' },
  'hr.employment.contract_assistant_limit': {
    status: 409,
    title: 'The commune already has as many contract assistants as its council’s size allows.',
  },
  'hr.employment.not_commune': {
    status: 400,
    title: 'Contract assistants are hired by a commune or sangkat.',
  },
  'hr.employment.council_unknown': {
    status: 409,
    title: 'The commune’s council is not on record, so its contract assistants cannot be counted.',
  },
  'hr.employment.kind_mismatch': {
    status: 400,
    title: 'The category does not match the kind of employment.',
  },
  'hr.employment.overlap': { status: 409, title: 'The person already has an employment in force then.' },
  'hr.assignment.bad_dates': { status: 400, title: 'An assignment cannot end before it starts.' },
  'hr.assignment.not_found': { status: 404, title: 'No such assignment.' },
  'hr.assignment.already_ended': { status: 409, title: 'The assignment has already ended.' },
  'hr.move.outside_scope': { status: 403, title: 'The unit the person would move to is outside your scope.' },
  'hr.target.bad_value': { status: 400, title: 'A target is a share between 0 and 100.' },
});

export type HrErrorCode = keyof typeof HR_ERRORS;
export const fail = failWith(HR_ERRORS);
