/**
 * The audit trail over HTTP: the history of one record, for those allowed to see that
 * record's unit; and the verification of the whole hash chain, for national auditors.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AuditHistoryPage,
  AuditHistoryParams,
  AuditHistoryQuery,
  AuditVerifyResult,
} from '../../platform/audit/audit.schemas.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { recordHistory, unitOfEntity, verifyChain, type AuditContext } from './audit.service.ts';

export const auditRoutes =
  (ctx: AuditContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/history/:entityType/:entityId',
      {
        config: {
          access: {
            permission: 'audit.record.read',
            unit: (request) => {
              const params = request.params as { entityType: string; entityId: string };
              return unitOfEntity(ctx, params);
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
      async (request) => recordHistory(ctx, { ...request.params, ...request.query }),
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
      async () => verifyChain(ctx),
    );
  };
