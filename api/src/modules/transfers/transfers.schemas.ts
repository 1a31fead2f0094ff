/**
 * TypeBox schemas of the transfers routes. The formula document has its own schema in
 * engine/formula.ts (docs/transfer-formula.md); an allocation's summary, each unit's
 * explanation and a scenario's comparison follow the engine's types (engine/allocate.ts,
 * equity.ts, scenario.ts) and are described here in full, so that the OpenAPI document and the
 * web's generated types say exactly what they hold.
 */
import { Type, type Static } from '@sinclair/typebox';
import { importReport, ImportQuery } from '../../platform/http/imports.ts';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { FormulaSchema } from './engine/formula.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';

const UnitCode = Type.String({ pattern: '^([0-9]{2}){1,4}$', description: 'NCDD code, zero-padded.' });
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const StatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('approved'),
  Type.Literal('published'),
  Type.Literal('superseded'),
]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const UnitParams = Type.Object({ code: UnitCode });

export const Program = Type.Object({
  code: Type.String(),
  nameKm: Type.String(),
  nameEn: Type.String(),
  descriptionKm: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  isExample: Type.Boolean(),
});

export const CreateProgramBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+([-_][a-z0-9]+)*$', maxLength: 64 }),
    nameKm: RequiredText(300),
    nameEn: RequiredText(300),
    descriptionKm: Type.Optional(Type.String({ maxLength: 2000 })),
    descriptionEn: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateProgramBody = Static<typeof CreateProgramBody>;

export const FormulaListQuery = Type.Object({
  ...PageQuery.properties,
  programCode: Type.Optional(Type.String({ maxLength: 60 })),
  fiscalYear: Type.Optional(Year),
});
export type FormulaListQuery = Static<typeof FormulaListQuery>;

export const FormulaItem = Type.Object({
  id: Type.Integer(),
  programCode: Type.String(),
  fiscalYear: Type.Integer(),
  version: Type.Integer(),
  legalReference: Type.String(),
  isExample: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const FormulaWithDocument = Type.Object({
  id: Type.Integer(),
  isExample: Type.Boolean(),
  formula: FormulaSchema,
});

export const CreateFormulaBody = Type.Object(
  {
    formula: Type.Unknown({ description: 'The formula document; validated with its stable error codes.' }),
    correctionReason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'Needed when the year is already published.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateFormulaBody = Static<typeof CreateFormulaBody>;

export const IndicatorListQuery = Type.Object({
  ...PageQuery.properties,
  fiscalYear: Year,
  indicator: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,59}$' })),
  within: Type.Optional(Type.String({ pattern: '^([0-9]{2}){1,4}$' })),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Only units of this level.' })),
});
export type IndicatorListQuery = Static<typeof IndicatorListQuery>;

export const IndicatorValue = Type.Object({
  unitCode: Type.String(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  indicator: Type.String(),
  value: Type.Number(),
  source: Type.String(),
  isExample: Type.Boolean(),
});

export const SetIndicatorBody = Type.Object(
  {
    fiscalYear: Year,
    indicator: Type.String({ pattern: '^[a-z][a-z0-9_]{0,59}$' }),
    value: Type.Number({ description: 'Not negative.' }),
    source: RequiredText(300),
  },
  { additionalProperties: false },
);
export type SetIndicatorBody = Static<typeof SetIndicatorBody>;

export const IndicatorImportQuery = Type.Object({
  fiscalYear: Year,
  source: Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'Where the figures come from (census, IDPoor round, file).',
  }),
  codeColumn: Type.String({ minLength: 1, maxLength: 100, description: 'The column holding the NCDD code.' }),
  map: Type.String({
    minLength: 1,
    maxLength: 2000,
    description:
      'indicator:column pairs separated by commas, e.g. `population:TT_Both,poor_households:HH_ID1`.',
  }),
  fileName: Type.Optional(
    Type.String({ minLength: 1, maxLength: 300, description: 'The name of the file, for the report.' }),
  ),
  dryRun: Type.Optional(ImportQuery.properties.dryRun),
  applyValid: Type.Optional(ImportQuery.properties.applyValid),
  applyValidPart: Type.Optional(
    Type.Boolean({ deprecated: true, description: 'The former name of applyValid, still accepted.' }),
  ),
});
export type IndicatorImportQuery = Static<typeof IndicatorImportQuery>;

/** The import contract's report (platform/http/imports.ts) and what this import adds. */
export const IndicatorImportReport = importReport('TransfersFiguresImportReport', {
  values: Type.Integer({ description: 'Figures (cells) read, every row.' }),
  unknownCodes: Type.Array(
    Type.Object({ code: Type.String(), row: Type.Union([Type.Integer(), Type.Null()]) }),
    { description: 'Codes the tree does not know: reported, never silently dropped.' },
  ),
});

export const CreateAllocationBody = Type.Object(
  {
    formulaId: Type.Integer({ minimum: 1 }),
    inputsYear: Type.Optional(
      Type.Integer({
        minimum: 1990,
        maximum: 2100,
        description: 'The year of the figures; the formula’s year when left out.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateAllocationBody = Static<typeof CreateAllocationBody>;

export const CorrectAllocationBody = Type.Object(
  {
    reason: RequiredText(2000),
    formulaId: Type.Optional(Type.Integer({ minimum: 1 })),
    inputsYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type CorrectAllocationBody = Static<typeof CorrectAllocationBody>;

const Instant = Type.Union([Timestamp, Type.Null()]);

/** A decimal carried exactly as a string (the engine's exact arithmetic). */
const Decimal = (description?: string) => Type.String({ ...(description ? { description } : {}) });
const Riel = (description?: string) => Type.Integer({ ...(description ? { description } : {}) });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const PerPersonExtreme = Type.Union([
  Type.Object({ code: Type.String(), perPerson: Type.Number() }),
  Type.Null(),
]);

const equityFields = {
  withoutPopulation: Type.Array(Type.String(), {
    description: 'Codes of allocated units without a population.',
  }),
  totalAmount: Type.Number(),
  totalPopulation: Type.Number(),
  meanPerPerson: NullableNumber,
  minPerPerson: PerPersonExtreme,
  maxPerPerson: PerPersonExtreme,
  gini: NullableNumber,
  theil: NullableNumber,
  coefficientOfVariation: NullableNumber,
  maxMinRatio: NullableNumber,
  povertyCorrelation: Type.Union([Type.Number(), Type.Null()], {
    description: 'null without a poverty indicator, or when either series is constant.',
  }),
  // Pairs as arrays of two, not tuples: the web's client (openapi-fetch) reads tuples as arrays anyway.
  lorenz: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), {
    description: '[population share, amount share] pairs from [0, 0] to [1, 1].',
  }),
};

/** Equity figures of an allocation (engine/equity.ts), without the per-unit list. */
export const EquityTotals = Type.Object(equityFields, {
  $id: 'TransfersEquityTotals',
  title: 'TransfersEquityTotals',
});

/** Equity figures with each unit's amount per person (a scenario's before and after). */
export const EquityFigures = Type.Object(
  {
    units: Type.Array(
      Type.Object({
        code: Type.String(),
        amount: Riel(),
        population: Type.Number(),
        perPerson: Type.Number(),
      }),
    ),
    ...equityFields,
  },
  // No $id: it appears twice in a scenario's comparison (before and after).
  { title: 'TransfersEquityFigures' },
);

/** What an allocation was computed from and came to (engine/allocate.ts AllocationResult). */
export const AllocationSummary = Type.Object(
  {
    inputsYear: Type.Integer({ description: 'The year of the figures used.' }),
    pool: Type.Object({
      amount: Riel('Distributed: a multiple of the rounding unit.'),
      exact: Decimal('Before rounding to the rounding unit.'),
      undistributed: Decimal('exact − amount: less than one rounding unit, not distributed.'),
      basis: Type.String({ description: 'How it was reached, in words.' }),
      isExample: Type.Boolean(),
    }),
    components: Type.Array(
      Type.Object({
        code: Type.String(),
        nameKm: Type.String(),
        nameEn: Type.String(),
        sharePercent: Type.Number(),
        exact: Decimal('Pool × share, exactly.'),
        pool: Riel('Pool × share in rounding units by largest remainder.'),
        allocated: Riel('The sum of the units’ parts of this component.'),
      }),
    ),
    totals: Type.Object({
      allocated: Riel(),
      eligibleUnits: Type.Integer(),
      excludedUnits: Type.Integer(),
      floored: Type.Integer(),
      capped: Type.Integer(),
    }),
    excluded: Type.Array(
      Type.Object({
        code: Type.String(),
        reason: Type.Union([
          Type.Literal('level'),
          Type.Literal('type'),
          Type.Literal('excluded_code'),
          Type.Literal('not_included'),
        ]),
        detail: Type.String(),
      }),
    ),
    legalReference: FormulaSchema.properties.legalReference,
    roundingUnit: Type.Integer(),
    equity: EquityTotals,
  },
  { $id: 'TransfersAllocationSummary', title: 'TransfersAllocationSummary' },
);
export type AllocationSummary = Static<typeof AllocationSummary>;

/** One part of a unit's amount: one criterion of one component (engine/allocate.ts AllocationPart). */
export const AllocationPart = Type.Object({
  component: Type.String(),
  criterion: Type.String({ description: '`equal`, the indicator name, or `name (inverse)`.' }),
  kind: Type.Union([Type.Literal('equal'), Type.Literal('indicator')]),
  indicator: Type.Union([Type.String(), Type.Null()]),
  inverse: Type.Boolean(),
  weightPercent: Type.Number({ description: 'The criterion’s weight within its component, percent.' }),
  value: Type.Number({
    description: 'The unit’s value: 1 for an equal share, the indicator’s value otherwise.',
  }),
  total: Decimal('The sum of the values used over the eligible units.'),
  share: Decimal('The unit’s share of this criterion’s pool.'),
  criterionPool: Decimal('Pool × component share × weight.'),
  formulaAmount: Decimal('criterionPool × share: what the formula alone gives.'),
  amountBeforeRounding: Decimal('After floors and caps, before rounding.'),
  amount: Riel('Whole riel; a unit’s parts add up to its amount.'),
});

/** How a unit's amount was reached, part by part. */
export const AllocationExplanation = Type.Object(
  {
    formulaAmount: Decimal('The sum of the parts’ formula amounts.'),
    limit: Type.Union([Type.Literal('floor'), Type.Literal('cap'), Type.Null()], {
      description: 'Held at the floor or the cap; null when shared by the formula.',
    }),
    amountBeforeRounding: Decimal(),
    roundingAdjustment: Decimal('amount − amountBeforeRounding.'),
    parts: Type.Array(AllocationPart),
  },
  { $id: 'TransfersAllocationExplanation', title: 'TransfersAllocationExplanation' },
);
export type AllocationExplanation = Static<typeof AllocationExplanation>;

export const Allocation = Type.Object({
  id: Type.Integer(),
  formulaId: Type.Integer(),
  programCode: Type.String(),
  programNameKm: Type.String(),
  programNameEn: Type.String(),
  fiscalYear: Type.Integer(),
  version: Type.Integer(),
  status: StatusSchema,
  pool: Type.Integer({ description: 'Riel distributed.' }),
  summary: AllocationSummary,
  correctionOf: Type.Union([Type.Integer(), Type.Null()]),
  correctionReason: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Timestamp,
  approvedBy: Nullable(Type.String()),
  approvedAt: Instant,
  publishedBy: Nullable(Type.String()),
  publishedAt: Instant,
});

export const AllocationListQuery = Type.Object({
  ...PageQuery.properties,
  programCode: Type.Optional(Type.String({ maxLength: 60 })),
  fiscalYear: Type.Optional(Year),
  status: Type.Optional(StatusSchema),
});
export type AllocationListQuery = Static<typeof AllocationListQuery>;

export const LineQuery = Type.Object({
  ...PageQuery.properties,
  ...SortQuery(['code', 'amount'], 'code').properties,
  within: Type.Optional(Type.String({ pattern: '^([0-9]{2}){1,4}$' })),
});
export type LineQuery = Static<typeof LineQuery>;

export const AllocationLine = Type.Object({
  unitCode: Type.String(),
  nameKm: Type.String(),
  nameLatin: Type.String(),
  amount: Type.Integer(),
  explanation: AllocationExplanation,
});

export const ScenarioBody = Type.Object(
  {
    baselineFormulaId: Type.Integer({ minimum: 1 }),
    scenario: Type.Unknown({
      description: 'A formula document: the baseline with other weights or another pool.',
    }),
    inputsYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type ScenarioBody = Static<typeof ScenarioBody>;

const UnitChange = Type.Object({
  code: Type.String(),
  baseline: Riel(),
  scenario: Riel(),
  change: Riel('scenario − baseline.'),
  changePercent: Type.Union([Type.Number(), Type.Null()], { description: 'null when the baseline is 0.' }),
  changePerPerson: Type.Union([Type.Number(), Type.Null()], { description: 'null without a population.' }),
  onlyIn: Type.Union([Type.Literal('baseline'), Type.Literal('scenario'), Type.Null()], {
    description: 'Eligible in one allocation only.',
  }),
});

/** A scenario against its baseline, unit by unit, with equity before and after (engine/scenario.ts). */
export const ScenarioResult = Type.Object(
  {
    units: Type.Array(UnitChange),
    gainers: Type.Integer(),
    losers: Type.Integer(),
    unchanged: Type.Integer(),
    totalBaseline: Riel(),
    totalScenario: Riel(),
    largestGain: Type.Union([UnitChange, Type.Null()]),
    largestLoss: Type.Union([UnitChange, Type.Null()]),
    equityBefore: EquityFigures,
    equityAfter: EquityFigures,
  },
  { $id: 'TransfersScenarioComparison', title: 'TransfersScenarioComparison' },
);

export const PublishedQuery = Type.Object({ fiscalYear: Type.Optional(Year) });

export const PublishedItem = Type.Object({
  allocationId: Type.Integer(),
  formulaId: Type.Integer(),
  programCode: Type.String(),
  programNameKm: Type.String(),
  programNameEn: Type.String(),
  fiscalYear: Type.Integer(),
  version: Type.Integer(),
  publishedAt: Instant,
  amount: Type.Integer(),
  explanation: AllocationExplanation,
});

export const AvailableIndicator = Type.Object({
  indicator: Type.String(),
  fiscalYear: Type.Integer(),
  units: Type.Integer({ description: 'How many units have this figure for this year.' }),
  hasExamples: Type.Boolean({ description: 'True when some of the values are example figures.' }),
});
