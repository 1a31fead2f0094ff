/**
 * Broken files, built in a temporary folder at test time: every problem is listed with its
 * file, sheet and row; nothing is applied unless asked for the valid part, and then only that.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import { applyChangeSet, CLI_ACTOR } from './apply.ts';
import { exitCodeOf, parseArgs } from './import-cli.ts';
import type { ImportFile } from './read-files.ts';
import { runImport } from './run-import.ts';

const HEADER =
  'code,parent_code,province_code,ncdd_code,level,name_km,name_latin,name_ungegn,unit_km,unit_latin,unit_en,unit_ungegn';
// Pailin (24) has no units below it in the demo data: a clean place to import into.
const line = (code: string, parent: string, level: string, km: string, latin: string, unitEn: string) =>
  `${code},${parent},24,${Number(code)},${level},${km},${latin},,,,${unitEn},`;
const GOOD = [
  line('2403', '24', 'district', 'ស្រុកថ្មី', 'Srok Thmei', 'District'),
  line('240301', '2403', 'commune', 'ឃុំថ្មី', 'Khum Thmei', 'Commune'),
  line('24030101', '240301', 'village', 'ភូមិមួយ', 'Phum Muoy', 'Village'),
];

let db: TestDb;
let dir: string;
const actor = CLI_ACTOR('test');

beforeAll(async () => {
  db = await openTestDb({ demoData: true });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sndd-gazetteer-import-'));
});
afterAll(async () => {
  await db?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function writeFile(name: string, content: string | Buffer): Promise<ImportFile> {
  const full = path.join(dir, name);
  await fs.writeFile(full, content);
  return { name, data: await fs.readFile(full) };
}

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<ImportFile> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) book.addWorksheet(sheetName).addRows(rows);
  const full = path.join(dir, name);
  await book.xlsx.writeFile(full);
  return { name, data: await fs.readFile(full) };
}

const unitCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from gazetteer_unit`.execute(db.kysely)).rows[0]?.n;

describe('bad input', () => {
  it('lists every problem of a broken CSV with its row, and applies nothing', async () => {
    const file = await writeFile(
      'broken.csv',
      [
        HEADER,
        ...GOOD, // rows 2-4
        line('24030101', '240301', 'village', 'ភូមិពីរ', 'Phum Pir', 'Village'), // 5: duplicate
        line('24040101', '240301', 'village', 'ភូមិបី', 'Phum Bei', 'Village'), // 6: not under its parent
        line('24990101', '249901', 'village', 'ភូមិបួន', 'Phum Buon', 'Village'), // 7: missing parent
        line('240302', '2403', 'commune', '', 'No Khmer', 'Commune'), // 8: empty Khmer name
        line('24030201', '240302', 'village', 'ភូមិប្រាំ', 'Phum Pram', 'Village'), // 9: below a bad row
        line('240303', '2403', 'commune', 'ឃុំ', 'Odd', 'Hamlet'), // 10: unknown type
        line('24x3', '24', 'district', 'ស្រុក', 'Bad', 'District'), // 11: bad code
      ].join('\n'),
    );
    const before = await unitCount();
    const outcome = await runImport(db.kysely, {
      files: [file],
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.refused).toBe(true);
    expect(outcome.changeSet.problems.map((problem) => [problem.code, problem.source.row])).toEqual([
      ['gazetteer.import.duplicate_code', 5],
      ['gazetteer.import.code_not_under_parent', 6],
      ['gazetteer.import.missing_parent', 7],
      ['gazetteer.import.empty_name_km', 8],
      ['gazetteer.import.unknown_type', 10],
      ['gazetteer.import.bad_code', 11],
    ]);
    expect(outcome.changeSet.problems.every((problem) => problem.source.file === 'broken.csv')).toBe(true);
    expect(exitCodeOf(outcome)).toBe(1);
    expect(await unitCount()).toBe(before);
    // The module function refuses on its own too.
    await expect(
      applyChangeSet(db.kysely, outcome.changeSet, {
        effectiveDate: null,
        fileNames: [],
        fileChecksums: [],
        actor,
        applyValid: false,
      }),
    ).rejects.toMatchObject({ statusCode: 422, code: 'gazetteer.import.has_problems' });
    expect(await unitCount()).toBe(before);

    // Only the valid part: the district, the commune and its other villages; the duplicate
    // code, the commune without a Khmer name and its village are left out.
    const valid = await runImport(db.kysely, {
      files: [file],
      dryRun: false,
      effectiveDate: null,
      applyValid: true,
      actor,
    });
    expect(valid.applied).toBe(true);
    expect(valid.changeSet.changes.map((change) => [change.kind, change.code])).toEqual([
      ['added', '2403'],
      ['added', '240301'],
    ]);
    expect(valid.changeSet.skippedCodes).toEqual([
      '240302',
      '240303',
      '24030101',
      '24030201',
      '24040101',
      '24990101',
    ]);
    expect(await unitCount()).toBe((before ?? 0) + 2);
  });

  it('reports a sheet without the header, and still reads the other sheets', async () => {
    const file = await workbook('two-sheets.xlsx', {
      '24. Pailin': [
        ['List of Gazetter Code for "Pailin"'],
        [],
        [],
        ['Type', 'Code', 'Name (Khmer)', 'Name (Latin)', 'Reference', 'Official Note', 'Note (by Checker)'],
        ['ស្រុក', 2404, 'ស្រុកទី៤', 'Srok Ti Buon', 'ប្រកាសលេខ ១', '', ''],
        ['ឃុំ', '240401', 'ឃុំទី១', 'Khum Ti Muoy', '', 'ភូមិថ្មី', ''],
        ['ភូមិ', '24040101', '', 'No Name', '', '', ''],
      ],
      Notes: [['Some notes'], ['Code', 'Name']],
    });
    const outcome = await runImport(db.kysely, {
      files: [file],
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.formats).toEqual(['ncdd-workbook']);
    expect(outcome.changeSet.problems).toEqual([
      expect.objectContaining({
        code: 'gazetteer.import.wrong_layout',
        source: { file: 'two-sheets.xlsx', sheet: 'Notes' },
      }),
      expect.objectContaining({
        code: 'gazetteer.import.empty_name_km',
        source: { file: 'two-sheets.xlsx', sheet: '24. Pailin', row: 7 },
        unitCode: '24040101',
      }),
    ]);
    // The sheet covers Pailin: the district and commune the first test applied there are absent.
    expect(outcome.changeSet.changes.map((change) => [change.kind, change.code])).toEqual([
      ['added', '2404'],
      ['added', '240401'],
      ['removed', '2403'],
      ['removed', '240301'],
    ]);
  });

  it('pads codes printed without the leading zero, and reads the Khmer type words', async () => {
    const file = await workbook('one-province.xlsx', {
      '1. Banteay Meanchey': [
        ['Type', 'Code', 'Name (Khmer)', 'Name (Latin)', 'Reference', 'Official Note', 'Note (by Checker)'],
        ['ក្រុង', 199, 'ក្រុងថ្មី', 'Krong Thmei', '', '', ''],
        ['សង្កាត់', 19901, 'សង្កាត់ថ្មី', 'Sangkat Thmei', '', '', ''],
        ['ភូមិ', 1990101, 'ភូមិ\u200bថ្មី', 'Phum  Thmei ', '', '', ''],
      ],
    });
    const outcome = await runImport(db.kysely, {
      files: [file],
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.changeSet.problems).toEqual([]);
    expect(outcome.changeSet.changes).toMatchObject([
      { kind: 'added', after: { code: '0199', typeCode: 'municipality', isUrban: true } },
      { kind: 'added', after: { code: '019901', typeCode: 'sangkat', isUrban: true } },
      {
        kind: 'added',
        after: {
          code: '01990101',
          typeCode: 'village',
          nameKm: 'ភូមិថ្មី',
          nameLatin: 'Phum Thmei',
          isUrban: true,
        },
      },
    ]);
    // A workbook of one province removes nothing elsewhere (Kep's demo units stay).
    expect(outcome.changeSet.coveredProvinces).toEqual(['01']);
    expect(outcome.changeSet.counts.removed).toBe(0);
  });

  it('refuses a picture, calls a text file a wrong layout and a broken workbook unreadable', async () => {
    const png = await writeFile('map.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    const text = await writeFile('notes.txt', 'Dear colleague,\nplease find the gazetteer attached.\n');
    const zip = await writeFile(
      'fake.xlsx',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]),
    );
    const outcome = await runImport(db.kysely, {
      files: [png, text, zip],
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.formats).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect(outcome.changeSet.problems.map((problem) => [problem.code, problem.source.file])).toEqual([
      ['gazetteer.import.wrong_kind', 'map.png'],
      ['gazetteer.import.wrong_layout', 'notes.txt'],
      ['gazetteer.import.unreadable', 'fake.xlsx'],
    ]);
    expect(exitCodeOf(outcome)).toBe(2);
  });

  it('calls a CSV with the wrong columns a wrong layout', async () => {
    const file = await writeFile('wrong.csv', 'code,name\n0102,Something\n');
    const outcome = await runImport(db.kysely, {
      files: [file],
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.changeSet.problems).toEqual([
      expect.objectContaining({
        code: 'gazetteer.import.wrong_layout',
        source: { file: 'wrong.csv', row: 1 },
      }),
    ]);
  });

  it('parses the command line', () => {
    expect(
      parseArgs([
        'a.xlsx',
        'b.csv',
        '--dry-run',
        '--json',
        '--effective-date',
        '2024-10-14',
        '--apply-valid',
      ]),
    ).toEqual({
      files: ['a.xlsx', 'b.csv'],
      dryRun: true,
      json: true,
      effectiveDate: '2024-10-14',
      applyValid: true,
    });
    expect(parseArgs(['a.xlsx', '--effective-date=2024-02-30'])).toHaveProperty('error');
    expect(parseArgs(['--dry-run'])).toHaveProperty('error');
    expect(parseArgs(['a.xlsx', '--force'])).toHaveProperty('error');
  });
});
