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
  AttendanceBody,
  CreateDecisionBody,
  CreateMeetingBody,
  Decision,
  DecisionKind,
  DecisionListQuery,
  Meeting,
  MeetingDetail,
  MeetingListQuery,
  UpdateDecisionBody,
  UpdateMeetingBody,
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
import {
  getDecision,
  listDecisionKinds,
  listDecisions,
  takeDecision,
  unitOfDecision,
  updateDecision,
} from './decisions.service.ts';
import {
  createMeeting,
  getMeeting,
  listMeetings,
  MANAGE_MEETINGS,
  recordAttendance,
  unitOfMeeting,
  updateMeeting,
} from './meetings.service.ts';
import { Type } from '@sinclair/typebox';
import { minutesRoutes } from './minutes.routes.ts';
import { requestsRoutes } from './requests.routes.ts';
import { forumsRoutes } from './forums.routes.ts';

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

    // ------------------------------------------------------------------ meetings and decisions
    // Councils are public bodies: their meetings, attendance, decisions and votes are public.

    app.get(
      '/meetings',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Meetings of organs, latest first: of one unit’s organs, of one organ, or all.',
          querystring: MeetingListQuery,
          response: { 200: Page(Meeting), 400: ProblemRef },
        },
      },
      async (request) => listMeetings(ctx, request.query),
    );

    app.get(
      '/meetings/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'One meeting: agenda, attendance of the members in office on its date, quorum, decisions and votes.',
          params: IdParams,
          response: { 200: MeetingDetail, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getMeeting(ctx, { id: request.params.id }),
    );

    app.post(
      '/organs/:id/meetings',
      {
        config: {
          access: { permission: MANAGE_MEETINGS, unit: (request) => unitOfOrgan(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'Convene a meeting of an organ with its agenda (planned).',
          params: IdParams,
          body: CreateMeetingBody,
          response: { 201: MeetingDetail, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createMeeting(ctx, actorOf(request), { organId: request.params.id, body: request.body }),
          ),
    );

    app.patch(
      '/meetings/:id',
      {
        config: {
          access: { permission: MANAGE_MEETINGS, unit: (request) => unitOfMeeting(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'Change a planned meeting (date, place, agenda), or move it on: held, closed, cancelled.',
          description:
            'planned → held (on or after its date) → closed (its decisions become final); planned → cancelled.',
          params: IdParams,
          body: UpdateMeetingBody,
          response: { 200: MeetingDetail, ...problems },
        },
      },
      async (request) => updateMeeting(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.put(
      '/meetings/:id/attendance',
      {
        config: {
          access: { permission: MANAGE_MEETINGS, unit: (request) => unitOfMeeting(db, idOf(request)) },
        },
        schema: {
          tags,
          summary:
            'Record who attended (members not listed are absent) and observers by sex; the meeting is held.',
          params: IdParams,
          body: AttendanceBody,
          response: { 200: MeetingDetail, ...problems },
        },
      },
      async (request) =>
        recordAttendance(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.post(
      '/meetings/:id/decisions',
      {
        config: {
          access: { permission: MANAGE_MEETINGS, unit: (request) => unitOfMeeting(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'Record a decision of a held meeting with its vote (per member present, or a tally).',
          description:
            'Refused without quorum (409 councils.decision.no_quorum). Passed when the votes for reach the ' +
            'majority of its kind (GET /decision-kinds). Numbered per organ and year when no number is given.',
          params: IdParams,
          body: CreateDecisionBody,
          response: { 201: Decision, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await takeDecision(ctx, actorOf(request), { meetingId: request.params.id, body: request.body }),
          ),
    );

    app.patch(
      '/decisions/:id',
      {
        config: {
          access: { permission: MANAGE_MEETINGS, unit: (request) => unitOfDecision(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'Correct a decision’s titles or item while its meeting is not closed.',
          params: IdParams,
          body: UpdateDecisionBody,
          response: { 200: Decision, ...problems },
        },
      },
      async (request) => updateDecision(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.get(
      '/decisions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The register of decisions, latest first, by unit, organ, meeting, kind and dates.',
          querystring: DecisionListQuery,
          response: { 200: Page(Decision), 400: ProblemRef },
        },
      },
      async (request) => listDecisions(ctx, request.query),
    );

    app.get(
      '/decisions/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One decision with its vote.',
          params: IdParams,
          response: { 200: Decision, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getDecision(ctx, { id: request.params.id }),
    );

    app.get(
      '/decision-kinds',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The kinds of decision and the majority each needs, with its legal reference.',
          response: { 200: Type.Array(DecisionKind) },
        },
      },
      async () => listDecisionKinds(ctx),
    );

    await app.register(minutesRoutes(ctx));
    await app.register(requestsRoutes(ctx));
    await app.register(forumsRoutes(ctx));

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
