import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoute, uploadedFileName } from './import-route.ts';
import { ImportQuery } from './imports.ts';
import { ProblemSchema, registerProblemHandlers } from './problem.ts';

const Report = Type.Object({ fileName: Type.String(), bytes: Type.Integer(), dryRun: Type.Boolean() });

const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
beforeAll(async () => {
  app.addSchema(ProblemSchema);
  registerProblemHandlers(app);
  await app.register(async (scope) => {
    await importRoute(scope, {
      path: '/imports',
      access: { permission: 'x.import.run', unit: () => null },
      mediaTypes: ['text/csv'],
      limitBytes: 64,
      defaultName: (contentType) => (contentType.startsWith('text/csv') ? 'upload.csv' : 'upload.bin'),
      tags: ['x'],
      summary: 'Import',
      description: 'Import',
      querystring: ImportQuery,
      report: Report,
      run: async ({ file, query }) => ({
        fileName: file.name,
        bytes: file.data.length,
        dryRun: query.dryRun,
      }),
    });
    scope.post('/other', async () => ({ ok: true }));
  });
  await app.ready();
});
afterAll(() => app.close());

describe('importRoute', () => {
  it('hands the raw file, its decoded name and the import query to the service', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/imports?dryRun=false',
      headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('ថវិកា 2026.csv') },
      payload: 'a,b\n1,2\n',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ fileName: 'ថវិកា 2026.csv', bytes: 8, dryRun: false });
  });

  it('names a file sent without a name by its type, and dry-runs by default', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/imports',
      headers: { 'content-type': 'text/csv' },
      payload: 'a\n',
    });
    expect(answer.json()).toEqual({ fileName: 'upload.csv', bytes: 2, dryRun: true });
  });

  it('refuses a file over the limit (413) and another media type (415)', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/imports',
      headers: { 'content-type': 'text/csv' },
      payload: 'x'.repeat(65),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'http.body.too_large' });
    const other = await app.inject({
      method: 'POST',
      url: '/imports',
      headers: { 'content-type': 'application/zip' },
      payload: 'x',
    });
    expect(other.statusCode).toBe(415);
    expect(other.json()).toMatchObject({ code: 'http.content_type.unsupported' });
  });

  it('keeps its parser to itself: another route of the same plugin does not take CSV', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/other',
      headers: { 'content-type': 'text/csv' },
      payload: 'a\n',
    });
    expect(answer.statusCode).toBe(415);
  });
});

describe('uploadedFileName', () => {
  it('decodes a percent-encoded name, keeps a malformed one as sent, cuts at 255', () => {
    expect(uploadedFileName('%E1%9E%90.csv', 'x')).toBe('ថ.csv');
    expect(uploadedFileName('100%.csv', 'x')).toBe('100%.csv');
    expect(uploadedFileName(['a.csv', 'b.csv'], 'x')).toBe('a.csv');
    expect(uploadedFileName(undefined, 'upload.csv')).toBe('upload.csv');
    expect(uploadedFileName('a'.repeat(300), 'x')).toHaveLength(255);
  });
});
