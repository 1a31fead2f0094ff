/**
 * The JavaScript a phone downloads to show the home page: every script and modulepreload of
 * web/dist/index.html, gzipped. The baseline is the floor of any React app: a one-line React
 * page built by the same Vite in the same run and gzipped the same way. Target: ≤ 150 KB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import { result, type BenchResult } from './harness.ts';
import { buildWeb, gzipped, HOME_PAGE_BUDGET_BYTES, kb, measureHomePage } from './web-bundle.ts';

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
  // Always measure a fresh production build of the code as it is now.
  buildWeb();
  const home = measureHomePage();
  const reactFloor = await buildReactFloor();
  return [
    result({
      name: `home page JavaScript, gzipped (${home.files.length} files)`,
      unit: 'KB',
      figure: kb(home.total),
      baselineName: 'a one-line React page, same Vite',
      baseline: kb(reactFloor),
      target: { text: `≤ ${HOME_PAGE_BUDGET_BYTES / 1024} KB`, met: home.total <= HOME_PAGE_BUDGET_BYTES },
    }),
  ];
}
