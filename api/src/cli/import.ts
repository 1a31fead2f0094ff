/**
 * `npm run import -- <kind> <file>... [options]`: loads official files into the database named
 * by DATABASE_URL, or into PGlite in DATA_DIR (stop `npm start` first: PGlite allows one
 * process). Kinds: `gazetteer` (NCDD workbooks or a flat CSV), `boundaries` (GeoJSON).
 */
import { runBoundariesImport, runGazetteerImport } from '../modules/gazetteer/index.ts';
import type { OpenDatabase } from '../platform/cli.ts';
import { dataDirInUse } from '../platform/db/data-dir-in-use.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { openPreparedDatabase } from './open-database.ts';

const KINDS: Record<string, (args: string[], openDatabase: OpenDatabase) => Promise<number>> = {
  gazetteer: runGazetteerImport,
  boundaries: runBoundariesImport,
};

const [kind, ...rest] = process.argv.slice(2);
const run = kind ? KINDS[kind] : undefined;
if (!run) {
  process.stderr.write(
    `Usage: npm run import -- <${Object.keys(KINDS).join('|')}> <file>... [--dry-run] [--json]\n`,
  );
  process.exit(2);
}
try {
  process.exitCode = await run(rest, openPreparedDatabase);
} catch (error) {
  // The server holds the PGlite folder: one sentence and exit 2, never a stack trace.
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`${dataDirInUse(error.dataDir, 'the import')}\n`);
  process.exitCode = 2;
}
