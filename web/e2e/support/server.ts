/**
 * Starts the real server (API + built web app) as a child process on a free port with a fresh
 * PGlite folder, exactly as `npm start` would, and stops it with SIGTERM like an operator.
 *
 * The first start of a PGlite folder loads the whole country (reference data) and the demo:
 * tens of seconds. So the first journey of a run prepares one folder with a real first start
 * (the same `npm start`, stopped cleanly) and every journey starts on a copy of it, which is
 * a later start. The prepared folder is kept in the system's temporary folder under a key of
 * the API's code and the reference data, so a change to either prepares it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

// The first start of a run loads the whole country and the demo.
const READY_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 25_000;

export interface RunningServer {
  baseUrl: string;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** Every file under the folders, by path, size and time of change: what the prepared folder depends on. */
async function keyOf(folders: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const info = await stat(full);
        hash.update(`${full}\u0000${info.size}\u0000${info.mtimeMs}\n`);
      }
    }
  };
  for (const folder of folders) await walk(join(repoRoot, folder));
  return hash.digest('hex').slice(0, 16);
}

/** A PGlite folder after a first start (country and demo loaded), prepared once per code state. */
async function preparedFolder(): Promise<string> {
  const template = join(tmpdir(), `sndd-e2e-prepared-${await keyOf(['api/src', 'reference-data'])}`);
  if (existsSync(join(template, '.prepared'))) return template;
  const building = await mkdtemp(join(tmpdir(), 'sndd-e2e-preparing-'));
  const server = await launch(building, { keepDataDir: true });
  await server.stop();
  await writeFile(join(building, '.prepared'), new Date().toISOString());
  // Another run may have prepared it meanwhile: theirs is as good as ours.
  await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
  return template;
}

export async function startServer(): Promise<RunningServer> {
  // On PostgreSQL, the one database keeps what the first start loaded: later starts are fast.
  if (process.env.DATABASE_URL) return launch(await mkdtemp(join(tmpdir(), 'sndd-e2e-')));
  const template = await preparedFolder();
  const dataDir = await mkdtemp(join(tmpdir(), 'sndd-e2e-'));
  await cp(template, dataDir, { recursive: true });
  return launch(dataDir);
}

async function launch(dataDir: string, options: { keepDataDir?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Every journey comes from one address, far faster than a person: the per-address flood
    // guard (600 requests a minute) is not what these tests are about.
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  // Only an explicit DATABASE_URL switches to PostgreSQL; an empty one would be ambiguous.
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.join('\n');

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, output, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`the server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** The password of every demo account the server seeds at first start (see the README). */
export const DEMO_PASSWORD = 'sndd-demo-2026';
