/**
 * Plain SQL migrations, one folder per module, applied in the order of their timestamped file
 * names across all modules (`20261126090000_units.sql`). Forward-only: an applied file must
 * never change, and we refuse to start when one did (its checksum is stored).
 *
 * Each file runs in its own transaction together with its bookkeeping row, so a failing
 * migration leaves nothing half-applied. On PostgreSQL an advisory lock makes several API
 * processes that start together apply each migration once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

export interface MigrationSource {
  /** The module that owns the folder, used as a prefix of each migration's id. */
  module: string;
  /** Folder of `.sql` files. */
  directory: URL | string;
}

export interface Migration {
  id: string;
  fileName: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{14})_[a-z0-9_]+\.sql$/;
// Any fixed number will do: it names the lock that serialises migrations between processes.
const MIGRATION_LOCK_KEY = 724_110_2021;

export class MigrationError extends Error {
  readonly code = 'platform.migration.failed';
}

export function collectMigrations(sources: readonly MigrationSource[]): Migration[] {
  const migrations: Migration[] = [];
  for (const source of sources) {
    const directory =
      typeof source.directory === 'string' ? source.directory : fileURLToPath(source.directory);
    if (!fs.existsSync(directory)) continue;
    for (const fileName of fs.readdirSync(directory).sort()) {
      if (!fileName.endsWith('.sql')) continue;
      if (!FILE_NAME.test(fileName)) {
        throw new MigrationError(
          `Migration file ${source.module}/${fileName} must be named YYYYMMDDHHMMSS_snake_name.sql`,
        );
      }
      const text = fs.readFileSync(path.join(directory, fileName), 'utf8');
      migrations.push({
        id: `${source.module}/${fileName}`,
        fileName,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      });
    }
  }
  // Timestamp order across modules; the module name breaks ties so the order is stable.
  return migrations.sort((a, b) =>
    a.fileName === b.fileName ? a.id.localeCompare(b.id) : a.fileName.localeCompare(b.fileName),
  );
}

async function ensureBookkeepingTable(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table if not exists platform_migration (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(db);
}

async function appliedChecksums(db: Kysely<unknown>): Promise<Map<string, string>> {
  const result = await sql<{
    id: string;
    checksum: string;
  }>`select id, checksum from platform_migration`.execute(db);
  return new Map(result.rows.map((row) => [row.id, row.checksum]));
}

/** Applies what is pending; returns the ids applied now. */
export async function migrate(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  log: (message: string) => void = () => {},
): Promise<string[]> {
  await ensureBookkeepingTable(db);
  const appliedNow: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const applied = await appliedChecksums(trx);
      const checksum = applied.get(migration.id);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.id} was changed after it was applied. Migrations are ` +
              'forward-only: restore the file and add a new migration instead.',
          );
        }
        return false;
      }
      try {
        await sql.raw(migration.sql).execute(trx);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.id} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await sql`insert into platform_migration (id, checksum) values (${migration.id}, ${migration.checksum})`.execute(
        trx,
      );
      return true;
    });
    if (done) {
      appliedNow.push(migration.id);
      log(`applied migration ${migration.id}`);
    }
  }
  return appliedNow;
}

/** The ids of known migrations not yet applied (empty when the database is up to date). */
export async function pendingMigrations(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
): Promise<string[]> {
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass('platform_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return migrations.map((m) => m.id);
  const applied = await appliedChecksums(db);
  return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
}
