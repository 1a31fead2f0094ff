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
import { Timestamp } from '../../platform/http/timestamp.ts';
import { MEMBER_ROLES, ORGAN_KINDS, SEXES } from './councils.tables.ts';

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
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
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
