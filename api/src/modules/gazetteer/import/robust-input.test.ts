/**
 * The importer on files derived from the real NCDD ones (../shared/data): NCDD's own CSV export
 * with its two title rows above the header, a duplicate code, a misaligned row, and a newer
 * edition's province rows whose names carry the unit word. Every refusal has a stable code and
 * a row number, and nothing is half-applied (the tree is counted before and after).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import { CLI_ACTOR } from './apply.ts';
import { exitCodeOf } from './import-cli.ts';
import type { ImportFile } from './read-files.ts';
import { runImport } from './run-import.ts';

const FLAT = path.resolve(repoRoot, '../shared/data/gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv');
const lines = fs.readFileSync(FLAT, 'utf8').split('\n').filter(Boolean);
const header = lines[0] as string;
const columns = header.split(',');
const cellsOf = (line: string) => line.split(',');
const at = (line: string, column: string) => cellsOf(line)[columns.indexOf(column)] ?? '';
// Pailin (24): 102 rows, no units below the province in the demo tree.
const pailin = lines.slice(1).filter((line) => at(line, 'province_code') === '24');
// NCDD's own CSV export: two title rows above the header.
const TITLES = [
  `"List of Gazetteer Code for ""Pailin""",${','.repeat(columns.length - 2)}`,
  `Date: 14/10/2024${','.repeat(columns.length - 1)}`,
];
const ncddCsv = (rows: readonly string[]) => [...TITLES, header, ...rows].join('\r\n');

let db: TestDb;
const actor = CLI_ACTOR('test');

beforeAll(async () => {
  db = await openTestDb({ demoData: true });
});
afterAll(async () => {
  await db?.close();
});

const count = async (table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db.kysely)).rows[0]
    ?.n;
const state = async () => ({
  units: await count('gazetteer_unit'),
  versions: await count('gazetteer_unit_version'),
  events: await count('gazetteer_unit_event'),
  imports: await count('gazetteer_import'),
});
const csvFile = (name: string, text: string): ImportFile => ({ name, data: Buffer.from(text, 'utf8') });
const run = (files: ImportFile[], options: { dryRun?: boolean; applyValid?: boolean } = {}) =>
  runImport(db.kysely, {
    files,
    dryRun: options.dryRun ?? false,
    effectiveDate: null,
    applyValid: options.applyValid ?? false,
    actor,
  });

describe('NCDD CSV export with title rows', () => {
  it('finds the header below the titles and gives each problem its line', async () => {
    const dry = await run([csvFile('pailin.csv', ncddCsv(pailin))], { dryRun: true });
    expect(dry.formats).toEqual(['ncdd-flat']);
    expect(dry.changeSet.problems).toEqual([]);
    const levels = (level: string) => pailin.filter((line) => at(line, 'level') === level).length;
    expect(dry.changeSet.unitsRead).toEqual({
      1: 1,
      2: levels('district'),
      3: levels('commune'),
      4: levels('village'),
    });
    // Line 1-2 titles, 3 header: the first unit is on line 4.
    const first = dry.changeSet.changes.find(
      (change) => change.code === at(pailin[0] as string, 'code_padded'),
    );
    expect(first && 'unit' in first ? first.unit.source : null).toEqual({ file: 'pailin.csv', row: 4 });
  });

  it('refuses a duplicate code with its line, and applies nothing', async () => {
    const before = await state();
    const duplicate = pailin[10] as string;
    const outcome = await run([csvFile('pailin.csv', ncddCsv([...pailin, duplicate]))]);
    expect(outcome.refused).toBe(true);
    expect(outcome.changeSet.problems).toEqual([
      expect.objectContaining({
        code: 'gazetteer.import.duplicate_code',
        source: { file: 'pailin.csv', row: 3 + pailin.length + 1 },
        unitCode: at(duplicate, 'code_padded'),
      }),
    ]);
    expect(exitCodeOf(outcome)).toBe(1);
    expect(await state()).toEqual(before);
  });
});

describe('a misaligned row', () => {
  // An unquoted comma in a Latin name shifts every later column.
  const village = pailin.findIndex((line) => at(line, 'level') === 'village');
  const shifted = (() => {
    const cells = cellsOf(pailin[village] as string);
    const latin = columns.indexOf('name_latin');
    cells[latin] = `${cells[latin]}, Phum`;
    return cells.join(',');
  })();
  const rows = pailin.map((line, index) => (index === village ? shifted : line));

  it('is refused with its line and the platform code, and nothing is applied', async () => {
    expect(cellsOf(shifted).length).toBe(columns.length + 1);
    const before = await state();
    const outcome = await run([csvFile('shifted.csv', ncddCsv(rows))]);
    expect(outcome.refused).toBe(true);
    expect(outcome.changeSet.problems).toEqual([
      expect.objectContaining({
        code: 'import.csv.misaligned_row',
        source: { file: 'shifted.csv', row: 3 + village + 1 },
        unitCode: at(shifted, 'code_padded'),
      }),
    ]);
    expect(outcome.changeSet.problems[0]?.message).toMatch(/14 cells but the header has 13/);
    expect(await state()).toEqual(before);
  });

  it('is left out of the valid part without being taken for a unit removed', async () => {
    await run([csvFile('pailin.csv', ncddCsv(pailin))]);
    const before = await state();
    const again = await run([csvFile('shifted.csv', ncddCsv(rows))], { applyValid: true });
    expect(again.changeSet.problems.map((problem) => problem.code)).toEqual(['import.csv.misaligned_row']);
    expect(again.changeSet.counts.removed).toBe(0);
    expect(again.importId).toBeNull();
    expect(await state()).toEqual(before);
  });
});

describe('a newer edition: a province row whose names carry the unit word', () => {
  // Real rows of the capital and of Kandal, under their province rows as newer editions have them.
  const rowsOf = (province: string) =>
    lines
      .slice(1)
      .filter((line) => at(line, 'province_code') === province)
      .slice(0, 12)
      .map((line) => [at(line, 'unit_km'), at(line, 'code'), at(line, 'name_km'), at(line, 'name_latin')]);

  async function workbook(provinceRows: Record<string, string[]>): Promise<ImportFile> {
    const book = new ExcelJS.Workbook();
    for (const [sheet, provinceRow] of Object.entries(provinceRows)) {
      const code = sheet.startsWith('12') ? '12' : '08';
      book
        .addWorksheet(sheet)
        .addRows([
          [`List of Gazetter Code for "${sheet}"`],
          ['Type', 'Code', 'Name (Khmer)', 'Name (Latin)', 'Reference', 'Official Note', 'Note (by Checker)'],
          provinceRow,
          ...rowsOf(code),
        ]);
    }
    return { name: 'newer-edition.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) };
  }

  it('is the same province, not a rename', async () => {
    const file = await workbook({
      '12. Phnom Penh': ['រាជធានី', '12', 'រាជធានីភ្នំពេញ', 'Phnom Penh Capital'],
      '8. Kandal': ['ខេត្ត', '8', 'ខេត្តកណ្ដាល', 'Kandal Province'],
    });
    const outcome = await run([file], { dryRun: true });
    expect(outcome.changeSet.problems).toEqual([]);
    expect(outcome.changeSet.unitsRead[1]).toBe(2);
    const provinceChanges = outcome.changeSet.changes.filter((change) => change.code.length === 2);
    expect(provinceChanges).toEqual([]);
  });

  it('but a different name with the unit word is a rename', async () => {
    const file = await workbook({ '8. Kandal': ['ខេត្ត', '8', 'ខេត្តថ្មី', 'Thmei Province'] });
    const outcome = await run([file], { dryRun: true });
    expect(outcome.changeSet.changes.filter((change) => change.code.length === 2)).toEqual([
      expect.objectContaining({
        kind: 'renamed',
        code: '08',
        after: { nameKm: 'ខេត្តថ្មី', nameLatin: 'Thmei Province' },
      }),
    ]);
  });
});
