/** The upload page's routes: a dry run, then the same file applied; national users only. */
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { createModuleContext } from '../../../platform/context.ts';
import { signedIn } from '../../../test-support/http.ts';
import { buildAppOver } from '../../../test-support/test-app.ts';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import { importRoutes } from './import.routes.ts';
import { OFFICIAL_PROVINCES } from './official-provinces.ts';

const CSV = [
  'code,parent_code,province_code,ncdd_code,level,name_km,name_latin,name_ungegn,unit_km,unit_latin,unit_en,unit_ungegn',
  '2405,24,24,2405,district,ស្រុកថ្មី,Srok Thmei,,ស្រុក,Srok,District,',
  '240501,2405,24,240501,commune,ឃុំថ្មី,Khum Thmei,,ឃុំ,Khum,Commune,',
  '24050101,240501,24,24050101,village,ភូមិមួយ,Phum Muoy,,ភូមិ,Phum,Village,',
].join('\n');
const BROKEN = `${CSV}\n24050102,240501,24,24050102,village,,No Khmer,,ភូមិ,Phum,Village,\n`;
const URL = '/api/gazetteer/imports';
const headers = { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('ភូមិ.csv') };

let db: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDb({ demoData: true });
  app = await buildAppOver(db);
  // Until the module registers these routes itself (then this does nothing).
  if (!app.hasRoute({ method: 'POST', url: URL }))
    await app.register(importRoutes(createModuleContext({ name: 'gazetteer', db: db.kysely, ports: {} })), {
      prefix: '/api/gazetteer',
    });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('POST /api/gazetteer/imports', () => {
  it('shows the change set in a dry run, then applies it, and lists the import', async () => {
    const admin = await signedIn(app, 'admin@sndd.example', 'sndd-demo-2026');
    const dry = await admin.request('POST', `${URL}?dryRun=true`, Buffer.from(CSV), headers);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      importId: null,
      applied: false,
      fileName: 'ភូមិ.csv',
      format: 'pumi',
      summary: { counts: { added: 3, renamed: 0, moved: 0, retyped: 0, removed: 0 }, problems: 0 },
      problems: [],
      totalChanges: 3,
      changes: [
        {
          kind: 'added',
          code: '2405',
          before: null,
          after: { typeCode: 'district', nameKm: 'ស្រុកថ្មី' },
          source: { row: 2 },
        },
        { kind: 'added', code: '240501' },
        { kind: 'added', code: '24050101' },
      ],
    });
    expect(
      await db.kysely
        .selectFrom('gazetteer_unit')
        .select('code')
        .where('code', '=', '2405')
        .executeTakeFirst(),
    ).toBeUndefined();

    const applied = await admin.request(
      'POST',
      `${URL}?dryRun=false&effectiveDate=2025-01-01`,
      Buffer.from(CSV),
      headers,
    );
    expect(applied.statusCode).toBe(200);
    const importId = applied.json<{ importId: number }>().importId;
    expect(importId).toEqual(expect.any(Number));
    const audit = await sql<{ actor_login: string; after: { counts: { added: number } } }>`
      select actor_login, after from audit_record where action = 'gazetteer.import.apply' and entity_id = ${String(importId)}`.execute(
      db.kysely,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        actor_login: 'admin@sndd.example',
        after: expect.objectContaining({ counts: expect.objectContaining({ added: 3 }) }),
      }),
    ]);

    const again = await admin.request('POST', `${URL}?dryRun=false`, Buffer.from(CSV), headers);
    expect(again.json()).toMatchObject({ importId: null, applied: false, totalChanges: 0 });

    const list = await admin.request('GET', `${URL}?page=1&pageSize=10`);
    expect(list.statusCode).toBe(200);
    // Newest first (the reference data a test database starts with may be an import too).
    expect(list.json().items[0]).toMatchObject({
      id: importId,
      kind: 'gazetteer',
      fileNames: ['ភូមិ.csv'],
      effectiveDate: '2025-01-01',
      dryRun: false,
    });
  });

  it('lists problems in a dry run and refuses to apply them unless applyValid', async () => {
    const admin = await signedIn(app, 'admin@sndd.example', 'sndd-demo-2026');
    const dry = await admin.request('POST', URL, Buffer.from(BROKEN), headers);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      problems: [
        { code: 'gazetteer.import.empty_name_km', source: { file: 'ភូមិ.csv', row: 5 }, unitCode: '24050102' },
      ],
    });
    const refused = await admin.request('POST', `${URL}?dryRun=false`, Buffer.from(BROKEN), headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'gazetteer.import.has_problems' });
    const valid = await admin.request(
      'POST',
      `${URL}?dryRun=false&applyValid=true`,
      Buffer.from(BROKEN),
      headers,
    );
    expect(valid.json()).toMatchObject({ applied: false, totalChanges: 0, summary: { skipped: 1 } });
  });

  it('refuses a provincial user, and a content type it does not take', async () => {
    const kep = await signedIn(app, 'kep.province@sndd.example', 'sndd-demo-2026');
    const response = await kep.request('POST', `${URL}?dryRun=true`, Buffer.from(CSV), headers);
    expect(response.statusCode).toBe(403);
    expect((await kep.request('GET', URL)).statusCode).toBe(403);
    const admin = await signedIn(app, 'admin@sndd.example', 'sndd-demo-2026');
    const pdf = await admin.request('POST', URL, Buffer.from('%PDF-1.4'), {
      'content-type': 'application/pdf',
    });
    expect(pdf.statusCode).toBe(415);
  });
});

describe('POST /api/gazetteer/imports with a file that is not a gazetteer table', () => {
  const WORKBOOK = path.resolve(
    repoRoot,
    '../shared/data/gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14.xlsx',
  );
  const units = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from gazetteer_unit`.execute(db.kysely)).rows[0]?.n;
  const imports = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from gazetteer_import`.execute(db.kysely)).rows[0]?.n;

  it('refuses JSON, a PDF and an empty file (415) and a truncated workbook (422): never a 200, nothing written', async () => {
    const admin = await signedIn(app, 'admin@sndd.example', 'sndd-demo-2026');
    const before = { units: await units(), imports: await imports() };
    const whole = fs.readFileSync(WORKBOOK);
    const cases: Array<[string, Buffer, string, number, string]> = [
      [
        'units.json',
        Buffer.from('[{"code":"0102","name_km":"មង្គលបូរី"}]'),
        'text/csv',
        415,
        'gazetteer.import.wrong_kind',
      ],
      [
        'gazetteer.pdf',
        Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
        'text/csv',
        415,
        'gazetteer.import.wrong_kind',
      ],
      ['empty.csv', Buffer.alloc(0), 'text/csv', 415, 'gazetteer.import.wrong_kind'],
      ['blank.csv', Buffer.from('\n\n  \n'), 'text/csv', 415, 'gazetteer.import.wrong_kind'],
      [
        'ncdd_gazetteer_2024-10-14.xlsx',
        whole.subarray(0, Math.floor(whole.length / 2)),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        422,
        'gazetteer.import.unreadable',
      ],
    ];
    for (const [name, body, type, status, code] of cases) {
      for (const query of ['dryRun=true', 'dryRun=false', 'dryRun=false&applyValid=true']) {
        const response = await admin.request('POST', `${URL}?${query}`, body, {
          'content-type': type,
          'x-file-name': name,
        });
        expect([name, query, response.statusCode]).toEqual([name, query, status]);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code });
        expect(String(response.json().detail ?? response.json().title).length).toBeGreaterThan(10);
      }
    }
    expect({ units: await units(), imports: await imports() }).toEqual(before);
  });
});

describe('the official provinces', () => {
  it('are the ones the demo seed writes', async () => {
    const rows = await db.kysely
      .selectFrom('gazetteer_unit')
      .select(['code', 'name_km', 'name_latin', 'type_code'])
      .where('level', '=', 1)
      .orderBy('code')
      .execute();
    expect(rows).toEqual(
      [...OFFICIAL_PROVINCES.values()].map((province) => ({
        code: province.code,
        name_km: province.nameKm,
        name_latin: province.nameLatin,
        type_code: province.typeCode,
      })),
    );
  });
});
