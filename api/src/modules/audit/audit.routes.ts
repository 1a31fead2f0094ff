/**
 * The audit trail over HTTP: the history of one record, for those allowed to see that
 * record's unit; and the verification of the whole hash chain, for national auditors.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { auditHistory, verifyAuditChain, type AuditTables } from '../../platform/audit/audit.ts';
import {
  AuditHistoryPage,
  AuditHistoryParams,
  AuditHistoryQuery,
  AuditVerifyResult,
} from '../../platform/audit/audit.schemas.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';

/** The unit a record belongs to: the latest one its audit records name (null: national). */
async function unitOfEntity(
  db: Kysely<AuditTables>,
  entityType: string,
  entityId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('audit_record')
    .select('unit_code')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('unit_code', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.unit_code ?? null;
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = tablesOf<AuditTables>(app.db);

  app.get(
    '/history/:entityType/:entityId',
    {
      config: {
        access: {
          permission: 'audit.record.read',
          unit: (request) => {
            const params = request.params as { entityType: string; entityId: string };
            return unitOfEntity(db, params.entityType, params.entityId);
          },
        },
      },
      schema: {
        tags: ['audit'],
        summary: 'The history of one record, newest first: who changed what, when, under which role.',
        params: AuditHistoryParams,
        querystring: AuditHistoryQuery,
        response: { 200: AuditHistoryPage, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
      },
    },
    async (request) => auditHistory(db, { ...request.params, ...request.query }),
  );

  app.get(
    '/verify',
    {
      config: { access: { permission: 'audit.chain.verify', unit: () => null } },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the whole hash chain and name the first broken record (national auditors).',
        response: { 200: AuditVerifyResult, 401: ProblemRef, 403: ProblemRef },
      },
    },
    async () => verifyAuditChain(db),
  );
};
