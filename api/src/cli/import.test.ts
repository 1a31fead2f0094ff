/**
 * `npm run import` as a real child process on a PGlite folder of its own: while another process
 * (the server) holds the folder it prints one sentence and exits 2; a file that is not a table
 * exits 2 with its code; `--json` keeps standard output pure JSON while progress goes to
 * standard error, and no line is longer than 2,000 characters.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-import-cli-'));
const dataDir = path.join(work, 'data');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const FLAT = path.resolve(repoRoot, '../shared/data/gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv');

function runImport(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'api/src/cli/import.ts', 'gazetteer', ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      // PGlite in a folder of its own, whatever database the test run uses.
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DEMO_DATA: 'false' },
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** NCDD's CSV export of Pailin: two title rows, the header, 102 rows. */
function pailinCsv(): string {
  const [header = '', ...rows] = fs.readFileSync(FLAT, 'utf8').split('\n').filter(Boolean);
  const width = header.split(',').length;
  const pailin = rows.filter((line) => line.split(',')[3] === '24');
  const file = path.join(work, 'pailin.csv');
  fs.writeFileSync(
    file,
    [
      `List of Gazetteer Code${','.repeat(width - 1)}`,
      `14/10/2024${','.repeat(width - 1)}`,
      header,
      ...pailin,
    ].join('\n'),
  );
  return file;
}

describe('npm run import', () => {
  it('prints one sentence and exits 2 while the server holds the PGlite folder', async () => {
    const unlock = await lockDataDir(dataDir);
    try {
      const run = runImport([pailinCsv(), '--dry-run']);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([
        `The data folder ${dataDir} is in use by the running server (npm start): stop the server, then run the import again.`,
      ]);
    } finally {
      await unlock();
    }
  }, 60_000);

  it('refuses a file that is not a table with its code and exit 2, and keeps --json output pure', () => {
    const json = path.join(work, 'units.json');
    fs.writeFileSync(json, JSON.stringify([{ code: '2401', name_km: 'ស្រុក' }]));
    const refused = runImport([json, '--json']);
    expect(refused.status).toBe(2);
    const report = JSON.parse(refused.stdout) as { applied: boolean; changeSet: { problems: unknown[] } };
    expect(report.applied).toBe(false);
    expect(report.changeSet.problems).toEqual([
      expect.objectContaining({
        code: 'gazetteer.import.wrong_kind',
        message: expect.stringMatching(/JSON/),
      }),
    ]);

    const dry = runImport([pailinCsv(), '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    const outcome = JSON.parse(dry.stdout) as {
      changeSet: { unitsRead: Record<string, number>; problems: unknown[] };
    };
    expect(outcome.changeSet.problems).toEqual([]);
    const { 2: districts = 0, 3: communes = 0, 4: villages = 0 } = outcome.changeSet.unitsRead;
    expect(districts + communes + villages).toBe(102);
    // Progress on standard error, phase by phase, with the rows.
    expect(dry.stderr).toMatch(/gazetteer import: reading files 1\/1/);
    expect(dry.stderr).toMatch(/gazetteer import: comparing with the tree 1\/1/);
    for (const line of [...dry.stdout.split('\n'), ...dry.stderr.split('\n')])
      expect(line.length).toBeLessThanOrEqual(2000);
  }, 180_000);
});
