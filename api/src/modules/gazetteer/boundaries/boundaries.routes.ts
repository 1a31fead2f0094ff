/** Unit boundaries as GeoJSON. Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const boundaryRoutes: FastifyPluginAsyncTypebox = async () => {
  // Filled by the boundaries work (GET /boundaries/:level).
};
