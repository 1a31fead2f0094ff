/**
 * `npm start` on a fresh clone has no web/dist yet: build it once (vite build, ~10-30 s)
 * instead of asking people to remember a separate step.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function buildWebIfMissing(
  webDistDir: string,
  repoRoot: string,
  log: (message: string) => void,
): void {
  if (fs.existsSync(path.join(webDistDir, 'index.html'))) return;
  log(`web app not built yet (${webDistDir}): building it now…`);
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WEB_OUT_DIR: webDistDir },
  });
  if (result.status !== 0) {
    throw new Error('Building the web app failed (see above). The API cannot serve the web app without it.');
  }
}
