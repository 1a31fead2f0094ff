/**
 * The first start's official tree and outlines, from `reference-data/` (never `../shared`): the
 * NCDD gazetteer through the gazetteer import (so it is an import with its history, like
 * `npm run import`), then the outlines of the provinces, districts and communes through the
 * boundary import. Each is loaded only when the database lacks it: a tree that any import has
 * already filled (a newer edition, an import run before the first start) is left as it is, and
 * so is a level that already has outlines. A later start costs two or three queries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ReferenceDataRequest } from '../../../platform/module.ts';
import { importBoundaries } from '../boundaries/import-boundaries.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { CLI_ACTOR } from '../import/apply.ts';
import { OFFICIAL_PROVINCES } from '../import/official-provinces.ts';
import { runImport } from '../import/run-import.ts';
import { currentUnitCount, hasOutlinesAtLevel, latestTreeImport } from './reference-data.queries.ts';

/** The edition shipped: its file in reference-data/ and its date. */
export const GAZETTEER_FILE = 'gazetteer/ncdd-gazetteer-2024-10-14.csv.gz';
export const GAZETTEER_EDITION = '2024-10-14';

/** Who loads reference data, in the import history and the audit trail. */
export const REFERENCE_LOGIN = 'reference-data';

const BOUNDARY_FILES = [
  { level: 1, file: 'boundaries/provinces.geojson.gz', what: 'provinces' },
  { level: 2, file: 'boundaries/districts.geojson.gz', what: 'districts' },
  { level: 3, file: 'boundaries/communes.geojson.gz', what: 'communes' },
] as const;

/**
 * The places the demo's examples sit at, and the whole of the `sample` scope besides the
 * capital and the provinces: Phnom Penh's khan Chamkar Mon (5 sangkats), Chey Saen, a rural
 * district of Preah Vihear (6 communes), and the province of Kep (5 communes and sangkats).
 */
export const SAMPLE_SUBTREES = ['1201', '1301', '23'] as const;

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
const count = (value: number): string => value.toLocaleString('en-US');

/**
 * The sample: the file's header, a row for each of the capital and the provinces (the full file
 * implies them; the cut one would imply only three), and the rows under SAMPLE_SUBTREES.
 */
export function sampleOfFlatCsv(text: string, subtrees: readonly string[] = SAMPLE_SUBTREES): string {
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? '';
  const columns = header.split(',');
  const provinceRows = [...OFFICIAL_PROVINCES.values()].map((province) => {
    const values: Record<string, string> = {
      code: String(Number(province.code)),
      code_padded: province.code,
      parent_code_padded: '',
      province_code: province.code,
      level: province.typeCode,
      unit_type: province.typeCode,
      unit_km: province.typeCode === 'capital' ? 'រាជធានី' : 'ខេត្ត',
      name_km: province.nameKm,
      name_latin: province.nameLatin,
    };
    return columns.map((column) => values[column] ?? '').join(',');
  });
  const codeColumn = columns.indexOf('code_padded');
  const kept = lines
    .slice(1)
    .filter((line) => subtrees.some((prefix) => (line.split(',')[codeColumn] ?? '').startsWith(prefix)));
  return [header, ...provinceRows, ...kept, ''].join('\n');
}

async function loadTree(ctx: GazetteerContext, request: ReferenceDataRequest): Promise<void> {
  const previous = await latestTreeImport(ctx.db);
  if (previous) {
    request.log(
      `reference data: the tree is already there (import #${previous.id}, ${previous.fileNames.join(', ')}); not reloaded`,
    );
    return;
  }
  const started = performance.now();
  const gzipped = await fs.readFile(path.join(request.directory, GAZETTEER_FILE));
  let data = gunzipSync(gzipped);
  if (request.scope === 'sample')
    data = Buffer.from(sampleOfFlatCsv(data.toString('utf8'), request.subtrees), 'utf8');
  const name = path.basename(GAZETTEER_FILE, '.gz');
  const outcome = await runImport(ctx.db, {
    files: [{ name, data }],
    dryRun: false,
    // The units existed before our records begin: their history starts with no date.
    effectiveDate: null,
    // The edition's known problems (a village without a Latin name) are reported, not fatal.
    applyValid: true,
    actor: CLI_ACTOR(REFERENCE_LOGIN),
  });
  const units = await currentUnitCount(ctx.db);
  const problems = outcome.changeSet.problems.length;
  request.log(
    `reference data: ${count(units)} units of the ${GAZETTEER_EDITION} gazetteer loaded in ${seconds(started)} s` +
      (outcome.importId !== null ? ` (import #${outcome.importId}` : ' (') +
      (problems > 0 ? `, ${count(problems)} problem(s) reported in the import's history)` : ')'),
  );
}

async function loadOutlines(ctx: GazetteerContext, request: ReferenceDataRequest): Promise<void> {
  for (const { level, file, what } of BOUNDARY_FILES) {
    if (await hasOutlinesAtLevel(ctx.db, level)) continue;
    const started = performance.now();
    const content = gunzipSync(await fs.readFile(path.join(request.directory, file)));
    const report = await importBoundaries(
      ctx.db,
      { fileName: path.basename(file, '.gz'), content },
      // The features the tree does not hold (codes of another edition) are reported and left out.
      { codeProperty: 'code', applyValid: true, actorLogin: REFERENCE_LOGIN },
    );
    request.log(
      `reference data: ${count(report.rowsApplied)} outlines of ${what} loaded in ${seconds(started)} s` +
        (report.featureCount > report.rowsApplied
          ? ` (${count(report.featureCount - report.rowsApplied)} of the file's features left out: no such unit)`
          : ''),
    );
  }
}

/** The gazetteer's first-start reference data (the manifest's `loadReferenceData`). */
export async function loadGazetteerReferenceData(
  ctx: GazetteerContext,
  request: ReferenceDataRequest,
): Promise<void> {
  await loadTree(ctx, request);
  // The sample is for tests: outlines would cost time there and no test reads them.
  if (request.scope === 'country') await loadOutlines(ctx, request);
}
