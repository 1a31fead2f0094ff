/**
 * PGlite allows one process per data directory. These tests open real folders: one in this
 * process, and one in a second real process started the way `npm start` starts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { createDb } from './create-db.ts';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-lock-'));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMain(env: Record<string, string>, until?: (stdout: string) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      BUILD_WEB_IF_MISSING: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (until?.(stdout)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error(`exited before starting: ${stderr}`));
    });
  });
  started.catch(() => {}); // awaited only by callers that wait for the start
  const finished = new Promise<Finished>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, started, finished };
}

describe('data directory lock', () => {
  it('refuses a second lock on the same folder at once, and allows it after release', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    const before = Date.now();
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(Date.now() - before).toBeLessThan(2_000);
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes at once the lock of a process that was killed outright (kill -9), not after it goes stale', async () => {
    const dir = tempDir();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import(${JSON.stringify(path.join(repoRoot, 'api/src/platform/db/data-dir-lock.ts'))});
         await lockDataDir(${JSON.stringify(dir)});
         process.stdout.write('locked');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: repoRoot },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) =>
        chunk.toString().includes('locked') ? resolve() : undefined,
      );
      holder.on('exit', (code) => reject(new Error(`the holder exited (${code}) before locking`)));
    });
    // While it lives, the lock is refused.
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    // The lock folder is still there and fresh: without the owner check this would be refused
    // for ten seconds.
    expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(true);
    const release = await lockDataDir(dir);
    await release();
    expect(fs.existsSync(path.join(dir, 'pglite.lock.owner'))).toBe(false);
  });

  it('makes a second server process on the same folder fail at once with a clear message, and the first one stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const first = runMain({ DATA_DIR: dir }, (out) => out.includes('SNDD Platform is running'));
    await first.started;

    const second = runMain({ DATA_DIR: dir });
    const result = await second.finished;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already in use by another SNDD Platform process');

    first.child.kill('SIGTERM');
    const stopped = await first.finished;
    expect(stopped.code).toBe(0);

    // The folder was closed cleanly: it opens again with its demo data intact.
    const db = await createDb<unknown>({ dataDir: dir });
    try {
      const count = await sql<{
        n: number;
      }>`select count(*)::int as n from gazetteer_unit where level = 1`.execute(db.kysely);
      expect(count.rows[0]?.n).toBe(25);
    } finally {
      await db.close();
    }
  }, 180_000); // a real first start: the whole country and every module's examples
});
