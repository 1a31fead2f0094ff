/** The one CSV reader and the file-kind check, on text built here and on real files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { fileKindOf } from './file-kind.ts';
import { readCsv } from './read-csv.ts';

const DATA = path.resolve(repoRoot, '../shared/data');

describe('readCsv', () => {
  it('reads Khmer text after a byte-order mark, with each row’s line', () => {
    const read = readCsv(
      Buffer.from('\uFEFFcode,name_km\r\n0102,មង្គលបូរី\r\n\r\n010201,"បន្ទាយ\nនាង"\r\n0103,ភ្នំស្រុក\r\n'),
    );
    expect(read.problems).toEqual([]);
    expect(read.header).toEqual(['code', 'name_km']);
    expect(read.rows).toEqual([
      { cells: ['0102', 'មង្គលបូរី'], row: 2 },
      { cells: ['010201', 'បន្ទាយ\nនាង'], row: 4 },
      { cells: ['0103', 'ភ្នំស្រុក'], row: 6 },
    ]);
  });

  it('refuses a longer and a shorter row with their lines, and keeps the others', () => {
    const read = readCsv('code,households,poor\n020105,2,278,8\n020106,1200\n020107,1300,90\n');
    expect(read.rows).toEqual([{ cells: ['020107', '1300', '90'], row: 4 }]);
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: 'import.csv.misaligned_row',
        row: 2,
        cells: ['020105', '2', '278', '8'],
      }),
      expect.objectContaining({ code: 'import.csv.misaligned_row', row: 3 }),
    ]);
    expect(read.problems[0]?.message).toMatch(/4 cells but the header has 3/);
    expect(read.problems[1]?.message).toMatch(/2 cells but the header has 3/);
  });

  it('finds the header below title rows when told what a header looks like', () => {
    const text =
      'List of Gazetteer Code,,\nDate: 14/10/2024,,\ncode,name_km,name_latin\n102,មង្គលបូរី,Mongkol Borei\n';
    const read = readCsv(text, { isHeader: (cells) => cells.includes('code') });
    expect(read.headerRow).toBe(3);
    expect(read.rows).toEqual([{ cells: ['102', 'មង្គលបូរី', 'Mongkol Borei'], row: 4 }]);
    expect(readCsv(text, { isHeader: (cells) => cells.includes('nothing') }).problems).toEqual([
      expect.objectContaining({ code: 'import.csv.no_header' }),
    ]);
  });

  it('refuses bytes that are not text, an unclosed quote and an empty file as a whole', () => {
    expect(readCsv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff])).problems[0]?.code).toBe(
      'import.csv.not_text',
    );
    expect(readCsv('code,name\n"0102,x\n').problems[0]?.code).toBe('import.csv.malformed');
    expect(readCsv(',,\n\n').problems[0]?.code).toBe('import.csv.empty');
  });

  it('reads every real CSV of the gazetteer and the figures without a misaligned row', () => {
    for (const file of [
      'gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv',
      'gazetteer-pumi/villages.csv',
      'poverty-disaster-prism/commune_indicators_joined.csv',
    ]) {
      const read = readCsv(fs.readFileSync(path.join(DATA, file)));
      expect([file, read.problems]).toEqual([file, []]);
      expect(read.rows.length).toBeGreaterThan(1000);
    }
  });
});

describe('fileKindOf', () => {
  it('tells the kind by content, not by name', () => {
    const workbook = fs.readFileSync(path.join(DATA, 'gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14.xlsx'));
    expect(fileKindOf(workbook)).toBe('xlsx');
    expect(fileKindOf(Buffer.from('code,name\n0102,x\n'))).toBe('csv');
    expect(fileKindOf(Buffer.from('{"type":"FeatureCollection","features":[]}'))).toBe('json');
    expect(fileKindOf(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(fileKindOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('xls');
    expect(fileKindOf(Buffer.alloc(0))).toBe('empty');
    expect(fileKindOf(Buffer.from(' \n\t\n'))).toBe('empty');
    expect(fileKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('binary');
  });
});
