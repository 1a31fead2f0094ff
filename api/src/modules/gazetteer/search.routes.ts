/** Unit search (Khmer and Latin, type-ahead). Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const searchRoutes: FastifyPluginAsyncTypebox = async () => {
  // Filled by the search work (GET /search).
};
