/** HTTP only: schema, one service call. Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import type { GazetteerDb } from './gazetteer.queries.ts';
import { Unit, UnitCodeParams, UnitListQuery } from './gazetteer.schemas.ts';
import { getUnit, listUnits } from './gazetteer.service.ts';

export const gazetteerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db: GazetteerDb = app.db;

  app.get(
    '/units',
    {
      schema: {
        tags: ['gazetteer'],
        summary: 'List administrative units, filtered and paged.',
        querystring: UnitListQuery,
        response: { 200: Page(Unit), 400: ProblemRef },
      },
    },
    async (request) => listUnits(db, request.query),
  );

  app.get(
    '/units/:code',
    {
      schema: {
        tags: ['gazetteer'],
        summary: 'One administrative unit by its NCDD code.',
        params: UnitCodeParams,
        response: { 200: Unit, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => getUnit(db, request.params.code),
  );
};
