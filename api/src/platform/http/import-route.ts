/**
 * The one declaration of an upload route under the import contract (./imports.ts): the file is
 * the request body as it is (one of `mediaTypes`, at most `limitBytes`), the x-file-name header
 * names it (percent-encoded by browsers when it is not ASCII), the query says dry run or apply,
 * and the answer is the module's import report.
 *
 *   await importRoute(app, {
 *     path: '/imports', access: { permission: 'budgets.import.run', unit: () => null },
 *     mediaTypes: ['text/csv'], limitBytes: 10 * 1024 * 1024, defaultName: () => 'upload.csv',
 *     tags, summary, description, querystring: ImportQuery, report: BoostImportReport,
 *     run: ({ actor, file, query }) => importBoostCsv(ctx, actor, { file, ...query }),
 *   });
 *
 * The raw-body parser is registered in a scope of its own, so only this route accepts these
 * media types and only up to its limit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf, type Actor } from '../actor.ts';
import type { RouteAccess } from '../auth/access-control.ts';
import { problemAnswers } from './openapi.ts';

type TypeboxApp = Parameters<FastifyPluginAsyncTypebox>[0];

/** The uploaded file: its name (from x-file-name, or the default) and its bytes. */
export interface UploadedFile {
  name: string;
  data: Buffer;
}

export interface ImportRouteOptions<Query extends TObject, Report extends TSchema> {
  path: string;
  access: RouteAccess;
  mediaTypes: readonly string[];
  limitBytes: number;
  tags: string[];
  summary: string;
  description: string;
  querystring: Query;
  report: Report;
  /** The file's name when the request does not give one, by its content type. */
  defaultName: (contentType: string) => string;
  run: (input: {
    actor: Actor;
    file: UploadedFile;
    query: Static<Query>;
    request: FastifyRequest;
  }) => Promise<Static<Report>>;
}

/** The x-file-name header, which a browser sends percent-encoded when the name is not ASCII. */
export function uploadedFileName(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw).slice(0, 255);
  } catch {
    return raw.slice(0, 255);
  }
}

export async function importRoute<Query extends TObject, Report extends TSchema>(
  app: TypeboxApp,
  options: ImportRouteOptions<Query, Report>,
): Promise<void> {
  const { mediaTypes, limitBytes } = options;
  await app.register(async (scoped) => {
    scoped.addContentTypeParser(
      [...mediaTypes],
      { parseAs: 'buffer', bodyLimit: limitBytes },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scoped.post(
      options.path,
      {
        config: { access: options.access, upload: { mediaTypes } },
        bodyLimit: limitBytes,
        schema: {
          tags: options.tags,
          summary: options.summary,
          description: options.description,
          querystring: options.querystring,
          response: { 200: options.report, ...problemAnswers(400, 403, 413, 415, 422) },
        },
      },
      async (request) => {
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const contentType = request.headers['content-type'] ?? '';
        const name = uploadedFileName(request.headers['x-file-name'], options.defaultName(contentType));
        return options.run({
          actor: actorOf(request),
          file: { name, data },
          query: request.query as Static<Query>,
          request,
        });
      },
    );
  });
}
