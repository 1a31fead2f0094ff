/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/transfers.
 *
 * Programs, formulas, figures and published allocations are public: NP-2 asks that transfers
 * be transparent and predictable. Drafts and approved-but-unpublished allocations are seen
 * only by national staff who compute or approve them; the rest is national work too, except
 * a unit's figures, which officers may enter within their scope.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { auditActor } from '../../platform/audit/audit-context.ts';
import type { Authenticator } from '../../platform/auth/principal.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import { accessAuthenticator } from '../access/index.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import {
  Allocation,
  AllocationLine,
  AvailableIndicator,
  AllocationListQuery,
  CorrectAllocationBody,
  CreateAllocationBody,
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
  LineQuery,
  Program,
  PublishedItem,
  PublishedQuery,
  ScenarioBody,
  ScenarioResult,
  SetIndicatorBody,
  UnitParams,
} from './transfers.schemas.ts';
import {
  allocationLines,
  approveAllocation,
  availableIndicators,
  correctAllocation,
  createAllocation,
  createFormula,
  createProgram,
  getAllocation,
  getFormula,
  importIndicators,
  listAllocations,
  listIndicatorValues,
  publishAllocation,
  publishedForUnit,
  runScenario,
  setIndicatorValue,
  type Allocation as AllocationRecord,
} from './transfers.service.ts';
import type { TransfersTables } from './transfers.tables.ts';

const tags = ['transfers'];
const national = (permission: string) => ({ permission, unit: () => null });
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** Parses `population:TT_Both,poor_households:HH` into { population: 'TT_Both', ... }. */
function columnMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [indicator, column] = pair.split(':').map((part) => part.trim());
    if (!indicator || !column || !/^[a-z][a-z0-9_]{0,59}$/.test(indicator))
      throw new AppError(400, 'transfers.input.bad_map', `Not an indicator:column pair: "${pair}".`);
    map[indicator] = column;
  }
  return map;
}

export const transfersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = tablesOf<TransfersTables & GazetteerTables>(app.db);
  const authenticator: Authenticator = accessAuthenticator(app.db);

  /** Drafts and approved allocations: only for national staff who compute or approve them. */
  async function seesUnpublished(request: FastifyRequest): Promise<boolean> {
    const principal = request.principal ?? (await authenticator.authenticate(request));
    if (!principal || principal.mustChangePassword) return false;
    return principal.assignments.some(
      (assignment) =>
        assignment.unitCode === null &&
        (assignment.permissions.has('transfers.allocation.compute') ||
          assignment.permissions.has('transfers.allocation.approve')),
    );
  }
  async function visibleAllocation(request: FastifyRequest, id: number): Promise<AllocationRecord> {
    const allocation = await getAllocation(db, id);
    const isPublic = allocation.status === 'published' || allocation.status === 'superseded';
    // An unpublished allocation does not exist for the public: no hint that it does.
    if (!isPublic && !(await seesUnpublished(request)))
      throw notFound('transfers.allocation.not_found', 'No allocation has this id.');
    return allocation;
  }

  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  // ---------------------------------------------------------------------------- programs

  app.get(
    '/programs',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The transfer programs.', response: { 200: Type.Array(Program) } },
    },
    async () => {
      const rows = await db.selectFrom('transfers_program').selectAll().orderBy('code').execute();
      return rows.map((row) => ({
        code: row.code,
        nameKm: row.name_km,
        nameEn: row.name_en,
        descriptionKm: row.description_km,
        descriptionEn: row.description_en,
        isExample: row.is_example,
      }));
    },
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
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          409: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const row = await createProgram(db, auditActor(request), request.body);
      return reply.code(201).send({ code: row.code });
    },
  );

  // ---------------------------------------------------------------------------- formulas

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
    async (request) => {
      const { page, pageSize, programCode, fiscalYear } = request.query;
      let select = db.selectFrom('transfers_formula');
      if (programCode) select = select.where('program_code', '=', programCode);
      if (fiscalYear) select = select.where('fiscal_year', '=', fiscalYear);
      const total = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await select
        .select([
          'id',
          'program_code',
          'fiscal_year',
          'version',
          'legal_reference',
          'is_example',
          'created_at',
        ])
        .orderBy('fiscal_year', 'desc')
        .orderBy('program_code')
        .orderBy('version', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        page,
        pageSize,
        total: Number(total?.n ?? 0),
        items: rows.map((row) => ({
          id: Number(row.id),
          programCode: row.program_code,
          fiscalYear: row.fiscal_year,
          version: row.version,
          legalReference: row.legal_reference,
          isExample: row.is_example,
          createdAt: row.created_at.toISOString(),
        })),
      };
    },
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
    async (request) => getFormula(db, request.params.id),
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
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          409: ProblemRef,
          422: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const options = request.body.correctionReason
        ? { correctionReason: request.body.correctionReason }
        : {};
      const created = await createFormula(db, auditActor(request), request.body.formula, options);
      return reply.code(201).send({ id: created.id });
    },
  );

  // ---------------------------------------------------------------------------- figures

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
    async (request) => listIndicatorValues(db, request.query),
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
    async () => ({ items: await availableIndicators(db) }),
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
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      await setIndicatorValue(db, auditActor(request), { unitCode: request.params.code, ...request.body });
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
          'Every problem is listed with its row and column; codes the tree does not know are listed, never dropped. ' +
          'Nothing is written unless dryRun=false and the file is clean.',
        querystring: IndicatorImportQuery,
        consumes: ['text/csv'],
        body: Type.String({ description: 'The CSV file.' }),
        response: {
          200: IndicatorImportReport,
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          409: ProblemRef,
          415: ProblemRef,
        },
      },
    },
    async (request) => {
      const query = request.query;
      return importIndicators(db, auditActor(request), request.body, {
        fiscalYear: query.fiscalYear,
        source: query.source,
        codeColumn: query.codeColumn,
        columns: columnMap(query.map),
        dryRun: query.dryRun ?? true,
        applyValidPart: query.applyValidPart ?? false,
      });
    },
  );

  // ---------------------------------------------------------------------------- allocations

  app.get(
    '/allocations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Allocations, newest first: published ones for everyone, all of them for national staff.',
        querystring: AllocationListQuery,
        response: { 200: Page(Allocation), 400: ProblemRef },
      },
    },
    async (request) => {
      const publishedOnly = !(await seesUnpublished(request));
      return listAllocations(db, { ...request.query, publishedOnly });
    },
  );

  app.post(
    '/allocations',
    {
      config: { access: national('transfers.allocation.compute') },
      schema: {
        tags,
        summary: 'Compute a draft allocation of a formula from the stored figures (national).',
        description:
          'Stable codes: transfers.input.missing_value (lists every unit without a figure the formula needs), ' +
          'transfers.input.negative_value, transfers.year.published.',
        body: CreateAllocationBody,
        response: {
          201: Allocation,
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          422: ProblemRef,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAllocation(db, auditActor(request), request.body)),
  );

  app.get(
    '/allocations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One allocation with its summary and equity figures.',
        params: IdParams,
        response: { 200: Allocation, 404: ProblemRef },
      },
    },
    async (request) => visibleAllocation(request, request.params.id),
  );

  app.get(
    '/allocations/:id/lines',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Each unit’s amount and its explanation, component by component.',
        params: IdParams,
        querystring: LineQuery,
        response: { 200: Page(AllocationLine), 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => {
      await visibleAllocation(request, request.params.id);
      return allocationLines(db, request.params.id, request.query);
    },
  );

  const decision = (summary: string) => ({
    tags,
    summary,
    params: IdParams,
    response: { 200: Allocation, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
  });

  app.post(
    '/allocations/:id/approve',
    {
      config: { access: national('transfers.allocation.approve') },
      schema: decision('Approve a draft (by someone other than the person who computed it).'),
    },
    async (request) => approveAllocation(db, auditActor(request), request.params.id),
  );

  app.post(
    '/allocations/:id/publish',
    {
      config: { access: national('transfers.allocation.approve') },
      schema: decision(
        'Publish an approved allocation: it never changes again, and each amount becomes a revenue line of the unit’s budget.',
      ),
    },
    async (request) => publishAllocation(db, auditActor(request), request.params.id),
  );

  app.post(
    '/allocations/:id/corrections',
    {
      config: { access: national('transfers.allocation.compute') },
      schema: {
        tags,
        summary: 'Prepare a correction of a published allocation: a new draft version with its reason.',
        params: IdParams,
        body: CorrectAllocationBody,
        response: {
          201: Allocation,
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          422: ProblemRef,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await correctAllocation(db, auditActor(request), request.params.id, request.body)),
  );

  app.post(
    '/scenarios',
    {
      config: { access: national('transfers.allocation.compute') },
      schema: {
        tags,
        summary:
          'Compare a formula changed by hand (weights, pool) with a stored one, on the same figures. Writes nothing.',
        body: ScenarioBody,
        response: {
          200: ScenarioResult,
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
          422: ProblemRef,
        },
      },
    },
    async (request) => runScenario(db, request.body),
  );

  app.get(
    '/units/:code/published',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A unit’s published transfers, every program, each with the formula that produced it.',
        params: UnitParams,
        querystring: PublishedQuery,
        response: { 200: Type.Object({ items: Type.Array(PublishedItem) }), 400: ProblemRef },
      },
    },
    async (request) => ({ items: await publishedForUnit(db, request.params.code, request.query.fiscalYear) }),
  );
};
