/** TypeBox schemas of the complaint routes. */
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import { COMPLAINT_STATUSES, COMPLAINT_SUBJECTS } from './services.tables.ts';
import { DateText, ServiceCode, UnitCode } from './standards.schemas.ts';

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const LiteralUnion = <const T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const MAX_COMPLAINT_LENGTH = 4000;

const Status = literals(COMPLAINT_STATUSES, COMPLAINT_STATUSES.join(' → '));
const Subject = literals(COMPLAINT_SUBJECTS, 'service | office | officer');

export const FileComplaintBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 20, description: 'service | office | officer' }),
    unitCode: Type.String({
      pattern: '^([0-9]{2}){1,3}$',
      description: 'The office concerned (province, district or commune).',
    }),
    serviceCode: Type.Optional(ServiceCode),
    applicationNumber: Type.Optional(
      Type.String({ maxLength: 12, description: 'The application it is about, if any.' }),
    ),
    officerName: Type.Optional(
      Type.String({ maxLength: 200, description: 'For a complaint about an officer.' }),
    ),
    description: RequiredText(undefined, {
      description: `What happened, at most ${MAX_COMPLAINT_LENGTH} characters (services.complaint.description_too_long).`,
    }),
    complainant: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
          sex: Type.Optional(Type.String({ maxLength: 20 })),
          ageGroup: Type.Optional(Type.String({ maxLength: 20 })),
          disability: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
          phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
        },
        { additionalProperties: false, description: 'All optional: a complaint may be anonymous.' },
      ),
    ),
    publishReply: Type.Optional(
      Type.Boolean({
        description:
          'The complainant agrees that whoever holds the number may read the reply (default false: only they read it, with the phone number on file or signed in).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FileComplaintBody = Static<typeof FileComplaintBody>;

export const ComplaintEvent = Type.Object({
  fromStatus: Type.Union([Status, Type.Null()]),
  toStatus: Status,
  note: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Timestamp,
});

export const Complaint = Type.Object(
  {
    trackingNumber: Type.String(),
    trackingNumberFormatted: Type.String(),
    subject: Subject,
    concernedUnitCode: UnitCode,
    handlingUnitCode: UnitCode,
    serviceCode: Type.Union([Type.String(), Type.Null()]),
    applicationNumber: Type.Union([Type.String(), Type.Null()]),
    officerName: Type.Union([Type.String(), Type.Null()]),
    description: Type.String(),
    status: Status,
    nextStatuses: Type.Array(Status, { description: 'The steps the case path allows from here.' }),
    complainant: Type.Object({
      name: Type.Union([Type.String(), Type.Null()]),
      sex: Type.String(),
      ageGroup: Type.String(),
      disability: Type.Union([Type.Boolean(), Type.Null()]),
      phone: Type.Union([Type.String(), Type.Null()]),
      email: Type.Union([Type.String(), Type.Null()]),
      userId: Type.Union([Type.Integer(), Type.Null()]),
    }),
    decision: Type.Union([Type.String(), Type.Null()]),
    reply: Type.Union([Type.String(), Type.Null()]),
    replyPublic: Type.Boolean({ description: 'The complainant agreed that the reply be public.' }),
    filedAt: Timestamp,
    filedOn: DateText,
    decidedOn: Type.Union([DateText, Type.Null()]),
    repliedOn: Type.Union([DateText, Type.Null()]),
    closedOn: Type.Union([DateText, Type.Null()]),
    events: Type.Array(ComplaintEvent),
    isExample: Type.Boolean(),
  },
  { $id: 'ServicesComplaint', title: 'ServicesComplaint' },
);
export type Complaint = Static<typeof Complaint>;

export const PublicComplaint = Type.Object(
  {
    trackingNumber: Type.String(),
    subject: Subject,
    concernedUnitCode: UnitCode,
    handlingUnitCode: UnitCode,
    serviceCode: Type.Union([Type.String(), Type.Null()]),
    status: Status,
    filedOn: DateText,
    decidedOn: Type.Union([DateText, Type.Null()]),
    repliedOn: Type.Union([DateText, Type.Null()]),
    closedOn: Type.Union([DateText, Type.Null()]),
    reply: Type.Union([Type.String(), Type.Null()], {
      description:
        'The reply, once replied: here only when the complainant agreed to publish it, or to the complainant (POST …/reply with the phone number on file, or signed in).',
    }),
    replyWithheld: Type.Boolean({
      description: 'A reply exists that only the complainant may read: ask with POST …/reply.',
    }),
    history: Type.Array(Type.Object({ status: Status, occurredAt: Timestamp })),
  },
  { $id: 'ServicesPublicComplaint', title: 'ServicesPublicComplaint', description: 'No personal data.' },
);
export type PublicComplaint = Static<typeof PublicComplaint>;

export const ComplaintReplyBody = Type.Object(
  {
    phone: Type.Optional(
      Type.String({
        maxLength: 30,
        description: 'The phone number on file; not needed when signed in as the complainant.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ComplaintReplyBody = Static<typeof ComplaintReplyBody>;

export const ComplaintTransitionBody = Type.Object(
  {
    to: Type.String({ minLength: 1, maxLength: 40, description: Status.description }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    decision: Type.Optional(Type.String({ maxLength: 4000, description: 'Required to reach decided.' })),
    reply: Type.Optional(
      Type.String({ maxLength: 4000, description: 'Required to reach replied; sent to the complainant.' }),
    ),
  },
  { additionalProperties: false },
);
export type ComplaintTransitionBody = Static<typeof ComplaintTransitionBody>;

export const ComplaintSummary = Type.Object({
  trackingNumber: Type.String(),
  subject: Subject,
  concernedUnitCode: UnitCode,
  handlingUnitCode: UnitCode,
  serviceCode: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  filedOn: DateText,
  complainantName: Type.Union([Type.String(), Type.Null()]),
  isExample: Type.Boolean(),
});
export type ComplaintSummary = Static<typeof ComplaintSummary>;

export const ComplaintListQuery = Type.Composite([
  PageQuery,
  SortQuery(['filedOn', 'status', 'trackingNumber'] as const, '-filedOn'),
  Type.Object({
    status: Type.Optional(LiteralUnion(COMPLAINT_STATUSES, 'Only this status.')),
    subject: Type.Optional(LiteralUnion(COMPLAINT_SUBJECTS, 'Only this subject.')),
    unitCode: Type.Optional(
      Type.String({ pattern: '^([0-9]{2}){1,3}$', description: 'Handled by this unit or those below it.' }),
    ),
  }),
]);
export type ComplaintListQuery = Static<typeof ComplaintListQuery>;
