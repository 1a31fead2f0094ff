/**
 * The one way to get a database: Kysely over a `pg` pool (PostgreSQL, production) or over
 * PGlite (embedded PostgreSQL, the default). Both speak the same SQL, so every migration and
 * query runs unchanged on either; see docs/adr/0002.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { PGlitePool } from './pglite-pool.ts';

export type DbKind = 'postgres' | 'pglite';

export interface DbConfig {
  /** PostgreSQL connection string; absent means PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite folder; absent (with no databaseUrl) means an in-memory PGlite, for tests. */
  dataDir?: string | undefined;
  /** PostgreSQL only: the schema to work in (tests give each file its own). */
  searchPath?: string | undefined;
  poolMax?: number;
  /** PostgreSQL only: shown in pg_stat_activity, so a DBA (or a test) can tell our connections. */
  applicationName?: string;
  /** Called when an idle pooled connection dies (PostgreSQL restarted, network cut). */
  onPoolError?: (error: Error) => void;
  /** PGlite only: fill an empty folder from a copy taken with `snapshot` (npm run restore). */
  loadDataDir?: Blob;
}

export interface Db<Schema> {
  kind: DbKind;
  kysely: Kysely<Schema>;
  /** Resolves when a trivial query succeeds; rejects when the database cannot be reached. */
  ping(): Promise<void>;
  /** Ends the pool, or closes PGlite and releases its folder lock. Safe to call twice. */
  close(): Promise<void>;
  /** PGlite only: a consistent copy of the whole folder, a gzipped tar (npm run backup). */
  snapshot?: () => Promise<Blob>;
  /** PostgreSQL only: the pool's connections, for the metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

// Both drivers return the same JavaScript types for the same SQL types: a date stays the text
// 'YYYY-MM-DD' (a date has no time zone), bigint and count(*) become numbers (riel amounts stay
// far below 2^53), numeric stays text (exact decimals), timestamptz becomes a Date.
const TYPE_OID = { INT8: 20, DATE: 1082, NUMERIC: 1700 } as const;
const keepText = (value: string): string => value;

function postgresTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === TYPE_OID.INT8) return (value: string) => Number(value);
      if (oid === TYPE_OID.DATE) return keepText;
      return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** PGlite's parsers for the same types (exported for the benchmarks' bare baseline). */
export const PGLITE_PARSERS = {
  [TYPE_OID.INT8]: (value: string) => Number(value),
  [TYPE_OID.DATE]: keepText,
  [TYPE_OID.NUMERIC]: keepText,
};

export async function createDb<Schema>(config: DbConfig): Promise<Db<Schema>> {
  if (config.databaseUrl) return createPostgresDb<Schema>(config.databaseUrl, config);
  return createPgliteDb<Schema>(config.dataDir, config.loadDataDir);
}

function createPostgresDb<Schema>(databaseUrl: string, config: DbConfig): Db<Schema> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    types: postgresTypes(),
    application_name: config.applicationName ?? 'sndd-platform',
    ...(config.searchPath ? { options: `-c search_path=${config.searchPath}` } : {}),
  });
  // Without a listener, an idle client whose server went away would throw an unhandled
  // 'error' event and kill the process. With it, the pool drops that client and opens a new
  // one on the next query: the API recovers by itself when PostgreSQL comes back.
  pool.on('error', (error) => config.onPoolError?.(error));
  // A connection in use when the server drops it (a restart, pg_terminate_backend) emits its
  // 'error' on the client itself, not on the pool: without a listener that event is an
  // uncaught exception and the process exits. The query in progress fails on its own (a 503
  // for the request), and the pool discards the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', (error) => config.onPoolError?.(error));
  });
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    kind: 'postgres',
    kysely,
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

async function createPgliteDb<Schema>(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
): Promise<Db<Schema>> {
  const unlock = dataDir ? await lockDataDir(dataDir) : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined, {
      parsers: PGLITE_PARSERS,
      // Trigram similarity, for the gazetteer search's fuzzy fallback (see docs/adr/0013).
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    await unlock?.();
    throw error;
  }
  const pool = new PGlitePool(pglite);
  const kysely = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
  let closed = false;
  return {
    kind: 'pglite',
    kysely,
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy();
      await pglite.close();
      await unlock?.();
    },
    snapshot: () => pglite.dumpDataDir('gzip'),
  };
}
