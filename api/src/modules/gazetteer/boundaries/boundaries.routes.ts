/** Unit boundaries as GeoJSON. HTTP only. Mounted under /api/gazetteer. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { problemAnswers, ProblemRef } from '../../../platform/http/openapi.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { UnitCodeParams } from '../gazetteer.schemas.ts';
import {
  BoundaryCollection,
  BoundaryFeature,
  BoundaryLevelParams,
  BoundaryListQuery,
  BoundaryUnitQuery,
  GEOJSON_MEDIA_TYPE,
} from './boundaries.schemas.ts';
import { boundaryCollectionJson, unitBoundaryJson } from './boundaries.service.ts';

// Boundaries change only with an import, a few times a year: an hour in browser and proxy
// caches saves the same megabyte on every map view; the ETag makes the revalidation after it
// a 304 of a few bytes.
const CACHE_CONTROL = 'public, max-age=3600';

/** Sends ready GeoJSON text: cacheable, with an ETag; compressed by @fastify/compress (over 1 KB). */
function sendGeoJson(request: FastifyRequest, reply: FastifyReply, body: string): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', CACHE_CONTROL).header('etag', etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.code(304).send();
  }
  // A string with a JSON media type goes out as it is: no serializer touches the coordinates.
  return reply.type(`${GEOJSON_MEDIA_TYPE}; charset=utf-8`).send(body);
}

export const boundaryRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/boundaries/:level',
      {
        // Public reference data, like the rest of the gazetteer.
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: "A level's unit boundaries as a GeoJSON FeatureCollection.",
          description:
            'One Feature per unit of the level that has a boundary (current units only), ordered by ' +
            'code: `id` and `properties.code` are the NCDD code, `properties` also carry level, ' +
            'parentCode, typeCode, nameKm, nameLatin; `bbox` is [west, south, east, north]. Cached ' +
            'for an hour (ETag for revalidation) and compressed.',
          params: BoundaryLevelParams,
          querystring: BoundaryListQuery,
          response: {
            200: {
              description: 'GeoJSON FeatureCollection (RFC 7946), WGS84 longitude/latitude.',
              content: { [GEOJSON_MEDIA_TYPE]: { schema: BoundaryCollection } },
            },
            304: { description: 'Not modified (If-None-Match matched the ETag).', type: 'null' },
            400: ProblemRef,
          },
        },
      },
      async (request, reply) =>
        sendGeoJson(
          request,
          reply,
          await boundaryCollectionJson(ctx, {
            level: request.params.level,
            within: request.query.within,
            detail: request.query.detail ?? 'simplified',
          }),
        ),
    );

    app.get(
      '/units/:code/boundary',
      {
        config: { access: 'public' },
        schema: {
          tags: ['gazetteer'],
          summary: "One unit's boundary as a GeoJSON Feature.",
          description:
            '`gazetteer.unit.not_found` for an unknown code, `gazetteer.boundary.not_found` for a ' +
            'unit without a stored boundary (villages, units created after the boundary survey).',
          params: UnitCodeParams,
          querystring: BoundaryUnitQuery,
          response: {
            200: {
              description: 'GeoJSON Feature (RFC 7946), WGS84 longitude/latitude.',
              content: { [GEOJSON_MEDIA_TYPE]: { schema: BoundaryFeature } },
            },
            304: { description: 'Not modified (If-None-Match matched the ETag).', type: 'null' },
            ...problemAnswers(400, 404),
          },
        },
      },
      async (request, reply) =>
        sendGeoJson(
          request,
          reply,
          await unitBoundaryJson(ctx, request.params.code, request.query.detail ?? 'simplified'),
        ),
    );
  };
