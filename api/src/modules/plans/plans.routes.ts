/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/plans.
 *
 * Plans, needs, priorities and the program are public documents: reading is public (the public
 * view of a commune). Changes need plans.plan.manage (development plans) or
 * plans.program.manage (needs, priorities, projects, the program) at the unit concerned.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import {
  createNeed,
  createPriority,
  deleteNeed,
  deletePriority,
  listNeeds,
  listPriorities,
  MANAGE_PROGRAM,
  unitOfNeed,
  unitOfPriority,
  updateNeed,
  updatePriority,
} from './needs.service.ts';
import type { PlansContext } from './plans.context.ts';
import {
  ApproveBody,
  CodeNameList,
  CreateNeedBody,
  CreatePlanBody,
  CreatePriorityBody,
  CreateProjectBody,
  IdParams,
  Need,
  NeedListQuery,
  Plan,
  PlanListQuery,
  PlanStatusBody,
  Priority,
  PriorityListQuery,
  Program,
  Project,
  ProjectListQuery,
  ProjectStatusBody,
  RollBody,
  RollResult,
  UnitParams,
} from './plans.schemas.ts';
import {
  approvePlan,
  createPlan,
  getPlan,
  listFundSources,
  listPlans,
  listSectors,
  MANAGE_PLANS,
  setPlanStatus,
  unitOfPlan,
} from './plans.service.ts';
import { programCsv, programXlsx } from './program.export.ts';
import { approveProgram, getProgram, rollProgram } from './program.service.ts';
import {
  allProjects,
  createProject,
  deleteProject,
  getProject,
  updateProject,
  listProjects,
  setProjectStatus,
  unitOfProject,
} from './projects.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['plans'];

export const plansRoutes =
  (ctx: PlansContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = ctx.db;
    const idOf = (request: FastifyRequest) => (request.params as { id: number }).id;
    const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;
    const atUnit = (permission: string) => ({ access: { permission, unit: codeOf } });

    // ------------------------------------------------------------------ code lists

    app.get(
      '/sectors',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The sectors of development plans (codes as data).',
          response: { 200: CodeNameList },
        },
      },
      async () => listSectors(ctx),
    );

    app.get(
      '/fund-sources',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The fund sources of projects (codes as data).',
          response: { 200: CodeNameList },
        },
      },
      async () => listFundSources(ctx),
    );

    // ------------------------------------------------------------------ development plans

    app.get(
      '/units/:code/plans',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The development plans of a unit, latest mandate first.',
          params: UnitParams,
          querystring: PlanListQuery,
          response: { 200: Page(Plan), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listPlans(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/plans',
      {
        config: atUnit(MANAGE_PLANS),
        schema: {
          tags,
          summary:
            'Draft a development plan for a mandate: vision, goals, indicators with targets, calendar.',
          params: UnitParams,
          body: CreatePlanBody,
          response: { 201: Plan, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createPlan(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
          ),
    );

    app.get(
      '/plans/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One development plan.',
          params: IdParams,
          response: { 200: Plan, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getPlan(ctx, { id: request.params.id }),
    );

    app.post(
      '/plans/:id/status',
      {
        config: { access: { permission: MANAGE_PLANS, unit: (request) => unitOfPlan(db, idOf(request)) } },
        schema: {
          tags,
          summary: 'Mark a draft plan reviewed, or send a reviewed plan back to draft.',
          params: IdParams,
          body: PlanStatusBody,
          response: { 200: Plan, ...problems },
        },
      },
      async (request) => setPlanStatus(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.post(
      '/plans/:id/approve',
      {
        config: { access: { permission: MANAGE_PLANS, unit: (request) => unitOfPlan(db, idOf(request)) } },
        schema: {
          tags,
          summary:
            'Approve a reviewed plan with the council’s passed approve_plan decision, dated on or before the approval.',
          params: IdParams,
          body: ApproveBody,
          response: { 200: Plan, ...problems },
        },
      },
      async (request) => approvePlan(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    // ------------------------------------------------------------------ needs and priorities

    app.get(
      '/units/:code/needs',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The village needs a commune recorded, latest meeting first.',
          params: UnitParams,
          querystring: NeedListQuery,
          response: { 200: Page(Need), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listNeeds(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/needs',
      {
        config: atUnit(MANAGE_PROGRAM),
        schema: {
          tags,
          summary: 'Record a need raised at a village meeting of the commune.',
          params: UnitParams,
          body: CreateNeedBody,
          response: { 201: Need, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createNeed(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
          ),
    );

    app.get(
      '/units/:code/priorities',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A unit’s ranked priorities, each with the needs and villages it comes from.',
          params: UnitParams,
          querystring: PriorityListQuery,
          response: { 200: Page(Priority), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listPriorities(ctx, { unitCode: request.params.code, query: request.query }),
    );

    app.post(
      '/units/:code/priorities',
      {
        config: atUnit(MANAGE_PROGRAM),
        schema: {
          tags,
          summary: 'Set a priority for a year with its rank and reason, traced to village needs.',
          params: UnitParams,
          body: CreatePriorityBody,
          response: { 201: Priority, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createPriority(ctx, actorOf(request), {
            unitCode: request.params.code,
            body: request.body,
          }),
        ),
    );

    // ------------------------------------------------------------------ projects and program

    app.get(
      '/projects',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Projects of the units of a subtree, by year (a cost that year) and status, paged.',
          querystring: ProjectListQuery,
          response: { 200: Page(Project), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listProjects(ctx, request.query),
    );

    app.get(
      '/projects/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One project with its places and cost by year and fund source.',
          params: IdParams,
          response: { 200: Project, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getProject(ctx, { id: request.params.id }),
    );

    app.post(
      '/units/:code/projects',
      {
        config: atUnit(MANAGE_PROGRAM),
        schema: {
          tags,
          summary: 'Add a project to the unit’s investment program (status proposal).',
          params: UnitParams,
          body: CreateProjectBody,
          response: { 201: Project, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createProject(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
          ),
    );

    app.post(
      '/projects/:id/status',
      {
        config: {
          access: { permission: MANAGE_PROGRAM, unit: (request) => unitOfProject(db, idOf(request)) },
        },
        schema: {
          tags,
          summary:
            'Move a project: proposal → committed → ongoing → completed, or dropped. Completed is final.',
          params: IdParams,
          body: ProjectStatusBody,
          response: { 200: Project, ...problems },
        },
      },
      async (request) =>
        setProjectStatus(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    // ------------------------------------------------------------------ changes and deletions

    const atNeed = {
      access: {
        permission: MANAGE_PROGRAM,
        unit: (request: FastifyRequest) => unitOfNeed(db, idOf(request)),
      },
    };
    const atPriority = {
      access: {
        permission: MANAGE_PROGRAM,
        unit: (request: FastifyRequest) => unitOfPriority(db, idOf(request)),
      },
    };
    const atProject = {
      access: {
        permission: MANAGE_PROGRAM,
        unit: (request: FastifyRequest) => unitOfProject(db, idOf(request)),
      },
    };

    app.put(
      '/needs/:id',
      {
        config: atNeed,
        schema: {
          tags,
          summary: 'Correct a village need (the same checks as a new one); its id stays.',
          params: IdParams,
          body: CreateNeedBody,
          response: { 200: Need, ...problems },
        },
      },
      async (request) => updateNeed(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.delete(
      '/needs/:id',
      {
        config: atNeed,
        schema: {
          tags,
          summary: 'Delete a village need that no priority merges (409 plans.need.in_priority otherwise).',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await deleteNeed(ctx, actorOf(request), { id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/priorities/:id',
      {
        config: atPriority,
        schema: {
          tags,
          summary: 'Change a priority (year, rank, title, sector, reason, its needs); its id stays.',
          params: IdParams,
          body: CreatePriorityBody,
          response: { 200: Priority, ...problems },
        },
      },
      async (request) => updatePriority(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.delete(
      '/priorities/:id',
      {
        config: atPriority,
        schema: {
          tags,
          summary: 'Delete a priority no project carries (409 plans.priority.in_use otherwise).',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await deletePriority(ctx, actorOf(request), { id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/projects/:id',
      {
        config: atProject,
        schema: {
          tags,
          summary:
            'Change a proposed or committed project (409 plans.project.locked otherwise); its id and status stay.',
          params: IdParams,
          body: CreateProjectBody,
          response: { 200: Project, ...problems },
        },
      },
      async (request) => updateProject(ctx, actorOf(request), { id: request.params.id, body: request.body }),
    );

    app.delete(
      '/projects/:id',
      {
        config: atProject,
        schema: {
          tags,
          summary:
            'Delete a proposed or dropped project with its places and costs (409 plans.project.not_deletable otherwise).',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await deleteProject(ctx, actorOf(request), { id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    const exportName = (query: { unit: string; year?: number }, extension: string) =>
      `plans-program-${query.unit}${query.year === undefined ? '' : `-${query.year}`}.${extension}`;

    app.get(
      '/projects.csv',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The projects of the list’s filters as CSV (UTF-8 with BOM): one row per project, year and fund source; Khmer and English headers.',
          querystring: ProjectListQuery,
          response: { 200: Type.String({ description: 'text/csv' }), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportName(request.query, 'csv')}"`)
          .send(programCsv(await allProjects(ctx, request.query))),
    );

    app.get(
      '/projects.xlsx',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The same projects as an XLSX workbook: one row per project, year and fund source.',
          querystring: ProjectListQuery,
          response: { 200: Type.Unknown({ description: 'The workbook.' }), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${exportName(request.query, 'xlsx')}"`)
          .send(
            await programXlsx(
              await allProjects(ctx, request.query),
              `កម្មវិធីវិនិយោគ / Investment program ${request.query.unit}`,
            ),
          ),
    );

    app.get(
      '/units/:code/program',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'A unit’s 3-year investment program: its years, approval and totals by year and fund source.',
          params: UnitParams,
          response: { 200: Program, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getProgram(ctx, { unitCode: request.params.code }),
    );

    app.post(
      '/units/:code/program/approve',
      {
        config: atUnit(MANAGE_PROGRAM),
        schema: {
          tags,
          summary: 'Approve the program’s current years with the council’s passed approve_plan decision.',
          params: UnitParams,
          body: ApproveBody,
          response: { 200: Program, ...problems },
        },
      },
      async (request) =>
        approveProgram(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
    );

    app.post(
      '/units/:code/program/roll',
      {
        config: atUnit(MANAGE_PROGRAM),
        schema: {
          tags,
          summary:
            'Roll the program one year on: unfinished projects carry their first-year cost into the new first year.',
          params: UnitParams,
          body: RollBody,
          response: { 200: RollResult, ...problems },
        },
      },
      async (request) =>
        rollProgram(ctx, actorOf(request), { unitCode: request.params.code, body: request.body }),
    );
  };
