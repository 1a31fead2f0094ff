/** The councils module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely, Selectable } from 'kysely';

export const ORGAN_KINDS = ['council', 'board_of_governors', 'committee', 'office'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const MEMBER_ROLES = [
  'chief',
  'deputy',
  'member',
  'governor',
  'deputy_governor',
  'head',
  'secretary',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export interface CouncilsOrganTable {
  id: Generated<number>;
  unit_code: string;
  kind: OrganKind;
  name_km: string;
  name_en: string;
  term_start: string | null;
  term_end: string | null;
  closed_on: string | null;
  legal_reference: string | null;
  source: string | null;
  /** How its decisions are cited (decision-number.ts); null: the default. */
  decision_number_pattern: Generated<string | null>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsMemberTable {
  id: Generated<number>;
  organ_id: number;
  name_km: string;
  name_latin: string;
  role: MemberRole;
  sex: Sex;
  birth_year: number | null;
  has_disability: boolean | null;
  is_indigenous: boolean | null;
  party: string | null;
  start_date: string;
  end_date: string | null;
  source: string | null;
  /** Personal: +855 and the national number, for the meeting invitations. */
  phone: Generated<string | null>;
  /** Personal: for the meeting invitations. */
  email: Generated<string | null>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsFunctionTable {
  id: Generated<number>;
  code: string;
  name_km: string;
  name_en: string;
  sector: string;
  holder_type_code: string | null;
  holder_unit_code: string | null;
  legal_instrument: string;
  date_assigned: string;
  transferred_from: string | null;
  source: string;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export const MEETING_KINDS = ['ordinary', 'extraordinary'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['planned', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const VOTES = ['for', 'against', 'abstain'] as const;
export type Vote = (typeof VOTES)[number];

export interface CouncilsQuorumRuleTable {
  organ_kind: OrganKind;
  quorum_numerator: number;
  quorum_denominator: number;
  quorum_strict: boolean;
  rule_km: string;
  rule_en: string;
  legal_reference: string;
  reference_is_example: boolean;
}

export interface CouncilsDecisionKindTable {
  code: string;
  name_km: string;
  name_en: string;
  majority_base: 'present' | 'in_office';
  majority_numerator: number;
  majority_denominator: number;
  majority_strict: boolean;
  rule_km: string;
  rule_en: string;
  legal_reference: string;
  reference_is_example: boolean;
  sort_order: number;
}

export interface CouncilsMeetingTable {
  id: Generated<number>;
  organ_id: number;
  kind: MeetingKind;
  meeting_date: string;
  place: string | null;
  is_online: boolean;
  convened_by: number | null;
  status: Generated<MeetingStatus>;
  observers_female: Generated<number>;
  observers_male: Generated<number>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsAgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title_km: string;
  title_en: string;
  document_ref: string | null;
}

export interface CouncilsAttendanceTable {
  meeting_id: number;
  member_id: number;
  status: AttendanceStatus;
}

export interface CouncilsDecisionTable {
  id: Generated<number>;
  organ_id: number;
  meeting_id: number;
  agenda_item_id: number | null;
  decision_year: number;
  number: number;
  decision_date: string;
  kind: string;
  title_km: string;
  title_en: string;
  amends_decision_id: number | null;
  vote_mode: 'per_member' | 'tally';
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  members_in_office: number;
  members_present: number;
  quorum_met: boolean;
  passed: boolean;
  /** As cited, in the organ's pattern when it was taken; null (older ones): number/year. */
  reference: Generated<string | null>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsVoteTable {
  decision_id: number;
  member_id: number;
  vote: Vote;
}

export const MINUTES_STATUSES = ['draft', 'circulated', 'adopted'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export interface CouncilsMinutesTable {
  meeting_id: number;
  text_km: string;
  summary_en: string | null;
  status: Generated<MinutesStatus>;
  circulated_at: Date | null;
  adopted_at_meeting_id: number | null;
  adopted_on: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export const REQUEST_KINDS = ['need', 'problem', 'proposal'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_TOPICS = [
  'infrastructure',
  'water_sanitation',
  'health',
  'education',
  'security',
  'environment',
  'agriculture',
  'social',
  'administration',
  'other',
] as const;
export type RequestTopic = (typeof REQUEST_TOPICS)[number];
export const REQUEST_STATUSES = ['received', 'on_agenda', 'answered', 'referred'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface CouncilsRequestTable {
  id: Generated<number>;
  number: string;
  organ_id: number;
  unit_code: string;
  place_code: string;
  kind: RequestKind;
  topic: RequestTopic;
  text_km: string;
  name: string | null;
  sex: Sex | null;
  phone: string;
  user_id: number | null;
  answer_public: boolean;
  status: Generated<RequestStatus>;
  meeting_id: number | null;
  agenda_item_id: number | null;
  answered_by: 'chief' | 'council' | null;
  decision_id: number | null;
  answer_km: string | null;
  answer_en: string | null;
  referred_to: string | null;
  answered_on: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsRequestThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export interface CouncilsForumTable {
  id: Generated<number>;
  organ_id: number;
  unit_code: string;
  forum_year: number;
  forum_date: string;
  place: string;
  attendance_female: number;
  attendance_male: number;
  /** Why the forum was held outside June and July (required then). */
  late_reason_km: string | null;
  summary_km: string | null;
  summary_en: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsForumQuestionTable {
  id: Generated<number>;
  forum_id: number;
  position: number;
  question_km: string;
  question_en: string | null;
  asked_by_sex: Sex | null;
  answer_km: string | null;
  answer_en: string | null;
  /** A priority of the plans module (its id as text), no foreign key while that module is built. */
  plan_priority_ref: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsTables {
  councils_organ: CouncilsOrganTable;
  councils_member: CouncilsMemberTable;
  councils_function: CouncilsFunctionTable;
  councils_quorum_rule: CouncilsQuorumRuleTable;
  councils_decision_kind: CouncilsDecisionKindTable;
  councils_meeting: CouncilsMeetingTable;
  councils_agenda_item: CouncilsAgendaItemTable;
  councils_attendance: CouncilsAttendanceTable;
  councils_decision: CouncilsDecisionTable;
  councils_vote: CouncilsVoteTable;
  councils_minutes: CouncilsMinutesTable;
  councils_request: CouncilsRequestTable;
  councils_request_throttle: CouncilsRequestThrottleTable;
  councils_forum: CouncilsForumTable;
  councils_forum_question: CouncilsForumQuestionTable;
}

/** The module's database view (its context's `db`, or a transaction of it). */
export type CouncilsDb = Kysely<CouncilsTables>;
export type OrganRow = Selectable<CouncilsOrganTable>;
export type MemberRow = Selectable<CouncilsMemberTable>;
export type FunctionRow = Selectable<CouncilsFunctionTable>;
export type QuorumRuleRow = Selectable<CouncilsQuorumRuleTable>;
export type DecisionKindRow = Selectable<CouncilsDecisionKindTable>;
export type MeetingRow = Selectable<CouncilsMeetingTable>;
export type AgendaItemRow = Selectable<CouncilsAgendaItemTable>;
export type AttendanceRow = Selectable<CouncilsAttendanceTable>;
export type DecisionRow = Selectable<CouncilsDecisionTable>;
export type VoteRow = Selectable<CouncilsVoteTable>;
export type MinutesRow = Selectable<CouncilsMinutesTable>;
export type RequestRow = Selectable<CouncilsRequestTable>;
export type ForumRow = Selectable<CouncilsForumTable>;
export type ForumQuestionRow = Selectable<CouncilsForumQuestionTable>;
