/**
 * The dashboard as files: a CSV (one table, a `breakdown` column first) and an XLSX workbook
 * (one sheet per breakdown). Column headers are Khmer and English ("ទទួល / Received").
 */
import type { Breakdown, Dashboard, DashboardRow, Figures } from './dashboard.figures.ts';

interface Column {
  header: string;
  width: number;
  value: (row: DashboardRow) => string | number | null;
}

const figure = (header: string, width: number, value: (figures: Figures) => number | null): Column => ({
  header,
  width,
  value,
});

/** Rates and means rounded for reading; the JSON answer keeps them exact. */
const round = (value: number | null, places: number) =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;

const COLUMNS: Column[] = [
  { header: 'កូដ / Key', width: 28, value: (row) => row.key },
  { header: 'ឈ្មោះ / Name (Khmer)', width: 34, value: (row) => row.labelKm },
  { header: 'Name (English)', width: 34, value: (row) => row.labelEn },
  figure('ពាក្យស្នើសុំបានទទួល / Received', 14, (f) => f.received),
  figure('បានសម្រេច / Completed', 14, (f) => f.completed),
  figure('ទាន់ពេល / On time', 12, (f) => f.onTime),
  figure('អត្រាទាន់ពេល / On-time rate', 14, (f) => round(f.onTimeRate, 4)),
  figure('ថ្ងៃធ្វើការ (មធ្យមភាគ) / Median working days', 16, (f) => f.medianDays),
  figure('ហួសកាលកំណត់ / Overdue now', 14, (f) => f.overdueNow),
  figure('កម្រៃបានប្រមូល (រៀល) / Fees collected (riel)', 20, (f) => f.feesRiel),
  figure('ការបង់កម្រៃ / Fee payments', 12, (f) => f.feePayments),
  figure('ការវាយតម្លៃ / Ratings', 12, (f) => f.satisfaction.count),
  figure('ការពេញចិត្តមធ្យម / Mean rating', 12, (f) => round(f.satisfaction.mean, 2)),
  ...[1, 2, 3, 4, 5].map((stars) =>
    figure(
      `${stars} ផ្កាយ / ${stars} star${stars > 1 ? 's' : ''}`,
      10,
      (f) => f.satisfaction.distribution[stars - 1] ?? 0,
    ),
  ),
];

const SHEETS: { breakdown: Breakdown | 'total'; name: string; titleKm: string; titleEn: string }[] = [
  { breakdown: 'total', name: 'Total', titleKm: 'សរុប', titleEn: 'Total' },
  { breakdown: 'byService', name: 'By service', titleKm: 'តាមសេវា', titleEn: 'By service' },
  { breakdown: 'byMonth', name: 'By month', titleKm: 'តាមខែ', titleEn: 'By month' },
  { breakdown: 'bySex', name: 'By sex', titleKm: 'តាមភេទ', titleEn: 'By sex' },
  { breakdown: 'byAgeGroup', name: 'By age group', titleKm: 'តាមក្រុមអាយុ', titleEn: 'By age group' },
  { breakdown: 'byDisability', name: 'By disability', titleKm: 'តាមពិការភាព', titleEn: 'By disability' },
];

function rowsOf(dashboard: Dashboard, breakdown: Breakdown | 'total'): DashboardRow[] {
  if (breakdown === 'total') return [{ key: 'total', labelKm: 'សរុប', labelEn: 'Total', ...dashboard.total }];
  return dashboard[breakdown];
}

export function exportFileName(dashboard: Dashboard, extension: 'csv' | 'xlsx'): string {
  return `services-dashboard-${dashboard.unitCode ?? 'national'}-${dashboard.from}-${dashboard.to}.${extension}`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what needs it, and neutralise what a spreadsheet would run as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so that spreadsheet programs read the Khmer right. */
export function dashboardCsv(dashboard: Dashboard): string {
  const lines = [['ការបែងចែក / Breakdown', ...COLUMNS.map((column) => column.header)].map(csvCell).join(',')];
  for (const sheet of SHEETS) {
    for (const row of rowsOf(dashboard, sheet.breakdown)) {
      lines.push([sheet.titleEn, ...COLUMNS.map((column) => column.value(row))].map(csvCell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function dashboardXlsx(dashboard: Dashboard): Promise<Buffer> {
  // exceljs is large and only an export needs it: loaded on the first one, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SNDD Platform';
  const scope = dashboard.unitCode ?? 'national / ថ្នាក់ជាតិ';
  for (const sheet of SHEETS) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([
      `${sheet.titleKm} / ${sheet.titleEn}`,
      `${scope}`,
      `${dashboard.from} – ${dashboard.to}`,
      `ហួសកាលកំណត់នៅថ្ងៃ / Overdue as of ${dashboard.today}`,
    ]).font = { bold: true };
    const header = worksheet.addRow(COLUMNS.map((column) => column.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    COLUMNS.forEach((column, index) => (worksheet.getColumn(index + 1).width = column.width));
    for (const row of rowsOf(dashboard, sheet.breakdown)) {
      worksheet.addRow(COLUMNS.map((column) => column.value(row)));
    }
    worksheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
