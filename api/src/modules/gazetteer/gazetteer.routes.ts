/** HTTP only: schema, one service call. Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { asGazetteerDb } from './gazetteer.queries.ts';
import { Unit, UnitAncestors, UnitCodeParams, UnitListQuery } from './gazetteer.schemas.ts';
import { getUnit, listUnitAncestors, listUnits } from './gazetteer.service.ts';

export const gazetteerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = asGazetteerDb(app.db);

  // The administrative tree is public reference data (the NCDD publishes it): every route of
  // this module says so, for the access layer that refuses routes without a declaration.
  app.get(
    '/units',
    {
      config: { access: 'public' },
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
      config: { access: 'public' },
      schema: {
        tags: ['gazetteer'],
        summary: 'One administrative unit by its NCDD code.',
        params: UnitCodeParams,
        response: { 200: Unit, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => getUnit(db, request.params.code),
  );

  app.get(
    '/units/:code/ancestors',
    {
      config: { access: 'public' },
      schema: {
        tags: ['gazetteer'],
        summary: 'The chain of units above a unit, root first, the unit itself last.',
        description:
          'From the province or capital down to the unit: a village gives 4 items (province, ' +
          'district, commune, village), a province 1.',
        params: UnitCodeParams,
        response: { 200: UnitAncestors, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => listUnitAncestors(db, request.params.code),
  );
};
