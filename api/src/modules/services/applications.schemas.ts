/** TypeBox schemas of the application routes (filing, processing, tracking, rating, attachments). */
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import { AGE_GROUPS, APPLICATION_STATUSES, CHANNELS, SEXES } from './services.tables.ts';
import { DateText, ServiceCode, UnitCode } from './standards.schemas.ts';

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const LiteralUnion = <const T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const MAX_DESCRIPTION_LENGTH = 2000;

export const TrackingNumber = Type.String({
  minLength: 8,
  maxLength: 12,
  description: '8 characters, with or without the hyphen ("K7MR-3TXA"); any case.',
  examples: ['K7MR-3TXA'],
});
export const TrackingParams = Type.Object({ number: TrackingNumber });

export const ApplicationStatusSchema = literals(APPLICATION_STATUSES, APPLICATION_STATUSES.join(' → '));
const Sex = literals(SEXES, 'female | male | unknown');
const AgeGroup = literals(AGE_GROUPS, 'Age group in years.');

const applicantFields = {
  name: RequiredText(200),
  sex: Type.String({ minLength: 1, maxLength: 20, description: 'female | male | unknown' }),
  ageGroup: Type.String({ minLength: 1, maxLength: 20, description: AGE_GROUPS.join(' | ') }),
  disability: Type.Union([Type.Boolean(), Type.Null()], { description: 'null: not said.' }),
  phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()], {
    description: 'A Cambodian number, typed any way.',
  }),
  email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]),
};

const filingFields = {
  serviceCode: ServiceCode,
  unitCode: Type.String({
    pattern: '^([0-9]{2}){1,3}$',
    description: 'The office where it is filed: a unit that offers the service today.',
  }),
  values: Type.Record(Type.String(), Type.Unknown(), {
    default: {},
    description:
      'The form fields’ values by field code (text, number, date YYYY-MM-DD, a key, or a list of keys).',
  }),
  description: Type.Optional(
    Type.String({
      description: `Free text, at most ${MAX_DESCRIPTION_LENGTH} characters (services.application.description_too_long).`,
    }),
  ),
};

export const OnlineApplicationBody = Type.Object(
  {
    ...filingFields,
    applicant: Type.Optional(
      Type.Partial(Type.Object(applicantFields), {
        additionalProperties: false,
        description: 'Defaults: the account’s name and phone; sex, age group unknown.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OnlineApplicationBody = Static<typeof OnlineApplicationBody>;

export const CounterApplicationBody = Type.Object(
  {
    ...filingFields,
    applicant: Type.Object(
      {
        name: applicantFields.name,
        sex: applicantFields.sex,
        ageGroup: applicantFields.ageGroup,
        disability: Type.Optional(applicantFields.disability),
        phone: Type.Optional(applicantFields.phone),
        email: Type.Optional(applicantFields.email),
      },
      { additionalProperties: false, description: 'The person who came in person; no e-mail needed.' },
    ),
  },
  { additionalProperties: false },
);
export type CounterApplicationBody = Static<typeof CounterApplicationBody>;

export const Applicant = Type.Object({
  name: Type.Union([Type.String(), Type.Null()], {
    description: 'Null only for an Open311 filing by an officer who named nobody.',
  }),
  sex: Sex,
  ageGroup: AgeGroup,
  disability: Type.Union([Type.Boolean(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The citizen’s account when filed online.',
  }),
});

export const ApplicationEvent = Type.Object({
  fromStatus: Type.Union([ApplicationStatusSchema, Type.Null()]),
  toStatus: ApplicationStatusSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  dueDate: DateText,
  occurredAt: Timestamp,
});

export const Fee = Type.Object({
  tierCode: Type.String(),
  amountRiel: Type.Integer({ description: 'The whole sum: the tier’s amount times quantity.' }),
  quantity: Type.Integer({ description: 'Units paid for (copies) when the tier is per unit; else 1.' }),
  receiptNumber: Type.String(),
  paidOn: DateText,
});

export const AttachmentInfo = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: Timestamp,
});

export const Application = Type.Object(
  {
    trackingNumber: Type.String({ description: 'Stored form, 8 characters.' }),
    trackingNumberFormatted: Type.String({ description: 'As printed and read out: XXXX-XXXX.' }),
    serviceCode: Type.String(),
    standardVersion: Type.Integer({ description: 'The version of the standard it was filed under.' }),
    serviceNameKm: Type.String(),
    serviceNameEn: Type.String(),
    unitCode: UnitCode,
    status: ApplicationStatusSchema,
    nextStatuses: Type.Array(ApplicationStatusSchema, {
      description: 'The steps the status path allows from here (an officer of the unit takes them).',
    }),
    channel: literals(CHANNELS, 'online | counter | open311'),
    applicant: Applicant,
    values: Type.Record(Type.String(), Type.Unknown()),
    description: Type.String(),
    filedAt: Timestamp,
    filedOn: DateText,
    dueDate: DateText,
    pausedSince: Type.Union([DateText, Type.Null()], {
      description: 'Set while more information is awaited: the clock stands still.',
    }),
    pausedWorkingDays: Type.Integer(),
    decidedOn: Type.Union([DateText, Type.Null()]),
    closedOn: Type.Union([DateText, Type.Null()]),
    isOverdue: Type.Boolean({ description: 'Not yet decided, the clock running, and the due date passed.' }),
    fee: Type.Union([Fee, Type.Null()]),
    rating: Type.Union([
      Type.Object({
        stars: Type.Integer(),
        comment: Type.Union([Type.String(), Type.Null()]),
        ratedAt: Timestamp,
      }),
      Type.Null(),
    ]),
    attachments: Type.Array(AttachmentInfo),
    events: Type.Array(ApplicationEvent),
    isExample: Type.Boolean(),
  },
  { $id: 'ServicesApplication', title: 'ServicesApplication' },
);
export type Application = Static<typeof Application>;

export const ApplicationSummary = Type.Object(
  {
    trackingNumber: Type.String(),
    serviceCode: Type.String(),
    serviceNameKm: Type.String(),
    serviceNameEn: Type.String(),
    unitCode: UnitCode,
    status: ApplicationStatusSchema,
    channel: Type.String(),
    applicantName: Type.Union([Type.String(), Type.Null()]),
    applicantSex: Sex,
    applicantPhone: Type.Union([Type.String(), Type.Null()]),
    filedOn: DateText,
    dueDate: DateText,
    decidedOn: Type.Union([DateText, Type.Null()]),
    isOverdue: Type.Boolean(),
    feePaid: Type.Boolean(),
    isExample: Type.Boolean(),
  },
  { $id: 'ServicesApplicationSummary', title: 'ServicesApplicationSummary' },
);
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const PublicTracking = Type.Object(
  {
    trackingNumber: Type.String(),
    serviceCode: Type.String(),
    serviceNameKm: Type.String(),
    serviceNameEn: Type.String(),
    unitCode: UnitCode,
    status: ApplicationStatusSchema,
    filedOn: DateText,
    dueDate: DateText,
    isOverdue: Type.Boolean(),
    decidedOn: Type.Union([DateText, Type.Null()]),
    closedOn: Type.Union([DateText, Type.Null()]),
    feePaid: Type.Boolean(),
    rated: Type.Boolean(),
    history: Type.Array(
      Type.Object({ status: ApplicationStatusSchema, occurredAt: Timestamp, dueDate: DateText }),
      { description: 'Filing and each status change; officers’ notes are not shown here.' },
    ),
  },
  { $id: 'ServicesPublicTracking', title: 'ServicesPublicTracking', description: 'No personal data.' },
);
export type PublicTracking = Static<typeof PublicTracking>;

export const TransitionBody = Type.Object(
  {
    to: Type.String({ minLength: 1, maxLength: 40, description: ApplicationStatusSchema.description }),
    note: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Required for more_info_needed and rejected: it is sent to the applicant.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const FeeBody = Type.Object(
  {
    tierCode: Type.String({ minLength: 1, maxLength: 40 }),
    amountRiel: Type.Integer({
      minimum: 0,
      description: 'The whole sum: the tier’s amount, times the quantity when the tier is per unit.',
    }),
    quantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description:
          'Per-unit tiers: the units paid for (by default the number the application gives in the tier’s field).',
      }),
    ),
    receiptNumber: Type.String({ minLength: 1, maxLength: 60 }),
    // On or after the filing day, not after today (services.fee.bad_paid_on); by default today.
    paidOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
export type FeeBody = Static<typeof FeeBody>;

export const RatingBody = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    phone: Type.Optional(
      Type.String({
        maxLength: 30,
        description: 'The phone number on file; not needed when signed in as the applicant.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const APPLICATION_SORT_FIELDS = ['filedAt', 'dueDate', 'status', 'trackingNumber'] as const;

export const ApplicationListQuery = Type.Composite([
  PageQuery,
  SortQuery(APPLICATION_SORT_FIELDS, '-filedAt'),
  Type.Object({
    status: Type.Optional(LiteralUnion(APPLICATION_STATUSES, 'Only this status.')),
    unitCode: Type.Optional(
      Type.String({ pattern: '^([0-9]{2}){1,3}$', description: 'Only this unit and those below it.' }),
    ),
    serviceCode: Type.Optional(ServiceCode),
    overdue: Type.Optional(Type.Boolean({ description: 'Only overdue (true) or only not overdue (false).' })),
    filedFrom: Type.Optional(DateText),
    filedTo: Type.Optional(DateText),
  }),
]);
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

export const MyApplicationsQuery = Type.Composite([
  PageQuery,
  SortQuery(APPLICATION_SORT_FIELDS, '-filedAt'),
]);
export type MyApplicationsQuery = Static<typeof MyApplicationsQuery>;

export const AttachmentParams = Type.Object({ number: TrackingNumber, id: Type.Integer({ minimum: 1 }) });
