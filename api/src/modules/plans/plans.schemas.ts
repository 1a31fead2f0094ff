/**
 * TypeBox schemas of the plans routes: validation, types and OpenAPI in one place. Sector,
 * fund source, status, kind and marker codes are plain strings in bodies, checked by the
 * services, so that a wrong value answers a stable code of its own (plans.sector.unknown).
 */
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { CLIMATE_MARKERS, PLAN_STATUSES, PROJECT_KINDS, PROJECT_STATUSES } from './plans.tables.ts';

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,4}$',
  description: 'NCDD code, zero-padded.',
  examples: ['23', '2302', '230201'],
});
const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const OptionalText = (max: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
/** Riel: whole numbers; negatives reach the service and answer plans.project.negative_amount. */
const Amount = Type.Integer({ minimum: -1e15, maximum: 1e15, description: 'Riel.' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const UnitParams = Type.Object({ code: UnitCode });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

export const CodeName = Type.Object({ code: Type.String(), nameKm: Type.String(), nameEn: Type.String() });
export type CodeName = Static<typeof CodeName>;
export const CodeNameList = Type.Object({ items: Type.Array(CodeName) });

// ---------------------------------------------------------------------------------- plans

const GoalBody = Type.Object(
  { sectorCode: Type.String({ maxLength: 40 }), textKm: RequiredText(1000), textEn: OptionalText(1000) },
  { additionalProperties: false },
);
const IndicatorBody = Type.Object(
  {
    sectorCode: Type.String({ maxLength: 40 }),
    nameKm: RequiredText(300),
    nameEn: OptionalText(300),
    measure: RequiredText(60),
    baseline: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    baselineYear: Year,
    targets: Type.Array(
      Type.Object(
        { year: Year, target: Type.Number({ minimum: -1e12, maximum: 1e12 }) },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
const StepBody = Type.Object(
  {
    stepKm: RequiredText(300),
    stepEn: OptionalText(300),
    owner: RequiredText(200),
    startDate: DateText,
    endDate: DateText,
  },
  { additionalProperties: false },
);

export const CreatePlanBody = Type.Object(
  {
    firstYear: Year,
    lastYear: Year,
    visionKm: RequiredText(2000),
    visionEn: OptionalText(2000),
    goals: Type.Array(GoalBody, { maxItems: 50 }),
    indicators: Type.Array(IndicatorBody, { maxItems: 100 }),
    calendar: Type.Array(StepBody, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const PlanStatusBody = Type.Object(
  { status: Type.String({ maxLength: 20, description: 'draft | reviewed' }) },
  { additionalProperties: false },
);
export type PlanStatusBody = Static<typeof PlanStatusBody>;

export const ApproveBody = Type.Object(
  {
    councilDecisionId: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
    date: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const Plan = Type.Object(
  {
    id: Type.Integer(),
    unitCode: Type.String(),
    firstYear: Type.Integer(),
    lastYear: Type.Integer(),
    visionKm: Type.String(),
    visionEn: Type.Union([Type.String(), Type.Null()]),
    status: literals(PLAN_STATUSES, 'draft | reviewed | approved'),
    councilDecisionId: Type.Union([Type.Integer(), Type.Null()]),
    approvedOn: Type.Union([Type.String(), Type.Null()]),
    isExample: Type.Boolean(),
    goals: Type.Array(
      Type.Object({
        id: Type.Integer(),
        sectorCode: Type.String(),
        textKm: Type.String(),
        textEn: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    indicators: Type.Array(
      Type.Object({
        id: Type.Integer(),
        sectorCode: Type.String(),
        nameKm: Type.String(),
        nameEn: Type.Union([Type.String(), Type.Null()]),
        measure: Type.String(),
        baseline: Type.Number(),
        baselineYear: Type.Integer(),
        targets: Type.Array(Type.Object({ year: Type.Integer(), target: Type.Number() })),
      }),
    ),
    calendar: Type.Array(
      Type.Object({
        id: Type.Integer(),
        stepKm: Type.String(),
        stepEn: Type.Union([Type.String(), Type.Null()]),
        owner: Type.String(),
        startDate: Type.String(),
        endDate: Type.String(),
      }),
    ),
  },
  { $id: 'PlansPlan', title: 'PlansPlan' },
);
export type Plan = Static<typeof Plan>;

export const PlanListQuery = PageQuery;
export type PlanListQuery = Static<typeof PlanListQuery>;

// ---------------------------------------------------------------------------------- needs

export const CreateNeedBody = Type.Object(
  {
    villageCode: Type.String({ pattern: '^[0-9]{8}$', description: 'A village of the commune.' }),
    meetingDate: DateText,
    needText: RequiredText(2000),
    sectorCode: Type.String({ maxLength: 40 }),
    attendeesFemale: Count,
    attendeesMale: Count,
    vulnerableGroups: Type.Array(Type.String({ maxLength: 40 }), {
      maxItems: 10,
      description: 'women, children, elderly, disabled, indigenous, poor',
    }),
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const Need = Type.Object(
  {
    id: Type.Integer(),
    unitCode: Type.String(),
    villageCode: Type.String(),
    villageNameKm: Type.String(),
    villageNameLatin: Type.String(),
    meetingDate: Type.String(),
    needText: Type.String(),
    sectorCode: Type.String(),
    attendeesFemale: Type.Integer(),
    attendeesMale: Type.Integer(),
    vulnerableGroups: Type.Array(Type.String()),
    isExample: Type.Boolean(),
  },
  { $id: 'PlansNeed', title: 'PlansNeed' },
);
export type Need = Static<typeof Need>;

export const NeedListQuery = Type.Composite([
  PageQuery,
  Type.Object({ sector: Type.Optional(Type.String({ maxLength: 40 })) }),
]);
export type NeedListQuery = Static<typeof NeedListQuery>;

// ---------------------------------------------------------------------------------- priorities

export const CreatePriorityBody = Type.Object(
  {
    year: Year,
    rank: Type.Integer({ minimum: 1, maximum: 1000 }),
    titleKm: RequiredText(500),
    titleEn: OptionalText(500),
    sectorCode: Type.String({ maxLength: 40 }),
    reason: RequiredText(2000),
    needIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }), { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type CreatePriorityBody = Static<typeof CreatePriorityBody>;

export const Priority = Type.Object(
  {
    id: Type.Integer(),
    unitCode: Type.String(),
    year: Type.Integer(),
    rank: Type.Integer(),
    titleKm: Type.String(),
    titleEn: Type.Union([Type.String(), Type.Null()]),
    sectorCode: Type.String(),
    reason: Type.String(),
    isExample: Type.Boolean(),
    needs: Type.Array(
      Type.Object({
        id: Type.Integer(),
        needText: Type.String(),
        villageCode: Type.String(),
        villageNameKm: Type.String(),
        villageNameLatin: Type.String(),
      }),
    ),
  },
  { $id: 'PlansPriority', title: 'PlansPriority' },
);
export type Priority = Static<typeof Priority>;

export const PriorityListQuery = Type.Composite([PageQuery, Type.Object({ year: Type.Optional(Year) })]);
export type PriorityListQuery = Static<typeof PriorityListQuery>;

// ---------------------------------------------------------------------------------- projects

const CostYearBody = Type.Object(
  {
    year: Year,
    total: Amount,
    sources: Type.Array(
      Type.Object(
        { fundSource: Type.String({ maxLength: 40 }), amount: Amount },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);

export const CreateProjectBody = Type.Object(
  {
    titleKm: RequiredText(500),
    titleEn: RequiredText(500),
    sectorCode: Type.String({ maxLength: 40 }),
    kind: Type.String({ maxLength: 20, description: 'infrastructure | service' }),
    outputText: RequiredText(500),
    outputQuantity: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    outputUnit: RequiredText(60),
    locations: Type.Array(UnitCode, { maxItems: 50, description: 'Villages or communes within the unit.' }),
    costs: Type.Array(CostYearBody, { maxItems: 3 }),
    genderMarker: Type.Boolean(),
    genderReason: OptionalText(1000),
    climateMarker: Type.String({ maxLength: 20, description: 'none | adaptation | mitigation | both' }),
    climateReason: OptionalText(1000),
    priorityId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const ProjectStatusBody = Type.Object(
  {
    status: Type.String({
      maxLength: 20,
      description: 'proposal | committed | ongoing | completed | dropped',
    }),
  },
  { additionalProperties: false },
);
export type ProjectStatusBody = Static<typeof ProjectStatusBody>;

export const Project = Type.Object(
  {
    id: Type.Integer(),
    unitCode: Type.String(),
    titleKm: Type.String(),
    titleEn: Type.String(),
    sectorCode: Type.String(),
    kind: literals(PROJECT_KINDS, 'infrastructure | service'),
    outputText: Type.String(),
    outputQuantity: Type.Number(),
    outputUnit: Type.String(),
    status: literals(PROJECT_STATUSES, 'proposal | committed | ongoing | completed | dropped'),
    genderMarker: Type.Boolean(),
    genderReason: Type.Union([Type.String(), Type.Null()]),
    climateMarker: literals(CLIMATE_MARKERS, 'none | adaptation | mitigation | both'),
    climateReason: Type.Union([Type.String(), Type.Null()]),
    priorityId: Type.Union([Type.Integer(), Type.Null()]),
    isExample: Type.Boolean(),
    locations: Type.Array(
      Type.Object({ code: Type.String(), nameKm: Type.String(), nameLatin: Type.String() }),
    ),
    costs: Type.Array(
      Type.Object({ year: Type.Integer(), fundSource: Type.String(), amount: Type.Number() }),
      { description: 'Estimated cost by year and fund source, riel.' },
    ),
    total: Type.Number({ description: 'All years and sources, riel.' }),
  },
  { $id: 'PlansProject', title: 'PlansProject' },
);
export type Project = Static<typeof Project>;

export const ProjectListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    unit: UnitCode,
    year: Type.Optional(Year),
    status: Type.Optional(
      Type.Union(
        PROJECT_STATUSES.map((status) => Type.Literal(status)),
        { description: 'Only projects of this status.' },
      ),
    ),
    sector: Type.Optional(Type.String({ maxLength: 40 })),
  }),
]);
export type ProjectListQuery = Static<typeof ProjectListQuery>;

// ---------------------------------------------------------------------------------- program

export const Program = Type.Object(
  {
    unitCode: Type.String(),
    firstYear: Type.Union([Type.Integer(), Type.Null()], { description: 'Null: no program yet.' }),
    years: Type.Array(Type.Integer()),
    councilDecisionId: Type.Union([Type.Integer(), Type.Null()]),
    approvedOn: Type.Union([Type.String(), Type.Null()]),
    totals: Type.Array(
      Type.Object({ year: Type.Integer(), fundSource: Type.String(), amount: Type.Number() }),
      {
        description: 'The projects of the unit and its subtree, by year and fund source (dropped left out).',
      },
    ),
  },
  { $id: 'PlansProgram', title: 'PlansProgram' },
);
export type Program = Static<typeof Program>;

export const StartProgramBody = Type.Object({ firstYear: Year }, { additionalProperties: false });
export type StartProgramBody = Static<typeof StartProgramBody>;

export const RollBody = Type.Object(
  { fromYear: Year },
  {
    additionalProperties: false,
    description: 'The first year the program has now (guards against a double roll).',
  },
);
export type RollBody = Static<typeof RollBody>;

export const RollResult = Type.Object({
  unitCode: Type.String(),
  fromYear: Type.Integer(),
  toYear: Type.Integer(),
  carried: Type.Integer({
    description: 'Unfinished projects whose first-year cost moved into the new first year.',
  }),
});
export type RollResult = Static<typeof RollResult>;
