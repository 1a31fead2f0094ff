/** HTTP only: the minutes of a meeting (read in public; written, circulated, adopted by its clerk). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import type { CouncilsContext } from './councils.context.ts';
import { AdoptMinutesBody, IdParams, Minutes, MinutesBody } from './councils.schemas.ts';
import { MANAGE_MEETINGS, unitOfMeeting } from './meetings.service.ts';
import { adoptMinutes, circulateMinutes, getMinutes, writeMinutes } from './minutes.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['councils'];

export const minutesRoutes =
  (ctx: CouncilsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const meetingUnit = (request: FastifyRequest) =>
      unitOfMeeting(ctx.db, (request.params as { id: number }).id);

    app.get(
      '/meetings/:id/minutes',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The minutes of a meeting: draft, circulated or adopted.',
          params: IdParams,
          response: { 200: Minutes, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getMinutes(ctx, { meetingId: request.params.id }),
    );

    app.put(
      '/meetings/:id/minutes',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: meetingUnit } },
        schema: {
          tags,
          summary: 'Write the minutes of a held meeting (Khmer, English summary optional) as a draft.',
          description:
            'Circulated minutes that change go back to draft. Adopted minutes are frozen: 409 councils.minutes.frozen.',
          params: IdParams,
          body: MinutesBody,
          response: { 200: Minutes, ...problems },
        },
      },
      async (request) =>
        writeMinutes(ctx, actorOf(request), { meetingId: request.params.id, body: request.body }),
    );

    app.post(
      '/meetings/:id/minutes/circulate',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: meetingUnit } },
        schema: {
          tags,
          summary: 'Circulate the draft minutes to the members.',
          params: IdParams,
          response: { 200: Minutes, ...problems },
        },
      },
      async (request) => circulateMinutes(ctx, actorOf(request), { meetingId: request.params.id }),
    );

    app.post(
      '/meetings/:id/minutes/adopt',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: meetingUnit } },
        schema: {
          tags,
          summary: 'Adopt circulated minutes at a later meeting of the same organ held with its quorum.',
          params: IdParams,
          body: AdoptMinutesBody,
          response: { 200: Minutes, ...problems },
        },
      },
      async (request) =>
        adoptMinutes(ctx, actorOf(request), { meetingId: request.params.id, body: request.body }),
    );
  };
