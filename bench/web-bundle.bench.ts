/**
 * The JavaScript a phone downloads to show the home page: every script and modulepreload of
 * web/dist/index.html, gzipped. The baseline is the floor of any React app: a one-line React
 * page built by the same Vite in the same run and gzipped the same way. Target: ≤ 150 KB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../api/src/config.ts';
import { result, type BenchResult } from './harness.ts';

const gzipped = (file: string): number => gzipSync(fs.readFileSync(file), { level: 9 }).length;

async function buildReactFloor(): Promise<number> {
  // Inside node_modules so that the build resolves react from the project's own install.
  const root = path.join(repoRoot, 'node_modules', '.cache', 'sndd-bench', 'react-floor');
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>',
  );
  fs.writeFileSync(
    path.join(root, 'main.js'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root')).render(createElement('p', null, 'hello'));\n",
  );
  const { build } = await import('vite');
  await build({ root, logLevel: 'silent', build: { outDir: path.join(root, 'dist') } });
  const assets = path.join(root, 'dist', 'assets');
  return fs
    .readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipped(path.join(assets, file)), 0);
}

export async function run(): Promise<BenchResult[]> {
  const dist = path.join(repoRoot, 'web', 'dist');
  // Always measure a fresh production build of the code as it is now.
  execFileSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: repoRoot, stdio: 'ignore' });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = new Set(
    [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
      (m) => m[1] ?? '',
    ),
  );
  const homeBytes = [...scripts].reduce(
    (sum, src) => sum + gzipped(path.join(dist, src.replace(/^\//, ''))),
    0,
  );

  const reactFloor = await buildReactFloor();

  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return [
    result({
      name: `home page JavaScript, gzipped (${scripts.size} files)`,
      unit: 'KB',
      figure: kb(homeBytes),
      baselineName: 'a one-line React page, same Vite',
      baseline: kb(reactFloor),
      target: { text: '≤ 150 KB', met: homeBytes <= 150 * 1024 },
    }),
  ];
}
