/**
 * A real database for one test file: an in-memory PGlite by default, or — when DATABASE_URL
 * is set — a schema of its own on that PostgreSQL server, dropped afterwards, so test files
 * can run in parallel against one server without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database, ReferenceDataScope } from '../modules.ts';
import { prepareDatabase } from '../modules.ts';
import { createDb, type Db } from '../platform/db/create-db.ts';

export interface TestDb extends Db<Database> {
  /** PostgreSQL only: the schema this file works in. */
  schema?: string;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations applied). */
export async function openEmptyTestDb(): Promise<TestDb> {
  if (!usingPostgres) return createDb<Database>({});
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create schema ${schema}`));
  const db = await createDb<Database>({
    databaseUrl: process.env.DATABASE_URL,
    searchPath: schema,
    poolMax: 4,
    applicationName: schema,
  });
  return {
    ...db,
    schema,
    close: async () => {
      await db.close();
      // …and the job queue's (platform/jobs: pg-boss's tables sit in `<schema>_pgboss`).
      await withAdminClient((client) =>
        client.query(`drop schema if exists ${schema}, ${schema}_pgboss cascade`),
      );
    },
  };
}

/**
 * A migrated database, with the demo data unless told otherwise. Its reference data is the
 * `sample` (the provinces and the places of the demo, about 120 units) with the demo and none
 * without it, unless told otherwise: the whole country (`country`) takes tens of seconds.
 */
export async function openTestDb(
  options: { demoData?: boolean; referenceData?: ReferenceDataScope } = {},
): Promise<TestDb> {
  const db = await openEmptyTestDb();
  const demoData = options.demoData ?? true;
  await prepareDatabase(db.kysely as never, {
    demoData,
    referenceData: options.referenceData ?? (demoData ? 'sample' : 'none'),
  });
  return db;
}
