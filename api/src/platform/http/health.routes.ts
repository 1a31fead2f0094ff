/**
 * Liveness and readiness, for load balancers and orchestrators:
 *   /api/health – the process answers (never touches the database);
 *   /api/ready  – the database answers and every known migration is applied.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from './openapi.ts';
import { problem, sendProblem, toProblem } from './problem.ts';

export interface ReadinessProbe {
  pingDatabase(): Promise<void>;
  pendingMigrations(): Promise<string[]>;
}

export function healthRoutes(probe: ReadinessProbe): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['platform'],
          summary: 'Liveness: the process is up.',
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['platform'],
          summary: 'Readiness: the database is reachable and migrations are applied.',
          response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: ProblemRef },
        },
      },
      async (request, reply) => {
        try {
          await probe.pingDatabase();
        } catch (error) {
          request.log.warn({ err: error }, 'readiness: database unreachable');
          const body = toProblem(error, request);
          return sendProblem(
            reply,
            body.status === 503
              ? body
              : problem(503, 'platform.database.unavailable', 'The database cannot be reached right now.', {
                  requestId: request.id,
                }),
          );
        }
        const pending = await probe.pendingMigrations();
        if (pending.length > 0) {
          return sendProblem(
            reply,
            problem(503, 'platform.migrations.pending', 'Database migrations are not applied yet.', {
              detail: `Pending: ${pending.join(', ')}`,
              requestId: request.id,
            }),
          );
        }
        return { status: 'ready' as const };
      },
    );
  };
}
