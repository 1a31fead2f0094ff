/** HTTP only: the annual public forums of councils (read in public; recorded by the unit's clerks). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page, PageQuery } from '../../platform/http/paging.ts';
import type { CouncilsContext } from './councils.context.ts';
import {
  CreateForumBody,
  CreateForumQuestionBody,
  Forum,
  ForumListQuery,
  ForumQuestion,
  IdParams,
  UnitParams,
  UpdateForumBody,
  UpdateForumQuestionBody,
} from './councils.schemas.ts';
import {
  addForumQuestion,
  getForum,
  listForumQuestions,
  listForums,
  recordForum,
  unitOfForum,
  unitOfForumQuestion,
  updateForum,
  updateForumQuestion,
} from './forums.service.ts';
import { MANAGE_MEETINGS } from './meetings.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['councils'];

export const forumsRoutes =
  (ctx: CouncilsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const forumUnit = (request: FastifyRequest) => unitOfForum(ctx.db, (request.params as { id: number }).id);
    const questionUnit = (request: FastifyRequest) =>
      unitOfForumQuestion(ctx.db, (request.params as { id: number }).id);

    app.get(
      '/units/:code/forums',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The annual public forums of the council of a unit, latest year first.',
          params: UnitParams,
          querystring: ForumListQuery,
          response: { 200: Page(Forum), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listForums(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/forums',
      {
        config: {
          access: {
            permission: MANAGE_MEETINGS,
            unit: (request) => (request.params as { code: string }).code,
          },
        },
        schema: {
          tags,
          summary: 'Record the annual public forum of the council of a unit (one a year).',
          description:
            'The law sets June or July. A forum held outside them is recorded with the reason it moved ' +
            '(400 councils.forum.reason_missing without one); its answer says inWindow: false.',
          params: UnitParams,
          body: CreateForumBody,
          response: { 201: Forum, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await recordForum(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
          ),
    );

    app.get(
      '/forums/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One public forum: date, place, attendance by sex, counts of questions and answers.',
          params: IdParams,
          response: { 200: Forum, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getForum(ctx, { id: request.params.id }),
    );

    app.patch(
      '/forums/:id',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: forumUnit } },
        schema: {
          tags,
          summary: 'Correct a public forum: date, place, attendance, reason, summaries.',
          params: IdParams,
          body: UpdateForumBody,
          response: { 200: Forum, ...problems },
        },
      },
      async (request) => updateForum(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.get(
      '/forums/:id/questions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The questions raised at a public forum and their answers, in the order raised.',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: Page(ForumQuestion), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) =>
        listForumQuestions(ctx, {
          forumId: request.params.id,
          query: { page: request.query.page, pageSize: request.query.pageSize },
        }),
    );

    app.post(
      '/forums/:id/questions',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: forumUnit } },
        schema: {
          tags,
          summary: 'Record a question raised at a public forum (with its answer when given there).',
          params: IdParams,
          body: CreateForumQuestionBody,
          response: { 201: ForumQuestion, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await addForumQuestion(ctx, actorOf(request), { forumId: request.params.id, body: request.body }),
          ),
    );

    app.patch(
      '/forum-questions/:id',
      {
        config: { access: { permission: MANAGE_MEETINGS, unit: questionUnit } },
        schema: {
          tags,
          summary: 'Answer or correct a question of a public forum, or tie it to a plan priority.',
          params: IdParams,
          body: UpdateForumQuestionBody,
          response: { 200: ForumQuestion, ...problems },
        },
      },
      async (request) =>
        updateForumQuestion(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );
  };
