/**
 * The boundary import: a GeoJSON file of unit polygons → gazetteer_unit_boundary, in one
 * transaction with its gazetteer_import row and one audit record. Nothing is written while the
 * file has problems, unless the caller asks to import the valid features anyway (applyValid);
 * problems of the whole file (not JSON, not a FeatureCollection, ...) always stop it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { writeAudit } from '../../../platform/audit/audit.ts';
import { importProblem } from '../../../platform/http/imports.ts';
import { geometryBbox, roundGeometry, countPositions, type BoundaryGeometry } from './boundary-geometry.ts';
import {
  insertBoundaryImportLog,
  selectUnitLevels,
  updateImportSummary,
  upsertBoundaries,
  type BoundaryWrite,
} from './boundaries.queries.ts';
import type { BoundaryImportProblem, BoundaryImportReport } from './boundaries.schemas.ts';
import { asBoundaryDb } from './boundaries.tables.ts';
import {
  parseCrosswalk,
  readBoundaries,
  type BoundaryFeature,
  type BoundaryProblem,
  type ReadBoundariesOptions,
} from './read-boundaries.ts';
import { SIMPLIFY_BY_LEVEL, simplifyBoundaries } from './simplify-boundaries.ts';

export type { BoundaryProblem } from './read-boundaries.ts';
export type { BoundaryImportReport } from './boundaries.schemas.ts';

// The full geometry is kept at 6 decimals (about 0.1 m): far finer than any of these surveys,
// and about half the size of the 9-15 decimals that GIS programs write.
const FULL_DECIMALS = 6;

export interface BoundaryImportOptions {
  /** The feature property holding the NCDD code (default: found, see DEFAULT_CODE_PROPERTIES). */
  codeProperty?: string;
  /** The feature property looked up in the crosswalk (default shapeID). */
  idProperty?: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** Import the valid features even when others have problems (they are still reported). */
  applyValid?: boolean;
  /** Stored with each row; default: the file name and the start of its sha256. */
  source?: string;
  /** Who runs the import, for the audit record: `cli:<os user>` from the command line. */
  actorLogin: string;
  actorUserId?: number | null;
}

export interface BoundaryFileInput {
  fileName: string;
  content: string | Buffer;
}

const sha256 = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

// Thrown inside the transaction of a dry run so that every write is rolled back.
class DryRunRollback extends Error {}

/** Reads the file (and crosswalk) from disk and imports it. */
export async function importBoundaryFile(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  filePath: string,
  options: BoundaryImportOptions & { crosswalkPath?: string },
): Promise<BoundaryImportReport> {
  const content = await fs.readFile(filePath);
  const crosswalk = options.crosswalkPath
    ? { fileName: path.basename(options.crosswalkPath), content: await fs.readFile(options.crosswalkPath) }
    : undefined;
  return importBoundaries(db, { fileName: path.basename(filePath), content }, options, crosswalk);
}

export async function importBoundaries(
  anyDb: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  input: BoundaryFileInput,
  options: BoundaryImportOptions,
  crosswalkInput?: BoundaryFileInput,
): Promise<BoundaryImportReport> {
  const db = asBoundaryDb(anyDb);
  const checksum = sha256(input.content);
  const crosswalk = crosswalkInput
    ? { file: crosswalkInput.fileName, checksum: sha256(crosswalkInput.content) }
    : null;
  const problems: BoundaryProblem[] = [];

  const readOptions: ReadBoundariesOptions = {
    ...(options.codeProperty ? { codeProperty: options.codeProperty } : {}),
    ...(options.idProperty ? { idProperty: options.idProperty } : {}),
  };
  if (crosswalkInput) {
    const parsed = parseCrosswalk(crosswalkInput.content.toString(), options.idProperty ?? 'shapeID');
    problems.push(...parsed.problems);
    readOptions.crosswalk = parsed.map;
  }
  const read = readBoundaries(input.content.toString(), readOptions);
  problems.push(...read.problems);

  // Codes that are well formed but not in the tree: reported, never silently dropped.
  const levels = await selectUnitLevels(
    db,
    read.features.map((feature) => feature.code),
  );
  const valid: BoundaryFeature[] = [];
  for (const feature of read.features) {
    if (levels.has(feature.code)) {
      valid.push(feature);
    } else {
      problems.push({
        code: 'gazetteer.boundary.unknown_code',
        message: `Feature ${feature.feature}${feature.label ? ` (${feature.label})` : ''} has the code ${feature.code}, which is not a unit of the administrative tree.`,
        feature: feature.feature,
        unitCode: feature.code,
        ...(feature.label ? { label: feature.label } : {}),
      });
    }
  }
  problems.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));

  const rows = buildRows(
    valid,
    read.geometries,
    options.source ?? `${input.fileName} (sha256 ${checksum.slice(0, 12)})`,
  );
  const report: BoundaryImportReport = {
    fileName: input.fileName,
    checksum,
    dryRun: options.dryRun === true,
    applied: false,
    rowsRead: read.featureCount,
    rowsValid: valid.length,
    rowsApplied: 0,
    problems: problems.map((problem) => problemItem(problem, input.fileName, crosswalk?.file ?? null)),
    file: input.fileName,
    crosswalk,
    codeSource: read.codeSource,
    featureCount: read.featureCount,
    validCount: valid.length,
    importId: null,
    added: [],
    replaced: [],
    unchanged: [],
    levels: countBy(valid.map((feature) => String(feature.level))),
    points: {
      full: rows.reduce((sum, row) => sum + countPositions(row.geometry), 0),
      simplified: rows.reduce((sum, row) => sum + countPositions(row.simplified), 0),
    },
  };

  const blocked = problems.some((problem) => problem.fatal) || (problems.length > 0 && !options.applyValid);
  if (blocked || rows.length === 0) return report;

  try {
    await db.transaction().execute(async (trx) => {
      const importId = options.dryRun
        ? null
        : await insertBoundaryImportLog(trx, {
            fileNames: [input.fileName, ...(crosswalk ? [crosswalk.file] : [])],
            checksums: [checksum, ...(crosswalk ? [crosswalk.checksum] : [])],
            summary: {},
            createdBy: options.actorUserId ?? null,
          });
      const { inserted, replaced } = await upsertBoundaries(trx, rows, importId);
      const written = new Set([...inserted, ...replaced]);
      report.added = inserted.sort();
      report.replaced = replaced.sort();
      report.unchanged = rows.map((row) => row.code).filter((code) => !written.has(code));
      // A dry run goes through the same statements, so that its counts are the real ones, and
      // then rolls them back: `applied` stays false (nothing was written), as in every import.
      if (importId === null) throw new DryRunRollback();
      report.applied = true;
      report.importId = importId;
      report.rowsApplied = inserted.length + replaced.length;
      const summary = importSummary(report);
      await updateImportSummary(trx, importId, summary);
      // Last, as writeAudit asks: it holds the audit chain's lock until the commit.
      await writeAudit(trx, {
        actorUserId: options.actorUserId ?? null,
        actorLogin: options.actorLogin,
        assignmentId: null,
        action: 'gazetteer.boundaries.import',
        entityType: 'gazetteer.import',
        entityId: String(importId),
        after: { ...summary, added: report.added, replaced: report.replaced },
      });
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/** A problem in the one ImportProblem shape: the feature's position as its row, its code as the value. */
function problemItem(
  problem: BoundaryProblem,
  fileName: string,
  crosswalkFile: string | null,
): BoundaryImportProblem {
  const inCrosswalk = problem.code.startsWith('gazetteer.boundary.crosswalk_');
  return {
    ...importProblem(problem.code, problem.message, {
      file: inCrosswalk ? crosswalkFile : fileName,
      row: problem.feature ?? null,
      value: problem.unitCode ?? null,
    }),
    ...(problem.feature !== undefined ? { feature: problem.feature } : {}),
    ...(problem.unitCode !== undefined ? { unitCode: problem.unitCode } : {}),
    ...(problem.label !== undefined ? { label: problem.label } : {}),
    ...(problem.fatal !== undefined ? { fatal: problem.fatal } : {}),
  };
}

function buildRows(
  features: BoundaryFeature[],
  context: BoundaryGeometry[],
  source: string,
): BoundaryWrite[] {
  const full = context.map((geometry) => roundGeometry(geometry, FULL_DECIMALS) ?? geometry);
  const rows: BoundaryWrite[] = [];
  for (const level of new Set(features.map((feature) => feature.level))) {
    const settings = SIMPLIFY_BY_LEVEL[level];
    if (!settings) continue;
    // The whole file takes part (neighbours with unknown codes too), so that a border shared
    // with a unit imported later is simplified the same way then.
    const simplified = simplifyBoundaries(full, settings);
    for (const feature of features.filter((item) => item.level === level)) {
      const geometry = full[feature.geometryIndex] as BoundaryGeometry;
      rows.push({
        code: feature.code,
        level,
        geometry,
        simplified: simplified[feature.geometryIndex] as BoundaryGeometry,
        bbox: geometryBbox(geometry),
        source,
      });
    }
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : 1));
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function importSummary(report: BoundaryImportReport) {
  return {
    file: report.file,
    checksum: report.checksum,
    crosswalk: report.crosswalk,
    codeSource: report.codeSource,
    features: report.featureCount,
    valid: report.validCount,
    problems: report.problems.length,
    added: report.added.length,
    replaced: report.replaced.length,
    unchanged: report.unchanged.length,
    levels: report.levels,
  };
}
