/**
 * HTTP only: schema, access rule, one service call. Mounted under /api/results.
 *
 * The framework, indicators, categories and data sets are public (a published program).
 * Figures are entered with results.value.enter by units in the caller's area (each value's
 * unit is checked by the service against the caller's scope), and read rolled up with
 * results.analytics.read at the unit asked about (national callers for the whole country).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { importRoute } from '../../platform/http/import-route.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { PageQuery } from '../../platform/http/paging.ts';
import { indicatorAnalytics } from './analytics.service.ts';
import { exportDataValueSet, importDataValueSets } from './data-value-sets.service.ts';
import { approvalState, takeApprovalStep, type ApprovalPowers, type Scope } from './approval.service.ts';
import { formValues, recordDataValues } from './data-values.service.ts';
import {
  getDataSet,
  getFramework,
  getIndicator,
  listCategories,
  listDataSets,
  listFrameworks,
  listIndicators,
} from './framework.service.ts';
import type { ResultsContext } from './results.context.ts';
import {
  AnalyticsAnswer,
  AnalyticsQuery,
  ApprovalQuery,
  ApprovalState,
  Category,
  DataSet,
  DataSetList,
  DataSetParams,
  DataValuesBody,
  DataValuesResult,
  DataValueSet,
  DataValueSetsImportQuery,
  DataValueSetsImportReport,
  DecideBody,
  SubmitBody,
  Framework,
  FrameworkParams,
  FrameworkTree,
  FormValues,
  FormValuesQuery,
  Indicator,
  IndicatorList,
  IndicatorListQuery,
} from './results.schemas.ts';

const tags = ['results'];
export const ENTER_VALUES = 'results.value.enter';
export const READ_ANALYTICS = 'results.analytics.read';
export const APPROVE = 'results.data.approve';

/** Where the signed-in caller holds a permission: everywhere ('all'), some subtrees, or nowhere ([]). */
function scopeOf(request: FastifyRequest, permission: string): Scope {
  const holding = (request.principal?.assignments ?? []).filter((a) => a.permissions.has(permission));
  if (holding.some((assignment) => assignment.unitCode === null)) return 'all';
  return [...new Set(holding.map((assignment) => assignment.unitCode as string))];
}
const powersOf = (request: FastifyRequest): ApprovalPowers => ({
  enter: scopeOf(request, ENTER_VALUES),
  approve: scopeOf(request, APPROVE),
});
/** A batch of 100,000 values is about 12 MB of JSON. */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

export const resultsRoutes =
  (ctx: ResultsContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/frameworks',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The results frameworks (NP-2’s and any other).',
          response: { 200: Type.Array(Framework) },
        },
      },
      async () => listFrameworks(ctx),
    );

    app.get(
      '/frameworks/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A framework with its tree: components, outcomes, outputs, priority actions.',
          params: FrameworkParams,
          response: { 200: FrameworkTree, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getFramework(ctx, request.params.code),
    );

    app.get(
      '/indicators',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Indicators with their formula, baselines and targets.',
          querystring: IndicatorListQuery,
          response: { 200: IndicatorList, 400: ProblemRef },
        },
      },
      async (request) => listIndicators(ctx, request.query),
    );

    app.get(
      '/indicators/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One indicator.',
          params: DataSetParams,
          response: { 200: Indicator, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getIndicator(ctx, request.params.code),
    );

    app.get(
      '/categories',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The categories figures are broken down by (sex, age group, disability) and their options.',
          response: { 200: Type.Array(Category) },
        },
      },
      async () => listCategories(ctx),
    );

    app.get(
      '/data-sets',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Data sets: their period type, the unit types that report them, their elements and cells.',
          querystring: Type.Object(PageQuery.properties, { additionalProperties: false }),
          response: { 200: DataSetList, 400: ProblemRef },
        },
      },
      async (request) => listDataSets(ctx, request.query),
    );

    app.get(
      '/data-sets/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One data set (the shape of its entry form).',
          params: DataSetParams,
          response: { 200: DataSet, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getDataSet(ctx, request.params.code),
    );

    app.get(
      '/form-values',
      {
        config: {
          access: { permission: ENTER_VALUES, unit: (request) => (request.query as { unit: string }).unit },
        },
        schema: {
          tags,
          summary:
            'The figures recorded for a data set, a unit and a period (an entry form’s starting point).',
          querystring: FormValuesQuery,
          response: { 200: FormValues, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return formValues(ctx, request.query);
      },
    );

    app.post(
      '/data-values',
      {
        bodyLimit: BATCH_BODY_LIMIT,
        config: { access: { permission: ENTER_VALUES } },
        schema: {
          tags,
          summary: 'Record a batch of figures of one data set (all or nothing).',
          description:
            'Every value is checked before anything is written: its element belongs to the data set, its ' +
            'period is of the data set’s type, its value fits the element’s type, its unit is of a type that ' +
            'reports the data set and lies in the caller’s area, its breakdown is one of the element’s cells, ' +
            'and its data set, unit and period are not approved. One bad value refuses the whole batch with ' +
            'the code of the first problem and every bad value in errors[]. The pre-aggregation up the tree ' +
            'is updated in the same transaction; one audit record per batch.',
          body: DataValuesBody,
          response: {
            200: DataValuesResult,
            400: ProblemRef,
            401: ProblemRef,
            403: ProblemRef,
            404: ProblemRef,
            409: ProblemRef,
          },
        },
      },
      async (request) =>
        recordDataValues(ctx, actorOf(request), { body: request.body, scope: request.access.scope }),
    );

    app.get(
      '/approvals',
      {
        config: {
          access: { permission: ENTER_VALUES, unit: (request) => (request.query as { unit: string }).unit },
        },
        schema: {
          tags,
          summary:
            'The approval state of a data set’s figures for a unit and a period, and what the caller may do.',
          querystring: ApprovalQuery,
          response: {
            200: ApprovalState,
            400: ProblemRef,
            401: ProblemRef,
            403: ProblemRef,
            404: ProblemRef,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return approvalState(ctx, powersOf(request), request.query);
      },
    );

    app.post(
      '/approvals/submit',
      {
        config: { access: { permission: ENTER_VALUES } },
        schema: {
          tags,
          summary:
            'Submit a data set’s figures for a unit and a period to the level above (open or returned → submitted).',
          description:
            'The unit must lie in the caller’s area (results.value.outside_scope otherwise). Submitted figures can ' +
            'still be corrected until the level above approves them.',
          body: SubmitBody,
          response: {
            200: ApprovalState,
            400: ProblemRef,
            401: ProblemRef,
            403: ProblemRef,
            404: ProblemRef,
            409: ProblemRef,
          },
        },
      },
      async (request) =>
        takeApprovalStep(ctx, actorOf(request), powersOf(request), { ...request.body, action: 'submit' }),
    );

    app.post(
      '/approvals/decide',
      {
        config: { access: { permission: APPROVE } },
        schema: {
          tags,
          summary:
            'Approve, return, lock or un-approve a data set’s figures for a unit and a period (the level above).',
          description:
            'The caller holds results.data.approve at an ancestor of the unit, not at the unit itself ' +
            '(results.approval.not_above). approve: submitted → approved; return: submitted → returned; lock: ' +
            'approved → locked; unapprove: approved → returned, and locked → returned nationally only ' +
            '(results.approval.unlock_national). return and unapprove need a comment ' +
            '(results.approval.comment_required). Another starting state: 409 results.approval.bad_transition. ' +
            'Approved and locked figures cannot change; analytics with approved=true counts only them.',
          body: DecideBody,
          response: {
            200: ApprovalState,
            400: ProblemRef,
            401: ProblemRef,
            403: ProblemRef,
            404: ProblemRef,
            409: ProblemRef,
          },
        },
      },
      async (request) => takeApprovalStep(ctx, actorOf(request), powersOf(request), request.body),
    );

    app.get(
      '/data-value-sets',
      {
        config: {
          access: { permission: ENTER_VALUES, unit: (request) => (request.query as { unit: string }).unit },
        },
        schema: {
          tags,
          summary: 'Export a data set’s figures for a unit and a period as a DHIS2 data value set (JSON).',
          description:
            'Codes throughout (DHIS2 idScheme=CODE): orgUnit is the NCDD code, categoryOptionCombo the cell’s ' +
            'option codes in category order joined by dots (female.18_34.without), or default.',
          querystring: FormValuesQuery,
          response: { 200: DataValueSet, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return exportDataValueSet(ctx, request.query);
      },
    );

    // The file is the body as it is (JSON or DHIS2's CSV), under the platform's import contract.
    await importRoute(app, {
      path: '/data-value-sets',
      access: { permission: ENTER_VALUES },
      mediaTypes: ['application/json', 'text/csv'],
      limitBytes: BATCH_BODY_LIMIT,
      defaultName: (contentType) =>
        contentType.includes('csv') ? 'dataValueSets.csv' : 'dataValueSets.json',
      tags,
      summary:
        'Import a DHIS2 data value set (JSON or CSV): dry run (default), then apply, or apply the valid rows.',
      description:
        'Units, elements and cells matched by code (as the export writes them). Every value is checked as ' +
        'POST /data-values checks it (the unit in the caller’s area, its type, the period type, the value type, ' +
        'approved cells) and every problem is reported with its row; nothing is dropped silently. Applying a ' +
        'file with problems is refused (422 results.import.has_problems) unless applyValid. One audit record.',
      querystring: DataValueSetsImportQuery,
      report: DataValueSetsImportReport,
      run: ({ actor, file, query, request }) =>
        importDataValueSets(ctx, actor, {
          file,
          dataSet: query.dataSet,
          dryRun: query.dryRun,
          applyValid: query.applyValid,
          scope: request.access.scope,
        }),
    });

    app.get(
      '/analytics',
      {
        config: {
          access: {
            permission: READ_ANALYTICS,
            unit: (request) => (request.query as { unit?: string }).unit ?? null,
          },
        },
        schema: {
          tags,
          summary:
            'An indicator rolled up over the tree: rows per unit of a level (and breakdown) and totals.',
          description:
            'Without unit: the whole country (national callers). level: the rows’ level, the one below the ' +
            'unit by default. period: a year, quarter or month; the values of every period within it are ' +
            'summed. by: categories (sex, age, disability) the indicator allows. Ratios are the sum of ' +
            'numerators over the sum of denominators; a zero denominator gives value null.',
          querystring: AnalyticsQuery,
          response: {
            200: AnalyticsAnswer,
            400: ProblemRef,
            401: ProblemRef,
            403: ProblemRef,
            404: ProblemRef,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return indicatorAnalytics(ctx, request.query);
      },
    );
  };
