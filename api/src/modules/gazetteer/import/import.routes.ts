/**
 * The upload page's routes, mounted under /api/gazetteer: POST /imports takes one file as the
 * raw body (an .xlsx workbook or a CSV) and answers with the change set (a dry run by default);
 * GET /imports lists past imports. National only: importing changes the whole tree.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { auditActor } from '../../../platform/audit/audit-context.ts';
import { ProblemRef } from '../../../platform/http/openapi.ts';
import { Page } from '../../../platform/http/paging.ts';
import { hasProblems } from './apply.ts';
import type { UnitChange } from './change-set.ts';
import { asImportDb } from './import-tables.ts';
import {
  ImportListItem,
  ImportListQuery,
  ImportQuery,
  ImportResult,
  SHOWN_CHANGES,
  type ImportChangeItem,
} from './import.schemas.ts';
import { runImport } from './run-import.ts';

const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const CONTENT_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const access = { permission: 'gazetteer.import.run', unit: () => null };

function changeItem(change: UnitChange): ImportChangeItem {
  if (change.kind === 'removed')
    return {
      kind: change.kind,
      code: change.code,
      before: { ...change.before },
      after: null,
      legalReference: null,
      source: null,
    };
  return {
    kind: change.kind,
    code: change.code,
    before: change.kind === 'added' ? null : { ...change.before },
    after: { ...change.after },
    legalReference: change.unit.legalReference,
    source: change.unit.source,
  };
}

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

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      config: { access },
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags: ['gazetteer'],
        summary: 'Import an official gazetteer file: see what changes (dry run), then apply it.',
        description:
          'The body is the file itself: an NCDD workbook (application/vnd.openxmlformats-officedocument.' +
          'spreadsheetml.sheet) or a CSV (text/csv), at most 25 MB; the x-file-name header names it. ' +
          'Problems in the file are listed in a dry run; applying a file with problems is refused ' +
          '(gazetteer.import.has_problems) unless applyValid=true.',
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
      const outcome = await runImport(app.db, {
        files: [{ name: fileName, data }],
        dryRun: request.query.dryRun,
        effectiveDate: request.query.effectiveDate ?? null,
        applyValidPart: request.query.applyValid,
        actor: auditActor(request),
      });
      if (outcome.refused) throw hasProblems();
      const { changeSet } = outcome;
      return {
        importId: outcome.importId,
        applied: outcome.applied,
        fileName,
        format: outcome.formats[0] ?? 'unreadable',
        fileChecksum: outcome.fileChecksums[0] ?? '',
        summary: outcome.summary,
        problems: changeSet.problems,
        changes: changeSet.changes.slice(0, SHOWN_CHANGES).map(changeItem),
        totalChanges: changeSet.changes.length,
      };
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
    async (request) => {
      const db = asImportDb(app.db);
      const { page, pageSize } = request.query;
      const [rows, counted] = await Promise.all([
        db
          .selectFrom('gazetteer_import')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('gazetteer_import')
          .select(sql<number>`count(*)::int`.as('total'))
          .executeTakeFirst(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          fileNames: row.file_names,
          fileChecksums: row.file_checksums,
          effectiveDate: row.effective_date,
          dryRun: row.dry_run,
          summary: row.summary,
          createdBy: row.created_by,
          createdAt: (row.created_at instanceof Date
            ? row.created_at
            : new Date(row.created_at)
          ).toISOString(),
        })),
        page,
        pageSize,
        total: counted?.total ?? 0,
      };
    },
  );
};
