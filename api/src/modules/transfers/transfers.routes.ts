/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/transfers: programs,
 * formulas and figures here; allocations, scenarios and a unit's published transfers in
 * allocations.routes.ts.
 *
 * Programs, formulas, figures and published allocations are public: NP-2 asks that transfers
 * be transparent and predictable. The rest is national work, except a unit's figures, which
 * officers may enter within their scope.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers, ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { allocationsRoutes } from './allocations.routes.ts';
import { columnMap, importIndicators } from './figures-import.service.ts';
import { availableIndicators, listIndicatorValues, setIndicatorValue } from './figures.service.ts';
import { createFormula, getFormula, listFormulas } from './formulas.service.ts';
import { createProgram, listPrograms } from './programs.service.ts';
import { national, tags } from './route-access.ts';
import type { TransfersContext } from './transfers.context.ts';
import {
  AvailableIndicator,
  CreateFormulaBody,
  CreateProgramBody,
  FormulaItem,
  FormulaListQuery,
  FormulaWithDocument,
  IdParams,
  IndicatorImportQuery,
  IndicatorImportReport,
  IndicatorListQuery,
  IndicatorValue,
  Program,
  SetIndicatorBody,
  UnitParams,
} from './transfers.schemas.ts';

const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export const transfersRoutes =
  (ctx: TransfersContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: UPLOAD_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );

    // -------------------------------------------------------------------------- programs

    app.get(
      '/programs',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'The transfer programs.', response: { 200: Type.Array(Program) } },
      },
      async () => listPrograms(ctx),
    );

    app.post(
      '/programs',
      {
        config: { access: national('transfers.formula.manage') },
        schema: {
          tags,
          summary: 'Define a transfer program (national).',
          body: CreateProgramBody,
          response: {
            201: Type.Object({ code: Type.String() }),
            ...problemAnswers(400, 401, 403, 409),
          },
        },
      },
      async (request, reply) => {
        const row = await createProgram(ctx, actorOf(request), request.body);
        return reply.code(201).send({ code: row.code });
      },
    );

    // -------------------------------------------------------------------------- formulas

    app.get(
      '/formulas',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Formula versions, newest first.',
          querystring: FormulaListQuery,
          response: { 200: Page(FormulaItem), 400: ProblemRef },
        },
      },
      async (request) => listFormulas(ctx, request.query),
    );

    app.get(
      '/formulas/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One formula document, as stored (also the export: save it as a .json file).',
          params: IdParams,
          response: { 200: FormulaWithDocument, 404: ProblemRef },
        },
      },
      async (request) => getFormula(ctx, request.params.id),
    );

    app.post(
      '/formulas',
      {
        config: { access: national('transfers.formula.manage') },
        schema: {
          tags,
          summary: 'Store a formula document as the next version of its program and year (national).',
          description:
            'Stable codes: transfers.formula.invalid, transfers.formula.weights_not_100, transfers.program.unknown, ' +
            'transfers.formula.version_taken, transfers.year.published (a published year needs correctionReason).',
          body: CreateFormulaBody,
          response: {
            201: Type.Object({ id: Type.Integer() }),
            ...problemAnswers(400, 401, 403, 409, 422),
          },
        },
      },
      async (request, reply) => {
        const { formula, correctionReason } = request.body;
        const created = await createFormula(ctx, actorOf(request), {
          formula,
          ...(correctionReason ? { correctionReason } : {}),
        });
        return reply.code(201).send({ id: created.id });
      },
    );

    // -------------------------------------------------------------------------- figures

    app.get(
      '/indicators',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The yearly figures of units.',
          querystring: IndicatorListQuery,
          response: { 200: Page(IndicatorValue), 400: ProblemRef },
        },
      },
      async (request) => listIndicatorValues(ctx, request.query),
    );

    app.get(
      '/indicators/available',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Which figures exist: each indicator and year, with the number of units that have it.',
          response: { 200: Type.Object({ items: Type.Array(AvailableIndicator) }) },
        },
      },
      async () => ({ items: await availableIndicators(ctx) }),
    );

    app.put(
      '/units/:code/indicators',
      {
        config: {
          access: {
            permission: 'transfers.indicator.manage',
            unit: (request) => (request.params as { code: string }).code,
          },
        },
        schema: {
          tags,
          summary: 'Enter one figure of a unit for a year.',
          params: UnitParams,
          body: SetIndicatorBody,
          response: {
            204: Type.Null(),
            ...problemAnswers(400, 401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        await setIndicatorValue(ctx, actorOf(request), { unitCode: request.params.code, ...request.body });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/indicators/import',
      {
        config: { access: national('transfers.indicator.manage') },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Import figures from a CSV (text/csv body): a dry run by default.',
          description:
            'The one import contract: every problem is listed with its row and column; codes the tree does not ' +
            'know are listed, never dropped. dryRun=false writes a clean file; a file with problems is refused ' +
            '(422 transfers.import.has_problems) unless applyValid=true, which writes its valid rows.',
          querystring: IndicatorImportQuery,
          consumes: ['text/csv'],
          body: Type.String({ description: 'The CSV file.' }),
          response: {
            200: IndicatorImportReport,
            ...problemAnswers(400, 401, 403, 409, 415, 422),
          },
        },
      },
      async (request) => {
        const query = request.query;
        return importIndicators(ctx, actorOf(request), {
          text: request.body,
          fileName: query.fileName ?? 'figures.csv',
          fiscalYear: query.fiscalYear,
          source: query.source,
          codeColumn: query.codeColumn,
          columns: columnMap(query.map),
          dryRun: query.dryRun ?? true,
          applyValid: query.applyValid ?? query.applyValidPart ?? false,
        });
      },
    );

    await app.register(allocationsRoutes(ctx));
  };
