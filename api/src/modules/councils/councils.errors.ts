/**
 * Every error the councils module answers: its HTTP status and a short English title. The web
 * shows its own Khmer and English text for each code (web/src/locales, `errors.<code>`).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const COUNCILS_ERRORS = defineErrors({
  'councils.organ.not_found': { status: 404, title: 'No such organ.' },
  'councils.organ.bad_kind': { status: 400, title: 'Not a kind of organ.' },
  'councils.organ.end_before_start': { status: 400, title: 'The mandate ends before it starts.' },
  'councils.organ.closed_before_start': {
    status: 400,
    title: 'The organ cannot close before its mandate starts.',
  },
  'councils.organ.unit_not_sna': {
    status: 400,
    title: 'Villages have no council, board, committee or office.',
  },
  'councils.organ.unit_abolished': { status: 400, title: 'The unit no longer exists.' },
  'councils.organ.kind_not_for_unit': { status: 400, title: 'This unit cannot have an organ of this kind.' },
  'councils.organ.members_after_close': {
    status: 409,
    title: 'Some members start after the day the organ would close.',
  },
  'councils.organ.closed': { status: 409, title: 'The organ is closed.' },
  'councils.member.not_found': { status: 404, title: 'No such member.' },
  'councils.member.bad_role': { status: 400, title: 'Not a role.' },
  'councils.member.role_not_for_organ': { status: 400, title: 'This organ does not know this role.' },
  'councils.member.bad_sex': { status: 400, title: 'Sex is one of: female, male.' },
  'councils.member.end_before_start': { status: 400, title: 'The mandate ends before it starts.' },
  'councils.member.party_not_for_organ': {
    status: 400,
    title: 'Only council members sit for a party; members of boards, committees and offices do not.',
  },
  'councils.member.bad_birth_year': {
    status: 400,
    title: 'A member is at least 18 years old when the mandate starts.',
  },
  'councils.member.head_taken': {
    status: 409,
    title: 'Another member holds this role during that time; end that mandate first.',
  },
  'councils.function.not_found': { status: 404, title: 'No such function in the register.' },
  'councils.function.unknown_holder': {
    status: 400,
    title: 'Not a type of sub-national administration or a unit that holds functions.',
  },
  'councils.function.duplicate': {
    status: 409,
    title: 'This holder already has this function in the register.',
  },
});

export type CouncilsErrorCode = keyof typeof COUNCILS_ERRORS;

export const fail = failWith(COUNCILS_ERRORS);
