/**
 * HTTP only: schema, one service call. Mounted under /api/gazetteer. Merges and splits change
 * the official tree: national, with the permission that runs the import.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemAnswers } from '../../platform/http/openapi.ts';
import { actorOf } from '../../platform/actor.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import { UnitCodeParams } from './gazetteer.schemas.ts';
import { mergeUnit, splitUnit } from './restructure.service.ts';
import { UnitMergeBody, UnitMergeResult, UnitSplitBody, UnitSplitResult } from './restructure.schemas.ts';

const access = { permission: 'gazetteer.import.run', unit: () => null };

const DATE_RULE =
  '`gazetteer.unit.bad_effective_date` (after today in Cambodia, or not after the unit’s current state began)';

export const restructureRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/units/:code/merge',
      {
        config: { access },
        schema: {
          tags: ['gazetteer'],
          summary: 'Merge a unit into another unit of the same level, from a date, under a legal act.',
          description:
            'One transaction: the absorbed unit leaves the tree on `effectiveDate` (its current version ' +
            'ends), a `merged` event on each unit (the other in `relatedCodes`), and the audit record ' +
            '(`gazetteer.unit.merge`). The absorbed unit must have no live children (their codes start ' +
            `with its code): move or abolish them first. Errors: ${DATE_RULE}, \`gazetteer.merge.same_unit\`, ` +
            '`gazetteer.merge.level_mismatch`, `gazetteer.merge.has_children`, `gazetteer.unit.not_found` ' +
            '(either unit unknown or abolished).',
          params: UnitCodeParams,
          body: UnitMergeBody,
          response: {
            200: UnitMergeResult,
            ...problemAnswers(400, 401, 403, 404),
          },
        },
      },
      async (request) => mergeUnit(ctx, actorOf(request), { ...request.body, code: request.params.code }),
    );

    app.post(
      '/units/:code/split',
      {
        config: { access },
        schema: {
          tags: ['gazetteer'],
          summary: 'Split a unit into new units under the same parent, from a date, under a legal act.',
          description:
            'One transaction: the new units with their first version from `effectiveDate` and a `split` ' +
            'event each (the original in `relatedCodes`), a `split` event on the original (the new ' +
            'units in `relatedCodes`), the original abolished on that date unless `keepOriginal`, ' +
            `and the audit record (\`gazetteer.unit.split\`). Errors: ${DATE_RULE}, ` +
            '`gazetteer.split.bad_code` (a code not of the original’s length, not starting with its ' +
            'parent’s code, or given twice), `gazetteer.split.code_taken` (a code some unit has or had), ' +
            '`gazetteer.split.bad_type`, `gazetteer.split.has_children` (an abolished original with ' +
            'live children), `gazetteer.unit.not_found`.',
          params: UnitCodeParams,
          body: UnitSplitBody,
          response: {
            201: UnitSplitResult,
            ...problemAnswers(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const result = await splitUnit(ctx, actorOf(request), { ...request.body, code: request.params.code });
        return reply.code(201).send(result);
      },
    );
  };
