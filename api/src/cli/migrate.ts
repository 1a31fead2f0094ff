/** `npm run migrate`: apply pending migrations to DATABASE_URL, or to PGlite in DATA_DIR. */
import { loadConfig } from '../config.ts';
import { allMigrations } from '../modules.ts';
import { createDb } from '../platform/db/create-db.ts';
import { migrate } from '../platform/db/migrations.ts';

const config = loadConfig();
const db = await createDb<unknown>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db.kysely, allMigrations(), (message) => console.log(message));
  console.log(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length} migration(s).`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
