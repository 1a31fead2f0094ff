/**
 * Reads the files of one import, whatever their format, into one set of rows: the format is
 * told by the bytes (an .xlsx is a ZIP archive) and, for text, by the header row; the names
 * of the files do not matter. Several files merge (pumi's four CSVs, or one workbook per
 * province). Provinces that the files imply but do not list come from the official list.
 */
import { createHash } from 'node:crypto';
import type { ImportProblem, ReadRow } from './change-set.ts';
import { OFFICIAL_PROVINCES } from './official-provinces.ts';
import { readCsv } from './read-csv.ts';
import { readWorkbook } from './read-workbook.ts';
import { isValidCode } from './unit-types.ts';

export interface ImportFile {
  name: string;
  data: Buffer;
}

export type FileFormat = 'ncdd-workbook' | 'ncdd-flat' | 'pumi' | 'csv' | 'unreadable';

export interface ReadFilesResult {
  rows: ReadRow[];
  problems: ImportProblem[];
  fileNames: string[];
  /** sha256 (hex) of each file, in the order of fileNames. */
  fileChecksums: string[];
  formats: FileFormat[];
}

export type ProgressCallback = (stage: string, done: number, total: number) => void;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The old binary Excel format (and other OLE documents): named, because it is a common mistake.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function readOne(
  file: ImportFile,
): Promise<{ rows: ReadRow[]; problems: ImportProblem[]; format: FileFormat }> {
  if (file.data.subarray(0, 4).equals(ZIP_MAGIC)) {
    const result = await readWorkbook(file.data, file.name);
    const unreadable = result.problems.some((problem) => problem.code === 'gazetteer.import.unreadable');
    return { ...result, format: unreadable ? 'unreadable' : 'ncdd-workbook' };
  }
  if (file.data.subarray(0, 4).equals(OLE_MAGIC)) {
    return {
      rows: [],
      problems: [
        {
          code: 'gazetteer.import.unreadable',
          message: 'This is an old binary Excel file (.xls): save it as .xlsx and import that.',
          source: { file: file.name },
        },
      ],
      format: 'unreadable',
    };
  }
  const result = readCsv(file.data, file.name);
  return { rows: result.rows, problems: result.problems, format: result.format ?? 'unreadable' };
}

/** The official province for each province code the rows use but do not list. */
function impliedProvinces(rows: readonly ReadRow[]): ReadRow[] {
  const listed = new Set(rows.filter((row) => row.code.length === 2).map((row) => row.code));
  const used = new Set(
    rows.filter((row) => isValidCode(row.code) && row.code.length > 2).map((row) => row.code.slice(0, 2)),
  );
  const implied: ReadRow[] = [];
  for (const code of [...used].sort()) {
    const province = OFFICIAL_PROVINCES.get(code);
    // An unknown province code gets no row: validation then reports its units' missing parent.
    if (listed.has(code) || !province) continue;
    implied.push({
      code,
      parentCode: null,
      typeCode: province.typeCode,
      typeWord: province.typeCode,
      nameKm: province.nameKm,
      nameLatin: province.nameLatin,
      legalReference: null,
      officialNote: null,
      source: { file: 'official list of provinces' },
      implied: true,
    });
  }
  return implied;
}

export async function readImportFiles(
  files: readonly ImportFile[],
  onProgress?: ProgressCallback,
): Promise<ReadFilesResult> {
  const rows: ReadRow[] = [];
  const problems: ImportProblem[] = [];
  const formats: FileFormat[] = [];
  onProgress?.('read', 0, files.length);
  for (const [index, file] of files.entries()) {
    const result = await readOne(file);
    rows.push(...result.rows);
    problems.push(...result.problems);
    formats.push(result.format);
    onProgress?.('read', index + 1, files.length);
  }
  return {
    rows: [...impliedProvinces(rows), ...rows],
    problems,
    fileNames: files.map((file) => file.name),
    fileChecksums: files.map((file) => sha256(file.data)),
    formats,
  };
}
