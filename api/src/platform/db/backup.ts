/**
 * Backups that restore, on both engines (`npm run backup`, `npm run restore`).
 *
 * A backup is a folder: the database (`database.pgdump`, pg_dump's custom format, for
 * PostgreSQL; `pglite.tar.gz`, PGlite's own copy of its folder), the local attachments
 * (`attachments/`, when the local store is used; an S3 bucket is backed up by its own means)
 * and `manifest.json`, which says what the backup holds: the engine, the audit chain's length
 * and last hash, and the row count of every table. A restore refuses a database or folder that
 * is not empty (unless forced), then checks the restored database against the manifest, so a
 * backup that does not restore is found when it is restored, not when it is needed.
 *
 * PostgreSQL is copied while the platform runs: the figures of the manifest are read in the
 * very snapshot pg_dump copies (`pg_export_snapshot`). PGlite allows one process per folder,
 * so its backup is refused while the server holds the folder (stop it first).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDb, type DbKind } from './create-db.ts';
import { lockDataDir } from './data-dir-lock.ts';

const run = promisify(execFile);

export const BACKUP_FORMAT = 'sndd-backup/1';
const PG_FILE = 'database.pgdump';
const PGLITE_FILE = 'pglite.tar.gz';
const ATTACHMENTS = 'attachments';

export interface DatabaseFacts {
  /** The audit chain: how many records and the hash of the last one. */
  audit: { records: number; lastHash: string | null };
  /** Rows of every table of the platform's schema. */
  rows: Record<string, number>;
}

export interface BackupManifest extends DatabaseFacts {
  format: typeof BACKUP_FORMAT;
  engine: DbKind;
  createdAt: string;
  database: string;
  attachments: string | null;
}

/** A refusal the command line says in one sentence (no stack trace), with a stable code. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface Target {
  /** PostgreSQL; absent: PGlite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** The local attachments folder, or null when attachments are kept in S3. */
  attachmentsDir: string | null;
}

/** The audit chain and the row counts, as one transaction sees them. */
export async function databaseFacts(db: Kysely<unknown>): Promise<DatabaseFacts> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const rows: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const counted = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    rows[name] = counted.rows[0]?.n ?? 0;
  }
  const last =
    'audit_record' in rows
      ? await sql<{ hash: string }>`select hash from audit_record order by seq desc limit 1`.execute(db)
      : { rows: [] };
  return { audit: { records: rows.audit_record ?? 0, lastHash: last.rows[0]?.hash ?? null }, rows };
}

function checkDestination(destination: string): void {
  if (fs.existsSync(destination) && fs.readdirSync(destination).length > 0)
    throw new BackupError(
      'backup.destination.not_empty',
      `The backup folder ${destination} is not empty: give a new or empty folder.`,
    );
  fs.mkdirSync(destination, { recursive: true });
}

/** Copies the database and the local attachments into `destination`; returns the manifest written. */
export async function backup(target: Target, destination: string): Promise<BackupManifest> {
  checkDestination(destination);
  const copied = target.databaseUrl
    ? await backupPostgres(target.databaseUrl, destination)
    : await backupPglite(target.dataDir, destination);
  let attachments: string | null = null;
  if (target.attachmentsDir && fs.existsSync(target.attachmentsDir)) {
    fs.cpSync(target.attachmentsDir, path.join(destination, ATTACHMENTS), { recursive: true });
    attachments = ATTACHMENTS;
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    ...copied,
    attachments,
  };
  fs.writeFileSync(path.join(destination, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function backupPostgres(
  databaseUrl: string,
  destination: string,
): Promise<Pick<BackupManifest, 'engine' | 'database'> & DatabaseFacts> {
  // One connection holds a repeatable-read transaction open: its snapshot is exported to
  // pg_dump, and the manifest's figures are read in the same snapshot.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id;
    const db = await createDb<unknown>({ databaseUrl, poolMax: 1 });
    let facts: DatabaseFacts;
    try {
      facts = await db.kysely.transaction().execute(async (trx) => {
        await sql`set transaction isolation level repeatable read`.execute(trx);
        await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(trx);
        return databaseFacts(trx);
      });
    } finally {
      await db.close();
    }
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--snapshot=${snapshot}`,
      `--file=${path.join(destination, PG_FILE)}`,
      `--dbname=${databaseUrl}`,
    ]);
    await client.query('commit');
    return { engine: 'postgres', database: PG_FILE, ...facts };
  } finally {
    await client.end();
  }
}

async function backupPglite(
  dataDir: string,
  destination: string,
): Promise<Pick<BackupManifest, 'engine' | 'database'> & DatabaseFacts> {
  if (!fs.existsSync(path.join(dataDir, 'pglite')))
    throw new BackupError('backup.source.missing', `There is no PGlite database in ${dataDir}.`);
  const db = await createDb<unknown>({ dataDir });
  try {
    const facts = await databaseFacts(db.kysely);
    const copy = await db.snapshot!();
    fs.writeFileSync(path.join(destination, PGLITE_FILE), Buffer.from(await copy.arrayBuffer()));
    return { engine: 'pglite', database: PGLITE_FILE, ...facts };
  } finally {
    await db.close();
  }
}

export function readManifest(source: string): BackupManifest {
  const file = path.join(source, 'manifest.json');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError('restore.manifest.unreadable', `${file} is missing or is not a backup's manifest.`);
  }
  const expected: string = BACKUP_FORMAT;
  if (manifest.format !== expected)
    throw new BackupError(
      'restore.manifest.format',
      `${file} is not a backup of this platform (${expected}).`,
    );
  return manifest;
}

/**
 * Restores the backup in `source` into the target, which must be empty unless `force`; then
 * checks the restored database against the manifest.
 */
export async function restore(
  target: Target,
  source: string,
  options: { force: boolean },
): Promise<BackupManifest> {
  const manifest = readManifest(source);
  const engine: DbKind = target.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine)
    throw new BackupError(
      'restore.engine.mismatch',
      `This backup is of ${manifest.engine}; the target is ${engine} (set or unset DATABASE_URL).`,
    );
  if (manifest.attachments && target.attachmentsDir) checkAttachments(target.attachmentsDir, options.force);

  if (target.databaseUrl)
    await restorePostgres(target.databaseUrl, path.join(source, manifest.database), options);
  else await restorePglite(target.dataDir, path.join(source, manifest.database), options);

  if (manifest.attachments && target.attachmentsDir) {
    fs.rmSync(target.attachmentsDir, { recursive: true, force: true });
    fs.cpSync(path.join(source, manifest.attachments), target.attachmentsDir, { recursive: true });
  }

  const db = await createDb<unknown>({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    const facts = await databaseFacts(db.kysely);
    const differences = compareFacts(manifest, facts);
    if (differences.length > 0)
      throw new BackupError(
        'restore.verify.mismatch',
        `The restored database differs from the backup's manifest: ${differences.join('; ')}.`,
      );
  } finally {
    await db.close();
  }
  return manifest;
}

function checkAttachments(dir: string, force: boolean): void {
  if (!force && fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new BackupError(
      'restore.target.not_empty',
      `The attachments folder ${dir} is not empty: restore into an empty one, or add --force to replace it.`,
    );
}

async function restorePostgres(
  databaseUrl: string,
  file: string,
  options: { force: boolean },
): Promise<void> {
  const db = await createDb<unknown>({ databaseUrl, poolMax: 1 });
  try {
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
      where table_schema = current_schema()`.execute(db.kysely);
    if ((tables.rows[0]?.n ?? 0) > 0 && !options.force)
      throw new BackupError(
        'restore.target.not_empty',
        'The target database already has tables: restore into an empty database, or add --force to replace them.',
      );
  } finally {
    await db.close();
  }
  const args = ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${databaseUrl}`];
  if (options.force) args.push('--clean', '--if-exists');
  await run('pg_restore', [...args, file]);
}

async function restorePglite(dataDir: string, file: string, options: { force: boolean }): Promise<void> {
  const folder = path.join(dataDir, 'pglite');
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    if (!options.force)
      throw new BackupError(
        'restore.target.not_empty',
        `${folder} already holds a database: restore into an empty DATA_DIR, or add --force to replace it.`,
      );
    // Under the folder's lock: a running server makes this fail before anything is removed.
    const release = await lockDataDir(dataDir);
    try {
      fs.rmSync(folder, { recursive: true, force: true });
    } finally {
      await release();
    }
  }
  const copy = new Blob([fs.readFileSync(file)]);
  const db = await createDb<unknown>({ dataDir, loadDataDir: copy });
  await db.close();
}

function compareFacts(expected: DatabaseFacts, found: DatabaseFacts): string[] {
  const differences: string[] = [];
  if (expected.audit.lastHash !== found.audit.lastHash || expected.audit.records !== found.audit.records)
    differences.push(
      `audit chain ${found.audit.records} records ending ${found.audit.lastHash ?? 'nowhere'}, expected ${expected.audit.records} ending ${expected.audit.lastHash ?? 'nowhere'}`,
    );
  for (const [table, rows] of Object.entries(expected.rows)) {
    if (found.rows[table] !== rows)
      differences.push(`${table}: ${found.rows[table] ?? 'missing'} rows, expected ${rows}`);
  }
  return differences;
}
