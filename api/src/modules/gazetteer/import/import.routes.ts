/**
 * The upload page's routes, mounted under /api/gazetteer: POST /imports takes one file as the
 * raw body (an .xlsx workbook or a CSV) and answers with the change set (a dry run by default);
 * GET /imports lists past imports. National only: importing changes the whole tree.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../platform/actor.ts';
import { ProblemRef } from '../../../platform/http/openapi.ts';
import { Page } from '../../../platform/http/paging.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { ImportListItem, ImportListQuery, ImportQuery, ImportResult } from './import.schemas.ts';
import { importGazetteerFile, listImports } from './import.service.ts';

const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const CONTENT_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const access = { permission: 'gazetteer.import.run', unit: () => null };

/** The x-file-name header, which a browser sends percent-encoded when the name is not ASCII. */
function fileNameOf(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw).slice(0, 255);
  } catch {
    return raw.slice(0, 255);
  }
}

export const importRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The file is the body as it is: only this plugin accepts these types, up to its own limit.
    app.addContentTypeParser(
      CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.post(
      '/imports',
      {
        config: {
          access,
          upload: {
            mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
          },
        },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags: ['gazetteer'],
          summary: 'Import an official gazetteer file: see what changes (dry run), then apply it.',
          description:
            'The body is the file itself: an NCDD workbook (application/vnd.openxmlformats-officedocument.' +
            'spreadsheetml.sheet) or a CSV (text/csv), at most 25 MB; the x-file-name header names it. ' +
            'The one import contract: a dry run (the default) reports every problem and what would ' +
            'change; applying a file with problems is refused with 422 gazetteer.import.has_problems ' +
            'unless applyValid=true, which applies the rows without problems (and not below a row ' +
            'with one).',
          querystring: ImportQuery,
          response: {
            200: ImportResult,
            400: ProblemRef,
            403: ProblemRef,
            413: ProblemRef,
            415: ProblemRef,
            422: ProblemRef,
          },
        },
      },
      async (request) => {
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const isCsv = (request.headers['content-type'] ?? '').startsWith('text/csv');
        const fileName = fileNameOf(request.headers['x-file-name'], isCsv ? 'upload.csv' : 'upload.xlsx');
        return importGazetteerFile(ctx, actorOf(request), {
          fileName,
          data,
          dryRun: request.query.dryRun,
          applyValid: request.query.applyValid,
          effectiveDate: request.query.effectiveDate ?? null,
        });
      },
    );

    app.get(
      '/imports',
      {
        config: { access },
        schema: {
          tags: ['gazetteer'],
          summary: 'Past imports of the gazetteer, newest first.',
          querystring: ImportListQuery,
          response: { 200: Page(ImportListItem), 400: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => listImports(ctx, request.query),
    );
  };
