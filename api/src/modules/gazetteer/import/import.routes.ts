/**
 * The upload page's routes, mounted under /api/gazetteer: POST /imports takes one file as the
 * raw body (an .xlsx workbook or a CSV) and answers with the change set (a dry run by default);
 * GET /imports lists past imports. National only: importing changes the whole tree.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { importRoute } from '../../../platform/http/import-route.ts';
import { ProblemRef } from '../../../platform/http/openapi.ts';
import { Page } from '../../../platform/http/paging.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { ImportListItem, ImportListQuery, ImportQuery, ImportResult } from './import.schemas.ts';
import { importGazetteerFile, listImports } from './import.service.ts';

const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const CONTENT_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const access = { permission: 'gazetteer.import.run', unit: () => null };

export const importRoutes =
  (ctx: GazetteerContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await importRoute(app, {
      path: '/imports',
      access,
      mediaTypes: CONTENT_TYPES,
      limitBytes: UPLOAD_LIMIT_BYTES,
      defaultName: (contentType) => (contentType.startsWith('text/csv') ? 'upload.csv' : 'upload.xlsx'),
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
      report: ImportResult,
      run: ({ actor, file, query }) =>
        importGazetteerFile(ctx, actor, {
          fileName: file.name,
          data: file.data,
          dryRun: query.dryRun,
          applyValid: query.applyValid,
          effectiveDate: query.effectiveDate ?? null,
        }),
    });

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
