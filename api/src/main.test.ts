/**
 * The start commands as an operator runs them, in real processes: `npm start` passes SIGTERM
 * on to the server (npm, then sh replaced by node through `exec`), and with WORKERS=2 on
 * PostgreSQL two worker processes answer on one port and a killed worker is replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import type { Database } from './modules.ts';
import { prepareDatabase } from './modules.ts';
import { createDb } from './platform/db/create-db.ts';

/**
 * A database prepared here with the small sample tree, so that the server's start finds the
 * tree there and does not load the whole country (minutes on a loaded machine).
 */
async function prepareWithSample(config: { dataDir?: string; databaseUrl?: string }): Promise<void> {
  const db = await createDb<Database>(config);
  try {
    await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'sample' });
  } finally {
    await db.close();
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function start(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      BUILD_WEB_IF_MISSING: 'false',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before starting:\n${stdout}\n${stderr}`));
    });
  });
  address.catch(() => {});
  return { child, exited, address, output: () => `${stdout}\n${stderr}` };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function descendantsOf(pid: number): number[] {
  const direct = childrenOf(pid);
  return [...direct, ...direct.flatMap(descendantsOf)];
}

/** A GET on a new connection each time (no keep-alive: each may land on another worker). */
function get(url: string): Promise<{ status: number; pid: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, pid: response.headers['x-worker-pid'] as string }),
      );
    });
    request.setTimeout(15_000, () => request.destroy(new Error(`no answer from ${url}`)));
    request.on('error', reject);
  });
}

const stopIfRunning = (child: ChildProcess) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};

describe.skipIf(process.platform !== 'linux' || Boolean(process.env.DATABASE_URL))(
  'npm start and signals',
  () => {
    it('stops the server when the top process (npm) gets SIGTERM, and unlocks the PGlite folder', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-signal-'));
      await prepareWithSample({ dataDir });
      const server = start(npm, ['start'], { DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      try {
        const address = await server.address;
        expect((await get(`${address}/api/health`)).status).toBeLessThan(500);
        const below = descendantsOf(server.child.pid as number);
        expect(below.length).toBeGreaterThan(0);

        server.child.kill('SIGTERM');
        const { code } = await server.exited;
        expect(code).toBe(0);
        // Nothing is left behind serving or holding the folder.
        for (let tries = 0; tries < 100 && below.some(isAlive); tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(below.filter(isAlive)).toEqual([]);
        expect(server.output()).toContain('stopped cleanly');
        const release = await lockDataDir(dataDir);
        await release();
      } finally {
        stopIfRunning(server.child);
      }
    }, 420_000);
  },
);

describe.runIf(process.platform === 'linux' && Boolean(process.env.DATABASE_URL))(
  'WORKERS=2 on PostgreSQL',
  () => {
    it('serves from two worker processes on one port and replaces a worker that dies', async () => {
      const serverUrl = process.env.DATABASE_URL as string;
      const name = `sndd_workers_${randomBytes(4).toString('hex')}`;
      const admin = async (statement: string) => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      };
      await admin(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await prepareWithSample({ databaseUrl: url.toString() });
      const server = start(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
        DATABASE_URL: url.toString(),
        WORKERS: '2',
      });
      try {
        const address = await server.address;
        const seen = new Set<string>();
        for (let tries = 0; tries < 200 && seen.size < 2; tries += 1) {
          const answer = await get(`${address}/api/health`);
          if (answer.pid) seen.add(answer.pid);
          if (seen.size < 2) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(seen.size).toBe(2);
        // Both are children of the primary (which has one more: tsx's esbuild service).
        const children = childrenOf(server.child.pid as number).map(String);
        expect([...seen].every((pid) => children.includes(pid))).toBe(true);

        const [victim, survivor] = [...seen] as [string, string];
        process.kill(Number(victim), 'SIGKILL');
        const after = new Set<string>();
        // A worker starts in seconds on an idle machine; a loaded CI machine may need a minute.
        const deadline = Date.now() + 180_000;
        while (Date.now() < deadline) {
          const answer = await get(`${address}/api/health`).catch(() => undefined);
          if (answer?.pid) after.add(answer.pid);
          if ([...after].some((pid) => pid !== survivor && pid !== victim)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const replacement = [...after].find((pid) => pid !== survivor && pid !== victim);
        expect(replacement).toBeDefined();
        expect(after.has(victim)).toBe(false);
        expect(server.output()).toContain('a worker died: starting a replacement');

        server.child.kill('SIGTERM');
        expect((await server.exited).code).toBe(0);
        expect([survivor, replacement].map(Number).filter(isAlive)).toEqual([]);
      } finally {
        stopIfRunning(server.child);
        await admin(`drop database if exists ${name} with (force)`);
      }
    }, 420_000);
  },
);
