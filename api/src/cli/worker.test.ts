/**
 * `npm run worker` as an operator runs it, in a real process: it starts on a database, runs a
 * job sent to the queue (PostgreSQL: another process sends it), and on SIGTERM stops cleanly
 * with exit code 0. On PGlite it works on a folder of its own (the folder is one process's).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { modules, type Database } from '../modules.ts';
import { createDb } from '../platform/db/create-db.ts';
import { jobsSchemaOf } from '../platform/jobs/job-queue.ts';
import { wireModules } from '../platform/wiring.ts';

const usingPostgres = Boolean(process.env.DATABASE_URL);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of the worker's own: a new PostgreSQL database, or a new PGlite folder. */
async function ownDatabase(): Promise<Record<string, string>> {
  if (usingPostgres) {
    const name = `sndd_worker_${randomBytes(5).toString('hex')}`;
    await admin(`create database ${name}`);
    cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-worker-'));
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  return { DATA_DIR: folder, DATABASE_URL: '' };
}

describe.skipIf(process.platform === 'win32')('npm run worker', () => {
  it('starts, runs a job sent to the queue, and stops on SIGTERM with exit code 0', async () => {
    const env = await ownDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/worker.ts'], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'info', DEMO_DATA: 'false', ...env },
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const start = Date.now();
    while (!/worker \(pid \d+\) running \d+ job\(s\)/.test(output)) {
      if (child.exitCode !== null) throw new Error(`the worker exited:\n${output}`);
      if (Date.now() - start > 240_000) throw new Error(`the worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    if (usingPostgres) {
      // Another process (this test) sends a job; the worker runs it.
      const db = await createDb<Database>({ databaseUrl: env.DATABASE_URL });
      try {
        const ctx = wireModules(db.kysely, modules).contextOf('audit');
        const id = await ctx.jobs.send('platform.idempotency_purge');
        const schema = await jobsSchemaOf(db.kysely);
        const waitFrom = Date.now();
        let state = '';
        while (state !== 'completed' && Date.now() - waitFrom < 30_000) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          const { rows } = await sql<{
            state: string;
          }>`select state::text as state from ${sql.table(`${schema}.job`)}
            where id = ${id}::uuid`.execute(db.kysely);
          state = rows[0]?.state ?? '';
        }
        expect(state).toBe('completed');
      } finally {
        await db.close();
      }
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('worker stopped cleanly');
  }, 300_000);
});
