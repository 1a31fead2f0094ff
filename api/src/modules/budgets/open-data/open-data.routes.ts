/**
 * The open data routes, mounted under /api/open-data (a manifest of their own in index.ts):
 *
 *   GET /api/open-data/budgets/{year}/datapackage.json?tier=commune   the descriptor
 *   GET /api/open-data/budgets/{year}/{tier}-budget-lines.csv         its resources
 *
 * Public: only published budgets (approved or later) are in them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problemAnswers, ProblemRef } from '../../../platform/http/openapi.ts';
import { fail } from '../budgets.errors.ts';
import type { OpenDataContext } from '../budgets.context.ts';
import { FiscalYear } from '../budgets.schemas.ts';
import { fiscalDataCsv, fiscalDataPackageDescriptor, resourceName, TIER_NAMES } from './fdp-export.ts';

const tags = ['open data'];
const CACHE = 'public, max-age=300';

export const openDataRoutes =
  (ctx: OpenDataContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Open data may be read by any web page (CORS `*`): it is public and read-only. The
    // platform's `cross-origin-resource-policy: same-origin` is relaxed for it too.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        reply.header('access-control-allow-origin', '*');
        reply.header('cross-origin-resource-policy', 'cross-origin');
      }
      done();
    });

    app.get(
      '/budgets/:year/datapackage.json',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The Fiscal Data Package descriptor of the published SNA budgets of a year.',
          description:
            'One CSV resource per tier (province, district, commune), or only the one of `tier`. Each row is ' +
            'one budget line in one phase (approved, adjusted, executed); amounts in riel (KHR).',
          params: Type.Object({ year: FiscalYear }),
          querystring: Type.Object({
            tier: Type.Optional(Type.Union(TIER_NAMES.map((tier) => Type.Literal(tier)))),
          }),
          response: {
            200: Type.Object(
              { profile: Type.String(), name: Type.String(), title: Type.String() },
              {
                additionalProperties: true,
                description: 'A Fiscal Data Package descriptor (datapackage.json).',
              },
            ),
            400: ProblemRef,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', CACHE);
        const tiers = request.query.tier ? [request.query.tier] : TIER_NAMES;
        return fiscalDataPackageDescriptor(request.params.year, tiers);
      },
    );

    app.get(
      '/budgets/:year/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One resource of the package as CSV: {tier}-budget-lines.csv.',
          params: Type.Object({ year: FiscalYear, file: Type.String({ maxLength: 100 }) }),
          response: {
            200: Type.String({ description: 'text/csv; UTF-8' }),
            ...problemAnswers(400, 404),
          },
        },
      },
      async (request, reply) => {
        const tier = TIER_NAMES.find((name) => `${resourceName(name)}.csv` === request.params.file);
        if (!tier)
          throw fail('budgets.open_data.no_resource', {
            title: `No resource ${request.params.file} in this package.`,
          });
        reply.header('cache-control', CACHE).type('text/csv; charset=utf-8');
        return fiscalDataCsv(ctx, request.params.year, tier);
      },
    );
  };
