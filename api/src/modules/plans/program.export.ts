/**
 * The projects of a program as files: a CSV (UTF-8 with a byte-order mark, so that spreadsheet
 * programs read the Khmer) and an XLSX workbook, one row per project, year and fund source, with
 * Khmer and English headers. exceljs is loaded on the first XLSX export, not at start.
 */
import type { Project } from './plans.schemas.ts';

interface Row {
  project: Project;
  year: number | null;
  fundSource: string | null;
  amount: number | null;
}

const COLUMNS: { header: string; width: number; value: (row: Row) => string | number | null }[] = [
  { header: 'លេខគម្រោង / Project id', width: 10, value: (row) => row.project.id },
  { header: 'អង្គភាព / Unit', width: 10, value: (row) => row.project.unitCode },
  { header: 'ចំណងជើង / Title (Khmer)', width: 36, value: (row) => row.project.titleKm },
  { header: 'Title (English)', width: 36, value: (row) => row.project.titleEn },
  { header: 'វិស័យ / Sector', width: 16, value: (row) => row.project.sectorCode },
  { header: 'ប្រភេទ / Type', width: 14, value: (row) => row.project.kind },
  { header: 'ស្ថានភាព / Status', width: 12, value: (row) => row.project.status },
  {
    header: 'ទីតាំង / Places',
    width: 24,
    value: (row) => row.project.locations.map((place) => place.code).join(' '),
  },
  { header: 'ឆ្នាំ / Year', width: 8, value: (row) => row.year },
  { header: 'ប្រភពមូលនិធិ / Fund source', width: 18, value: (row) => row.fundSource },
  { header: 'ថ្លៃប៉ាន់ស្មាន (រៀល) / Estimated cost (riel)', width: 18, value: (row) => row.amount },
];

function rowsOf(projects: readonly Project[]): Row[] {
  return projects.flatMap((project): Row[] =>
    project.costs.length === 0
      ? [{ project, year: null, fundSource: null, amount: null }]
      : project.costs.map((cost) => ({
          project,
          year: cost.year,
          fundSource: cost.fundSource,
          amount: cost.amount,
        })),
  );
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what needs it, and neutralise what a spreadsheet would run as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function programCsv(projects: readonly Project[]): string {
  const lines = [COLUMNS.map((column) => csvCell(column.header)).join(',')];
  for (const row of rowsOf(projects))
    lines.push(COLUMNS.map((column) => csvCell(column.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function programXlsx(projects: readonly Project[], title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SNDD Platform';
  const sheet = workbook.addWorksheet('Program');
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  COLUMNS.forEach((column, index) => (sheet.getColumn(index + 1).width = column.width));
  for (const row of rowsOf(projects)) sheet.addRow(COLUMNS.map((column) => column.value(row)));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
