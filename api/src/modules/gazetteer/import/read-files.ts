/**
 * Reads the files of one import, whatever their format, into one set of rows: the format is
 * told by the bytes (an .xlsx is a ZIP archive) and, for text, by the header row; the names
 * of the files do not matter. Several files merge (pumi's four CSVs, or one workbook per
 * province). Provinces that the files imply but do not list come from the official list.
 */
import { createHash } from 'node:crypto';
import { fileKindOf, wrongKindMessage } from '../../../platform/csv/file-kind.ts';
import type { ImportProblem, ReadRow } from './change-set.ts';
import { OFFICIAL_PROVINCES } from './official-provinces.ts';
import { readCsv } from './read-csv.ts';
import { readWorkbook } from './read-workbook.ts';
import { isValidCode } from './unit-types.ts';
import { PROBLEM } from './validate.ts';

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

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const ACCEPTED = 'the NCDD workbook (.xlsx) or its CSV export';

async function readOne(
  file: ImportFile,
): Promise<{ rows: ReadRow[]; problems: ImportProblem[]; format: FileFormat }> {
  // By content, never by name: a workbook is a ZIP archive, a CSV is text that is not JSON.
  const kind = fileKindOf(file.data);
  if (kind === 'xlsx') {
    const result = await readWorkbook(file.data, file.name);
    const unreadable = result.problems.some((problem) => problem.code === PROBLEM.unreadable);
    return { ...result, format: unreadable ? 'unreadable' : 'ncdd-workbook' };
  }
  if (kind !== 'csv') {
    return {
      rows: [],
      problems: [
        { code: PROBLEM.wrongKind, message: wrongKindMessage(kind, ACCEPTED), source: { file: file.name } },
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
