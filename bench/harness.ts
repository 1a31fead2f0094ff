/**
 * What every benchmark returns: a figure, a baseline measured in the same run on the same
 * machine, and their ratio. Absolute numbers on a shared 2-core machine are noise; the ratio
 * to a baseline run side by side is the signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { repoRoot } from '../api/src/config.ts';

/**
 * Smoke mode (`npm run bench -- --smoke`, or BENCH_SMOKE=1): tiny sizes and one round, so that
 * every benchmark runs end to end in seconds and CI notices one that breaks. Its figures mean
 * nothing; the full runs stay out of CI.
 */
export const smoke = process.env.BENCH_SMOKE === '1';

export interface BenchResult {
  name: string;
  unit: string;
  figure: number;
  baselineName: string;
  baseline: number;
  /** figure / baseline */
  ratio: number;
  /** The target, in words, and whether this run meets it. */
  target?: { text: string; met: boolean };
}

export function result(fields: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...fields, ratio: fields.figure / fields.baseline };
}

/** Starts a TypeScript server script as a child process; resolves with its port once it prints `PORT=<n>`. */
export async function startServer(
  script: string,
  env: Record<string, string | undefined>,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /PORT=(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * A new, empty PostgreSQL database for one benchmark, on the server of DATABASE_URL (default:
 * the local one); undefined when no server answers, so the benchmark can skip PostgreSQL.
 */
export async function createBenchDatabase(prefix: string): Promise<string | undefined> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const name = `${prefix}_${Date.now()}`;
    await client.query(`create database ${name}`);
    const runUrl = new URL(url);
    runUrl.pathname = `/${name}`;
    return runUrl.toString();
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropBenchDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}
