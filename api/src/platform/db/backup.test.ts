/**
 * `npm run backup` and `npm run restore`, run as real processes on real databases: a PGlite
 * folder (in the PGlite run) and PostgreSQL databases created for the test (in the PostgreSQL
 * run). A backup restored elsewhere has the same audit chain (length and last hash) and the
 * same row count in every table; a restore never overwrites a database that is not empty
 * unless forced, and a PGlite backup is refused while a server holds the folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { prepareDatabase } from '../../modules.ts';
import { databaseFacts, type DatabaseFacts } from './backup.ts';
import { createDb } from './create-db.ts';
import { lockDataDir } from './data-dir-lock.ts';

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sndd-${name}-`));

function cli(command: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/backup.ts', command, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A database with the demo's records (and their audit trail). */
async function filled(config: { dataDir?: string; databaseUrl?: string }): Promise<DatabaseFacts> {
  const db = await createDb<unknown>(config);
  try {
    await prepareDatabase(db.kysely, { demoData: true, referenceData: 'sample' });
    return await databaseFacts(db.kysely);
  } finally {
    await db.close();
  }
}

async function factsOf(config: { dataDir?: string; databaseUrl?: string }): Promise<DatabaseFacts> {
  const db = await createDb<unknown>(config);
  try {
    return await databaseFacts(db.kysely);
  } finally {
    await db.close();
  }
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('backup and restore of a PGlite folder', () => {
  it('round-trips the database and its attachments, and refuses what would lose data', async () => {
    const source = tempDir('backup-source');
    const facts = await filled({ dataDir: source });
    expect(facts.audit.records).toBeGreaterThan(0);
    fs.mkdirSync(path.join(source, 'attachments', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(source, 'attachments', 'ab', 'scan.pdf'), '%PDF-1.4 example');

    // Refused while a server holds the folder: PGlite allows one process.
    const release = await lockDataDir(source);
    const locked = cli('backup', [path.join(tempDir('backup-locked'), 'copy')], { DATA_DIR: source });
    await release();
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('already in use by another SNDD Platform process');

    const folder = path.join(tempDir('backup'), 'copy');
    const made = cli('backup', [folder], { DATA_DIR: source });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ engine: 'pglite', audit: facts.audit, rows: facts.rows });

    const again = cli('backup', [folder], { DATA_DIR: source });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');

    const target = tempDir('restore');
    const restored = cli('restore', [folder], { DATA_DIR: target });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored and checked');
    expect(await factsOf({ dataDir: target })).toEqual(facts);
    expect(fs.readFileSync(path.join(target, 'attachments', 'ab', 'scan.pdf'), 'utf8')).toBe(
      '%PDF-1.4 example',
    );

    const over = cli('restore', [folder], { DATA_DIR: target });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--force');
    const forced = cli('restore', [folder, '--force'], { DATA_DIR: target });
    expect(forced.code).toBe(0);
    expect(await factsOf({ dataDir: target })).toEqual(facts);
  }, 300_000);
});

describe.skipIf(!process.env.DATABASE_URL)('backup and restore of a PostgreSQL database', () => {
  it('round-trips a database into an empty one, and refuses a database that is not empty', async () => {
    const server = process.env.DATABASE_URL as string;
    const suffix = `${Date.now()}_${process.pid}`;
    const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    const names = [`sndd_backup_src_${suffix}`, `sndd_backup_dst_${suffix}`];
    for (const name of names) await admin(`create database ${name}`);
    try {
      const [sourceUrl, targetUrl] = names.map(urlOf) as [string, string];
      const facts = await filled({ databaseUrl: sourceUrl });
      const dataDir = tempDir('backup-pg');
      const folder = path.join(dataDir, 'copy');
      const made = cli('backup', [folder], { DATABASE_URL: sourceUrl, DATA_DIR: dataDir });
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(fs.existsSync(path.join(folder, 'database.pgdump'))).toBe(true);

      const restored = cli('restore', [folder], { DATABASE_URL: targetUrl, DATA_DIR: tempDir('restore-pg') });
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(await factsOf({ databaseUrl: targetUrl })).toEqual(facts);

      const over = cli('restore', [folder], { DATABASE_URL: targetUrl, DATA_DIR: tempDir('restore-pg') });
      expect(over.code).toBe(1);
      expect(over.stderr).toContain('already has tables');
      expect(await factsOf({ databaseUrl: targetUrl })).toEqual(facts);
    } finally {
      for (const name of names) await admin(`drop database if exists ${name} with (force)`);
    }
  }, 300_000);
});
