/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/councils.
 *
 * Councils are public bodies: their organs, members' names, roles, parties and sex, and the
 * register of functions are readable by anyone. Members' birth year, disability and
 * indigenous identity are personal: the read routes add them only for callers who may manage
 * the organ's unit, and /stats gives everyone the aggregates.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import type { CouncilsContext } from './councils.context.ts';
import {
  CreateFunctionBody,
  CreateMemberBody,
  CreateOrganBody,
  FunctionListQuery,
  IdParams,
  Member,
  MemberStats,
  Organ,
  OrganListQuery,
  SnaFunction,
  StatsQuery,
  UnitParams,
  UpdateFunctionBody,
  UpdateMemberBody,
  UpdateOrganBody,
} from './councils.schemas.ts';
import { createFunction, listFunctions, MANAGE_FUNCTIONS, updateFunction } from './functions.service.ts';
import { addMember, unitOfMember, updateMember } from './members.service.ts';
import {
  createOrgan,
  getOrgan,
  listUnitOrgans,
  MANAGE_ORGANS,
  unitOfOrgan,
  updateOrgan,
} from './organs.service.ts';
import { memberStats } from './statistics.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['councils'];

export const councilRoutes =
  (ctx: CouncilsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = ctx.db;
    const idOf = (request: FastifyRequest) => (request.params as { id: number }).id;

    // ------------------------------------------------------------------ organs and members

    app.get(
      '/units/:code/organs',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The organs of a unit (council, board of governors, committees, offices) with their current members.',
          description:
            'Sitting organs only unless includeClosed=true. Members carry birthYear, hasDisability and ' +
            'isIndigenous only when the caller holds councils.organ.manage at the unit or above.',
          params: UnitParams,
          querystring: OrganListQuery,
          response: { 200: Page(Organ), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return listUnitOrgans(ctx, {
          unitCode: request.params.code,
          query: request.query,
          viewer: await ctx.access.viewer(request),
        });
      },
    );

    app.get(
      '/organs/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One organ with all its members, past mandates included.',
          params: IdParams,
          response: { 200: Organ, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return getOrgan(ctx, { id: request.params.id, viewer: await ctx.access.viewer(request) });
      },
    );

    app.post(
      '/units/:code/organs',
      {
        config: {
          access: { permission: MANAGE_ORGANS, unit: (request) => (request.params as { code: string }).code },
        },
        schema: {
          tags,
          summary: 'Create an organ of a unit in the caller’s scope.',
          params: UnitParams,
          body: CreateOrganBody,
          response: { 201: Organ, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createOrgan(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
          ),
    );

    app.patch(
      '/organs/:id',
      {
        config: { access: { permission: MANAGE_ORGANS, unit: (request) => unitOfOrgan(db, idOf(request)) } },
        schema: {
          tags,
          summary: 'Change an organ, or close it (closedOn: its last day; running mandates end that day).',
          params: IdParams,
          body: UpdateOrganBody,
          response: { 200: Organ, ...problems },
        },
      },
      async (request) => updateOrgan(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.post(
      '/organs/:id/members',
      {
        config: { access: { permission: MANAGE_ORGANS, unit: (request) => unitOfOrgan(db, idOf(request)) } },
        schema: {
          tags,
          summary: 'Add a member to an organ (a new mandate).',
          params: IdParams,
          body: CreateMemberBody,
          response: { 201: Member, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addMember(ctx, actorOf(request), { organId: request.params.id, body: request.body })),
    );

    app.patch(
      '/members/:id',
      {
        config: { access: { permission: MANAGE_ORGANS, unit: (request) => unitOfMember(db, idOf(request)) } },
        schema: {
          tags,
          summary: 'Correct a membership, or end it with endDate (members are never deleted).',
          params: IdParams,
          body: UpdateMemberBody,
          response: { 200: Member, ...problems },
        },
      },
      async (request) => updateMember(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.get(
      '/stats',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Members in office by sex, age group, disability, indigenous people, role and party.',
          description:
            'Over the organs of one kind (council by default) in the subtree of `within`, or the whole ' +
            'country. Women’s share of seats and of chiefs (council chiefs, governors, heads).',
          querystring: StatsQuery,
          response: { 200: MemberStats, 400: ProblemRef },
        },
      },
      async (request) => memberStats(ctx, request.query),
    );

    // ------------------------------------------------------------------ register of functions

    app.get(
      '/functions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The register of functions assigned or transferred to SNAs, filtered and paged.',
          querystring: FunctionListQuery,
          response: { 200: Page(SnaFunction), 400: ProblemRef },
        },
      },
      async (request) => listFunctions(ctx, request.query),
    );

    // The register is national: which functions each type of SNA holds is set by law.
    app.post(
      '/functions',
      {
        config: { access: { permission: MANAGE_FUNCTIONS, unit: () => null } },
        schema: {
          tags,
          summary: 'Add a function to the register, held by an SNA type or by one unit (national).',
          body: CreateFunctionBody,
          response: { 201: SnaFunction, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createFunction(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/functions/:id',
      {
        config: { access: { permission: MANAGE_FUNCTIONS, unit: () => null } },
        schema: {
          tags,
          summary: 'Correct a function of the register (national).',
          params: IdParams,
          body: UpdateFunctionBody,
          response: { 200: SnaFunction, ...problems },
        },
      },
      async (request) => updateFunction(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );
  };
