/**
 * `npm run worker` as a child process, for the tests that treat it as an operator would
 * (cli/worker.test.ts; platform/db/postgres-faults.test.ts restarts PostgreSQL under it): its
 * output collected, killed at the end of the file if still running, and a job sent through
 * the queue waited for.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import { repoRoot } from '../config.ts';
import { modules } from '../modules.ts';
import { jobsSchemaOf } from '../platform/jobs/job-queue.ts';
import { wireModules } from '../platform/wiring.ts';

export interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the worker with these settings over the test's environment (demo data off). */
export function startWorkerProcess(
  env: Record<string, string>,
  cleanups: (() => Promise<void>)[],
): WorkerProcess {
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
  return { child, output: () => output, exited };
}

/** The line the worker logs once it takes jobs. */
export const WORKER_RUNNING = /worker \(pid \d+\) running \d+ job\(s\)/;

export async function waitFor(
  what: string,
  condition: () => boolean,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Sends `platform.idempotency_purge` (a job with nothing to do) on `db` and waits up to
 * `timeoutMs` for a worker to complete it; the job's last state.
 */
export async function sendAndAwaitJob(db: Kysely<unknown>, timeoutMs = 60_000): Promise<string> {
  const ctx = wireModules(db, modules).contextOf('audit');
  const waitFrom = Date.now();
  // Sent as soon as the database takes it (it may be coming back from a restart).
  let id: string | null = null;
  while (id === null) {
    try {
      id = await ctx.jobs.send('platform.idempotency_purge');
    } catch (error) {
      if (Date.now() - waitFrom > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const schema = await jobsSchemaOf(db as never);
  let state = '';
  while (state !== 'completed' && Date.now() - waitFrom < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { rows } = await sql<{ state: string }>`select state::text as state
      from ${sql.table(`${schema}.job`)} where id = ${id}::uuid`
      .execute(db)
      .catch(() => ({ rows: [] as { state: string }[] }));
    state = rows[0]?.state ?? state;
  }
  return state;
}
