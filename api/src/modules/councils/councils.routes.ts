/** Mounted under /api/councils. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const councilRoutes: FastifyPluginAsyncTypebox = async () => {
  // Filled by the councils work.
};
