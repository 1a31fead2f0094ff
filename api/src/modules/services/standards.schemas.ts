/**
 * TypeBox schemas of the catalogue routes (standards, offerings, calendar): validation, types
 * and OpenAPI in one place.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import { FIELD_DATATYPES } from './form-fields.ts';
import { PROVIDER_TIERS } from './services.tables.ts';

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const LiteralUnion = <const T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const UnitCode = Type.String({ pattern: '^([0-9]{2}){1,4}$', description: 'NCDD code, zero-padded.' });
export const SnaCode = Type.String({
  pattern: '^([0-9]{2}){1,3}$',
  description: 'NCDD code of a province, district or commune.',
});
export const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number, extra: object = {}) => RequiredText(max, extra);
export const ServiceCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$',
  description: 'The service code (Open311 service_code).',
  examples: ['owso.business_licence_small'],
});

export const FeeTier = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    labelKm: Text(200),
    labelEn: Text(200),
    amountRiel: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000,
      description: 'Riel, a whole number; 0 when free. Per unit when perUnitField is set.',
    }),
    perUnitField: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], {
        description:
          'The code of a number field of the form (e.g. copies): the fee is amountRiel times its value (a whole number, at least 1).',
      }),
    ),
    inForceFrom: Type.Optional(
      Type.Union([DateText, Type.Null()], {
        description:
          'The day the legal decision that set this fee took effect: no fee of this tier is recorded as paid before it.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RequiredDocument = Type.Object(
  { nameKm: Text(300), nameEn: Text(300) },
  { additionalProperties: false },
);

export const FieldValueOption = Type.Object(
  { key: Type.String({ minLength: 1, maxLength: 60 }), nameKm: Text(200), nameEn: Text(200) },
  { additionalProperties: false },
);

// Requests read a union of literals (the route type provider needs it), answers an enum.
const formField = <Datatype extends TSchema>(datatype: Datatype) =>
  Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 40, description: 'Open311 attribute code.' }),
      datatype,
      required: Type.Boolean(),
      variable: Type.Boolean({ default: true, description: 'False: information for the applicant only.' }),
      order: Type.Integer({ minimum: 0, maximum: 1000 }),
      descriptionKm: Text(500),
      descriptionEn: Text(500),
      datatypeDescriptionKm: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
      datatypeDescriptionEn: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
      values: Type.Optional(Type.Array(FieldValueOption, { maxItems: 200 })),
      minimum: Type.Optional(
        Type.Union([Type.Number({ minimum: -1e12, maximum: 1e12 }), Type.Null()], {
          description: 'Number fields only: the smallest value accepted (default 0).',
        }),
      ),
      maximum: Type.Optional(
        Type.Union([Type.Number({ minimum: -1e12, maximum: 1e12 }), Type.Null()], {
          description: 'Number fields only: the largest value accepted (default 1,000,000,000).',
        }),
      ),
    },
    {
      additionalProperties: false,
      description: 'An Open311 service definition attribute, in Khmer and English.',
    },
  );
export const FormFieldInput = formField(LiteralUnion(FIELD_DATATYPES, 'Open311 datatype.'));
export const FormField = formField(literals(FIELD_DATATYPES, 'Open311 datatype.'));

const standardContent = {
  sector: Type.String({
    pattern: '^[a-z][a-z_]*$',
    maxLength: 60,
    examples: ['commerce', 'civil_registration'],
  }),
  nameKm: Text(300),
  nameEn: Text(300),
  descriptionKm: Type.Optional(Type.String({ maxLength: 4000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 4000 })),
  legalBasis: Text(1000, {
    description: 'The law, sub-decree or prakas that sets the service, its fee and time limit.',
  }),
  providerTier: LiteralUnion(
    PROVIDER_TIERS,
    'province: provincial hall; district: One Window Service Office; commune: commune/sangkat office.',
  ),
  timeLimitDays: Type.Integer({ minimum: 0, maximum: 250, description: 'Time limit in working days.' }),
  feeTiers: Type.Array(FeeTier, { minItems: 1, maxItems: 50 }),
  requiredDocuments: Type.Array(RequiredDocument, { maxItems: 50 }),
  formFields: Type.Array(FormFieldInput, { maxItems: 100 }),
  source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
};

export const CreateStandardBody = Type.Object(
  {
    code: ServiceCode,
    ownerUnitCode: Type.Optional(
      Type.Union([SnaCode, Type.Null()], { description: 'null (default): the national catalogue.' }),
    ),
    ...standardContent,
  },
  { additionalProperties: false },
);
export type CreateStandardBody = Static<typeof CreateStandardBody>;

export const ReviseStandardBody = Type.Object(standardContent, { additionalProperties: false });
export type ReviseStandardBody = Static<typeof ReviseStandardBody>;

export const Offering = Type.Object(
  {
    id: Type.Integer(),
    unitCode: UnitCode,
    validFrom: DateText,
    validTo: Type.Union([DateText, Type.Null()], {
      description: 'Last day offered (inclusive); null: open.',
    }),
    isCurrent: Type.Boolean({ description: 'Offered today.' }),
    isExample: Type.Boolean(),
  },
  { $id: 'ServicesOffering', title: 'ServicesOffering' },
);
export type Offering = Static<typeof Offering>;

export const Standard = Type.Object(
  {
    code: ServiceCode,
    version: Type.Integer({ description: 'The version shown.' }),
    currentVersion: Type.Integer(),
    ownerUnitCode: Type.Union([SnaCode, Type.Null()]),
    sector: Type.String(),
    nameKm: Type.String(),
    nameEn: Type.String(),
    descriptionKm: Type.String(),
    descriptionEn: Type.String(),
    legalBasis: Type.String(),
    providerTier: literals(PROVIDER_TIERS, 'The tier that provides it.'),
    timeLimitDays: Type.Integer({ description: 'Working days.' }),
    feeTiers: Type.Array(FeeTier),
    requiredDocuments: Type.Array(RequiredDocument),
    formFields: Type.Array(FormField, { description: 'Sorted by order.' }),
    source: Type.Union([Type.String(), Type.Null()]),
    isExample: Type.Boolean({ description: 'Demo data, not an official standard.' }),
    versionCreatedAt: Timestamp,
    offerings: Type.Array(Offering, {
      description: 'Where it is offered. In lists: only the offerings at the unitCode asked about.',
    }),
  },
  { $id: 'ServicesStandard', title: 'ServicesStandard' },
);
export type Standard = Static<typeof Standard>;

export const StandardVersionSummary = Type.Object({
  version: Type.Integer(),
  nameKm: Type.String(),
  nameEn: Type.String(),
  timeLimitDays: Type.Integer(),
  createdAt: Timestamp,
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
});

export const STANDARD_SORT_FIELDS = ['code', 'nameEn', 'nameKm', 'sector', 'timeLimitDays'] as const;

export const StandardListQuery = Type.Composite([
  PageQuery,
  SortQuery(STANDARD_SORT_FIELDS, 'code'),
  Type.Object({
    sector: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]*$', maxLength: 60 })),
    providerTier: Type.Optional(LiteralUnion(PROVIDER_TIERS, 'Only standards of this tier.')),
    unitCode: Type.Optional(
      Type.String({
        pattern: '^([0-9]{2}){1,3}$',
        description: 'Only standards offered at this unit on `onDate`.',
      }),
    ),
    onDate: Type.Optional(
      Type.String({ format: 'date', description: 'With unitCode: the day (default today).' }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'Words of the Khmer or English name, or of the code (Khmer normalised as in the gazetteer search).',
      }),
    ),
  }),
]);
export type StandardListQuery = Static<typeof StandardListQuery>;

export const StandardParams = Type.Object({ code: ServiceCode });
export const StandardGetQuery = Type.Object({
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'A past version; the current one by default.' }),
  ),
});
export const VersionsQuery = PageQuery;

export const CreateOfferingBody = Type.Object(
  {
    unitCode: SnaCode,
    validFrom: DateText,
    validTo: Type.Optional(Type.Union([DateText, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateOfferingBody = Static<typeof CreateOfferingBody>;

export const UpdateOfferingBody = Type.Object(
  {
    validFrom: Type.Optional(DateText),
    validTo: Type.Optional(
      Type.Union([DateText, Type.Null()], { description: 'The last day it is offered.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOfferingBody = Static<typeof UpdateOfferingBody>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

// ------------------------------------------------------------------ calendar

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const Holiday = Type.Object({
  date: DateText,
  nameKm: Type.String(),
  nameEn: Type.String(),
  source: Type.String(),
  isExample: Type.Boolean(),
});

export const CalendarYear = Type.Object(
  {
    year: Type.Integer(),
    weekendDays: Type.Array(Type.String()),
    holidays: Type.Array(Holiday),
    workingDays: Type.Integer(),
    defined: Type.Boolean({
      description: 'False: no holiday recorded for the year; due dates skip weekends only.',
    }),
  },
  { $id: 'ServicesCalendarYear', title: 'ServicesCalendarYear' },
);

export const ReplaceHolidaysBody = Type.Object(
  {
    holidays: Type.Array(
      Type.Object({ date: DateText, nameKm: Text(200), nameEn: Text(200) }, { additionalProperties: false }),
      { maxItems: 100 },
    ),
    source: Text(500, {
      description: 'The sub-decree that sets the holidays (or a note that the list is an example).',
    }),
    isExample: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReplaceHolidaysBody = Static<typeof ReplaceHolidaysBody>;

export const DueDateQuery = Type.Object({
  from: DateText,
  days: Type.Integer({ minimum: 0, maximum: 250 }),
});
export const DueDate = Type.Object({ from: DateText, days: Type.Integer(), dueDate: DateText });
