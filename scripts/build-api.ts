#!/usr/bin/env node
/**
 * `npm run build:api`: the API compiled to JavaScript in api/dist, for `npm run start:prod`
 * (`node api/dist/main.js`: the node process is the server itself, no npm, sh or tsx between it
 * and the signals of a container runtime or systemd).
 *
 * Each file of api/src (tests left out) is transpiled on its own by TypeScript's
 * `transpileModule` (types are stripped, not checked: `npm run check` does that), with the
 * relative `.ts` imports rewritten to `.js`. The layout mirrors api/src at the same depth, so
 * paths found from `import.meta.url` keep working: the repository root (reference-data/,
 * web/dist, package.json) is still two folders up, and every module's migrations (.sql) and
 * other data files are copied beside its code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(repoRoot, 'api', 'src');
const target = path.join(repoRoot, 'api', 'dist');

const isTest = (file: string) =>
  /\.(test|bench)\.ts$/.test(file) || file.includes(`${path.sep}test-support${path.sep}`);

const started = performance.now();
fs.rmSync(target, { recursive: true, force: true });
let compiled = 0;
let copied = 0;
for (const entry of fs.readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = path.join(entry.parentPath, entry.name);
  const relative = path.relative(source, from);
  if (relative.startsWith(`fuzz${path.sep}`) || isTest(from)) continue;
  if (entry.name.endsWith('.d.ts')) continue;
  if (entry.name.endsWith('.ts')) {
    const output = ts.transpileModule(fs.readFileSync(from, 'utf8'), {
      fileName: from,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
        sourceMap: false,
      },
    });
    const to = path.join(target, relative.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, output.outputText);
    compiled += 1;
  } else if (!entry.name.endsWith('.md')) {
    const to = path.join(target, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied += 1;
  }
}
process.stdout.write(
  `api/dist: ${compiled} modules compiled, ${copied} data files copied in ${Math.round(performance.now() - started)} ms; start with npm run start:prod\n`,
);
