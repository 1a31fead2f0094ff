/**
 * The one CSV reader of every import (the gazetteer, the transfer figures, BOOST budgets and
 * any later one). It reads the bytes as UTF-8 (a byte-order mark is dropped, Khmer text kept as
 * it is), finds the header row (the first record, or the first one a caller recognises within
 * the first rows: NCDD's own CSV export has two title rows above it, as its workbook does) and
 * checks every row below the header against it: a row with more or fewer cells than the header
 * is refused with its row number and `import.csv.misaligned_row`. Such a row is the quiet
 * failure of CSV: an unquoted thousands separator (`020105,2,278,8`) shifts every later column
 * and the numbers land in the wrong places. Row numbers are the line the record starts on, as
 * a text editor or a spreadsheet program shows it (from csv-parse's `info`).
 *
 * Whole-file failures (not text, not CSV, empty, no header) are one problem and no rows; row
 * failures are one problem per row and the other rows are still returned, so an import can
 * report them all at once and apply the valid part when asked to.
 */
import { parse } from 'csv-parse/sync';

/** The platform's codes for a CSV file (declared in PLATFORM_ERRORS, with Khmer and English texts). */
export const CSV_PROBLEM = {
  notText: 'import.csv.not_text',
  malformed: 'import.csv.malformed',
  empty: 'import.csv.empty',
  noHeader: 'import.csv.no_header',
  misalignedRow: 'import.csv.misaligned_row',
} as const;

export type CsvProblemCode = (typeof CSV_PROBLEM)[keyof typeof CSV_PROBLEM];

export interface CsvProblem {
  code: CsvProblemCode;
  message: string;
  /** The 1-based line of the file, when the problem is one row's. */
  row: number | null;
  /** A refused row's cells as read, so a reader can still tell which record it was about. */
  cells?: string[];
}

export interface CsvRow {
  /** The cells, as many as the header has. */
  cells: string[];
  /** The 1-based line the record starts on. */
  row: number;
}

export interface CsvRead {
  /** The header's cells as written (trimmed); empty when the file was refused as a whole. */
  header: string[];
  /** The header's line (1 unless title rows are above it). */
  headerRow: number;
  rows: CsvRow[];
  /** Whole-file problems (then no rows), or one per refused row. */
  problems: CsvProblem[];
}

export interface ReadCsvOptions {
  /**
   * Whether a record is the header. Without it the first record is; with it, the first record
   * it accepts within `headerSearchRows` (the rows above are titles, never checked).
   */
  isHeader?: (cells: readonly string[]) => boolean;
  /** How far down the header may be: a few title and blank rows, never hundreds. Default 30. */
  headerSearchRows?: number;
  /** Trim the cells (default true). */
  trim?: boolean;
}

export const HEADER_SEARCH_ROWS = 30;

/** The text of bytes that should be CSV, without a byte-order mark; null when they are not UTF-8 text. */
export function decodeCsvText(data: Buffer | string): string | null {
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return null;
    }
  }
  if (text.includes('\u0000')) return null;
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Why a row with another number of cells than the header is refused, and how to mend the file. */
export function misalignedRowMessage(cells: number, headerCells: number): string {
  return cells > headerCells
    ? `The row has ${cells} cells but the header has ${headerCells}: a number written with ` +
        'thousands separators and no quotes (2,278) or a comma inside an unquoted text shifts ' +
        'every later column. Write numbers without separators, or put the cell in quotes.'
    : `The row has ${cells} cells but the header has ${headerCells}: a cell is missing, so ` +
        'every later column would be read in the wrong place. Complete the row (empty cells ' +
        'still need their commas).';
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

interface Parsed {
  record: string[];
  info: { lines: number };
}

export function readCsv(data: Buffer | string, options: ReadCsvOptions = {}): CsvRead {
  const refuse = (code: CsvProblemCode, message: string, row: number | null = null): CsvRead => ({
    header: [],
    headerRow: 0,
    rows: [],
    problems: [{ code, message, row }],
  });
  const text = decodeCsvText(data);
  if (text === null)
    return refuse(CSV_PROBLEM.notText, 'The file is not UTF-8 text: it cannot be a CSV file.');
  let records: Parsed[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      // Every row is checked below, against the header found (not against the first record,
      // which may be a title).
      relax_column_count: true,
      skip_empty_lines: true,
      trim: options.trim ?? true,
    }) as unknown as Parsed[];
  } catch (error) {
    const message = (error as Error).message;
    const line = (error as { lines?: number }).lines;
    return refuse(CSV_PROBLEM.malformed, `The file is not valid CSV: ${message}`, line ?? null);
  }
  // A record's first line: csv-parse counts the lines read when the record ends.
  const startLine = (parsed: Parsed) =>
    parsed.info.lines - (parsed.record.join(',').match(/\r\n|\n|\r/g)?.length ?? 0);
  const meaningful = records.filter((parsed) => !isBlank(parsed.record));
  if (meaningful.length === 0) return refuse(CSV_PROBLEM.empty, 'The file has no rows.');

  let headerIndex: number;
  if (options.isHeader) {
    const limit = options.headerSearchRows ?? HEADER_SEARCH_ROWS;
    headerIndex = records.findIndex(
      (parsed, index) => index < limit && !isBlank(parsed.record) && options.isHeader?.(parsed.record),
    );
    if (headerIndex < 0)
      return refuse(
        CSV_PROBLEM.noHeader,
        `No header row with the expected columns in the first ${limit} rows.`,
      );
  } else {
    headerIndex = records.indexOf(meaningful[0] as Parsed);
  }
  const headerRecord = records[headerIndex] as Parsed;
  // Trailing empty header cells (a spreadsheet's export of blank columns) are not columns.
  const header = [...headerRecord.record];
  while (header.length > 1 && header[header.length - 1]?.trim() === '') header.pop();

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const parsed of records.slice(headerIndex + 1)) {
    const cells = parsed.record;
    if (isBlank(cells)) continue;
    const row = startLine(parsed);
    let width = cells.length;
    // Trailing empty cells beyond the header are blank columns, not shifted values.
    while (width > header.length && cells[width - 1]?.trim() === '') width -= 1;
    if (width !== header.length) {
      problems.push({
        code: CSV_PROBLEM.misalignedRow,
        message: misalignedRowMessage(width, header.length),
        row,
        cells,
      });
      continue;
    }
    rows.push({ cells: width === cells.length ? cells : cells.slice(0, width), row });
  }
  return { header, headerRow: startLine(headerRecord), rows, problems };
}
