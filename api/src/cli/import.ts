/**
 * `npm run import -- <kind> <file>... [options]`: loads official files into the database named
 * by DATABASE_URL, or into PGlite in DATA_DIR (stop `npm start` first: PGlite allows one
 * process). Kinds: `gazetteer` (NCDD workbooks or a flat CSV), `boundaries` (GeoJSON).
 */
import { loadConfig } from '../config.ts';
import { runBoundariesImport, runGazetteerImport } from '../modules/gazetteer/index.ts';
import { prepareDatabase } from '../modules.ts';
import type { OpenDatabase } from '../platform/cli.ts';
import { createDb } from '../platform/db/create-db.ts';

const KINDS: Record<string, (args: string[], openDatabase: OpenDatabase) => Promise<number>> = {
  gazetteer: runGazetteerImport,
  boundaries: runBoundariesImport,
};

/** The database, migrated and with its reference data; demo data is never loaded by an import. */
const openPreparedDatabase: OpenDatabase = async () => {
  const config = loadConfig();
  const db = await createDb<unknown>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(db.kysely, { demoData: false });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
};

const [kind, ...rest] = process.argv.slice(2);
const run = kind ? KINDS[kind] : undefined;
if (!run) {
  process.stderr.write(
    `Usage: npm run import -- <${Object.keys(KINDS).join('|')}> <file>... [--dry-run] [--json]\n`,
  );
  process.exit(2);
}
process.exitCode = await run(rest, openPreparedDatabase);
