/** TypeBox schemas of the audit trail's HTTP answers: validation, types and OpenAPI in one place. */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery } from '../http/paging.ts';

export const AuditRecord = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: 'Position in the chain: 1, 2, 3… without gaps.' }),
    occurredAt: Type.String({ format: 'date-time' }),
    actorUserId: Type.Union([Type.Integer(), Type.Null()]),
    actorLogin: Type.Union([Type.String(), Type.Null()]),
    assignmentId: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The role assignment that allowed the change.',
    }),
    action: Type.String({ examples: ['access.user.create', 'auth.sign_in.failed'] }),
    entityType: Type.String({ examples: ['access.user'] }),
    entityId: Type.String(),
    unitCode: Type.Union([Type.String(), Type.Null()], {
      description: 'The administrative unit the entity belongs to.',
    }),
    before: Type.Unknown({
      description: 'The values before the change (null for a creation); secrets redacted.',
    }),
    after: Type.Unknown({
      description: 'The values after the change (null for a deletion); secrets redacted.',
    }),
    requestId: Type.Union([Type.String(), Type.Null()], {
      description: 'Leads to the log lines of the request.',
    }),
  },
  { $id: 'AuditRecord', title: 'AuditRecord' },
);
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditHistoryPage = Page(AuditRecord);
export type AuditHistoryPage = Static<typeof AuditHistoryPage>;

/** Query of a history endpoint whose path names the entity (`/history/:entityType/:entityId`). */
export const AuditHistoryParams = Type.Object({
  entityType: Type.String({ pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)+$', examples: ['access.user'] }),
  entityId: Type.String({ minLength: 1, maxLength: 200 }),
});
export type AuditHistoryParams = Static<typeof AuditHistoryParams>;

export const AuditHistoryQuery = PageQuery;
export type AuditHistoryQuery = Static<typeof AuditHistoryQuery>;

export const AuditVerifyResult = Type.Union(
  [
    Type.Object({
      ok: Type.Literal(true),
      count: Type.Integer({ description: 'Records checked, all intact.' }),
      lastHash: Type.String({
        pattern: '^[0-9a-f]{64}$',
        description:
          'sha256 (hex) of the last record. Keep it outside the database (a report, a signed note): a later ' +
          'chain that does not contain it has lost records at its end.',
      }),
    }),
    Type.Object({
      ok: Type.Literal(false),
      count: Type.Integer({ description: 'Records found intact before the first broken one.' }),
      firstBroken: Type.Object({
        seq: Type.Integer(),
        reason: Type.Union([
          Type.Literal('hash_mismatch'),
          Type.Literal('prev_hash_mismatch'),
          Type.Literal('sequence_gap'),
          Type.Literal('sequence_start'),
        ]),
      }),
    }),
  ],
  { $id: 'AuditVerifyResult', title: 'AuditVerifyResult' },
);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
