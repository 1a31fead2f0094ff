/**
 * `npm start` on an empty PGlite folder, with the whole country (16,457 units, the outlines of
 * three levels, the commune figures) and the demo, until it prints that it is running (target
 * < 60 s, peak memory < 600 MB); then a later start on the same folder (target < 3 s). Peak
 * memory is the server process's peak resident set (VmHWM), read just before it is stopped.
 * Baselines, measured in the same run: node + tsx creating an empty PGlite folder (for the
 * first start), and opening the loaded folder and running one query (for the later start and
 * for memory).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import { result, type BenchResult } from './harness.ts';

/** Peak resident memory of a process so far, in MB (Linux; 0 elsewhere). */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface Timed {
  ms: number;
  peakMb: number;
  output: string;
}

function timeUntil(args: string[], env: Record<string, string>, marker: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
    let out = '';
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker) && child.exitCode === null && !child.killed) {
        const ms = performance.now() - started;
        const peakMb = peakRssMb(child.pid);
        child.once('exit', () => resolve({ ms, peakMb, output: out }));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => {
      if (!out.includes(marker))
        reject(new Error(`exited with ${code} before "${marker}":\n${out.slice(-2000)}`));
    });
  });
}

const FLOOR_SCRIPT = `
import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create(process.env.DATA_DIR + '/pglite');
await db.query('select count(*) from gazetteer_unit');
console.log('FLOOR_READY');
process.on('SIGTERM', async () => { await db.close(); process.exit(0); });
`;

export async function run(): Promise<BenchResult[]> {
  const env = {
    DATABASE_URL: '',
    BUILD_WEB_IF_MISSING: 'false',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const start = ['--import', 'tsx', 'api/src/main.ts'];
  const scratch = path.join(repoRoot, 'node_modules', '.cache', 'sndd-bench', 'first-start');
  fs.mkdirSync(scratch, { recursive: true });
  const floorFile = path.join(scratch, 'floor.mts');
  fs.writeFileSync(floorFile, FLOOR_SCRIPT);
  const createFile = path.join(scratch, 'create.mts');
  fs.writeFileSync(
    createFile,
    FLOOR_SCRIPT.replace("await db.query('select count(*) from gazetteer_unit');", ''),
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-bench-first-'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-bench-empty-'));
  try {
    const createFloor = await timeUntil(['--import', 'tsx', createFile], { DATA_DIR: empty }, 'FLOOR_READY');
    const first = await timeUntil(start, { ...env, DATA_DIR: dataDir }, 'SNDD Platform is running');
    for (const line of first.output.split('\n').filter((text) => text.includes('reference data:')))
      console.log(`  ${JSON.parse(line).msg ?? line}`);
    const later = await timeUntil(start, { ...env, DATA_DIR: dataDir }, 'SNDD Platform is running');
    const floor = await timeUntil(['--import', 'tsx', floorFile], { DATA_DIR: dataDir }, 'FLOOR_READY');
    return [
      result({
        name: 'npm start, first start: whole country and demo on an empty PGlite folder',
        unit: 'ms',
        figure: first.ms,
        baselineName: 'node + tsx creating an empty PGlite folder',
        baseline: createFloor.ms,
        target: { text: '< 60000 ms', met: first.ms < 60_000 },
      }),
      result({
        name: 'npm start, first start: peak resident memory',
        unit: 'MB',
        figure: first.peakMb,
        baselineName: 'node + tsx opening the loaded PGlite folder, one query',
        baseline: floor.peakMb,
        target: { text: '< 600 MB', met: first.peakMb < 600 },
      }),
      result({
        name: 'npm start, later start on the loaded folder',
        unit: 'ms',
        figure: later.ms,
        baselineName: 'node + tsx opening the same PGlite folder, one query',
        baseline: floor.ms,
        target: { text: '< 3000 ms', met: later.ms < 3000 },
      }),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
