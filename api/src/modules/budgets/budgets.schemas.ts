/**
 * TypeBox schemas of the budgets routes: validation, types and OpenAPI in one place.
 *
 * Codes of classes and fund sources, the direction and amounts are loosely typed in request
 * bodies (plain strings, any integer) and checked by the service, so that a wrong value answers
 * a stable code of its own (`budgets.line.unknown_economic_class`, `budgets.line.negative_amount`)
 * rather than the generic `http.request.invalid`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { importReport } from '../../platform/http/imports.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import { PHASES } from './budgets.tables.ts';

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** Administrations only: capital/province (2 digits), district (4), commune (6). */
export const SnaCode = Type.String({
  pattern: '^([0-9]{2}){1,3}$',
  description: 'NCDD code of an administration, zero-padded (villages have no budget).',
  examples: ['23', '2302', '230201'],
});
export const FiscalYear = Type.Integer({ minimum: 2000, maximum: 2100, description: 'The calendar year.' });
const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Riel = Type.Integer({ description: 'Whole riel (KHR).' });
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

export const UnitYearParams = Type.Object({ code: SnaCode, year: FiscalYear });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const BudgetQuery = Type.Object({
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'An earlier version (default: the one in force).' }),
  ),
});

// ---------------------------------------------------------------------------------- lines

const lineFields = {
  direction: Type.Optional(
    Type.String({ description: 'revenue | expenditure; when given, must match the economic class.' }),
  ),
  economicCode: Type.String({ maxLength: 10, description: 'Economic class (chart of accounts chapter).' }),
  functionalCode: Type.Optional(
    Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
      description: 'Functional class (COFOG division); required for expenditure.',
    }),
  ),
  fundSourceCode: Type.String({ maxLength: 64 }),
  programCode: Type.Optional(NullableText(120)),
  descriptionKm: Type.Optional(NullableText(500)),
  descriptionEn: Type.Optional(NullableText(500)),
  amount: Type.Integer({ description: 'Whole riel, not negative.' }),
};
export const LineBody = Type.Object(lineFields, { additionalProperties: false });
export type LineBody = Static<typeof LineBody>;

export const UpdateLineBody = Type.Partial(Type.Object(lineFields), { additionalProperties: false });
export type UpdateLineBody = Static<typeof UpdateLineBody>;

export const Actuals = Type.Object({
  q1: Riel,
  q2: Riel,
  q3: Riel,
  q4: Riel,
  unsplit: Type.Integer({ description: 'A whole year not broken down by quarter (imported).' }),
  total: Riel,
});
export type Actuals = Static<typeof Actuals>;

export const Line = Type.Object({
  id: Type.Integer(),
  lineKey: Type.String({ description: 'The same line across versions.' }),
  version: Type.Integer(),
  direction: literals(['revenue', 'expenditure'], 'revenue | expenditure'),
  economicCode: Type.String(),
  functionalCode: Type.Union([Type.String(), Type.Null()]),
  fundSourceCode: Type.String(),
  programCode: Type.Union([Type.String(), Type.Null()]),
  descriptionKm: Type.Union([Type.String(), Type.Null()]),
  descriptionEn: Type.Union([Type.String(), Type.Null()]),
  amount: Riel,
  systemOrigin: Type.Union([Type.Literal('transfer'), Type.Null()], {
    description: 'Written by the system (a published transfer): not editable by users.',
  }),
  transferAllocationVersion: Type.Union([Type.Integer(), Type.Null()]),
  actuals: Actuals,
  isExample: Type.Boolean(),
});
export type Line = Static<typeof Line>;

// ---------------------------------------------------------------------------------- budgets

export const Version = Type.Object({
  version: Type.Integer(),
  kind: literals(['original', 'adjustment', 'transfer'], 'original | adjustment | transfer'),
  reason: Type.Union([Type.String(), Type.Null()]),
  councilDecisionNumber: Type.Union([Type.String(), Type.Null()]),
  councilDecisionDate: Type.Union([DateText, Type.Null()]),
  createdAt: Timestamp,
});

const Totals = Type.Object({ revenue: Riel, expenditure: Riel, balance: Riel });

export const Budget = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  fiscalYear: Type.Integer(),
  phase: literals(PHASES, 'proposed → approved → adjusted → executed: the last step taken.'),
  currentVersion: Type.Integer(),
  shownVersion: Type.Integer({ description: 'The version whose lines are listed.' }),
  councilDecision: Type.Union([
    Type.Object({
      number: Type.String(),
      date: DateText,
      decisionId: Type.Union([Type.Integer(), Type.Null()], {
        description:
          'The decision in the councils module (GET /api/councils/decisions/{id}); null for a typed legacy reference.',
      }),
    }),
    Type.Null(),
  ]),
  approvedAt: Type.Union([Timestamp, Type.Null()]),
  origin: Type.String({ description: '"entered", or the import it came from.' }),
  isExample: Type.Boolean(),
  versions: Type.Array(Version),
  lines: Type.Array(Line),
  totals: Totals,
});
export type Budget = Static<typeof Budget>;

export const CouncilDecisionBody = Type.Object(
  {
    number: RequiredText(120, { description: 'The decision’s number.' }),
    date: DateText,
  },
  { additionalProperties: false },
);
export type CouncilDecisionBody = Static<typeof CouncilDecisionBody>;

export const ApproveBody = Type.Object(
  {
    councilDecisionId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'A decision recorded in the councils module (GET /api/councils/decisions): passed by this unit’s ' +
          'council, of kind approve_budget. Its number and date are taken from it.',
      }),
    ),
    councilDecisionNumber: Type.Optional(Type.String({ maxLength: 120 })),
    councilDecisionDate: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const AdjustmentBody = Type.Object(
  {
    reason: Type.String({ maxLength: 1000 }),
    councilDecisionNumber: Type.Optional(Type.String({ maxLength: 120 })),
    councilDecisionDate: Type.Optional(DateText),
    lines: Type.Array(
      Type.Object(
        {
          ...lineFields,
          lineId: Type.Optional(
            Type.Integer({ minimum: 1, description: 'The line of the version in force this one replaces.' }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000, description: 'Every user line of the new version; system lines are carried over.' },
    ),
  },
  { additionalProperties: false },
);
export type AdjustmentBody = Static<typeof AdjustmentBody>;

export const ActualsBody = Type.Object(
  {
    q1: Type.Optional(Type.Integer()),
    q2: Type.Optional(Type.Integer()),
    q3: Type.Optional(Type.Integer()),
    q4: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type ActualsBody = Static<typeof ActualsBody>;

// ---------------------------------------------------------------------------------- lists

const ClassItem = Type.Object({
  code: Type.String(),
  nameKm: Type.String(),
  nameEn: Type.String(),
  source: Type.String(),
  isExample: Type.Boolean(),
});
export const ClassificationsAnswer = Type.Object({
  economic: Type.Array(Type.Composite([ClassItem, Type.Object({ direction: Type.String() })])),
  functional: Type.Array(ClassItem),
  fundSources: Type.Array(Type.Composite([ClassItem, Type.Object({ kind: Type.String() })])),
});
export type ClassificationsAnswer = Static<typeof ClassificationsAnswer>;

// ---------------------------------------------------------------------------------- report

export const Figures = Type.Object({
  approved: Type.Integer({ description: 'As approved (version 1).' }),
  budget: Type.Integer({ description: 'In force (as approved, or as adjusted).' }),
  actual: Type.Integer({ description: 'Sum of the actuals recorded.' }),
  executionRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'actual / budget; null when budget is 0.',
  }),
});
export type Figures = Static<typeof Figures>;

const Named = Type.Object({ code: Type.String(), nameKm: Type.String(), nameEn: Type.String() });
export const ReportQuery = Type.Object({
  rollup: Type.Boolean({ default: true, description: 'Include the units below (districts, communes).' }),
});
export const Report = Type.Object({
  unitCode: Type.String(),
  fiscalYear: Type.Integer(),
  rollup: Type.Boolean(),
  budgetsCounted: Type.Integer({ description: 'Published budgets (approved or later) counted.' }),
  revenue: Figures,
  expenditure: Figures,
  ownSourceRevenue: Figures,
  serviceFeesCollected: Type.Union([Type.Integer(), Type.Null()], {
    description: 'From the services module when it is present; null until then.',
  }),
  byEconomic: Type.Array(Type.Composite([Named, Type.Object({ direction: Type.String() }), Figures])),
  byFunctional: Type.Array(Type.Composite([Named, Figures])),
  byFundSource: Type.Array(
    Type.Composite([Named, Type.Object({ direction: Type.String(), kind: Type.String() }), Figures]),
  ),
  byUnit: Type.Array(
    Type.Object({ unitCode: Type.String(), phase: Type.String(), revenue: Figures, expenditure: Figures }),
  ),
});
export type Report = Static<typeof Report>;

// ---------------------------------------------------------------------------------- import

/**
 * The BOOST import's report: the one import contract's base (platform/http/imports.ts) and the
 * budgets the file makes (would make, in a dry run), each with its id once applied.
 */
export const BoostImportReport = importReport('BoostImportReport', {
  budgets: Type.Array(
    Type.Object({
      unitCode: Type.String(),
      fiscalYear: Type.Integer(),
      lines: Type.Integer(),
      revenueApproved: Type.Integer(),
      expenditureApproved: Type.Integer(),
      executed: Type.Integer(),
      budgetId: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type BoostImportReport = Static<typeof BoostImportReport>;
