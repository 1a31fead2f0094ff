/**
 * One process at a time on a PGlite data directory.
 *
 * PGlite has no server to arbitrate between processes: a second process opening the same
 * folder would corrupt it. We hold a lock (proper-lockfile: an atomic mkdir, refreshed every
 * few seconds, considered stale when a crashed process stops refreshing it) and refuse to open
 * the folder when another live process holds it.
 *
 * A process killed outright (kill -9, a power cut in a container) cannot give the lock back.
 * So that the next start need not wait for the lock to go stale, the holder writes its process
 * id beside the lock (`pglite.lock.owner`, with the lock folder's inode, so that an owner file
 * left by an earlier lock is never taken for this one's); a process that finds the lock held
 * by a process of this machine that no longer exists removes it and takes it at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  readonly code = 'platform.data_dir.locked';
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is already in use by another SNDD Platform process. ` +
        'PGlite allows one process per data directory: stop the other process, or set DATA_DIR ' +
        'to another folder. If no other process is running (it crashed on another machine ' +
        'sharing the folder), wait 10 seconds and start again.',
    );
    this.name = 'DataDirLockedError';
  }
}

const STALE_AFTER_MS = 10_000;

interface LockOwner {
  pid: number;
  host: string;
  /** The inode of the lock folder this process created. */
  lock: number;
}

/** Takes the lock and returns the function that gives it back. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, 'pglite');
  fs.mkdirSync(target, { recursive: true });
  const lockPath = path.join(dataDir, 'pglite.lock');
  const ownerPath = `${lockPath}.owner`;
  const take = () =>
    lockfile.lock(target, {
      lockfilePath: lockPath,
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
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (!removeLockOfDeadOwner(lockPath, ownerPath)) throw new DataDirLockedError(dataDir);
    try {
      release = await take();
    } catch (again) {
      // Another process was quicker to take the freed lock.
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
      throw again;
    }
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), lock: fs.statSync(lockPath).ino };
  fs.writeFileSync(ownerPath, JSON.stringify(owner));
  return async () => {
    fs.rmSync(ownerPath, { force: true });
    await release();
  };
}

/**
 * Removes the lock when its owner file says it is held by a process of this machine that no
 * longer exists; true when it did. Anything uncertain (no owner file, another machine sharing
 * the folder, an owner file of an earlier lock) leaves the lock to go stale by itself.
 */
function removeLockOfDeadOwner(lockPath: string, ownerPath: string): boolean {
  let owner: LockOwner;
  try {
    owner = JSON.parse(fs.readFileSync(ownerPath, 'utf8')) as LockOwner;
    if (owner.host !== os.hostname() || owner.lock !== fs.statSync(lockPath).ino) return false;
  } catch {
    return false;
  }
  if (isRunning(owner.pid)) return false;
  fs.rmSync(lockPath, { recursive: true, force: true });
  fs.rmSync(ownerPath, { force: true });
  return true;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
