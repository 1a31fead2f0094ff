/**
 * One process at a time on a PGlite data directory.
 *
 * PGlite has no server to arbitrate between processes: a second process opening the same
 * folder would corrupt it. We hold a lock (proper-lockfile: an atomic mkdir, refreshed every
 * few seconds, considered stale when a crashed process stops refreshing it) and refuse to open
 * the folder when another live process holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  readonly code = 'platform.data_dir.locked';
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is already in use by another SNDD Platform process. ` +
        'PGlite allows one process per data directory: stop the other process, or set DATA_DIR ' +
        'to another folder. If no other process is running (it crashed), wait 10 seconds and ' +
        'start again.',
    );
    this.name = 'DataDirLockedError';
  }
}

const STALE_AFTER_MS = 10_000;

/** Takes the lock and returns the function that gives it back. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, 'pglite');
  fs.mkdirSync(target, { recursive: true });
  try {
    return await lockfile.lock(target, {
      lockfilePath: path.join(dataDir, 'pglite.lock'),
      stale: STALE_AFTER_MS,
      update: STALE_AFTER_MS / 5,
      realpath: false,
      onCompromised: (error) => {
        // Another process took our lock (we were frozen for longer than the stale time):
        // going on could corrupt the database, so stop at once.
        process.stderr.write(`Lost the lock on ${dataDir}: ${error.message}\n`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
