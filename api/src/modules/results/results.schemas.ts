/**
 * TypeBox schemas of the results routes: validation, types and OpenAPI in one place. Codes of
 * data sets, elements and periods are plain strings in bodies and checked by the service, so
 * a wrong one answers a stable code of its own (`results.value.bad_period`) that the web can
 * translate, and a batch names every bad value at once.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ImportQuery, importReport } from '../../platform/http/imports.ts';
import { Page, PageQuery } from '../../platform/http/paging.ts';

const Code = (description: string) => Type.String({ minLength: 1, maxLength: 50, description });
const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,4}$',
  description: 'NCDD code, zero-padded.',
  examples: ['23', '2302', '230201'],
});
const PeriodCode = Type.String({
  minLength: 4,
  maxLength: 10,
  description: 'A year (2025; the fiscal year is the calendar year), a quarter (2025Q1) or a month (202501).',
  examples: ['2025', '2025Q1', '202501'],
});
const Nullable = <T extends ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);
const Names = { nameKm: Type.String(), nameEn: Type.String() };

export const FrameworkParams = Type.Object({ code: Code('The framework, e.g. np2.') });
export type FrameworkParams = Static<typeof FrameworkParams>;

export const Framework = Type.Object({
  code: Type.String(),
  ...Names,
  source: Type.Union([Type.String(), Type.Null()], { description: 'The document the text comes from.' }),
  isExample: Type.Boolean(),
});
export type Framework = Static<typeof Framework>;

export const FrameworkElement = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Unsafe<'component' | 'outcome' | 'output' | 'priority_action'>({
    type: 'string',
    enum: ['component', 'outcome', 'output', 'priority_action'],
  }),
  position: Type.Integer(),
  ...Names,
  source: Type.Union([Type.String(), Type.Null()]),
  isExample: Type.Boolean({ description: 'Not official: an example until NCDD-S gives the official text.' }),
});
export type FrameworkElement = Static<typeof FrameworkElement>;

export const FrameworkTree = Type.Object({
  ...Framework.properties,
  elements: Type.Array(FrameworkElement, {
    description: 'Every element, parents before children (components, outcomes, outputs, priority actions).',
  }),
});
export type FrameworkTree = Static<typeof FrameworkTree>;

export const IndicatorTarget = Type.Object({
  unitCode: Type.Union([Type.String(), Type.Null()], { description: 'null: national.' }),
  year: Type.Integer(),
  kind: Type.Unsafe<'baseline' | 'target'>({ type: 'string', enum: ['baseline', 'target'] }),
  value: Type.Number(),
  isExample: Type.Boolean(),
});

export const Indicator = Type.Object({
  code: Type.String(),
  frameworkCode: Type.Union([Type.String(), Type.Null()]),
  elementCode: Type.Union([Type.String(), Type.Null()], {
    description: 'The framework element it measures.',
  }),
  ...Names,
  definitionKm: Type.String(),
  definitionEn: Type.String(),
  unitKm: Type.String(),
  unitEn: Type.String(),
  numerator: Type.Array(Type.String(), { description: 'Data elements summed above the line.' }),
  denominator: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'Data elements summed below the line; null for a sum.',
  }),
  factor: Type.Number({ description: 'Multiplies the ratio (100 for a percentage).' }),
  direction: Type.Unsafe<'higher_is_better' | 'lower_is_better'>({
    type: 'string',
    enum: ['higher_is_better', 'lower_is_better'],
  }),
  disaggregations: Type.Array(Type.String(), { description: 'Categories it may be broken down by.' }),
  dataSource: Type.String(),
  owner: Type.String(),
  targets: Type.Array(IndicatorTarget, {
    description: 'Baselines and yearly targets, national and per SNA.',
  }),
  isExample: Type.Boolean(),
});
export type Indicator = Static<typeof Indicator>;

export const IndicatorListQuery = Type.Object(
  { ...PageQuery.properties, framework: Type.Optional(Code('Only the indicators of this framework.')) },
  { additionalProperties: false },
);
export type IndicatorListQuery = Static<typeof IndicatorListQuery>;

export const CategoryOption = Type.Object({ code: Type.String(), ...Names });
export const Category = Type.Object({ code: Type.String(), ...Names, options: Type.Array(CategoryOption) });
export type Category = Static<typeof Category>;

export const OptionCombo = Type.Object({
  id: Type.Integer(),
  options: Type.Record(Type.String(), Type.String(), { description: 'The option of each category.' }),
});

export const DataSetElement = Type.Object({
  code: Type.String(),
  ...Names,
  valueType: Type.Unsafe<'integer_zero_or_positive' | 'integer' | 'number' | 'percentage'>({
    type: 'string',
    enum: ['integer_zero_or_positive', 'integer', 'number', 'percentage'],
  }),
  categories: Type.Array(Type.String(), { description: 'The categories it is broken down by, in order.' }),
  cells: Type.Array(OptionCombo, { description: 'Every cell of its breakdown (one when none).' }),
  isExample: Type.Boolean(),
});

export const DataSet = Type.Object({
  code: Type.String(),
  ...Names,
  periodType: Type.Unsafe<'monthly' | 'quarterly' | 'yearly'>({
    type: 'string',
    enum: ['monthly', 'quarterly', 'yearly'],
  }),
  unitTypes: Type.Array(Type.String(), { description: 'The types of unit that report it.' }),
  elements: Type.Array(DataSetElement),
  isExample: Type.Boolean(),
});
export type DataSet = Static<typeof DataSet>;

export const DataSetParams = Type.Object({ code: Code('The data set.') });
export type DataSetParams = Static<typeof DataSetParams>;

export const DataValueInput = Type.Object(
  {
    dataElement: Code('The data element.'),
    unit: UnitCode,
    period: PeriodCode,
    categoryOptions: Type.Optional(
      Type.Record(Type.String({ maxLength: 30 }), Type.String({ maxLength: 30 }), {
        description: 'The option of each category of the element, e.g. {"sex": "female", "age": "18_34"}.',
        maxProperties: 10,
      }),
    ),
    value: Type.Union([Type.String({ maxLength: 30 }), Type.Number()], {
      description: 'A number (or its text); checked against the element’s value type.',
    }),
  },
  { additionalProperties: false },
);

export const MAX_BATCH = 100_000;

export const DataValuesBody = Type.Object(
  {
    dataSet: Code('The data set the values belong to.'),
    values: Type.Array(DataValueInput, { minItems: 1, maxItems: MAX_BATCH }),
  },
  { additionalProperties: false },
);
export type DataValuesBody = Static<typeof DataValuesBody>;

export const DataValuesResult = Type.Object({
  dataSet: Type.String(),
  values: Type.Integer({ description: 'Values in the batch.' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type DataValuesResult = Static<typeof DataValuesResult>;

export const FormValuesQuery = Type.Object(
  { dataSet: Code('The data set.'), unit: UnitCode, period: PeriodCode },
  { additionalProperties: false },
);
export type FormValuesQuery = Static<typeof FormValuesQuery>;

export const FormValues = Type.Object({
  dataSet: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  locked: Type.Boolean({ description: 'Approved: the figures can no longer change.' }),
  values: Type.Array(
    Type.Object({ dataElement: Type.String(), cocId: Type.Integer(), value: Type.String() }),
  ),
});
export type FormValues = Static<typeof FormValues>;

const ApprovalStatusSchema = Type.Union(
  [
    Type.Literal('open'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('approved'),
    Type.Literal('locked'),
  ],
  {
    description:
      'open → submitted → approved → locked; submitted can be returned, approved or locked un-approved.',
  },
);

export const ApprovalQuery = FormValuesQuery;
export type ApprovalQuery = Static<typeof ApprovalQuery>;

export const ApprovalState = Type.Object({
  dataSet: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  status: ApprovalStatusSchema,
  changedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  /** What the caller may do now (for the buttons of the entry page). */
  may: Type.Object({
    submit: Type.Boolean(),
    approve: Type.Boolean(),
    return: Type.Boolean(),
    lock: Type.Boolean(),
    unapprove: Type.Boolean(),
  }),
});
export type ApprovalState = Static<typeof ApprovalState>;

export const SubmitBody = Type.Object(
  {
    dataSet: Code('The data set.'),
    unit: UnitCode,
    period: PeriodCode,
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const DecideBody = Type.Object(
  {
    ...SubmitBody.properties,
    action: Type.Union(
      [Type.Literal('approve'), Type.Literal('return'), Type.Literal('lock'), Type.Literal('unapprove')],
      {
        description:
          'approve (submitted → approved), return (submitted → returned, comment required), lock (approved → ' +
          'locked), unapprove (approved or locked → returned, comment required; locked only nationally).',
      },
    ),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

export const AnalyticsQuery = Type.Object(
  {
    ...PageQuery.properties,
    indicator: Code('The indicator.'),
    unit: Type.Optional(UnitCode),
    level: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 4,
        description: 'The level of the rows (1 province … 4 village); the level below the unit by default.',
      }),
    ),
    period: PeriodCode,
    by: Type.Optional(
      Type.String({ maxLength: 100, description: 'Categories to break down by, comma-separated: sex,age.' }),
    ),
    approved: Type.Optional(
      Type.Boolean({ description: 'Only approved (and locked) figures; all recorded figures by default.' }),
    ),
  },
  { additionalProperties: false },
);
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

const Figures = {
  categories: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  value: Nullable(Type.Number({ description: 'No value (null) when the denominator is zero or missing.' })),
};

export const AnalyticsAnswer = Type.Object({
  indicator: Type.Object({
    code: Type.String(),
    ...Names,
    unitKm: Type.String(),
    unitEn: Type.String(),
    factor: Type.Number(),
    direction: Type.String(),
    isRatio: Type.Boolean(),
    isExample: Type.Boolean(),
  }),
  period: Type.String(),
  unit: Type.Union([Type.String(), Type.Null()], { description: 'null: the whole country.' }),
  level: Type.Integer(),
  by: Type.Array(Type.String()),
  approvedOnly: Type.Boolean({ description: 'Only approved (and locked) figures were counted.' }),
  rows: Page(
    Type.Object({ unitCode: Type.String(), nameKm: Type.String(), nameLatin: Type.String(), ...Figures }),
  ),
  totals: Type.Array(Type.Object(Figures), {
    description: 'The unit’s (or the country’s) figures per breakdown.',
  }),
  total: Type.Object({
    numerator: Figures.numerator,
    denominator: Figures.denominator,
    value: Figures.value,
  }),
});
export type AnalyticsAnswer = Static<typeof AnalyticsAnswer>;

export const DataSetList = Page(DataSet);
export const IndicatorList = Page(Indicator);

export const DataValueSet = Type.Object(
  {
    dataSet: Type.String(),
    period: Type.String(),
    orgUnit: Type.String({ description: 'The unit’s NCDD code (DHIS2 idScheme=CODE).' }),
    dataValues: Type.Array(
      Type.Object({
        dataElement: Type.String(),
        period: Type.String(),
        orgUnit: Type.String(),
        categoryOptionCombo: Type.String({
          description:
            'The cell: its options’ codes in category order, joined by dots (female.18_34); default.',
        }),
        value: Type.String(),
      }),
    ),
  },
  { $id: 'ResultsDataValueSet', title: 'ResultsDataValueSet' },
);
export type DataValueSet = Static<typeof DataValueSet>;

export const DataValueSetsImportQuery = Type.Object(
  {
    ...ImportQuery.properties,
    dataSet: Type.Optional(Code('The data set (otherwise the file’s dataSet; CSV files need it here).')),
  },
  { additionalProperties: false },
);
export type DataValueSetsImportQuery = Static<typeof DataValueSetsImportQuery>;

export const DataValueSetsImportReport = importReport('ResultsDataValueSetsImportReport', {
  dataSet: Type.Union([Type.String(), Type.Null()]),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type DataValueSetsImportReport = Static<typeof DataValueSetsImportReport>;
