/**
 * Flat CSV files: the NCDD flat export (code as NCDD prints it, code_padded,
 * parent_code_padded, unit_type, unit_km, name_km, name_latin, reference, official_note, ...)
 * and pumi's provinces.csv / districts.csv / communes.csv / villages.csv (code, parent_code,
 * level, name_km, name_latin, unit_km, unit_en, ...). The columns are found by name, so one
 * reader takes both, and any other file with the same columns. The header may sit below title
 * rows (NCDD's own CSV export has two); every row is checked against it by the platform's CSV
 * reader, and a row with more or fewer cells is refused (import.csv.misaligned_row).
 */
import { CSV_PROBLEM, readCsv as readPlatformCsv } from '../../../platform/csv/read-csv.ts';
import type { ImportProblem, ReadRow } from './change-set.ts';
import { normaliseName, normaliseOptional } from './normalise-name.ts';
import type { ReadResult } from './read-workbook.ts';
import { padCode, parentOf, unitTypeOf } from './unit-types.ts';

export type CsvFormat = 'ncdd-flat' | 'pumi' | 'csv';

type Field = 'code' | 'parentCode' | 'type' | 'nameKm' | 'nameLatin' | 'reference' | 'officialNote';

// Each field with the headers that carry it, the better one first: NCDD's `code_padded` over
// its unpadded `code`, the type's own word (`unit_type`, pumi's English `unit_en`) over the Khmer.
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  code: ['code_padded', 'code'],
  parentCode: ['parent_code_padded', 'parent_code'],
  type: ['unit_type', 'unit_en', 'unit_km', 'type'],
  nameKm: ['name_km', 'name (khmer)'],
  nameLatin: ['name_latin', 'name (latin)'],
  reference: ['reference', 'legal_reference'],
  officialNote: ['official_note', 'official note'],
};
const REQUIRED: readonly Field[] = ['code', 'type', 'nameKm', 'nameLatin'];

export function detectCsvFormat(headers: readonly string[]): CsvFormat {
  if (headers.includes('code_padded')) return 'ncdd-flat';
  if (headers.includes('unit_en') && headers.includes('parent_code')) return 'pumi';
  return 'csv';
}

const unreadable = (file: string, code: string, message: string, row?: number): ReadResult => ({
  rows: [],
  problems: [{ code, message, source: row === undefined ? { file } : { file, row } }],
});

const headerNames = (cells: readonly string[]) => cells.map((name) => normaliseName(name).toLowerCase());

/** The columns of each field in a header, by the first alias it has. */
function columnsOf(headers: readonly string[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  for (const [field, names] of Object.entries(ALIASES) as Array<[Field, readonly string[]]>) {
    const index = names.map((name) => headers.indexOf(name)).find((found) => found >= 0);
    if (index !== undefined) columns.set(field, index);
  }
  return columns;
}

// A header names the code column, or two gazetteer columns: the title rows NCDD's export puts
// above it ("List of Gazetteer Code", a date) name none.
const isHeader = (cells: readonly string[]): boolean => {
  const columns = columnsOf(headerNames(cells));
  return columns.has('code') || columns.size >= 2;
};

export function readCsv(data: Buffer, file: string): ReadResult & { format: CsvFormat | null } {
  const read = readPlatformCsv(data, { isHeader });
  const wholeFile = read.header.length === 0 ? read.problems[0] : undefined;
  if (wholeFile) {
    // The gazetteer's own codes for a file refused as a whole (the web refuses it by them).
    const code =
      wholeFile.code === CSV_PROBLEM.malformed || wholeFile.code === CSV_PROBLEM.notText
        ? 'gazetteer.import.unreadable'
        : 'gazetteer.import.wrong_layout';
    const message =
      wholeFile.code === CSV_PROBLEM.noHeader
        ? 'The file has no header row with the gazetteer columns (code, name_km, name_latin, type) in its first rows.'
        : wholeFile.message;
    return { ...unreadable(file, code, message, wholeFile.row ?? undefined), format: null };
  }
  const headers = headerNames(read.header);
  const columns = columnsOf(headers);
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    const problem: ImportProblem = {
      code: 'gazetteer.import.wrong_layout',
      message: `Missing column(s): ${missing.map((field) => ALIASES[field].join(' or ')).join('; ')}.`,
      source: { file, row: read.headerRow },
    };
    return { rows: [], problems: [problem], format: null };
  }
  const at = (record: readonly string[], field: Field): string => {
    const index = columns.get(field);
    return index === undefined ? '' : (record[index] ?? '');
  };
  const rows: ReadRow[] = [];
  for (const problem of read.problems) {
    // A refused row is still a row of the file: its code, when the code cell is still in its
    // place, is not "absent from the file" (validation keeps it from being removed).
    const code = padCode(at(problem.cells ?? [], 'code'));
    rows.push({
      code,
      parentCode: parentOf(code),
      typeCode: null,
      typeWord: '',
      nameKm: '',
      nameLatin: '',
      legalReference: null,
      officialNote: null,
      source: { file, row: problem.row ?? read.headerRow },
      refusal: { code: problem.code, message: problem.message },
    });
  }
  for (const { cells, row } of read.rows) {
    const code = padCode(at(cells, 'code'));
    const parentText = normaliseName(at(cells, 'parentCode'));
    const typeWord = normaliseName(at(cells, 'type'));
    rows.push({
      code,
      // A file without a parent column (or with it empty) gives the parent by the code itself.
      parentCode: columns.has('parentCode') && parentText !== '' ? padCode(parentText) : parentOf(code),
      typeCode: unitTypeOf(typeWord),
      typeWord,
      nameKm: normaliseName(at(cells, 'nameKm')),
      nameLatin: normaliseName(at(cells, 'nameLatin')),
      legalReference: normaliseOptional(at(cells, 'reference')),
      officialNote: normaliseOptional(at(cells, 'officialNote')),
      source: { file, row },
    });
  }
  // In file order: a refused row among the others.
  rows.sort((a, b) => (a.source.row ?? 0) - (b.source.row ?? 0));
  return { rows, problems: [], format: detectCsvFormat(headers) };
}
