/**
 * The database a command-line entry works on: the one named by DATABASE_URL, or PGlite in
 * DATA_DIR (stop `npm start` first: PGlite allows one process), migrated and with its
 * reference data synchronised; demo data is never loaded from the command line, nor the
 * reference data of the first start (`npm start` loads it into a tree that no import filled).
 */
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../modules.ts';
import type { OpenDatabase } from '../platform/cli.ts';
import { createDb } from '../platform/db/create-db.ts';

export const openPreparedDatabase: OpenDatabase = async () => {
  const config = loadConfig();
  const db = await createDb<unknown>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(db.kysely, { demoData: false, referenceData: 'none' });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
};
