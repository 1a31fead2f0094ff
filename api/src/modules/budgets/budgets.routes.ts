/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/budgets.
 *
 * Published budgets (approved or later), their reports and the classifications are public; a
 * proposed budget is shown only to those who prepare or oversee it. Changes need a permission at
 * the budget's unit (or above); the BOOST import is national.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { importRoute } from '../../platform/http/import-route.ts';
import { ImportQuery } from '../../platform/http/imports.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { recordActuals } from './actuals.service.ts';
import { adjustBudget } from './adjustments.service.ts';
import { importBoostCsv } from './boost-import.service.ts';
import type { BudgetsContext } from './budgets.context.ts';
import {
  ActualsBody,
  AdjustmentBody,
  ApproveBody,
  BoostImportReport,
  Budget,
  BudgetQuery,
  ClassificationsAnswer,
  CouncilDecisionBody,
  IdParams,
  Line,
  LineBody,
  Report,
  ReportQuery,
  UnitYearParams,
  UpdateLineBody,
} from './budgets.schemas.ts';
import { createBudget, getBudget, listClassifications, unitOfBudget } from './budgets.service.ts';
import { approveBudget, recordCouncilDecision } from './council-decisions.service.ts';
import { addLine, deleteLine, unitOfLine, updateLine } from './lines.service.ts';
import { budgetReport } from './report.service.ts';

const MANAGE_LINES = 'budgets.line.manage';
const RECORD_DECISION = 'budgets.council_decision.record';
const RECORD_ACTUALS = 'budgets.actual.record';
const IMPORT = 'budgets.open_data.import';
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };
const tags = ['budgets'];

/** The budget routes, over the module's context (the report reads fees through its ports). */
export const budgetRoutes =
  (ctx: BudgetsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = ctx;
    const idOf = (request: FastifyRequest) => (request.params as { id: number }).id;
    const atBudget = (permission: string) => ({
      permission,
      unit: (request: FastifyRequest) => unitOfBudget(db, idOf(request)),
    });
    const atLine = (permission: string) => ({
      permission,
      unit: (request: FastifyRequest) => unitOfLine(db, idOf(request)),
    });

    app.get(
      '/classifications',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The economic and functional classifications and the fund sources of budget lines.',
          response: { 200: ClassificationsAnswer },
        },
      },
      async () => listClassifications(ctx),
    );

    app.get(
      '/units/:code/years/:year',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The budget of a unit for a year, with the lines of the version in force (or of `version`).',
          description:
            'A proposed budget is shown only to those who prepare or oversee the unit’s budget; 404 otherwise.',
          params: UnitYearParams,
          querystring: BudgetQuery,
          response: { 200: Budget, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return getBudget(ctx, {
          unitCode: request.params.code,
          fiscalYear: request.params.year,
          version: request.query.version,
          viewer: await ctx.access.viewer(request),
        });
      },
    );

    app.post(
      '/units/:code/years/:year',
      {
        config: {
          access: { permission: MANAGE_LINES, unit: (request) => (request.params as { code: string }).code },
        },
        schema: {
          tags,
          summary: 'Open the budget of a unit for a year (proposed, without lines).',
          params: UnitYearParams,
          response: { 201: Budget, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createBudget(ctx, actorOf(request), {
            unitCode: request.params.code,
            fiscalYear: request.params.year,
          }),
        ),
    );

    app.get(
      '/units/:code/years/:year/report',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Budget against actual by economic class, functional class and fund source, rolled up the tree.',
          description:
            'Published budgets only. With rollup (the default) a province’s figures include its districts and ' +
            'communes; byUnit lists each budget counted.',
          params: UnitYearParams,
          querystring: ReportQuery,
          response: { 200: Report, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) =>
        budgetReport(ctx, {
          unitCode: request.params.code,
          fiscalYear: request.params.year,
          rollup: request.query.rollup,
        }),
    );

    app.post(
      '/:id/lines',
      {
        config: { access: atBudget(MANAGE_LINES) },
        schema: {
          tags,
          summary: 'Add a line to a proposed budget.',
          params: IdParams,
          body: LineBody,
          response: { 201: Line, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addLine(ctx, actorOf(request), { budgetId: request.params.id, body: request.body })),
    );

    app.patch(
      '/lines/:id',
      {
        config: { access: atLine(MANAGE_LINES) },
        schema: {
          tags,
          summary: 'Change a line of a proposed budget (not a system line).',
          params: IdParams,
          body: UpdateLineBody,
          response: { 200: Line, ...problems },
        },
      },
      async (request) => updateLine(ctx, actorOf(request), { lineId: request.params.id, body: request.body }),
    );

    app.delete(
      '/lines/:id',
      {
        config: { access: atLine(MANAGE_LINES) },
        schema: {
          tags,
          summary: 'Remove a line of a proposed budget (not a system line).',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await deleteLine(ctx, actorOf(request), { lineId: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/:id/council-decision',
      {
        config: { access: atBudget(RECORD_DECISION) },
        schema: {
          tags,
          summary: 'Record the council’s decision on a proposed budget (its number and date).',
          params: IdParams,
          body: CouncilDecisionBody,
          response: { 200: Budget, ...problems },
        },
      },
      async (request) =>
        recordCouncilDecision(ctx, actorOf(request), { budgetId: request.params.id, body: request.body }),
    );

    app.post(
      '/:id/approve',
      {
        config: { access: atBudget(RECORD_DECISION) },
        schema: {
          tags,
          summary:
            'Approve a proposed budget, once the council’s decision is recorded (or given here; {} otherwise).',
          description: 'Without a council decision: 409 budgets.budget.council_decision_missing.',
          params: IdParams,
          body: ApproveBody,
          response: { 200: Budget, ...problems },
        },
      },
      async (request) =>
        approveBudget(ctx, actorOf(request), { budgetId: request.params.id, body: request.body }),
    );

    app.post(
      '/:id/adjustments',
      {
        config: { access: atBudget(MANAGE_LINES) },
        schema: {
          tags,
          summary: 'Adjust an approved budget: a new version of its lines, with the reason.',
          description:
            'The body lists every user line of the new version; a line that replaces one of the version in force ' +
            'names it (lineId) and keeps its actuals. System lines (published transfers) are carried over.',
          params: IdParams,
          body: AdjustmentBody,
          response: { 201: Budget, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await adjustBudget(ctx, actorOf(request), { budgetId: request.params.id, body: request.body }),
          ),
    );

    app.put(
      '/lines/:id/actuals',
      {
        config: { access: atLine(RECORD_ACTUALS) },
        schema: {
          tags,
          summary: 'Record the actuals of a line of an approved budget, quarter by quarter (Q1-Q4).',
          params: IdParams,
          body: ActualsBody,
          response: { 200: Line, ...problems },
        },
      },
      async (request) =>
        recordActuals(ctx, actorOf(request), { lineId: request.params.id, body: request.body }),
    );

    // The BOOST file is the body as it is (text/csv), as the gazetteer import takes its files.
    await importRoute(app, {
      path: '/imports',
      access: { permission: IMPORT, unit: () => null },
      mediaTypes: ['text/csv'],
      limitBytes: UPLOAD_LIMIT_BYTES,
      defaultName: () => 'upload.csv',
      tags,
      summary:
        'Import a BOOST-style CSV of budgets: dry run (default), then apply, or apply the valid rows (national).',
      description:
        'The body is the CSV itself (text/csv), the x-file-name header names it. Columns: year, ' +
        'admin_unit_code, econ_class, func_class, fund_source, approved, executed (and optionally program, ' +
        'description_km, description_en). Applying a file with problems is refused (422 budgets.import.has_problems) ' +
        'unless applyValid=true, which applies the budgets without problems and reports the rest.',
      querystring: ImportQuery,
      report: BoostImportReport,
      run: ({ actor, file, query }) =>
        importBoostCsv(ctx, actor, { file, dryRun: query.dryRun, applyValid: query.applyValid }),
    });
  };
