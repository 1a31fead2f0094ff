/**
 * `npm run backup -- <folder>` and `npm run restore -- <folder> [--force]`: the database named
 * by DATABASE_URL (pg_dump/pg_restore, custom format), or PGlite in DATA_DIR (stop the server
 * first), with the local attachments; see platform/db/backup.ts for what a backup holds.
 * Exit 0: done (and, for a restore, checked against the backup's manifest); 1: refused or
 * failed, said in one sentence; 2: wrong use.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.ts';
import { backup, BackupError, restore, type Target } from '../platform/db/backup.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';

const USAGE = `Usage:
  npm run backup -- <new or empty folder>
  npm run restore -- <backup folder> [--force]

The database is PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR (stop the server
first: PGlite allows one process). Local attachments (ATTACHMENTS_DIR, default
DATA_DIR/attachments) are copied too; an S3 bucket is backed up by its own means.
--force lets a restore replace a database or attachments folder that is not empty.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ((command !== 'backup' && command !== 'restore') || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  const env = process.env;
  const target: Target = {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    attachmentsDir:
      env.ATTACHMENTS_STORE === 's3'
        ? null
        : path.resolve(env.ATTACHMENTS_DIR || path.join(config.dataDir, 'attachments')),
  };
  const folder = path.resolve(positionals[0] as string);
  const started = performance.now();
  try {
    const manifest =
      command === 'backup' ? await backup(target, folder) : await restore(target, folder, values);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const tables = Object.keys(manifest.rows).length;
    const rows = Object.values(manifest.rows).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `${command === 'backup' ? 'Backed up' : 'Restored and checked'} the ${manifest.engine} database ` +
        `(${tables} tables, ${rows} rows, audit chain of ${manifest.audit.records} records ending ` +
        `${manifest.audit.lastHash ?? '-'})${manifest.attachments ? ' and its attachments' : ''} ` +
        `${command === 'backup' ? 'into' : 'from'} ${folder} in ${seconds} s.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    process.stderr.write(`The ${command} failed: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
