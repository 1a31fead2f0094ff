/**
 * Flat CSV files: the NCDD flat export (code as NCDD prints it, code_padded,
 * parent_code_padded, unit_type, unit_km, name_km, name_latin, reference, official_note, ...)
 * and pumi's provinces.csv / districts.csv / communes.csv / villages.csv (code, parent_code,
 * level, name_km, name_latin, unit_km, unit_en, ...). The columns are found by name, so one
 * reader takes both, and any other file with the same columns.
 */
import { parse } from 'csv-parse/sync';
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

const unreadable = (file: string, message: string): ReadResult => ({
  rows: [],
  problems: [{ code: 'gazetteer.import.unreadable', message, source: { file } }],
});

/** The text of a file that should be CSV, or null when it is binary (an image, a PDF, an .xls). */
export function decodeText(data: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function readCsv(data: Buffer, file: string): ReadResult & { format: CsvFormat | null } {
  const text = decodeText(data);
  if (text === null)
    return { ...unreadable(file, 'The file is neither a workbook (.xlsx) nor a UTF-8 CSV.'), format: null };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // `info` gives each record's line, so problems point at the line an editor shows.
    records = parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
      info: true,
    }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
  } catch (error) {
    return { ...unreadable(file, `The file is not valid CSV: ${(error as Error).message}`), format: null };
  }
  const [header, ...body] = records;
  const headers = (header?.record ?? []).map((name) => normaliseName(name).toLowerCase());
  const columns = new Map<Field, number>();
  for (const [field, names] of Object.entries(ALIASES) as Array<[Field, readonly string[]]>) {
    const index = names.map((name) => headers.indexOf(name)).find((found) => found >= 0);
    if (index !== undefined) columns.set(field, index);
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length === REQUIRED.length)
    return {
      ...unreadable(file, 'The file has none of the gazetteer columns (code, name_km, name_latin, type).'),
      format: null,
    };
  if (missing.length > 0) {
    const problem: ImportProblem = {
      code: 'gazetteer.import.wrong_layout',
      message: `Missing column(s): ${missing.map((field) => ALIASES[field].join(' or ')).join('; ')}.`,
      source: { file, row: 1 },
    };
    return { rows: [], problems: [problem], format: null };
  }
  const at = (record: string[], field: Field): string => {
    const index = columns.get(field);
    return index === undefined ? '' : (record[index] ?? '');
  };
  const rows: ReadRow[] = [];
  for (const { record, info } of body) {
    const code = padCode(at(record, 'code'));
    const parentText = normaliseName(at(record, 'parentCode'));
    const typeWord = normaliseName(at(record, 'type'));
    rows.push({
      code,
      // A file without a parent column (or with it empty) gives the parent by the code itself.
      parentCode: columns.has('parentCode') && parentText !== '' ? padCode(parentText) : parentOf(code),
      typeCode: unitTypeOf(typeWord),
      typeWord,
      nameKm: normaliseName(at(record, 'nameKm')),
      nameLatin: normaliseName(at(record, 'nameLatin')),
      legalReference: normaliseOptional(at(record, 'reference')),
      officialNote: normaliseOptional(at(record, 'officialNote')),
      source: { file, row: info.lines },
    });
  }
  return { rows, problems: [], format: detectCsvFormat(headers) };
}
