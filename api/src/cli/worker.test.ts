/**
 * `npm run worker` as an operator runs it, in a real process: it starts on a database, runs a
 * job sent to the queue (PostgreSQL: another process sends it), and on SIGTERM stops cleanly
 * with exit code 0. On PGlite it works on a folder of its own (the folder is one process's).
 *
 * The database away (PostgreSQL): started while nothing answers at the database's address, the
 * worker waits and tries again, then starts when the database appears (a TCP relay this test
 * opens late in front of the real server); the server terminating the worker's connections
 * (pg_terminate_backend) does not end it, and it runs the next job. With nothing ever
 * answering it gives up after WORKER_DATABASE_WAIT_SECONDS with exit code 1.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
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
import { startWorkerProcess, waitFor } from '../test-support/worker-process.ts';

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

/** A free TCP port on this machine (nothing listens there until the test says so). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The worker as a child process, its output collected (test-support/worker-process.ts). */
const startWorker = (env: Record<string, string>) => startWorkerProcess(env, cleanups);

describe.skipIf(process.platform === 'win32')('npm run worker, the database away', () => {
  it('gives up with exit code 1 after WORKER_DATABASE_WAIT_SECONDS when nothing answers, saying why', async () => {
    const port = await freePort();
    const worker = startWorker({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/sndd_nowhere`,
      WORKER_DATABASE_WAIT_SECONDS: '2',
    });
    expect(await worker.exited).toBe(1);
    const output = worker.output();
    // Tried more than once, each attempt logged with its pause, then the reason it stopped.
    expect(
      output.match(/the database is unreachable \(.*ECONNREFUSED.*\): trying again in/g)?.length,
    ).toBeGreaterThanOrEqual(2);
    expect(output).toContain('the worker could not start: the database stayed unreachable');
    expect(output).toContain('WORKER_DATABASE_WAIT_SECONDS=2');
  }, 120_000);

  it.runIf(usingPostgres)(
    'waits for a database that is not there yet, starts when it answers, survives its connections being terminated, and runs a job',
    async () => {
      const env = await ownDatabase();
      const real = new URL(env.DATABASE_URL!);
      const port = await freePort();
      const viaRelay = new URL(real);
      viaRelay.hostname = '127.0.0.1';
      viaRelay.port = String(port);
      const worker = startWorker({ DATABASE_URL: viaRelay.toString(), WORKER_DATABASE_WAIT_SECONDS: '120' });

      // Nothing listens yet: the worker says it waits, twice, and is still alive.
      await waitFor(
        'two waits logged',
        () => (worker.output().match(/trying again in/g)?.length ?? 0) >= 2,
        60_000,
        worker.output,
      );
      expect(worker.child.exitCode).toBeNull();

      // The database appears at that address: a relay to the real server.
      const sockets = new Set<net.Socket>();
      const relay = net.createServer((socket) => {
        const upstream = net.connect(Number(real.port || 5432), real.hostname);
        for (const end of [socket, upstream]) {
          sockets.add(end);
          end.on('error', () => {});
          end.on('close', () => {
            sockets.delete(end);
            socket.destroy();
            upstream.destroy();
          });
        }
        socket.pipe(upstream).pipe(socket);
      });
      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            for (const socket of sockets) socket.destroy();
            relay.close(() => resolve());
          }),
      );
      await waitFor(
        'the worker running',
        () => /worker \(pid \d+\) running \d+ job\(s\)/.test(worker.output()),
        240_000,
        worker.output,
      );

      const db = await createDb<Database>({ databaseUrl: env.DATABASE_URL });
      try {
        const ctx = wireModules(db.kysely, modules).contextOf('audit');
        const schema = await jobsSchemaOf(db.kysely);
        const runs = async (): Promise<string> => {
          const id = await ctx.jobs.send('platform.idempotency_purge');
          const waitFrom = Date.now();
          let state = '';
          while (state !== 'completed' && Date.now() - waitFrom < 60_000) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            const { rows } = await sql<{
              state: string;
            }>`select state::text as state from ${sql.table(`${schema}.job`)}
              where id = ${id}::uuid`.execute(db.kysely);
            state = rows[0]?.state ?? '';
          }
          return state;
        };
        expect(await runs()).toBe('completed');

        // The server terminates every connection of the worker (a failover, a DBA's hand).
        const terminated = await sql<{ n: number }>`
          select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and application_name = 'sndd-platform-worker'`.execute(
          db.kysely,
        );
        expect(terminated.rows[0]?.n).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(worker.child.exitCode).toBeNull();

        // It goes on: the next job runs.
        expect(await runs()).toBe('completed');
        expect(worker.child.exitCode).toBeNull();
      } finally {
        await db.close();
      }

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain('worker stopped cleanly');
    },
    400_000,
  );
});
