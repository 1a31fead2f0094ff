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
import { Type } from '@sinclair/typebox';
import {
  lastChainCheck,
  recordHistory,
  unitOfEntity,
  verifyChain,
  type AuditContext,
} from './audit.service.ts';

const LastChainCheck = Type.Object({
  last: Type.Union([
    Type.Null(),
    Type.Object({
      day: Type.String({ format: 'date', description: 'The Cambodian day of the check.' }),
      checkedAt: Type.String({ format: 'date-time' }),
      result: Type.Unknown({ description: 'As GET /api/audit/verify answers.' }),
    }),
  ]),
});

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

    app.get(
      '/verify/last',
      {
        config: { access: { permission: 'audit.chain.verify', unit: () => null } },
        schema: {
          tags: ['audit'],
          summary:
            "The result of the latest nightly verification of the chain (the job's), or null before the first.",
          response: { 200: LastChainCheck, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async () => lastChainCheck(ctx),
    );
  };
