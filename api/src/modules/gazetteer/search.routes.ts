/** Unit search (Khmer, romanised, by code; type-ahead). Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/openapi.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import { UnitSearchQuery, UnitSearchResult } from './search/search.schemas.ts';
import { searchUnits } from './search/search.service.ts';

export const searchRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Public like the rest of the tree: the citizen's "find my commune" needs no account.
    app.get(
      '/search',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: 'Find administrative units by Khmer name, romanised name or code (type-ahead).',
          description:
            'Khmer is compared after normalisation (code-point order within each syllable, ' +
            'zero-width spaces, Khmer digits), romanised names without case, diacritics, spaces ' +
            'or punctuation, codes with or without their leading zero. Abolished units are not ' +
            'listed. Each item carries its ancestors (`path`), root first.',
          querystring: UnitSearchQuery,
          response: { 200: UnitSearchResult, 400: ProblemRef },
        },
      },
      async (request) => searchUnits(ctx, request.query),
    );
  };
