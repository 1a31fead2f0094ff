/** HTTP only: schema, one service call. Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { actorOf } from '../../platform/actor.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import {
  AsOfQuery,
  ChangesQuery,
  Unit,
  UnitAncestors,
  UnitChildrenQuery,
  UnitCodeParams,
  UnitCounts,
  UnitEvent,
  UnitHistoryQuery,
  UnitListQuery,
  UnitUpdateBody,
} from './gazetteer.schemas.ts';
import {
  getUnitOn,
  listUnitAncestors,
  listUnitChildren,
  listUnits,
  unitCounts,
} from './gazetteer.service.ts';
import { listChanges, unitHistory, updateUnit } from './history.service.ts';

const AS_OF_NOTE =
  'With `asOf=YYYY-MM-DD`, the tree as it was on that date (names, types and parents then); ' +
  'without it, the tree today, abolished units left out.';

export const gazetteerRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The administrative tree is public reference data (the NCDD publishes it): every read of
    // this module says so, for the access layer that refuses routes without a declaration.
    app.get(
      '/units',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'List administrative units, filtered and paged.',
          description: AS_OF_NOTE,
          querystring: UnitListQuery,
          response: { 200: Page(Unit), 400: ProblemRef },
        },
      },
      async (request) => listUnits(ctx, request.query),
    );

    app.get(
      '/units/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'One administrative unit by its NCDD code.',
          description: `${AS_OF_NOTE} A unit not in the tree on that date answers 404.`,
          params: UnitCodeParams,
          querystring: AsOfQuery,
          response: { 200: Unit, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getUnitOn(ctx, request.params.code, request.query.asOf),
    );

    app.get(
      '/units/:code/children',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'The units directly below a unit (a province’s districts, a commune’s villages), paged.',
          description: `${AS_OF_NOTE} A village has no children (an empty page); a unit not in the tree on that date answers 404.`,
          params: UnitCodeParams,
          querystring: UnitChildrenQuery,
          response: { 200: Page(Unit), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listUnitChildren(ctx, request.params.code, request.query),
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
            `district, commune, village), a province 1. ${AS_OF_NOTE}`,
          params: UnitCodeParams,
          querystring: AsOfQuery,
          response: { 200: UnitAncestors, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listUnitAncestors(ctx, request.params.code, request.query.asOf),
    );

    app.get(
      '/units/:code/counts',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'How many units lie below a unit, by level and by type (the unit itself not counted).',
          description: AS_OF_NOTE,
          params: UnitCodeParams,
          querystring: AsOfQuery,
          response: { 200: UnitCounts, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => unitCounts(ctx, request.params.code, request.query.asOf),
    );

    app.get(
      '/counts',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'How many units the whole country has, by level and by type.',
          description: AS_OF_NOTE,
          querystring: AsOfQuery,
          response: { 200: UnitCounts, 400: ProblemRef },
        },
      },
      async (request) => unitCounts(ctx, undefined, request.query.asOf),
    );

    app.get(
      '/units/:code/history',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'A unit’s dated changes with their legal references, newest first.',
          description:
            'Every unit has at least its `created` event (with a null effective date when it is ' +
            'known since before our records; such events come last). Abolished units keep their history.',
          params: UnitCodeParams,
          querystring: UnitHistoryQuery,
          response: { 200: Page(UnitEvent), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => unitHistory(ctx, request.params.code, request.query),
    );

    app.get(
      '/changes',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'The changes to the tree that took effect between two dates (both included).',
          description: '`from` after `to` answers 400 `gazetteer.changes.bad_range`.',
          querystring: ChangesQuery,
          response: { 200: Page(UnitEvent), 400: ProblemRef },
        },
      },
      async (request) => listChanges(ctx, request.query),
    );

    // Staff of the unit or of a unit above it: the closure table says whether the unit lies in
    // the caller's scope, before the handler runs.
    app.patch(
      '/units/:code',
      {
        config: {
          access: {
            permission: 'gazetteer.unit.manage',
            unit: (request) => (request.params as { code: string }).code,
          },
        },
        schema: {
          tags: ['gazetteer'],
          summary: 'Rename a unit or change whether it is urban, from a date, under a legal act.',
          description:
            'One transaction: the unit, its versions (the current state ends and a new one begins on ' +
            '`effectiveDate`), a `renamed` and/or `retyped` event with the legal reference, and the ' +
            'audit record. Errors: `gazetteer.unit.name_required` (an empty name), ' +
            '`gazetteer.unit.bad_effective_date` (before the current state began, or after today), ' +
            '`gazetteer.unit.no_change`, `gazetteer.unit.not_found` (unknown or abolished).',
          params: UnitCodeParams,
          body: UnitUpdateBody,
          response: { 200: Unit, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => updateUnit(ctx, actorOf(request), { ...request.body, code: request.params.code }),
    );
  };
