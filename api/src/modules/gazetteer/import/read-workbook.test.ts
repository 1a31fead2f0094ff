import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read-workbook.ts';

// The reader loads exceljs on its first call (not when the app starts): this reads a workbook
// through that path, and a file that is no workbook still gives a problem, not a throw.
describe('readWorkbook', () => {
  it('reads a sheet with the header under a title row', async () => {
    const book = new ExcelJS.Workbook();
    book
      .addWorksheet('08 Kandal')
      .addRows([
        ['List of Gazetter Code for "08 Kandal"'],
        ['Type', 'Code', 'Name (Khmer)', 'Name (Latin)', 'Reference', 'Official Note'],
        ['ខេត្ត', '8', 'កណ្ដាល', 'Kandal', '', ''],
      ]);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const read = await readWorkbook(data, 'kandal.xlsx');
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]).toMatchObject({ code: '08', nameKm: 'កណ្ដាល', nameLatin: 'Kandal' });
  });

  it('reports a file that is not a workbook', async () => {
    const read = await readWorkbook(Buffer.from('not a zip'), 'bad.xlsx');
    expect(read.rows).toEqual([]);
    expect(read.problems.length).toBeGreaterThan(0);
  });
});
