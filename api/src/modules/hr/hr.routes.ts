/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/hr.
 *
 * The establishment and the staff are read with hr.staff.view at the unit (names of people are
 * not public); positions change with hr.establishment.manage, staff with hr.staff.manage. The
 * women-in-leadership figures are aggregates and public. Personal details are a POST: each
 * read is recorded in the audit trail, and a GET writes nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import {
  APPROVE_ESTABLISHMENT,
  MANAGE_ESTABLISHMENT,
  MANAGE_STAFF,
  MANAGE_TARGETS,
  VIEW_STAFF,
  type HrContext,
} from './hr.context.ts';
import {
  ApprovedEstablishment,
  ApprovedEstablishmentBody,
  ApprovedEstablishmentList,
  Assignment,
  CategoryList,
  CreateAssignmentBody,
  CreateEmploymentBody,
  CreatePersonBody,
  CreatePositionBody,
  Employment,
  EndAssignmentBody,
  EndEmploymentBody,
  EstablishmentParams,
  EstablishmentSummary,
  IdParams,
  Leadership,
  LeadershipQuery,
  LeadershipTarget,
  LeadershipTargetBody,
  LeadershipTargetList,
  MovePersonBody,
  Person,
  PersonalDetails,
  PersonListQuery,
  PersonSummary,
  Position,
  PositionListQuery,
  PositionStateBody,
  UnitParams,
  YearParams,
} from './hr.schemas.ts';
import { leadershipRollUp, listTargets, setTarget } from './leadership.service.ts';
import {
  createPosition,
  establishmentSummary,
  getPosition,
  listApprovedEstablishments,
  listCategories,
  listPositions,
  setApprovedEstablishment,
  setPositionState,
  unitOfPosition,
} from './positions.service.ts';
import {
  addEmployment,
  createAssignment,
  createPerson,
  endAssignment,
  endEmployment,
  getPerson,
  listPersons,
  movePerson,
  readPersonalDetails,
  unitOfAssignment,
  unitOfEmployment,
  unitOfPerson,
} from './staff.service.ts';
import { Type } from '@sinclair/typebox';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['hr'];

export const hrRoutes =
  (ctx: HrContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = ctx.db;
    const idOf = (request: FastifyRequest) => (request.params as { id: number }).id;
    const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;
    const atUnit = (permission: string) => ({ access: { permission, unit: codeOf } });
    const atPosition = (permission: string) => ({
      access: { permission, unit: (request: FastifyRequest) => unitOfPosition(db, idOf(request)) },
    });
    const atPerson = (permission: string) => ({
      access: { permission, unit: (request: FastifyRequest) => unitOfPerson(db, idOf(request)) },
    });

    // ------------------------------------------------------------------ code lists

    app.get(
      '/categories',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Civil-servant categories and contract types, with their grades and sources.',
          response: { 200: CategoryList },
        },
      },
      async () => listCategories(ctx),
    );

    // ------------------------------------------------------------------ establishment

    app.get(
      '/establishment',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The approved establishment per unit type and year.',
          querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
          response: { 200: ApprovedEstablishmentList },
        },
      },
      async (request) => listApprovedEstablishments(ctx, request.query.year),
    );

    app.put(
      '/establishment/:unitType/:year',
      {
        config: { access: { permission: APPROVE_ESTABLISHMENT } },
        schema: {
          tags,
          summary: 'Set the approved establishment of a unit type for a year.',
          params: EstablishmentParams,
          body: ApprovedEstablishmentBody,
          response: { 200: ApprovedEstablishment, ...problems },
        },
      },
      async (request) =>
        setApprovedEstablishment(ctx, actorOf(request), {
          unitTypeCode: request.params.unitType,
          year: request.params.year,
          body: request.body,
        }),
    );

    app.get(
      '/units/:code/establishment',
      {
        config: atUnit(VIEW_STAFF),
        schema: {
          tags,
          summary:
            'A unit’s establishment this year: positions by status, holders by sex, the approved count.',
          params: UnitParams,
          response: { 200: EstablishmentSummary, ...problems },
        },
      },
      async (request) => establishmentSummary(ctx, request.params.code),
    );

    app.get(
      '/units/:code/positions',
      {
        config: atUnit(VIEW_STAFF),
        schema: {
          tags,
          summary: 'The positions of a unit with their holders today.',
          params: UnitParams,
          querystring: PositionListQuery,
          response: { 200: Page(Position), ...problems },
        },
      },
      async (request) => listPositions(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/positions',
      {
        config: atUnit(MANAGE_ESTABLISHMENT),
        schema: {
          tags,
          summary: 'Create a position in a unit’s establishment.',
          params: UnitParams,
          body: CreatePositionBody,
          response: { 201: Position, ...problems },
        },
      },
      async (request, reply) => {
        const position = await createPosition(ctx, actorOf(request), {
          unitCode: request.params.code,
          body: request.body,
        });
        return reply.code(201).send(position);
      },
    );

    app.get(
      '/positions/:id',
      {
        config: atPosition(VIEW_STAFF),
        schema: {
          tags,
          summary: 'A position with its holders today.',
          params: IdParams,
          response: { 200: Position, ...problems },
        },
      },
      async (request) => getPosition(ctx, db, request.params.id),
    );

    app.patch(
      '/positions/:id',
      {
        config: atPosition(MANAGE_ESTABLISHMENT),
        schema: {
          tags,
          summary: 'Open, freeze or close a position (not closed while someone holds it).',
          params: IdParams,
          body: PositionStateBody,
          response: { 200: Position, ...problems },
        },
      },
      async (request) =>
        setPositionState(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.post(
      '/positions/:id/assignments',
      {
        config: atPosition(MANAGE_STAFF),
        schema: {
          tags,
          summary: 'Assign a person to a position (substantive, acting, secondment or transfer).',
          params: IdParams,
          body: CreateAssignmentBody,
          response: { 201: Assignment, ...problems },
        },
      },
      async (request, reply) => {
        const assignment = await createAssignment(ctx, actorOf(request), {
          positionId: request.params.id,
          body: request.body,
        });
        return reply.code(201).send(assignment);
      },
    );

    app.post(
      '/assignments/:id/end',
      {
        config: {
          access: { permission: MANAGE_STAFF, unit: (request) => unitOfAssignment(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'End an assignment (the history keeps it).',
          params: IdParams,
          body: EndAssignmentBody,
          response: { 200: Type.Object({ id: Type.Integer(), endDate: Type.String() }), ...problems },
        },
      },
      async (request) => endAssignment(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    // ------------------------------------------------------------------ staff

    app.get(
      '/units/:code/persons',
      {
        config: atUnit(VIEW_STAFF),
        schema: {
          tags,
          summary: 'The staff on the records of a unit.',
          params: UnitParams,
          querystring: PersonListQuery,
          response: { 200: Page(PersonSummary), ...problems },
        },
      },
      async (request) => listPersons(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/persons',
      {
        config: atUnit(MANAGE_STAFF),
        schema: {
          tags,
          summary: 'Record a person on the staff of a unit, with their employment.',
          params: UnitParams,
          body: CreatePersonBody,
          response: { 201: Person, ...problems },
        },
      },
      async (request, reply) => {
        const person = await createPerson(ctx, actorOf(request), {
          unitCode: request.params.code,
          body: request.body,
        });
        return reply.code(201).send(person);
      },
    );

    app.get(
      '/persons/:id',
      {
        config: atPerson(VIEW_STAFF),
        schema: {
          tags,
          summary: 'A person with their employments and assignments (the history), without personal details.',
          params: IdParams,
          response: { 200: Person, ...problems },
        },
      },
      async (request) => getPerson(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/persons/:id/personal-details',
      {
        config: atPerson(MANAGE_STAFF),
        schema: {
          tags,
          summary:
            'A person’s personal details, for an HR manager in scope; the read is recorded in the audit trail.',
          params: IdParams,
          response: { 200: PersonalDetails, ...problems },
        },
      },
      async (request) => readPersonalDetails(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/persons/:id/employments',
      {
        config: atPerson(MANAGE_STAFF),
        schema: {
          tags,
          summary:
            'Add an employment (civil servant or contract; commune contract assistants within the council’s limit).',
          params: IdParams,
          body: CreateEmploymentBody,
          response: { 201: Employment, ...problems },
        },
      },
      async (request, reply) => {
        const employment = await addEmployment(ctx, actorOf(request), {
          personId: request.params.id,
          body: request.body,
        });
        return reply.code(201).send(employment);
      },
    );

    app.post(
      '/employments/:id/end',
      {
        config: {
          access: { permission: MANAGE_STAFF, unit: (request) => unitOfEmployment(db, idOf(request)) },
        },
        schema: {
          tags,
          summary: 'End an employment with the reason for leaving.',
          params: IdParams,
          body: EndEmploymentBody,
          response: { 200: Employment, ...problems },
        },
      },
      async (request) => endEmployment(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.post(
      '/persons/:id/move',
      {
        config: atPerson(MANAGE_STAFF),
        schema: {
          tags,
          summary: 'Move a person to the staff of another SNA; the record goes with them, history whole.',
          params: IdParams,
          body: MovePersonBody,
          response: { 200: Person, ...problems },
        },
      },
      async (request) => movePerson(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    // ------------------------------------------------------------------ women in leadership

    app.get(
      '/leadership',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Women among the holders of positions by province (or for one unit’s subtree), grade and level, against the year’s target.',
          querystring: LeadershipQuery,
          response: { 200: Leadership, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => leadershipRollUp(ctx, request.query),
    );

    app.get(
      '/leadership-targets',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The yearly targets of women in leadership.',
          response: { 200: LeadershipTargetList },
        },
      },
      async () => listTargets(ctx),
    );

    app.put(
      '/leadership-targets/:year',
      {
        config: { access: { permission: MANAGE_TARGETS } },
        schema: {
          tags,
          summary: 'Set the target share of women in leadership for a year.',
          params: YearParams,
          body: LeadershipTargetBody,
          response: { 200: LeadershipTarget, ...problems },
        },
      },
      async (request) => setTarget(ctx, actorOf(request), { year: request.params.year, body: request.body }),
    );
  };
