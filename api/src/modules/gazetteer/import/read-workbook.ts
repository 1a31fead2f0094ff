/**
 * The NCDD "List of Gazetteer Code" workbook (.xlsx): one sheet per province ("1. Banteay
 * Meanchey"), a title row, then a header row Type / Code / Name (Khmer) / Name (Latin) /
 * Reference / Official Note / Note (by Checker), then one row per district, commune and
 * village. The header row is searched for, not assumed: title rows vary between editions, and
 * a workbook of one province has the same layout.
 */
import type ExcelJS from 'exceljs';
import type { ImportProblem, ReadRow } from './change-set.ts';
import { normaliseName, normaliseOptional } from './normalise-name.ts';
import { padCode, parentOf, unitTypeOf } from './unit-types.ts';

export interface ReadResult {
  rows: ReadRow[];
  problems: ImportProblem[];
}

// How far down a sheet the header may be: a few title and blank rows, never hundreds.
const HEADER_SEARCH_ROWS = 30;

type Column = 'type' | 'code' | 'nameKm' | 'nameLatin' | 'reference' | 'officialNote';

// Header texts as the workbook writes them, compared lower-case and normalised.
const HEADERS: Readonly<Record<string, Column>> = {
  type: 'type',
  code: 'code',
  'name (khmer)': 'nameKm',
  'name (latin)': 'nameLatin',
  reference: 'reference',
  'official note': 'officialNote',
};
const REQUIRED: readonly Column[] = ['type', 'code', 'nameKm', 'nameLatin'];

/** The text of a cell whatever exceljs made of it: text, number, rich text, formula, link. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result ?? null);
  if ('text' in value) return String(value.text);
  return '';
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<Column, number> } | null {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let rowNumber = 1; rowNumber <= last; rowNumber += 1) {
    const columns = new Map<Column, number>();
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const column = HEADERS[normaliseName(cellText(cell.value)).toLowerCase()];
      if (column && !columns.has(column)) columns.set(column, columnNumber);
    });
    if (REQUIRED.every((column) => columns.has(column))) return { row: rowNumber, columns };
  }
  return null;
}

/** Reads every sheet of a workbook; a sheet without the header is reported, the others still read. */
export async function readWorkbook(data: Buffer, file: string): Promise<ReadResult> {
  // exceljs is large and only a workbook import needs it: loaded on the first one, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates Node's generic Buffer: the bytes are what it wants.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      problems: [
        {
          code: 'gazetteer.import.unreadable',
          message: 'The file is not a readable Excel workbook (.xlsx).',
          source: { file },
        },
      ],
    };
  }
  const rows: ReadRow[] = [];
  const problems: ImportProblem[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount === 0) continue; // an empty sheet says nothing, rightly
    const header = findHeader(sheet);
    if (!header) {
      problems.push({
        code: 'gazetteer.import.wrong_layout',
        message: `No header row with Type, Code, Name (Khmer) and Name (Latin) in the first ${HEADER_SEARCH_ROWS} rows.`,
        source: { file, sheet: sheet.name },
      });
      continue;
    }
    const at = (values: ExcelJS.Row, column: Column): string => {
      const index = header.columns.get(column);
      return index === undefined ? '' : cellText(values.getCell(index).value);
    };
    for (let rowNumber = header.row + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const row = sheet.getRow(rowNumber);
      if (!row.hasValues) continue;
      const rawCode = at(row, 'code');
      const typeWord = normaliseName(at(row, 'type'));
      const nameKm = normaliseName(at(row, 'nameKm'));
      const nameLatin = normaliseName(at(row, 'nameLatin'));
      // A row with neither code nor type nor name is spacing or a footnote, not a unit.
      if (normaliseName(rawCode) === '' && typeWord === '' && nameKm === '' && nameLatin === '') continue;
      const code = padCode(rawCode);
      rows.push({
        code,
        parentCode: parentOf(code),
        typeCode: unitTypeOf(typeWord),
        typeWord,
        nameKm,
        nameLatin,
        legalReference: normaliseOptional(at(row, 'reference')),
        officialNote: normaliseOptional(at(row, 'officialNote')),
        source: { file, sheet: sheet.name, row: rowNumber },
      });
    }
  }
  return { rows, problems };
}
