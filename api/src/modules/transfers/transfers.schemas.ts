/**
 * TypeBox schemas of the transfers routes. The formula document has its own schema in
 * engine/formula.ts (docs/transfer-formula.md); an allocation's explanation per unit and its
 * summary are documented there too and travel as JSON objects.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import type { FormulaSchema } from './engine/formula.ts';
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
    nameKm: Type.String({ minLength: 1, maxLength: 300 }),
    nameEn: Type.String({ minLength: 1, maxLength: 300 }),
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
  formula: Type.Unsafe<Static<typeof FormulaSchema>>({
    type: 'object',
    description: 'The formula document (docs/transfer-formula.md).',
    additionalProperties: true,
  }),
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
    source: Type.String({ minLength: 1, maxLength: 300 }),
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
  dryRun: Type.Optional(Type.Boolean({ default: true })),
  applyValidPart: Type.Optional(
    Type.Boolean({ description: 'Write the rows without problems and with known codes; report the rest.' }),
  ),
});
export type IndicatorImportQuery = Static<typeof IndicatorImportQuery>;

export const IndicatorImportReport = Type.Object({
  rowsRead: Type.Integer(),
  values: Type.Integer(),
  problems: Type.Array(
    Type.Object({
      row: Type.Integer(),
      column: Nullable(Type.String()),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
  unknownCodes: Type.Array(
    Type.Object({ code: Type.String(), row: Type.Union([Type.Integer(), Type.Null()]) }),
  ),
  applied: Type.Boolean(),
  rowsApplied: Type.Integer(),
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
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    formulaId: Type.Optional(Type.Integer({ minimum: 1 })),
    inputsYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type CorrectAllocationBody = Static<typeof CorrectAllocationBody>;

const Instant = Type.Union([Timestamp, Type.Null()]);

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
  summary: Type.Unknown({
    description: 'inputsYear, pool, components, totals, excluded units, equity figures.',
  }),
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
  explanation: Type.Unknown({
    description: 'formulaAmount, limit, amountBeforeRounding, roundingAdjustment, parts[].',
  }),
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

export const ScenarioResult = Type.Unknown({
  description:
    'units[] (baseline, scenario, change, change per person), gainers, losers, equity before and after.',
});

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
  explanation: Type.Unknown(),
});

export const AvailableIndicator = Type.Object({
  indicator: Type.String(),
  fiscalYear: Type.Integer(),
  units: Type.Integer({ description: 'How many units have this figure for this year.' }),
  hasExamples: Type.Boolean({ description: 'True when some of the values are example figures.' }),
});
