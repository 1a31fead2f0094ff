/**
 * One gazetteer import in a process of its own, as `npm run import` runs it, so its peak memory
 * is its own (the kernel's maxRSS of this process): opens the database (PostgreSQL, or PGlite in
 * a folder), prepares it without reference data when asked, imports the files into the empty
 * tree and prints `RESULT {json}`: the time of the import, the memory before it and the peak,
 * and the milliseconds of each phase (read, validate, compare, each table, search keys, audit,
 * commit: run-import.ts's timings).
 *
 *   node --import tsx bench/gazetteer-import-child.ts (--database-url <url> | --data-dir <dir>)
 *     [--prepare-only] <file>...
 */
import fs from 'node:fs';
import path from 'node:path';
import { CLI_ACTOR } from '../api/src/modules/gazetteer/import/apply.ts';
import { runImport } from '../api/src/modules/gazetteer/import/run-import.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';

const args = process.argv.slice(2);
const valueOf = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const databaseUrl = valueOf('--database-url');
const dataDir = valueOf('--data-dir');
const prepareOnly = args.includes('--prepare-only');
const files = args.filter(
  (arg, index) => !arg.startsWith('--') && !['--database-url', '--data-dir'].includes(args[index - 1] ?? ''),
);

const db = await createDb<unknown>({ databaseUrl, dataDir });
try {
  if (prepareOnly) {
    await prepareDatabase(db.kysely, { demoData: false, referenceData: 'none' });
  } else {
    const rssBefore = process.memoryUsage().rss;
    const timings = new Map<string, number>();
    const started = performance.now();
    const outcome = await runImport(db.kysely, {
      files: files.map((file) => ({ name: path.basename(file), data: fs.readFileSync(file) })),
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor: CLI_ACTOR('bench'),
      timings,
    });
    const ms = performance.now() - started;
    process.stdout.write(
      `RESULT ${JSON.stringify({
        ms,
        added: outcome.changeSet.counts.added,
        problems: outcome.changeSet.problems.length,
        rssBeforeMb: rssBefore / 2 ** 20,
        // resourceUsage().maxRSS is in kilobytes: the highest this process ever reached.
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        phases: Object.fromEntries(timings),
      })}\n`,
    );
  }
} finally {
  await db.close();
}
