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
  'councils.organ.bad_number_pattern': {
    status: 400,
    title:
      'Not a numbering pattern: it holds {number} (or {number:N}, {number_km}, {number_km:N}) once and {year} (or {year_km}) once, in at most 60 characters.',
  },
  'councils.member.not_found': { status: 404, title: 'No such member.' },
  'councils.member.bad_role': { status: 400, title: 'Not a role.' },
  'councils.member.role_not_for_organ': { status: 400, title: 'This organ does not know this role.' },
  'councils.forum.not_found': { status: 404, title: 'No such public forum.' },
  'councils.forum.no_council': { status: 409, title: 'The unit has no council sitting on that date.' },
  'councils.forum.duplicate': {
    status: 409,
    title: 'The council already held its public forum of that year.',
  },
  'councils.forum.wrong_year': { status: 400, title: 'The forum’s date is not in its year.' },
  'councils.forum.reason_missing': {
    status: 400,
    title: 'A forum outside June and July needs the reason it moved.',
  },
  'councils.forum.question_not_found': { status: 404, title: 'No such question of a public forum.' },
  'councils.forum.bad_sex': { status: 400, title: 'Sex is one of: female, male, or not said.' },
  'councils.member.bad_sex': { status: 400, title: 'Sex is one of: female, male.' },
  'councils.member.bad_phone': { status: 400, title: 'Give a Cambodian phone number.' },
  'councils.member.bad_email': { status: 400, title: 'Give an e-mail address (name@place).' },
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
  'councils.meeting.not_found': { status: 404, title: 'No such meeting.' },
  'councils.meeting.bad_kind': { status: 400, title: 'A meeting is ordinary or extraordinary.' },
  'councils.meeting.place_missing': { status: 400, title: 'A meeting takes place somewhere, or online.' },
  'councils.meeting.convener_not_member': {
    status: 400,
    title: 'The meeting is convened by a member of the organ in office on its date.',
  },
  'councils.meeting.before_organ': {
    status: 400,
    title: 'The organ’s mandate has not started on that date.',
  },
  'councils.meeting.bad_status_change': {
    status: 409,
    title: 'A meeting goes planned → held → closed, or planned → cancelled.',
  },
  'councils.meeting.not_yet': { status: 409, title: 'A meeting cannot be held before its date.' },
  'councils.meeting.frozen': {
    status: 409,
    title: 'The meeting is closed or cancelled: it can no longer change.',
  },
  'councils.meeting.not_planned': {
    status: 409,
    title: 'Only a planned meeting can change its date, place or agenda.',
  },
  'councils.attendance.bad_status': { status: 400, title: 'Attendance is one of: present, excused, absent.' },
  'councils.attendance.not_member': {
    status: 400,
    title: 'Only members of the organ in office on the meeting’s date have an attendance.',
  },
  'councils.attendance.duplicate': { status: 400, title: 'A member is listed twice.' },
  'councils.attendance.decisions_taken': {
    status: 409,
    title: 'Decisions were taken with this attendance: it can no longer change.',
  },
  'councils.decision.not_found': { status: 404, title: 'No such decision.' },
  'councils.decision.bad_kind': { status: 400, title: 'Not a kind of decision.' },
  'councils.decision.meeting_not_held': {
    status: 409,
    title: 'Decisions are taken at a meeting that has been held and is not closed.',
  },
  'councils.decision.no_quorum': {
    status: 409,
    title: 'The meeting had no quorum: it cannot take a decision.',
  },
  'councils.decision.number_taken': {
    status: 409,
    title: 'This organ already has a decision with this number this year.',
  },
  'councils.decision.bad_agenda_item': { status: 400, title: 'The item is not on this meeting’s agenda.' },
  'councils.decision.bad_amends': {
    status: 400,
    title: 'A decision amends an earlier decision of the same organ.',
  },
  'councils.decision.frozen': {
    status: 409,
    title: 'The meeting is closed: its decisions can no longer change; take a new decision that amends it.',
  },
  'councils.vote.missing': {
    status: 400,
    title: 'Give either the vote of each member present or the tally, not both.',
  },
  'councils.vote.bad_vote': { status: 400, title: 'A vote is one of: for, against, abstain.' },
  'councils.vote.not_present': { status: 400, title: 'Only members present vote.' },
  'councils.vote.duplicate': { status: 400, title: 'A member votes once.' },
  'councils.vote.exceeds_present': {
    status: 400,
    title: 'There are more votes than members present.',
  },
  'councils.minutes.not_found': { status: 404, title: 'This meeting has no minutes yet.' },
  'councils.minutes.meeting_not_held': {
    status: 409,
    title: 'Minutes are written for a meeting that has been held.',
  },
  'councils.minutes.frozen': {
    status: 409,
    title: 'The minutes were adopted: their text is frozen.',
  },
  'councils.minutes.not_draft': { status: 409, title: 'Only draft minutes are circulated.' },
  'councils.minutes.not_circulated': {
    status: 409,
    title: 'Minutes are adopted after they have been circulated to the members.',
  },
  'councils.minutes.bad_adopting_meeting': {
    status: 400,
    title: 'Minutes are adopted at a later meeting of the same organ that has been held.',
  },
  'councils.minutes.no_quorum': {
    status: 409,
    title: 'The adopting meeting had no quorum.',
  },
  'councils.request.not_found': { status: 404, title: 'No request with this number.' },
  'councils.request.no_council': {
    status: 409,
    title: 'This unit has no sitting council to receive requests.',
  },
  'councils.request.outside_jurisdiction': {
    status: 400,
    title: 'The place is not within the area of this council: ask the council of the place.',
  },
  'councils.request.bad_kind': { status: 400, title: 'A request is a need, a problem or a proposal.' },
  'councils.request.bad_topic': { status: 400, title: 'Not a topic of requests.' },
  'councils.request.bad_sex': { status: 400, title: 'Sex is one of: female, male (or not said).' },
  'councils.request.bad_phone': { status: 400, title: 'Give a Cambodian phone number.' },
  'councils.request.not_khmer': { status: 400, title: 'Write the request in Khmer.' },
  'councils.request.throttled': {
    status: 429,
    title: 'Too many requests from this phone or address: try again later.',
  },
  'councils.request.closed': {
    status: 409,
    title: 'The request was answered or referred: it can no longer change.',
  },
  'councils.request.wrong_meeting': {
    status: 400,
    title: 'A request goes on the agenda of a planned meeting of the council it was sent to.',
  },
  'councils.request.bad_decision': {
    status: 400,
    title: 'The decision is not one of the council this request was sent to.',
  },
  'councils.request.referred_to_missing': {
    status: 400,
    title: 'Say to whom the request is referred.',
  },
});

export type CouncilsErrorCode = keyof typeof COUNCILS_ERRORS;

export const fail = failWith(COUNCILS_ERRORS);
