/**
 * OpenAPI 3.1 generated from the routes' TypeBox schemas, served at /api/openapi.json with
 * interactive docs at /api/docs. The same document is committed as openapi/openapi.json
 * (`npm run openapi` writes it; `npm run check` fails when it is stale) and the web app's
 * client types are generated from it.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { OpenApiTag } from '../module.ts';
import { ProblemSchema } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route whose body is a file, read raw (not validated by a schema): what the OpenAPI
     * document says it takes, so that clients' generated types describe it (a `Blob`).
     * `field` names the file's part of a multipart/form-data body.
     */
    upload?: { mediaTypes: readonly string[]; field?: string };
  }
}

/** The documented body of an upload route (`config.upload`): the file, or a form holding it. */
function uploadBody(upload: { field?: string }) {
  const file = Type.String({ format: 'binary', description: 'The file itself.' });
  return upload.field ? Type.Object({ [upload.field]: file }) : file;
}

/** Use in a route's `response` map for any problem+json answer. */
export const ProblemRef = Type.Ref(ProblemSchema);

/**
 * The problem+json answers of a route's `response` map, by status:
 * `response: { 201: Created, ...problemAnswers(400, 401, 403, 409) }`.
 */
export function problemAnswers<const Status extends number>(
  ...statuses: Status[]
): Record<Status, typeof ProblemRef> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemRef])) as Record<
    Status,
    typeof ProblemRef
  >;
}

export async function registerOpenApi(
  app: FastifyInstance,
  version: string,
  /** The modules' tags (each manifest's `tags`), in module order. */
  moduleTags: readonly OpenApiTag[],
): Promise<void> {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SNDD Platform API',
        version,
        description:
          "The API of SNDD Platform, the system of Cambodia's sub-national administrations (NP-2). " +
          'Errors are application/problem+json with a stable `code`. Lists page with `page` and ' +
          '`pageSize` and answer `{ items, page, pageSize, total }`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sndd_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (sndd_…).' },
        },
      },
      tags: [
        { name: 'platform', description: 'Liveness, readiness and the API description.' },
        ...moduleTags,
      ],
    },
    // Upload routes read their body raw; their documentation says what it is.
    transform: ({ schema, url, route }) => {
      const upload = route.config?.upload;
      if (!upload) return { schema, url };
      return { schema: { ...schema, consumes: [...upload.mediaTypes], body: uploadBody(upload) }, url };
    },
    // Keep the schema names we gave ($id) instead of def-0, def-1… in components.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
