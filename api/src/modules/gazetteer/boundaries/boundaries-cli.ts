/**
 * `npm run import -- boundaries <file.geojson> [options]`; returns the exit code:
 * 0 imported (or, with --dry-run, importable), 1 problems and nothing imported, 2 wrong use.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OpenDatabase } from '../../../platform/cli.ts';
import { importBoundaryFile, type BoundaryImportReport } from './import-boundaries.ts';
import { DEFAULT_CODE_PROPERTIES, DEFAULT_ID_PROPERTY } from './read-boundaries.ts';

const USAGE = `Usage: npm run import -- boundaries <file.geojson> [options]

Loads unit polygons (GeoJSON FeatureCollection, WGS84 lon/lat) keyed by NCDD code into the
database named by DATABASE_URL, or into PGlite in DATA_DIR (stop \`npm start\` first).

  --code-property NAME  the feature property holding the NCDD code
                        (default: the first of ${DEFAULT_CODE_PROPERTIES.join(', ')} found)
  --crosswalk FILE.csv  take the code from a CSV (columns <id property> and ncdd_code)
  --id-property NAME    the feature property looked up in the crosswalk (default ${DEFAULT_ID_PROPERTY})
  --source TEXT         the source stored with each polygon (default: file name and checksum)
  --apply-valid         import the valid features even when others have problems
  --dry-run             check and count, write nothing
  --json                print the report as JSON

Examples (from ../shared/data/boundaries):
  provinces_khm_bnd_admin1_gov_ed2022.geojson          (codes in Adm1_text)
  districts_adm2_geoboundaries_simplified.geojson --apply-valid   (codes in ncdd_code)
  communes_adm3_geoboundaries_simplified.geojson --crosswalk communes_adm3_crosswalk.csv --apply-valid
`;

/** `cli:<os user>`: the audit trail's actor for a command run on the server. */
function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    // userInfo throws for a uid without a passwd entry (some containers).
    return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
  }
}

export async function runBoundariesImport(args: string[], openDatabase: OpenDatabase): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'code-property': { type: 'string' },
        crosswalk: { type: 'string' },
        'id-property': { type: 'string' },
        source: { type: 'string' },
        'apply-valid': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give exactly one GeoJSON file (got ${positionals.length}).\n\n${USAGE}`);
    return 2;
  }
  if (values['code-property'] && values.crosswalk) {
    process.stderr.write('Give either --code-property or --crosswalk, not both.\n');
    return 2;
  }
  const file = path.resolve(positionals[0] as string);

  // The tree the codes are checked against must exist; demo data is never loaded from here.
  const db = await openDatabase();
  try {
    const report = await importBoundaryFile(db.kysely, file, {
      ...(values['code-property'] ? { codeProperty: values['code-property'] } : {}),
      ...(values['id-property'] ? { idProperty: values['id-property'] } : {}),
      ...(values.crosswalk ? { crosswalkPath: path.resolve(values.crosswalk) } : {}),
      ...(values.source ? { source: values.source } : {}),
      applyValid: values['apply-valid'],
      dryRun: values['dry-run'],
      actorLogin: cliActor(),
    });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.applied || wouldApply(report) ? 0 : 1;
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    process.stderr.write(
      err.code === 'ENOENT' ? `No such file: ${err.path ?? file}\n` : `Import failed: ${err.message}\n`,
    );
    return 2;
  } finally {
    await db.close();
  }
}

// Enough to act on without scrolling through 1,600 lines: every problem kind with a count and
// its first examples; --json gives all of them.
const EXAMPLES_PER_KIND = 10;

/** A dry run that found boundaries it could write (it rolled them back). */
const wouldApply = (report: BoundaryImportReport): boolean =>
  report.dryRun && report.added.length + report.replaced.length + report.unchanged.length > 0;

export function formatReport(report: BoundaryImportReport): string {
  const lines: string[] = [];
  lines.push(`${report.file} (sha256 ${report.checksum.slice(0, 12)})`);
  if (report.crosswalk)
    lines.push(`crosswalk ${report.crosswalk.file} (sha256 ${report.crosswalk.checksum.slice(0, 12)})`);
  lines.push(`codes from: ${report.codeSource ?? '-'}`);
  lines.push(
    `features: ${report.featureCount}, valid: ${report.validCount}, problems: ${report.problems.length}`,
  );
  const byKind = new Map<string, BoundaryImportReport['problems']>();
  for (const problem of report.problems)
    byKind.set(problem.code, [...(byKind.get(problem.code) ?? []), problem]);
  for (const [kind, items] of byKind) {
    lines.push(`  ${kind}: ${items.length}`);
    for (const item of items.slice(0, EXAMPLES_PER_KIND)) lines.push(`    ${item.message}`);
    if (items.length > EXAMPLES_PER_KIND)
      lines.push(`    ... and ${items.length - EXAMPLES_PER_KIND} more (--json lists all)`);
  }
  if (report.validCount > 0) {
    lines.push(`points: ${report.points.full} full, ${report.points.simplified} simplified`);
  }
  if (report.applied || wouldApply(report)) {
    const verb = report.dryRun ? 'would be' : 'were';
    lines.push(
      `${report.added.length} boundaries ${verb} added, ${report.replaced.length} replaced, ${report.unchanged.length} unchanged` +
        (report.importId !== null ? ` (import ${report.importId}).` : '.'),
    );
    if (report.dryRun) lines.push('Dry run: nothing was written.');
  } else if (report.problems.some((problem) => problem.fatal)) {
    lines.push('Nothing was imported: the file cannot be read as it is.');
  } else if (report.problems.length > 0) {
    lines.push('Nothing was imported. Fix the problems, or import the valid features with --apply-valid.');
  } else {
    lines.push('Nothing was imported: the file holds no boundaries.');
  }
  return `${lines.join('\n')}\n`;
}
