/**
 * TypeBox schemas of the hr routes: validation, types and OpenAPI in one place. Category and
 * grade codes are plain strings in bodies, checked by the services, so that a wrong value
 * answers a stable code of its own (hr.category.unknown).
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import {
  ASSIGNMENT_KINDS,
  EMPLOYMENT_KINDS,
  FUNDING_SOURCES,
  LEAVING_REASONS,
  ORGANS,
  POSITION_LEVELS,
  POSITION_STATES,
  POSITION_STATUSES,
  SEXES,
} from './hr.tables.ts';

/** One of some codes, in an answer (a string enum). */
const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
/** One of some codes, in a body or query (a union of literals, so that the handler's types know it). */
const choice = <const T extends string>(values: readonly T[], description: string): TUnion<TLiteral<T>[]> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,3}$',
  description: 'NCDD code of a province, district or commune, zero-padded.',
  examples: ['23', '2302', '230201'],
});
const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const OptionalText = (max: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Code = Type.String({ maxLength: 60 });
const FunctionCode = Type.String({ pattern: '^[a-z][a-z0-9_.]*$', maxLength: 120 });

export const UnitParams = Type.Object({ code: UnitCode });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
export const YearParams = Type.Object({ year: Year });
export const EstablishmentParams = Type.Object({
  unitType: Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 40 }),
  year: Year,
});

export const AGE_GROUPS = ['under_25', '25-34', '35-44', '45-54', '55_and_over', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AgeGroupSchema = literals(AGE_GROUPS, 'Age on the day counted.');

// ---------------------------------------------------------------------------------- code lists

const Grade = Type.Object({ code: Type.String(), nameKm: Type.String(), nameEn: Type.String() });
export const Category = Type.Object({
  code: Type.String(),
  kind: literals(EMPLOYMENT_KINDS, 'Civil servant or contract.'),
  nameKm: Type.String(),
  nameEn: Type.String(),
  source: Type.String({ description: 'Where the row comes from.' }),
  isExample: Type.Boolean(),
  grades: Type.Array(Grade),
});
export type Category = Static<typeof Category>;
export const CategoryList = Type.Object({ items: Type.Array(Category) });

// ---------------------------------------------------------------------------------- positions

export const Occupant = Type.Object({
  assignmentId: Type.Integer(),
  personId: Type.Integer(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  sex: literals(SEXES, 'Sex.'),
  kind: literals(ASSIGNMENT_KINDS, 'Kind of assignment.'),
  startDate: DateText,
  endDate: Type.Union([DateText, Type.Null()]),
});
export type Occupant = Static<typeof Occupant>;

export const Position = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  organ: literals(ORGANS, 'The organ the position serves.'),
  titleKm: Type.String(),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  categoryCode: Type.String(),
  gradeCode: Type.Union([Type.String(), Type.Null()]),
  level: literals(POSITION_LEVELS, 'Leadership, management or staff.'),
  functionCode: Type.Union([Type.String(), Type.Null()]),
  status: literals(
    POSITION_STATUSES,
    'Vacant or occupied (from the assignments in force), frozen or closed.',
  ),
  fundingSource: literals(FUNDING_SOURCES, 'Who pays the position.'),
  maxOccupants: Type.Integer(),
  isExample: Type.Boolean(),
  occupants: Type.Array(Occupant, { description: 'Assignments in force today.' }),
});
export type Position = Static<typeof Position>;

export const CreatePositionBody = Type.Object(
  {
    organ: choice(ORGANS, 'The organ the position serves.'),
    titleKm: RequiredText(200),
    titleEn: OptionalText(200),
    categoryCode: Code,
    gradeCode: Type.Optional(Type.Union([Code, Type.Null()])),
    level: choice(POSITION_LEVELS, 'Leadership, management or staff.'),
    functionCode: Type.Optional(Type.Union([FunctionCode, Type.Null()])),
    fundingSource: choice(FUNDING_SOURCES, 'Who pays the position.'),
    maxOccupants: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1 })),
  },
  { additionalProperties: false },
);
export type CreatePositionBody = Static<typeof CreatePositionBody>;

export const PositionStateBody = Type.Object(
  { state: choice(POSITION_STATES, 'Open, frozen or closed.') },
  { additionalProperties: false },
);
export type PositionStateBody = Static<typeof PositionStateBody>;

export const PositionListQuery = Type.Composite([
  PageQuery,
  Type.Object({ status: Type.Optional(choice(POSITION_STATUSES, 'Only positions of this status.')) }),
]);
export type PositionListQuery = Static<typeof PositionListQuery>;

export const EstablishmentSummary = Type.Object({
  unitCode: Type.String(),
  unitTypeCode: Type.String(),
  year: Type.Integer(),
  approved: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The approved establishment of the unit type that year; null when none is recorded.',
  }),
  positions: Type.Integer({ description: 'Positions not closed.' }),
  occupied: Type.Integer(),
  vacant: Type.Integer(),
  frozen: Type.Integer(),
  staffFemale: Type.Integer(),
  staffMale: Type.Integer(),
});
export type EstablishmentSummary = Static<typeof EstablishmentSummary>;

export const ApprovedEstablishment = Type.Object({
  unitTypeCode: Type.String(),
  year: Type.Integer(),
  approvedCount: Type.Integer(),
  source: Type.Union([Type.String(), Type.Null()]),
  isExample: Type.Boolean(),
});
export type ApprovedEstablishment = Static<typeof ApprovedEstablishment>;
export const ApprovedEstablishmentList = Type.Object({ items: Type.Array(ApprovedEstablishment) });
export const ApprovedEstablishmentBody = Type.Object(
  { approvedCount: Type.Integer({ minimum: 0, maximum: 100000 }), source: OptionalText(300) },
  { additionalProperties: false },
);
export type ApprovedEstablishmentBody = Static<typeof ApprovedEstablishmentBody>;

// ---------------------------------------------------------------------------------- staff

export const Employment = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  kind: literals(EMPLOYMENT_KINDS, 'Civil servant or contract.'),
  categoryCode: Type.String(),
  gradeCode: Type.Union([Type.String(), Type.Null()]),
  startDate: DateText,
  endDate: Type.Union([DateText, Type.Null()]),
  leavingReason: Type.Union([literals(LEAVING_REASONS, 'Why the employment ended.'), Type.Null()]),
});
export type Employment = Static<typeof Employment>;

export const Assignment = Type.Object({
  id: Type.Integer(),
  positionId: Type.Integer(),
  unitCode: Type.String(),
  titleKm: Type.String(),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  kind: literals(ASSIGNMENT_KINDS, 'Kind of assignment.'),
  startDate: DateText,
  endDate: Type.Union([DateText, Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
});
export type Assignment = Static<typeof Assignment>;

export const PersonSummary = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String({ description: 'The SNA that holds the record today.' }),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  sex: literals(SEXES, 'Sex.'),
  isExample: Type.Boolean(),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const Person = Type.Composite([
  PersonSummary,
  Type.Object({
    employments: Type.Array(Employment, { description: 'All of them, latest first: the history.' }),
    assignments: Type.Array(Assignment, { description: 'All of them, latest first: the history.' }),
    canSeePersonal: Type.Boolean({ description: 'May the caller ask for the personal details.' }),
  }),
]);
export type Person = Static<typeof Person>;

export const PersonalDetails = Type.Object({
  birthDate: Type.Union([DateText, Type.Null()]),
  ageGroup: AgeGroupSchema,
  hasDisability: Type.Union([Type.Boolean(), Type.Null()]),
  ethnicity: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  nationalId: Type.Union([Type.String(), Type.Null()]),
});
export type PersonalDetails = Static<typeof PersonalDetails>;

const EmploymentInput = {
  kind: choice(EMPLOYMENT_KINDS, 'Civil servant or contract.'),
  categoryCode: Code,
  gradeCode: Type.Optional(Type.Union([Code, Type.Null()])),
  startDate: DateText,
};

export const CreatePersonBody = Type.Object(
  {
    nameKm: RequiredText(200),
    nameLatin: RequiredText(200),
    sex: choice(SEXES, 'Sex.'),
    birthDate: Type.Optional(Type.Union([DateText, Type.Null()])),
    hasDisability: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    ethnicity: OptionalText(100),
    phone: OptionalText(40),
    email: OptionalText(200),
    nationalId: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9A-Za-z-]{4,20}$' }), Type.Null()])),
    employment: Type.Object(EmploymentInput, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const CreateEmploymentBody = Type.Object(EmploymentInput, { additionalProperties: false });
export type CreateEmploymentBody = Static<typeof CreateEmploymentBody>;

export const EndEmploymentBody = Type.Object(
  { endDate: DateText, reason: choice(LEAVING_REASONS, 'Why the employment ended.') },
  { additionalProperties: false },
);
export type EndEmploymentBody = Static<typeof EndEmploymentBody>;

export const PersonListQuery = PageQuery;
export type PersonListQuery = Static<typeof PersonListQuery>;

export const CreateAssignmentBody = Type.Object(
  {
    personId: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
    kind: choice(ASSIGNMENT_KINDS, 'Kind of assignment.'),
    startDate: DateText,
    endDate: Type.Optional(Type.Union([DateText, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateAssignmentBody = Static<typeof CreateAssignmentBody>;

export const EndAssignmentBody = Type.Object(
  { endDate: DateText, reason: OptionalText(300) },
  { additionalProperties: false },
);
export type EndAssignmentBody = Static<typeof EndAssignmentBody>;

export const MovePersonBody = Type.Object(
  {
    toUnitCode: UnitCode,
    date: DateText,
    categoryCode: Type.Optional(Code),
    gradeCode: Type.Optional(Type.Union([Code, Type.Null()])),
  },
  { additionalProperties: false },
);
export type MovePersonBody = Static<typeof MovePersonBody>;

// ---------------------------------------------------------------------------------- leadership

export const SexCount = Type.Object({ female: Type.Integer(), male: Type.Integer() });
export type SexCount = Static<typeof SexCount>;

export const LeadershipRow = Type.Object({
  unitCode: Type.String(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  female: Type.Integer(),
  male: Type.Integer(),
  womenPercent: Type.Union([Type.Number(), Type.Null()]),
  leadership: SexCount,
  byGrade: Type.Array(
    Type.Composite([Type.Object({ gradeCode: Type.Union([Type.String(), Type.Null()]) }), SexCount]),
  ),
});
export type LeadershipRow = Static<typeof LeadershipRow>;

export const Leadership = Type.Object({
  scopeCode: Type.Union([Type.String(), Type.Null()], {
    description: 'The unit rolled up; null for the nation.',
  }),
  year: Type.Integer(),
  day: DateText,
  targetPercent: Type.Number(),
  targetIsDefault: Type.Boolean(),
  totals: Type.Composite([SexCount, Type.Object({ womenPercent: Type.Union([Type.Number(), Type.Null()]) })]),
  leadership: Type.Composite([
    SexCount,
    Type.Object({ womenPercent: Type.Union([Type.Number(), Type.Null()]) }),
  ]),
  rows: Type.Array(LeadershipRow, { description: 'Provinces for the nation; the unit itself otherwise.' }),
  byLevel: Type.Array(
    Type.Composite([Type.Object({ level: literals(POSITION_LEVELS, 'Level.') }), SexCount]),
  ),
  byGrade: Type.Array(
    Type.Composite([Type.Object({ gradeCode: Type.Union([Type.String(), Type.Null()]) }), SexCount]),
  ),
  byAgeGroup: Type.Array(Type.Composite([Type.Object({ ageGroup: AgeGroupSchema }), SexCount])),
  byDisability: Type.Array(
    Type.Composite([
      Type.Object({ disability: literals(['yes', 'no', 'unknown'], 'Disability.') }),
      SexCount,
    ]),
  ),
  councilMembers: SexCount,
});
export type Leadership = Static<typeof Leadership>;

export const LeadershipQuery = Type.Object({
  unit: Type.Optional(UnitCode),
  year: Type.Optional(Year),
});
export type LeadershipQuery = Static<typeof LeadershipQuery>;

export const LeadershipTarget = Type.Object({
  year: Type.Integer(),
  targetPercent: Type.Number(),
  source: Type.Union([Type.String(), Type.Null()]),
});
export type LeadershipTarget = Static<typeof LeadershipTarget>;
export const LeadershipTargetList = Type.Object({ items: Type.Array(LeadershipTarget) });
export const LeadershipTargetBody = Type.Object(
  { targetPercent: Type.Number({ minimum: -1000, maximum: 1000 }), source: OptionalText(300) },
  { additionalProperties: false },
);
export type LeadershipTargetBody = Static<typeof LeadershipTargetBody>;
