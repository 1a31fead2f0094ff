/** HTTP only: citizens' requests to councils (filed and read in public; handled by the council's clerks). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import type { CouncilsContext } from './councils.context.ts';
import {
  AgendaRequestBody,
  AnswerRequestBody,
  CitizenRequest,
  FileRequestBody,
  RequestListQuery,
  RequestNumberParams,
  RequestStats,
  RequestStatsQuery,
  TrackRequestQuery,
  UnitParams,
} from './councils.schemas.ts';
import { MANAGE_MEETINGS } from './meetings.service.ts';
import {
  answerRequest,
  fileRequest,
  listRequests,
  putOnAgenda,
  requestStats,
  RequestThrottled,
  trackRequest,
  unitOfRequest,
} from './requests.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['councils'];

export const requestsRoutes =
  (ctx: CouncilsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const requestUnit = (request: FastifyRequest) =>
      unitOfRequest(ctx.db, (request.params as { number: string }).number);

    app.post(
      '/units/:code/requests',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Ask the council of a unit something (signed in or not, with a phone), in Khmer.',
          description:
            'The place must lie within the unit (400 councils.request.outside_jurisdiction); the unit needs a ' +
            'sitting council. Throttled per phone and per address (429 councils.request.throttled, Retry-After). ' +
            'Keep the number to follow it.',
          params: UnitParams,
          body: FileRequestBody,
          response: {
            201: CitizenRequest,
            400: ProblemRef,
            404: ProblemRef,
            409: ProblemRef,
            429: ProblemRef,
          },
        },
      },
      async (request, reply) => {
        request.principal = await ctx.access.viewer(request);
        try {
          const filed = await fileRequest(ctx, actorOf(request), {
            unitCode: request.params.code,
            body: request.body,
          });
          return await reply.code(201).send(filed);
        } catch (error) {
          if (error instanceof RequestThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    );

    app.get(
      '/units/:code/requests',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Requests to the council of a unit: the answered and referred ones (public answers only).',
          description:
            'Those who manage the council’s meetings see every status, private answers and the person.',
          params: UnitParams,
          querystring: RequestListQuery,
          response: { 200: Page(CitizenRequest), 400: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        request.principal = await ctx.access.viewer(request);
        return listRequests(ctx, actorOf(request), { unitCode: request.params.code, query: request.query });
      },
    );

    app.get(
      '/units/:code/request-stats',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Requests to the council of a unit counted by sex, topic and status.',
          params: UnitParams,
          querystring: RequestStatsQuery,
          response: { 200: RequestStats, 400: ProblemRef },
        },
      },
      async (request) => requestStats(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.get(
      '/requests/:number',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Follow a request by its number; a private answer shows with the phone given.',
          params: RequestNumberParams,
          querystring: TrackRequestQuery,
          response: { 200: CitizenRequest, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        request.principal = await ctx.access.viewer(request);
        return trackRequest(ctx, actorOf(request), {
          number: request.params.number,
          phone: request.query.phone,
        });
      },
    );

    app.post(
      '/requests/:number/agenda',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: requestUnit } },
        schema: {
          tags,
          summary: 'Put a request on the agenda of a planned meeting of its council (a new last item).',
          params: RequestNumberParams,
          body: AgendaRequestBody,
          response: { 200: CitizenRequest, ...problems },
        },
      },
      async (request) =>
        putOnAgenda(ctx, actorOf(request), { number: request.params.number, body: request.body }),
    );

    app.post(
      '/requests/:number/answer',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: requestUnit } },
        schema: {
          tags,
          summary: 'Answer a request (by the chief, or by the council with its decision) or refer it.',
          params: RequestNumberParams,
          body: AnswerRequestBody,
          response: { 200: CitizenRequest, ...problems },
        },
      },
      async (request) =>
        answerRequest(ctx, actorOf(request), { number: request.params.number, body: request.body }),
    );
  };
