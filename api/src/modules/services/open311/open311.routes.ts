/**
 * HTTP only, at /open311/v2: Open311 GeoReport v2 in JSON and XML. Every route is public
 * (reads carry no personal data); POST requests authenticates its `api_key` itself, because
 * Open311 sends the key in the form rather than in a header. Errors leave in Open311's format
 * (open311.format.ts), never as problem+json.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import zlib from 'node:zlib';
import { actorOf } from '../../../platform/actor.ts';
import type { ServicesContext } from '../index.ts';
import { formatOfUrl, handleOpen311Error, send, sendErrors, splitFormat, toXml } from './open311.format.ts';
import { getRequest, listRequests, postRequest, requestIdFromToken } from './open311-requests.service.ts';
import {
  checkJurisdiction,
  discovery,
  listServices,
  MAX_REQUESTS,
  serviceDefinition,
  type Lang,
} from './open311.service.ts';
import { fail, failPlatform, OPEN311_ERRORS } from './open311.errors.ts';
import { parseFormBody, readPostBody } from './post-body.ts';

const tags = ['open311'];
const FORMATS = ['json', 'xml'] as const;

const LangQuery = {
  lang: Type.Optional(
    Type.Union([Type.Literal('km'), Type.Literal('en')], {
      description: 'Language of names and descriptions (an extension): km (default) or en.',
    }),
  ),
};
const JurisdictionQuery = {
  jurisdiction_id: Type.Optional(
    Type.String({ pattern: '^([0-9]{2}){1,4}$', description: 'NCDD code of a unit (province to commune).' }),
  ),
};
const FileParams = Type.Object({
  file: Type.String({ maxLength: 120, description: '{id}.json or {id}.xml' }),
});

const RequestsQuery = Type.Object({
  ...LangQuery,
  ...JurisdictionQuery,
  service_request_id: Type.Optional(
    Type.String({ maxLength: 12_000, description: 'Comma-separated ids; other filters are then ignored.' }),
  ),
  service_code: Type.Optional(
    Type.String({ maxLength: 2000, description: 'One code, or several comma-separated.' }),
  ),
  start_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601; requested on or after.' })),
  end_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601; requested on or before.' })),
  status: Type.Optional(Type.String({ maxLength: 20, description: 'open or closed (or open,closed).' })),
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, description: 'Extension: the page, from 1.' }),
  ),
  page_size: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_REQUESTS, description: `Extension: at most ${MAX_REQUESTS}.` }),
  ),
});

// A list of 1,000 requests is some 450 KB of JSON: the fastest compression level keeps most of
// the saving (about 8 to 1) at a third of the default level's CPU time.
const FAST_COMPRESSION = {
  zlibOptions: { level: 1 },
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
};

const langOf = (query: { lang?: Lang }): Lang => query.lang ?? 'km';

/** The {id}.{format} of a path, or a 404 in Open311's format when the suffix is not json or xml. */
function fileOf(file: string) {
  const split = splitFormat(file);
  if (!split || split.name === '') {
    throw fail('open311.format.unknown', file);
  }
  return split;
}

/** The base URL this server answers at, for discovery. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/open311/v2`;
}

const requestsXml = (items: unknown[]) => toXml('service_requests', { request: items });

/**
 * The paths this API serves and their methods (HEAD comes with every GET), for 405 answers
 * and OPTIONS: a method a path does not serve is 405 with `Allow`, an unknown path 404.
 */
const PATHS: { pattern: RegExp; methods: readonly string[] }[] = [
  { pattern: /^\/(discovery|services)\.[^/]+$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/requests\.[^/]+$/, methods: ['GET', 'HEAD', 'POST'] },
  { pattern: /^\/(services|requests|tokens)\/[^/]+$/, methods: ['GET', 'HEAD'] },
];

/** The methods served at a URL under /open311/v2 (with OPTIONS), or undefined when nothing is there. */
export function allowedMethods(url: string): string[] | undefined {
  const path = (url.split('?')[0] ?? '').replace(/^\/open311\/v2/, '');
  const found = PATHS.find((entry) => entry.pattern.test(path));
  return found ? [...found.methods, 'OPTIONS'] : undefined;
}

/** The content types POST requests reads: the spec's form post, and JSON. */
const POST_TYPES = ['application/x-www-form-urlencoded', 'application/json'];

/**
 * Read-only answers may be read by any web page (CORS `*`: they are public and carry no
 * personal data); writes get no CORS header, so a browser never lets another site read what a
 * POST answered. The platform's `cross-origin-resource-policy: same-origin` is relaxed for them.
 */
function allowAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

export const open311Routes =
  (ctx: ServicesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.setErrorHandler(handleOpen311Error);
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
        allowAnyOrigin(reply);
      }
      done();
    });
    app.setNotFoundHandler((request, reply) => {
      const format = formatOfUrl(request.url);
      const allowed = allowedMethods(request.url);
      if (allowed === undefined) {
        return sendErrors(reply, format, 404, 'open311.not_found', [
          { code: 404, description: `open311.not_found: ${OPEN311_ERRORS['open311.not_found'].title}` },
        ]);
      }
      reply.header('allow', allowed.join(', '));
      if (request.method === 'OPTIONS') {
        // A CORS preflight is only ever granted for the reads.
        reply.header('access-control-allow-methods', 'GET, HEAD');
        reply.header('access-control-max-age', '86400');
        return reply.code(204).send();
      }
      const title = `${request.method} is not served here; use ${allowed.join(', ')}.`;
      return sendErrors(reply, format, 405, 'open311.method_not_allowed', [
        { code: 405, description: `open311.method_not_allowed: ${title}` },
      ]);
    });
    // The spec's form posts. Parsed here only: the rest of the API takes JSON.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, parseFormBody(body as string));
      },
    );

    for (const format of FORMATS) {
      app.get(
        `/discovery.${format}`,
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: `Service discovery (${format}).`,
            querystring: Type.Object({ ...JurisdictionQuery }),
          },
        },
        async (request, reply) => {
          const body = discovery(baseUrlOf(request));
          return send(reply, format, body, () =>
            toXml('discovery', {
              ...body,
              endpoints: {
                endpoint: body.endpoints.map((endpoint) => ({
                  ...endpoint,
                  formats: { format: endpoint.formats },
                })),
              },
            }),
          );
        },
      );

      app.get(
        `/services.${format}`,
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: `The services (service standards), or those offered at jurisdiction_id today (${format}).`,
            querystring: Type.Object({ ...LangQuery, ...JurisdictionQuery }),
          },
        },
        async (request, reply) => {
          const services = await listServices(ctx, request.query.jurisdiction_id, langOf(request.query));
          return send(reply, format, services, () => toXml('services', { service: services }));
        },
      );

      app.get(
        `/requests.${format}`,
        {
          config: { access: 'public' },
          compress: FAST_COMPRESSION,
          schema: {
            tags,
            summary: `Service requests (applications): the last 90 days by default, at most 1,000 (${format}).`,
            description:
              'No personal data: the status (open or closed, the detailed step in status_notes), the service, ' +
              'the office, the dates. Newest first.',
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const requests = await listRequests(ctx, request.query, langOf(request.query));
          return send(reply, format, requests, () => requestsXml(requests));
        },
      );

      app.post(
        `/requests.${format}`,
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: `File a service request (${format}); api_key is a personal API token.`,
            description:
              'application/x-www-form-urlencoded (as the spec) or JSON: api_key, jurisdiction_id (the office), ' +
              'service_code, attribute[code] for each form field, description, first_name, last_name, phone, ' +
              'email; extensions sex, age_group, disability. An officer holding services.application.file at the ' +
              'office files for the person named; a citizen files as themselves.',
            querystring: Type.Object({ ...LangQuery, ...JurisdictionQuery }),
          },
        },
        async (request, reply) => {
          const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (type !== '' && !POST_TYPES.includes(type)) {
            throw failPlatform('http.content_type.unsupported', {
              title: `Send ${POST_TYPES.join(' or ')}.`,
              detail: type,
            });
          }
          const input = readPostBody(request.body);
          // Open311 sends the key in the form; a client may also send it as a bearer token.
          const apiKey = input.apiKey ?? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
          if (!apiKey) throw fail('open311.api_key.missing');
          // The access module's authenticator reads a bearer token: the form's key is presented the same way.
          const principal = await ctx.ports.authenticator.authenticate({
            headers: { authorization: `Bearer ${apiKey}` },
            cookies: {},
          } as unknown as FastifyRequest);
          if (!principal) {
            throw fail('open311.api_key.invalid');
          }
          request.principal = principal;
          const created = await postRequest(
            ctx,
            actorOf(request),
            principal,
            input,
            langOf(request.query),
            request.query.jurisdiction_id,
          );
          return send(reply, format, [created], () => requestsXml([created]), 201);
        },
      );
    }

    app.get(
      '/services/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'A service definition: the form fields (attributes) of a service, {service_code}.json or .xml.',
          params: FileParams,
          querystring: Type.Object({ ...LangQuery, ...JurisdictionQuery }),
        },
      },
      async (request, reply) => {
        const { name, format } = fileOf(request.params.file);
        if (request.query.jurisdiction_id !== undefined)
          await checkJurisdiction(ctx, request.query.jurisdiction_id);
        const definition = await serviceDefinition(ctx, name, langOf(request.query));
        return send(reply, format, definition, () =>
          toXml('service_definition', {
            service_code: definition.service_code,
            attributes: {
              attribute: definition.attributes.map((attribute) =>
                'values' in attribute ? { ...attribute, values: { value: attribute.values } } : attribute,
              ),
            },
          }),
        );
      },
    );

    app.get(
      '/requests/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One service request, {service_request_id}.json or .xml (the tracking number).',
          params: FileParams,
          querystring: Type.Object({ ...LangQuery, ...JurisdictionQuery }),
        },
      },
      async (request, reply) => {
        const { name, format } = fileOf(request.params.file);
        if (request.query.jurisdiction_id !== undefined)
          await checkJurisdiction(ctx, request.query.jurisdiction_id);
        const found = await getRequest(ctx, name, langOf(request.query));
        return send(reply, format, [found], () => requestsXml([found]));
      },
    );

    app.get(
      '/tokens/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The service_request_id of a token, {token}.json or .xml (requests are created at once: the token is the id).',
          params: FileParams,
          querystring: Type.Object({ ...JurisdictionQuery }),
        },
      },
      async (request, reply) => {
        const { name, format } = fileOf(request.params.file);
        if (request.query.jurisdiction_id !== undefined)
          await checkJurisdiction(ctx, request.query.jurisdiction_id);
        const found = await requestIdFromToken(ctx, name);
        return send(reply, format, [found], () => requestsXml([found]));
      },
    );
  };
