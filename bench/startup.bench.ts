/**
 * `npm start` until it prints that it is running: on a fresh data directory (migrations and
 * demo data; target < 30 s) and on an existing one (target < 3 s). The baseline is the floor
 * under any embedded start: a Node.js process with the same loader (tsx) that opens the same
 * PGlite folder and runs one query.
 *
 * The production entry (`npm run build:api`, then `node api/dist/main.js`, no tsx) on the same
 * existing folder, against plain node opening that folder: target within 1.5x.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import type { Database } from '../api/src/modules.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import { execFileSync } from 'node:child_process';
import { median, result, smoke, type BenchResult } from './harness.ts';

function timeUntil(args: string[], env: Record<string, string>, marker: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) {
        const elapsed = performance.now() - started;
        child.once('exit', () => resolve(elapsed));
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => {
      if (!out.includes(marker)) reject(new Error(`exited with ${code} before "${marker}"`));
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
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const start = ['--import', 'tsx', 'api/src/main.ts'];
  // Inside the project so that the script resolves PGlite from the project's own install.
  const scratch = path.join(repoRoot, 'node_modules', '.cache', 'sndd-bench', 'startup');
  fs.mkdirSync(scratch, { recursive: true });
  const floorFile = path.join(scratch, 'floor.mts');
  fs.writeFileSync(floorFile, FLOOR_SCRIPT);

  // The production entry is compiled once, before any timing.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-api.ts'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const production = ['api/dist/main.js'];
  // The same floor without tsx: node itself, as the production entry runs.
  const plainFloorFile = path.join(scratch, 'floor.mjs');
  fs.writeFileSync(plainFloorFile, FLOOR_SCRIPT);

  const firstStarts: number[] = [];
  const productionStarts: number[] = [];
  const plainFloors: number[] = [];
  const restarts: number[] = [];
  const floors: number[] = [];
  let firstFloor = 0;
  for (let round = 0; round < (smoke ? 1 : 3); round += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-bench-start-'));
    if (smoke) {
      // Smoke mode: the folder is prepared in this process with the small sample tree (a first
      // start loads the whole country, minutes); only the later starts are timed.
      const db = await createDb<Database>({ dataDir });
      await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
      await db.close();
    } else {
      firstStarts.push(await timeUntil(start, { ...env, DATA_DIR: dataDir }, 'SNDD Platform is running'));
    }
    restarts.push(await timeUntil(start, { ...env, DATA_DIR: dataDir }, 'SNDD Platform is running'));
    floors.push(await timeUntil(['--import', 'tsx', floorFile], { DATA_DIR: dataDir }, 'FLOOR_READY'));
    productionStarts.push(
      await timeUntil(production, { ...env, DATA_DIR: dataDir }, 'SNDD Platform is running'),
    );
    plainFloors.push(await timeUntil([plainFloorFile], { DATA_DIR: dataDir }, 'FLOOR_READY'));
    if (round === 0 && !smoke) {
      // The floor of a first start: creating an empty PGlite folder.
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-bench-empty-'));
      const createScript = FLOOR_SCRIPT.replace("await db.query('select count(*) from gazetteer_unit');", '');
      const createFile = floorFile.replace('floor.mts', 'create.mts');
      fs.writeFileSync(createFile, createScript);
      firstFloor = await timeUntil(['--import', 'tsx', createFile], { DATA_DIR: empty }, 'FLOOR_READY');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const restart = median(restarts);
  const first = median(firstStarts);
  const productionStart = median(productionStarts);
  const plainFloor = median(plainFloors);
  return [
    result({
      name: 'production entry (node api/dist/main.js), existing data directory',
      unit: 'ms',
      figure: productionStart,
      baselineName: 'plain node opening the same PGlite folder',
      baseline: plainFloor,
      target: { text: 'within 1.5x of the baseline', met: productionStart <= 1.5 * plainFloor },
    }),
    result({
      name: 'npm start, existing data directory',
      unit: 'ms',
      figure: restart,
      baselineName: 'node + tsx opening the same PGlite folder',
      baseline: median(floors),
      target: { text: '< 3000 ms', met: restart < 3000 },
    }),
    ...(smoke
      ? []
      : [
          result({
            name: 'npm start, first start with demo data',
            unit: 'ms',
            figure: first,
            baselineName: 'node + tsx creating an empty PGlite folder',
            baseline: firstFloor,
            target: { text: '< 30000 ms', met: first < 30_000 },
          }),
        ]),
  ];
}
