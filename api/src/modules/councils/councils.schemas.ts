/**
 * TypeBox schemas of the councils routes: validation, types and OpenAPI in one place.
 *
 * The kind of an organ, a member's role and sex are plain strings in request bodies and are
 * checked by the service, so that a wrong value answers a stable code of its own
 * (`councils.member.bad_role`) that the web app can translate, rather than the generic
 * `http.request.invalid`. Answers declare the exact lists.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { DEFAULT_DECISION_NUMBER_PATTERN } from './decision-number.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import {
  ATTENDANCE_STATUSES,
  MINUTES_STATUSES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_TOPICS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  ORGAN_KINDS,
  SEXES,
  VOTES,
} from './councils.tables.ts';

// A closed list of strings, typed as their union (an `enum` in the OpenAPI document).
const literals = <const T extends string>(values: readonly T[], description: string, extra: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description, ...extra });

export const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,4}$',
  description: 'NCDD code, zero-padded.',
  examples: ['23', '2302', '230201'],
});

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const NullableDate = (description: string) => Type.Union([DateText, Type.Null()], { description });
const Text = (max: number) => RequiredText(max);
const NullableText = (max: number, description?: string) =>
  Type.Union([Type.String({ maxLength: max }), Type.Null()], description ? { description } : {});

export const OrganKindSchema = literals(ORGAN_KINDS, 'council | board_of_governors | committee | office');
export const MemberRoleSchema = literals(
  MEMBER_ROLES,
  'council: chief, deputy, member; board_of_governors: governor, deputy_governor, member; ' +
    'committee: head, deputy, secretary, member; office: head, deputy, member.',
);
export const SexSchema = literals(SEXES, 'female | male');

// Query strings: a union of literals, which the route type provider (typebox 1.x) reads as the
// union itself, where it would read an Unsafe schema as unknown.
const KindParam = (description: string, extra: object = {}) =>
  Type.Union(
    ORGAN_KINDS.map((kind) => Type.Literal(kind)),
    { description, ...extra },
  );

// ---------------------------------------------------------------------------------- params

export const UnitParams = Type.Object({ code: UnitCode });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

// ---------------------------------------------------------------------------------- members

export const Member = Type.Object(
  {
    id: Type.Integer(),
    organId: Type.Integer(),
    nameKm: Type.String({ description: 'Name in Khmer script.' }),
    nameLatin: Type.String({ description: 'Romanised name.' }),
    role: MemberRoleSchema,
    sex: SexSchema,
    party: Type.Union([Type.String(), Type.Null()], { description: 'Councils only.' }),
    startDate: DateText,
    endDate: NullableDate('Last day of the mandate (inclusive); null while it runs.'),
    isCurrent: Type.Boolean({ description: 'In office today (Asia/Phnom_Penh).' }),
    source: Type.Union([Type.String(), Type.Null()]),
    isExample: Type.Boolean({ description: 'Demo data: an invented person, not a real one.' }),
    birthYear: Type.Optional(
      Type.Union([Type.Integer(), Type.Null()], {
        description: 'Personal: present only for callers who manage this organ (councils.organ.manage).',
      }),
    ),
    hasDisability: Type.Optional(
      Type.Union([Type.Boolean(), Type.Null()], {
        description: 'Personal, null = not known: present only for callers who manage this organ.',
      }),
    ),
    isIndigenous: Type.Optional(
      Type.Union([Type.Boolean(), Type.Null()], {
        description: 'Personal, null = not known: present only for callers who manage this organ.',
      }),
    ),
    phone: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description:
          'Personal (+855…), for meeting invitations: present only for callers who manage this organ.',
      }),
    ),
    email: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'Personal, for meeting invitations: present only for callers who manage this organ.',
      }),
    ),
  },
  { $id: 'CouncilsMember', title: 'CouncilsMember' },
);
export type Member = Static<typeof Member>;

const memberFields = {
  nameKm: Text(200),
  nameLatin: Text(200),
  role: Type.String({ minLength: 1, maxLength: 40, description: MemberRoleSchema.description }),
  sex: Type.String({ minLength: 1, maxLength: 20, description: 'female | male' }),
  birthYear: Type.Union([Type.Integer({ minimum: 1900, maximum: 2100 }), Type.Null()]),
  hasDisability: Type.Union([Type.Boolean(), Type.Null()], { description: 'null: not known.' }),
  isIndigenous: Type.Union([Type.Boolean(), Type.Null()], { description: 'null: not known.' }),
  party: NullableText(200, 'Councils only.'),
  startDate: DateText,
  endDate: NullableDate('Last day of the mandate (inclusive).'),
  source: NullableText(500),
  phone: NullableText(40, 'A Cambodian phone number (meeting invitations by SMS or Telegram).'),
  email: NullableText(254, 'An e-mail address (meeting invitations).'),
};

export const CreateMemberBody = Type.Object(
  {
    nameKm: memberFields.nameKm,
    nameLatin: memberFields.nameLatin,
    role: memberFields.role,
    sex: memberFields.sex,
    birthYear: Type.Optional(memberFields.birthYear),
    hasDisability: Type.Optional(memberFields.hasDisability),
    isIndigenous: Type.Optional(memberFields.isIndigenous),
    party: Type.Optional(memberFields.party),
    startDate: memberFields.startDate,
    endDate: Type.Optional(memberFields.endDate),
    source: Type.Optional(memberFields.source),
    phone: Type.Optional(memberFields.phone),
    email: Type.Optional(memberFields.email),
  },
  { additionalProperties: false },
);
export type CreateMemberBody = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Type.Partial(Type.Object(memberFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

// ---------------------------------------------------------------------------------- organs

export const Organ = Type.Object(
  {
    id: Type.Integer(),
    unitCode: UnitCode,
    kind: OrganKindSchema,
    nameKm: Type.String(),
    nameEn: Type.String(),
    termStart: NullableDate('Start of the mandate.'),
    termEnd: NullableDate('End of the mandate.'),
    closedOn: NullableDate('The organ’s last day; null while it sits.'),
    isCurrent: Type.Boolean(),
    legalReference: Type.Union([Type.String(), Type.Null()]),
    source: Type.Union([Type.String(), Type.Null()]),
    decisionNumberPattern: Type.Union([Type.String(), Type.Null()], {
      description: `How its decisions are cited; null: ${DEFAULT_DECISION_NUMBER_PATTERN}.`,
    }),
    isExample: Type.Boolean({ description: 'Demo data, not an official record.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    members: Type.Array(Member, {
      description:
        'In the list of a unit’s organs: the current members; in one organ: every member, past ones included.',
    }),
  },
  { $id: 'CouncilsOrgan', title: 'CouncilsOrgan' },
);
export type Organ = Static<typeof Organ>;

export const OrganListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    kind: Type.Optional(KindParam('Only organs of this kind.')),
    includeClosed: Type.Boolean({ default: false, description: 'Also organs that no longer sit.' }),
  }),
]);
export type OrganListQuery = Static<typeof OrganListQuery>;

export const CreateOrganBody = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 40, description: OrganKindSchema.description }),
    nameKm: Text(300),
    nameEn: Text(300),
    termStart: Type.Optional(NullableDate('Start of the mandate.')),
    termEnd: Type.Optional(NullableDate('End of the mandate.')),
    legalReference: Type.Optional(NullableText(500)),
    source: Type.Optional(NullableText(500)),
    decisionNumberPattern: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description:
          'How its decisions are cited: {number} (or {number:3}, zero-padded), {year}; {number_km}, {year_km} in Khmer digits; other text as written. Null: the default, {number}/{year}. Decisions already taken keep their reference.',
        examples: ['{number_km:3}/{year_km} ស.ក.ស'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateOrganBody = Static<typeof CreateOrganBody>;

export const UpdateOrganBody = Type.Object(
  {
    nameKm: Type.Optional(Text(300)),
    nameEn: Type.Optional(Text(300)),
    termStart: Type.Optional(NullableDate('Start of the mandate.')),
    termEnd: Type.Optional(NullableDate('End of the mandate.')),
    closedOn: Type.Optional(
      NullableDate(
        'Close the organ: its last day. Current members’ mandates end on the same day. Null reopens it (members stay ended).',
      ),
    ),
    legalReference: Type.Optional(NullableText(500)),
    source: Type.Optional(NullableText(500)),
    decisionNumberPattern: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description:
          'How its decisions are cited: {number} (or {number:3}, zero-padded), {year}; {number_km}, {year_km} in Khmer digits; other text as written. Null: the default, {number}/{year}. Decisions already taken keep their reference.',
        examples: ['{number_km:3}/{year_km} ស.ក.ស'],
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganBody = Static<typeof UpdateOrganBody>;

// ---------------------------------------------------------------------------------- stats

export const AGE_GROUPS = ['18-34', '35-49', '50-64', '65+', 'unknown'] as const;

const BySex = {
  female: Type.Integer(),
  male: Type.Integer(),
  total: Type.Integer(),
};
const Breakdown = <T extends TSchema>(group: T) => Type.Array(Type.Object({ group, ...BySex }));

export const StatsQuery = Type.Object({
  within: Type.Optional(
    Type.String({
      pattern: UnitCode.pattern,
      description: 'Only organs of this unit and the units below it; the whole country when absent.',
    }),
  ),
  kind: KindParam('The kind of organ counted.', { default: 'council' }),
  level: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3,
      description: 'Only organs of units of this level (3: communes and sangkats, the elected councils).',
    }),
  ),
  asOf: Type.Optional(
    Type.String({
      format: 'date',
      description: 'Count the members in office on this day, ages as of its year; today when absent.',
    }),
  ),
});
export type StatsQuery = Static<typeof StatsQuery>;

export const MemberStats = Type.Object(
  {
    within: Type.Union([UnitCode, Type.Null()]),
    kind: OrganKindSchema,
    level: Type.Union([Type.Integer(), Type.Null()]),
    asOf: DateText,
    organs: Type.Integer({ description: 'Organs sitting on that day.' }),
    seats: Type.Object(BySex, { description: 'Members in office, by sex.' }),
    chiefs: Type.Object(BySex, {
      description: 'Heads of the organs (council chief, governor, committee or office head), by sex.',
    }),
    womenShareOfSeats: Type.Union([Type.Number(), Type.Null()], { description: '0..1; null without seats.' }),
    womenShareOfChiefs: Type.Union([Type.Number(), Type.Null()], {
      description: '0..1; null without chiefs.',
    }),
    byAgeGroup: Breakdown(literals(AGE_GROUPS, 'Age in years as of asOf’s year, from the birth year.')),
    byDisability: Breakdown(
      literals(['with_disability', 'without_disability', 'unknown'] as const, 'Disability, where known.'),
    ),
    byIndigenous: Breakdown(
      literals(['indigenous', 'not_indigenous', 'unknown'] as const, 'Indigenous people, where known.'),
    ),
    byRole: Breakdown(MemberRoleSchema),
    byParty: Type.Array(
      Type.Object({
        party: Type.Union([Type.String(), Type.Null()], { description: 'null: no party recorded.' }),
        ...BySex,
      }),
    ),
  },
  { $id: 'CouncilsMemberStats', title: 'CouncilsMemberStats' },
);
export type MemberStats = Static<typeof MemberStats>;

// ---------------------------------------------------------------------------------- functions

const HolderText = Type.String({
  pattern: '^([a-z_]+|([0-9]{2}){1,3})$',
  description:
    'An SNA type code (commune, sangkat, district, municipality, khan, province, capital) or a unit code.',
  examples: ['commune', '230201'],
});

export const SnaFunction = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    nameKm: Type.String(),
    nameEn: Type.String(),
    sector: Type.String(),
    holderTypeCode: Type.Union([Type.String(), Type.Null()], {
      description: 'Held by every unit of this type; null when held by one unit.',
    }),
    holderUnitCode: Type.Union([UnitCode, Type.Null()], { description: 'Held by this unit only.' }),
    legalInstrument: Type.String(),
    dateAssigned: DateText,
    transferredFrom: Type.Union([Type.String(), Type.Null()], {
      description: 'The ministry it was transferred from; null when assigned by law from the start.',
    }),
    source: Type.String(),
    isExample: Type.Boolean({ description: 'Demo data, not an official record.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'CouncilsFunction', title: 'CouncilsFunction' },
);
export type SnaFunction = Static<typeof SnaFunction>;

export const FUNCTION_SORT_FIELDS = ['code', 'nameEn', 'sector', 'dateAssigned'] as const;

export const FunctionListQuery = Type.Composite([
  PageQuery,
  SortQuery(FUNCTION_SORT_FIELDS, 'code'),
  Type.Object({
    holder: Type.Optional(
      Type.String({
        ...HolderText,
        description:
          'An SNA type code: the functions held by that type. A unit code: the functions that unit ' +
          'holds, those of its type and those assigned to it alone.',
      }),
    ),
    sector: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 60 })),
  }),
]);
export type FunctionListQuery = Static<typeof FunctionListQuery>;

export const CreateFunctionBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_.]*$', maxLength: 100 }),
    nameKm: Text(300),
    nameEn: Text(300),
    sector: Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 60 }),
    holder: HolderText,
    legalInstrument: Text(500),
    dateAssigned: DateText,
    transferredFrom: Type.Optional(NullableText(300)),
    source: Text(500),
  },
  { additionalProperties: false },
);
export type CreateFunctionBody = Static<typeof CreateFunctionBody>;

export const UpdateFunctionBody = Type.Object(
  {
    nameKm: Type.Optional(Text(300)),
    nameEn: Type.Optional(Text(300)),
    sector: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 60 })),
    legalInstrument: Type.Optional(Text(500)),
    dateAssigned: Type.Optional(DateText),
    transferredFrom: Type.Optional(NullableText(300)),
    source: Type.Optional(Text(500)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFunctionBody = Static<typeof UpdateFunctionBody>;

// ---------------------------------------------------------------------------------- meetings

export const MeetingKindSchema = literals(MEETING_KINDS, 'ordinary | extraordinary');
export const MeetingStatusSchema = literals(MEETING_STATUSES, 'planned → held → closed, or cancelled');
export const AttendanceStatusSchema = literals(ATTENDANCE_STATUSES, 'present | excused | absent');
export const VoteSchema = literals(VOTES, 'for | against | abstain');

export const AgendaItem = Type.Object(
  {
    id: Type.Integer(),
    position: Type.Integer({ minimum: 1 }),
    titleKm: Type.String(),
    titleEn: Type.String(),
    documentRef: Type.Union([Type.String(), Type.Null()], {
      description: 'The document discussed: a file of the attachments store, or its number.',
    }),
  },
  { $id: 'CouncilsAgendaItem', title: 'CouncilsAgendaItem' },
);
export type AgendaItem = Static<typeof AgendaItem>;

const PersonRef = Type.Object({ id: Type.Integer(), nameKm: Type.String(), nameLatin: Type.String() });

export const Meeting = Type.Object(
  {
    id: Type.Integer(),
    organId: Type.Integer(),
    unitCode: UnitCode,
    organKind: OrganKindSchema,
    organNameKm: Type.String(),
    organNameEn: Type.String(),
    kind: MeetingKindSchema,
    date: DateText,
    place: Type.Union([Type.String(), Type.Null()]),
    isOnline: Type.Boolean(),
    convenedBy: Type.Union([PersonRef, Type.Null()], { description: 'The member who convened it.' }),
    status: MeetingStatusSchema,
    observersFemale: Type.Integer({ description: 'Observers and citizens attending: women.' }),
    observersMale: Type.Integer({ description: 'Observers and citizens attending: men.' }),
    decisionCount: Type.Integer(),
    isExample: Type.Boolean({ description: 'Demo data, not an official record.' }),
    agenda: Type.Array(AgendaItem, { description: 'In order.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'CouncilsMeeting', title: 'CouncilsMeeting' },
);
export type Meeting = Static<typeof Meeting>;

export const Quorum = Type.Object(
  {
    membersInOffice: Type.Integer({ description: 'Members of the organ in office on the meeting’s date.' }),
    present: Type.Integer(),
    excused: Type.Integer(),
    absent: Type.Integer(),
    notRecorded: Type.Integer({ description: 'Members in office whose attendance is not recorded.' }),
    required: Type.Integer({ description: 'Members present the rule requires.' }),
    met: Type.Boolean(),
    ruleKm: Type.String(),
    ruleEn: Type.String(),
    legalReference: Type.String(),
    referenceIsExample: Type.Boolean({
      description: 'The legal reference is an example, not the cited article.',
    }),
  },
  { $id: 'CouncilsQuorum', title: 'CouncilsQuorum' },
);
export type Quorum = Static<typeof Quorum>;

export const AttendanceLine = Type.Object({
  memberId: Type.Integer(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  role: MemberRoleSchema,
  sex: SexSchema,
  status: Type.Union([AttendanceStatusSchema, Type.Null()], { description: 'null: not recorded.' }),
});

export const MemberVote = Type.Object({
  memberId: Type.Integer(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  vote: VoteSchema,
});

export const Decision = Type.Object(
  {
    id: Type.Integer(),
    organId: Type.Integer(),
    unitCode: UnitCode,
    organKind: OrganKindSchema,
    organNameKm: Type.String(),
    organNameEn: Type.String(),
    meetingId: Type.Integer(),
    agendaItemId: Type.Union([Type.Integer(), Type.Null()]),
    year: Type.Integer(),
    number: Type.Integer(),
    reference: Type.String({ description: 'number/year, as the decision is cited.', examples: ['3/2026'] }),
    date: DateText,
    kind: Type.String({ description: 'A kind of decision (GET /decision-kinds).' }),
    kindNameKm: Type.String(),
    kindNameEn: Type.String(),
    titleKm: Type.String(),
    titleEn: Type.String(),
    amendsDecisionId: Type.Union([Type.Integer(), Type.Null()]),
    voteMode: literals(
      ['per_member', 'tally'] as const,
      'per_member: each vote recorded; tally: counts only',
    ),
    votesFor: Type.Integer(),
    votesAgainst: Type.Integer(),
    votesAbstain: Type.Integer(),
    membersInOffice: Type.Integer(),
    membersPresent: Type.Integer(),
    quorumMet: Type.Boolean(),
    passed: Type.Boolean(),
    isFinal: Type.Boolean({ description: 'The meeting is closed: the decision can no longer change.' }),
    isExample: Type.Boolean(),
    votes: Type.Array(MemberVote, { description: 'Per member when recorded so; empty for a tally.' }),
    createdAt: Timestamp,
  },
  { $id: 'CouncilsDecision', title: 'CouncilsDecision' },
);
export type Decision = Static<typeof Decision>;

export const MeetingDetail = Type.Composite(
  [
    Meeting,
    Type.Object({
      attendance: Type.Array(AttendanceLine, { description: 'Every member in office on the date.' }),
      quorum: Quorum,
      decisions: Type.Array(Decision),
    }),
  ],
  { $id: 'CouncilsMeetingDetail', title: 'CouncilsMeetingDetail' },
);
export type MeetingDetail = Static<typeof MeetingDetail>;

const AgendaInput = Type.Object(
  {
    titleKm: Text(500),
    titleEn: Text(500),
    documentRef: Type.Optional(NullableText(300)),
  },
  { additionalProperties: false },
);

export const CreateMeetingBody = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 40, description: MeetingKindSchema.description }),
    date: DateText,
    place: Type.Optional(NullableText(300)),
    isOnline: Type.Optional(Type.Boolean({ default: false })),
    convenedBy: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'A member id.' }),
    ),
    agenda: Type.Array(AgendaInput, { minItems: 1, maxItems: 60, description: 'In order.' }),
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

export const UpdateMeetingBody = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    date: Type.Optional(DateText),
    place: Type.Optional(NullableText(300)),
    isOnline: Type.Optional(Type.Boolean()),
    convenedBy: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    agenda: Type.Optional(
      Type.Array(AgendaInput, {
        minItems: 1,
        maxItems: 60,
        description: 'Replaces the agenda (planned only).',
      }),
    ),
    status: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 20,
        description:
          'held (on or after its date), closed (after held: decisions are final), cancelled (when planned).',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

export const AttendanceBody = Type.Object(
  {
    attendance: Type.Array(
      Type.Object(
        {
          memberId: Type.Integer({ minimum: 1 }),
          status: Type.String({
            minLength: 1,
            maxLength: 20,
            description: AttendanceStatusSchema.description,
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: 'Members in office not listed are recorded absent.' },
    ),
    observersFemale: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    observersMale: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const MeetingListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    unit: Type.Optional(
      Type.String({ pattern: UnitCode.pattern, description: 'Meetings of this unit’s organs.' }),
    ),
    organ: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(
      Type.Union(
        MEETING_STATUSES.map((status) => Type.Literal(status)),
        { description: 'Only meetings in this status.' },
      ),
    ),
  }),
]);
export type MeetingListQuery = Static<typeof MeetingListQuery>;

// ---------------------------------------------------------------------------------- decisions

export const DecisionKind = Type.Object(
  {
    code: Type.String(),
    nameKm: Type.String(),
    nameEn: Type.String(),
    majorityBase: literals(['present', 'in_office'] as const, 'The members the majority is counted over.'),
    ruleKm: Type.String(),
    ruleEn: Type.String(),
    legalReference: Type.String(),
    referenceIsExample: Type.Boolean(),
  },
  { $id: 'CouncilsDecisionKind', title: 'CouncilsDecisionKind' },
);
export type DecisionKind = Static<typeof DecisionKind>;

export const CreateDecisionBody = Type.Object(
  {
    kind: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'A kind of decision (GET /decision-kinds).',
    }),
    titleKm: Text(500),
    titleEn: Text(500),
    agendaItemId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    number: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100000,
        description: 'The next number of the organ’s year when absent.',
      }),
    ),
    amendsDecisionId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    votes: Type.Optional(
      Type.Array(
        Type.Object(
          {
            memberId: Type.Integer({ minimum: 1 }),
            vote: Type.String({ minLength: 1, maxLength: 20, description: VoteSchema.description }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200, description: 'The vote of each member present (or give tally).' },
      ),
    ),
    tally: Type.Optional(
      Type.Object(
        {
          for: Type.Integer({ minimum: 0 }),
          against: Type.Integer({ minimum: 0 }),
          abstain: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false, description: 'The counts, when votes were not recorded per member.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateDecisionBody = Static<typeof CreateDecisionBody>;

export const UpdateDecisionBody = Type.Object(
  {
    titleKm: Type.Optional(Text(500)),
    titleEn: Type.Optional(Text(500)),
    agendaItemId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDecisionBody = Static<typeof UpdateDecisionBody>;

export const DecisionListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    unit: Type.Optional(
      Type.String({ pattern: UnitCode.pattern, description: 'Decisions of this unit’s organs.' }),
    ),
    organ: Type.Optional(Type.Integer({ minimum: 1 })),
    organKind: Type.Optional(KindParam('Decisions of organs of this kind (a budget: council).')),
    meeting: Type.Optional(Type.Integer({ minimum: 1 })),
    kind: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 40 })),
    passed: Type.Optional(Type.Boolean({ description: 'true: only decisions that passed.' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words found in the Khmer or the English title (case-insensitive in English).',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'Taken on or after this day.' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Taken on or before this day.' })),
  }),
]);
export type DecisionListQuery = Static<typeof DecisionListQuery>;

// ---------------------------------------------------------------------------------- minutes

export const Minutes = Type.Object(
  {
    meetingId: Type.Integer(),
    status: literals(MINUTES_STATUSES, 'draft → circulated (to the members) → adopted (frozen)'),
    textKm: Type.String({ description: 'The minutes, in Khmer.' }),
    summaryEn: Type.Union([Type.String(), Type.Null()], { description: 'An optional English summary.' }),
    circulatedAt: Type.Union([Timestamp, Type.Null()]),
    adoptedAtMeetingId: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The later meeting of the same organ that adopted them.',
    }),
    adoptedOn: NullableDate('The day of the adopting meeting.'),
    isExample: Type.Boolean(),
    updatedAt: Timestamp,
  },
  { $id: 'CouncilsMinutes', title: 'CouncilsMinutes' },
);
export type Minutes = Static<typeof Minutes>;

export const MinutesBody = Type.Object(
  {
    textKm: Text(100_000),
    summaryEn: Type.Optional(NullableText(10_000, 'An optional English summary.')),
  },
  { additionalProperties: false },
);
export type MinutesBody = Static<typeof MinutesBody>;

export const AdoptMinutesBody = Type.Object(
  {
    atMeetingId: Type.Integer({
      minimum: 1,
      description: 'A later meeting of the same organ, held with its quorum.',
    }),
  },
  { additionalProperties: false },
);
export type AdoptMinutesBody = Static<typeof AdoptMinutesBody>;

// ---------------------------------------------------------------------------------- citizens' requests

export const RequestKindSchema = literals(REQUEST_KINDS, 'need | problem | proposal');
export const RequestTopicSchema = literals(REQUEST_TOPICS, REQUEST_TOPICS.join(' | '));
export const RequestStatusSchema = literals(
  REQUEST_STATUSES,
  'received → on_agenda (of a planned meeting) → answered or referred; or answered by the chief',
);

export const CitizenRequest = Type.Object(
  {
    number: Type.String({ description: 'The acknowledgement number, XXXX-XXXX.' }),
    unitCode: UnitCode,
    organId: Type.Integer(),
    placeCode: UnitCode,
    kind: RequestKindSchema,
    topic: RequestTopicSchema,
    textKm: Type.String(),
    status: RequestStatusSchema,
    filedOn: DateText,
    meetingId: Type.Union([Type.Integer(), Type.Null()], { description: 'The meeting whose agenda has it.' }),
    answeredBy: Type.Union([literals(['chief', 'council'] as const, 'chief | council'), Type.Null()]),
    decisionId: Type.Union([Type.Integer(), Type.Null()]),
    answerKm: Type.Union([Type.String(), Type.Null()], {
      description: 'null while unanswered, and for the public when the person asked it not to be public.',
    }),
    answerEn: Type.Union([Type.String(), Type.Null()]),
    referredTo: Type.Union([Type.String(), Type.Null()]),
    answeredOn: NullableDate('The day it was answered or referred.'),
    answerPublic: Type.Boolean(),
    isExample: Type.Boolean(),
    person: Type.Optional(
      Type.Object(
        {
          name: Type.Union([Type.String(), Type.Null()]),
          sex: Type.Union([SexSchema, Type.Null()]),
          phone: Type.String(),
        },
        { description: 'Only for those who manage the council, and for the person (number and phone).' },
      ),
    ),
  },
  { $id: 'CouncilsCitizenRequest', title: 'CouncilsCitizenRequest' },
);
export type CitizenRequest = Static<typeof CitizenRequest>;

export const FileRequestBody = Type.Object(
  {
    placeCode: Type.Optional(
      Type.String({
        pattern: UnitCode.pattern,
        description:
          'The place the request is about (a village or commune within the unit); the unit itself when absent.',
      }),
    ),
    kind: Type.String({ minLength: 1, maxLength: 20, description: RequestKindSchema.description }),
    topic: Type.String({ minLength: 1, maxLength: 40, description: RequestTopicSchema.description }),
    textKm: Text(5000),
    name: Type.Optional(NullableText(200)),
    sex: Type.Optional(
      Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description: 'female | male, or null (not said).',
      }),
    ),
    phone: Type.String({ minLength: 6, maxLength: 30, description: 'A Cambodian phone number.' }),
    answerPublic: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'false: the answer is not published (the person reads it with the number and phone).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FileRequestBody = Static<typeof FileRequestBody>;

export const RequestNumberParams = Type.Object({
  number: Type.String({ minLength: 8, maxLength: 12, description: 'XXXX-XXXX' }),
});

export const TrackRequestQuery = Type.Object({
  phone: Type.Optional(
    Type.String({ maxLength: 30, description: 'The phone given: shows a private answer.' }),
  ),
});

export const RequestListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(
      Type.Union(
        REQUEST_STATUSES.map((status) => Type.Literal(status)),
        {
          description:
            'Default: the answered and referred ones; other statuses only for those who manage the council.',
        },
      ),
    ),
    topic: Type.Optional(Type.Union(REQUEST_TOPICS.map((topic) => Type.Literal(topic)))),
  }),
]);
export type RequestListQuery = Static<typeof RequestListQuery>;

export const AgendaRequestBody = Type.Object(
  { meetingId: Type.Integer({ minimum: 1, description: 'A planned meeting of the council.' }) },
  { additionalProperties: false },
);
export type AgendaRequestBody = Static<typeof AgendaRequestBody>;

export const AnswerRequestBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('answered'), Type.Literal('referred')]),
    answeredBy: Type.Union([Type.Literal('chief'), Type.Literal('council')], {
      description: 'chief: answered by the council’s chief; council: decided by the council.',
    }),
    answerKm: Text(5000),
    answerEn: Type.Optional(NullableText(5000)),
    decisionId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    referredTo: Type.Optional(
      NullableText(300, 'To whom it is referred (an office, another administration).'),
    ),
  },
  { additionalProperties: false },
);
export type AnswerRequestBody = Static<typeof AnswerRequestBody>;

export const RequestStatsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type RequestStatsQuery = Static<typeof RequestStatsQuery>;

const Count = Type.Object({ key: Type.String(), count: Type.Integer() });
export const RequestStats = Type.Object(
  {
    unitCode: UnitCode,
    total: Type.Integer(),
    bySex: Type.Array(Count, { description: 'female, male, not_said.' }),
    byTopic: Type.Array(Count),
    byStatus: Type.Array(Count),
  },
  { $id: 'CouncilsRequestStats', title: 'CouncilsRequestStats' },
);
export type RequestStats = Static<typeof RequestStats>;

// ---------------------------------------------------------------------------------- public forums

export const Forum = Type.Object(
  {
    id: Type.Integer(),
    organId: Type.Integer({ description: 'The council that held it.' }),
    unitCode: UnitCode,
    year: Type.Integer(),
    date: DateText,
    inWindow: Type.Boolean({
      description: 'Held in June or July, as the law asks; otherwise lateReasonKm says why it moved.',
    }),
    place: Type.String(),
    attendanceFemale: Type.Integer(),
    attendanceMale: Type.Integer(),
    lateReasonKm: Type.Union([Type.String(), Type.Null()]),
    summaryKm: Type.Union([Type.String(), Type.Null()]),
    summaryEn: Type.Union([Type.String(), Type.Null()]),
    questionCount: Type.Integer(),
    answeredCount: Type.Integer(),
    isExample: Type.Boolean({ description: 'Demo data: an invented forum, not a real one.' }),
  },
  { $id: 'CouncilsForum', title: 'CouncilsForum' },
);
export type Forum = Static<typeof Forum>;

const Attending = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const CreateForumBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    date: DateText,
    place: Text(300),
    attendanceFemale: Type.Optional(Attending),
    attendanceMale: Type.Optional(Attending),
    lateReasonKm: Type.Optional(
      NullableText(1000, 'Required when the date is outside June and July: why the forum moved.'),
    ),
    summaryKm: Type.Optional(NullableText(5000)),
    summaryEn: Type.Optional(NullableText(5000)),
  },
  { additionalProperties: false },
);
export type CreateForumBody = Static<typeof CreateForumBody>;

export const UpdateForumBody = Type.Partial(Type.Omit(CreateForumBody, ['year']), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateForumBody = Static<typeof UpdateForumBody>;

export const ForumListQuery = Type.Composite([
  PageQuery,
  Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
]);
export type ForumListQuery = Static<typeof ForumListQuery>;

export const ForumQuestion = Type.Object(
  {
    id: Type.Integer(),
    forumId: Type.Integer(),
    position: Type.Integer(),
    questionKm: Type.String(),
    questionEn: Type.Union([Type.String(), Type.Null()]),
    askedBySex: Type.Union([SexSchema, Type.Null()]),
    answerKm: Type.Union([Type.String(), Type.Null()]),
    answerEn: Type.Union([Type.String(), Type.Null()]),
    planPriorityRef: Type.Union([Type.String(), Type.Null()], {
      description: 'A priority of the development plan (the plans module’s id), not yet checked.',
    }),
  },
  { $id: 'CouncilsForumQuestion', title: 'CouncilsForumQuestion' },
);
export type ForumQuestion = Static<typeof ForumQuestion>;

const questionFields = {
  questionKm: Text(2000),
  questionEn: NullableText(2000),
  askedBySex: Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
    description: 'female | male, or null (not said).',
  }),
  answerKm: NullableText(5000),
  answerEn: NullableText(5000),
  planPriorityRef: NullableText(100, 'The id of a priority of the development plan (plans module).'),
};

export const CreateForumQuestionBody = Type.Object(
  {
    questionKm: questionFields.questionKm,
    questionEn: Type.Optional(questionFields.questionEn),
    askedBySex: Type.Optional(questionFields.askedBySex),
    answerKm: Type.Optional(questionFields.answerKm),
    answerEn: Type.Optional(questionFields.answerEn),
    planPriorityRef: Type.Optional(questionFields.planPriorityRef),
  },
  { additionalProperties: false },
);
export type CreateForumQuestionBody = Static<typeof CreateForumQuestionBody>;

export const UpdateForumQuestionBody = Type.Partial(Type.Object(questionFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateForumQuestionBody = Static<typeof UpdateForumQuestionBody>;
