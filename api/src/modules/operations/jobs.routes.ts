/**
 * The dead-letter list over HTTP (`/api/jobs/...`): the background jobs that failed, paged, and
 * a retry of one. National administrators only (`operations.jobs.manage`, held nationally).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { failedJobs, retryJob, type OperationsContext } from './jobs.service.ts';
import { FailedJobsPage, FailedJobsQuery, JobIdParams, RetriedJob } from './operations.schemas.ts';

export const jobRoutes =
  (ctx: OperationsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/failed',
      {
        config: { access: { permission: 'operations.jobs.manage', unit: () => null } },
        schema: {
          tags: ['operations'],
          summary: 'The background jobs whose every attempt failed (the dead-letter list), newest first.',
          querystring: FailedJobsQuery,
          response: { 200: FailedJobsPage, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => failedJobs(ctx, request.query),
    );

    app.post(
      '/failed/:id/retry',
      {
        config: { access: { permission: 'operations.jobs.manage', unit: () => null } },
        schema: {
          tags: ['operations'],
          summary: 'Put a failed job back in the queue for one more attempt (audited).',
          params: JobIdParams,
          response: { 200: RetriedJob, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => retryJob(ctx, actorOf(request), request.params),
    );
  };
