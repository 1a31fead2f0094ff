/**
 * What kind of file the bytes are, told by their content and never by their name: an .xlsx is
 * a ZIP archive, a CSV is UTF-8 text that is not JSON; the common mistakes (an old binary .xls,
 * a PDF, a JSON export, an empty file, an image) are named so the message can say what to do.
 */
import { decodeCsvText } from './read-csv.ts';

export type FileKind = 'xlsx' | 'csv' | 'empty' | 'xls' | 'pdf' | 'json' | 'binary';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The old binary Excel format (and other OLE documents).
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const PDF_MAGIC = Buffer.from('%PDF-');

export function fileKindOf(data: Buffer): FileKind {
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (data.subarray(0, 4).equals(OLE_MAGIC)) return 'xls';
  if (data.subarray(0, 5).equals(PDF_MAGIC)) return 'pdf';
  const text = decodeCsvText(data);
  if (text === null) return 'binary';
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      JSON.parse(trimmed);
      return 'json';
    } catch {
      // Text that merely starts with a bracket: let the CSV reader judge it.
    }
  }
  return 'csv';
}

/** A sentence saying why a file of this kind is not a table, and what to do instead. */
export function wrongKindMessage(kind: Exclude<FileKind, 'xlsx' | 'csv'>, accepted: string): string {
  switch (kind) {
    case 'empty':
      return `The file is empty: nothing to import. Choose ${accepted}.`;
    case 'xls':
      return `This is an old binary Excel file (.xls): save it as .xlsx (or as CSV UTF-8) and import that.`;
    case 'pdf':
      return `This is a PDF document, not a table: import ${accepted}.`;
    case 'json':
      return `This is a JSON file, not a table: import ${accepted}.`;
    case 'binary':
      return `This file is neither an Excel workbook (.xlsx) nor UTF-8 text: import ${accepted}.`;
  }
}
