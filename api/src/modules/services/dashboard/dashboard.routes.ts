/**
 * HTTP only, under /api/services: the office dashboard as JSON, CSV and XLSX, with the same
 * filters. Registered by the services module's routes plugin (index.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ProblemRef } from '../../../platform/http/openapi.ts';
import type { ServicesContext } from '../context.ts';
import { dashboardCsv, dashboardXlsx, exportFileName } from './dashboard.export.ts';
import { Dashboard, DashboardQuery } from './dashboard.schemas.ts';
import { readDashboard } from './dashboard.service.ts';
import { READ_DASHBOARD } from './permissions.ts';

const tags = ['services'];
const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef };

const FILTERS =
  '`unit` (a unit: it and its subtree; absent: the whole country, for national callers), `from` and `to` (YYYY-MM, inclusive; default the last 12 months). Errors: ' +
  '`services.dashboard.bad_period`, `gazetteer.unit.unknown` (400).';

/** The unit the request is about; null (no `unit`) is the whole country, for national callers. */
export const dashboardUnit = (request: FastifyRequest): string | null =>
  (request.query as { unit?: string }).unit ?? null;

const access = { permission: READ_DASHBOARD, unit: dashboardUnit };

export const dashboardRoutes =
  (ctx: ServicesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const read = (request: FastifyRequest) => {
      const query = request.query as Static<typeof DashboardQuery>;
      return readDashboard(ctx, { from: query.from, to: query.to, unit: query.unit });
    };

    app.get(
      '/dashboard',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'The office dashboard: received, completed, on time, median working days, overdue now, fees, satisfaction; by service, month, sex, age group and disability.',
          description: `Reads running totals kept with every change (a few thousand rows whatever the number of applications). Filters: ${FILTERS} Definitions: see the services module README, "Dashboard".`,
          querystring: DashboardQuery,
          response: { 200: Dashboard, ...problems },
        },
      },
      async (request) => read(request),
    );

    app.get(
      '/dashboard.csv',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'The dashboard as CSV (UTF-8 with BOM): one row per cell, the breakdown first; Khmer and English headers.',
          description: `Filters: ${FILTERS}`,
          querystring: DashboardQuery,
          response: { 200: Type.String({ description: 'text/csv' }), ...problems },
        },
      },
      async (request, reply) => {
        const dashboard = await read(request);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(dashboard, 'csv')}"`)
          .header('cache-control', 'private, no-store')
          .send(dashboardCsv(dashboard));
      },
    );

    app.get(
      '/dashboard.xlsx',
      {
        config: { access },
        schema: {
          tags,
          summary: 'The dashboard as an XLSX workbook: one sheet per breakdown; Khmer and English headers.',
          description: `Filters: ${FILTERS}`,
          querystring: DashboardQuery,
          response: { 200: Type.Unknown({ description: 'The workbook.' }), ...problems },
        },
      },
      async (request, reply) => {
        const dashboard = await read(request);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${exportFileName(dashboard, 'xlsx')}"`)
          .header('cache-control', 'private, no-store')
          .send(await dashboardXlsx(dashboard));
      },
    );
  };
