/**
 * The boundary check fails on a deliberate violation, naming the rule, and passes once it is
 * mended: scripts/check-boundaries.mjs with the real .dependency-cruiser.mjs, run on small
 * trees written to a temporary folder (the rules read paths relative to the working directory).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(repoRoot, 'scripts', 'check-boundaries.mjs');
const config = path.join(repoRoot, '.dependency-cruiser.mjs');
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

type Tree = Record<string, string>;

/** Two API modules and a web module that keep every rule; each case changes one file. */
const CLEAN: Tree = {
  'api/src/app.ts': "import { modules } from './modules.ts';\nexport const app = modules;\n",
  'api/src/modules.ts':
    "import { a } from './modules/a/index.ts';\nimport { b } from './modules/b/index.ts';\nexport const modules = [a, b];\n",
  'api/src/platform/errors.ts': 'export const fail = (code: string) => new Error(code);\n',
  'api/src/test-support/test-app.ts':
    "import { app } from '../app.ts';\nexport const openTestApp = () => app;\n",
  'api/src/modules/a/index.ts':
    "import { sum } from './a.service.ts';\nexport const a = { name: 'a', sum };\n",
  'api/src/modules/a/a.service.ts':
    "import { fail } from '../../platform/errors.ts';\nimport { total } from '../b/index.ts';\n" +
    'export const sum = (n: number) => (n < 0 ? fail("a.negative") : total(n));\n',
  'api/src/modules/a/a.test.ts':
    "import { openTestApp } from '../../test-support/test-app.ts';\nopenTestApp();\n",
  'api/src/modules/b/index.ts': "export { total } from './b.queries.ts';\nexport const b = { name: 'b' };\n",
  'api/src/modules/b/b.queries.ts': 'export const total = (n: number) => n * 2;\n',
  'api/src/cli/sum.ts': "import { a } from '../modules/a/index.ts';\nexport const run = () => a.sum(1);\n",
  'web/src/lib/format.ts': 'export const format = (n: number) => String(n);\n',
  'web/src/app/query-client.ts': 'export const queryClient = { name: "client" };\n',
  'web/src/app/router.tsx':
    "import { UnitName } from '../modules/units/index.ts';\nimport { queryClient } from './query-client.ts';\n" +
    'export const routes = [UnitName, queryClient];\n',
  'web/src/modules/units/index.ts': "export { UnitName } from './unit-name.tsx';\n",
  'web/src/modules/units/unit-name.tsx':
    "import { format } from '../../lib/format.ts';\nexport const UnitName = () => format(1);\n",
  'web/src/modules/plans/plan-page.tsx':
    "import { UnitName } from '../units/index.ts';\nexport const PlanPage = () => UnitName();\n",
};

/** Writes the tree to a new folder and runs the check there (several at once: each takes ~1 s). */
async function run(tree: Tree): Promise<{ status: number | null; output: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sndd-boundaries-'));
  folders.push(root);
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--config', config], { cwd: root }, (error, stdout, stderr) => {
      resolve({
        status: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        output: stdout + stderr,
      });
    });
  });
}

describe.concurrent('the boundary check (dependency-cruiser)', () => {
  it('passes on a tree that keeps the rules', async ({ expect }) => {
    const { status, output } = await run(CLEAN);
    expect(output).toContain('0 error(s)');
    expect(status).toBe(0);
  });

  const cases: { rule: string; why: string; files: Tree; shows: string }[] = [
    {
      rule: 'api-module-through-index',
      why: "a module imports another module's queries",
      files: {
        'api/src/modules/a/a.service.ts':
          "import { total } from '../b/b.queries.ts';\nexport const sum = (n: number) => total(n);\n",
      },
      shows: 'api/src/modules/a/a.service.ts → api/src/modules/b/b.queries.ts',
    },
    {
      rule: 'api-module-through-index',
      why: "a module's test imports another module's internal file, type-only",
      files: {
        'api/src/modules/a/a.test.ts':
          "import type { total } from '../b/b.queries.ts';\nexport const t: typeof total = (n) => n;\n",
      },
      shows: 'api/src/modules/a/a.test.ts → api/src/modules/b/b.queries.ts',
    },
    {
      rule: 'api-platform-imports-no-module',
      why: 'the platform imports a module',
      files: {
        'api/src/platform/errors.ts':
          "import { b } from '../modules/b/index.ts';\nexport const fail = (code: string) => new Error(code + b.name);\n",
      },
      shows: 'api/src/platform/errors.ts → api/src/modules/b/index.ts',
    },
    {
      rule: 'api-no-composition-root',
      why: 'a module imports the module list',
      files: {
        'api/src/modules/b/b-cli.ts':
          "import { modules } from '../../modules.ts';\nexport const count = modules.length;\n",
      },
      shows: 'api/src/modules/b/b-cli.ts → api/src/modules.ts',
    },
    {
      rule: 'api-test-support-only-in-tests',
      why: 'running code imports the test support',
      files: {
        'api/src/modules/b/b-helper.ts':
          "import { openTestApp } from '../../test-support/test-app.ts';\nexport const help = () => openTestApp();\n",
      },
      shows: 'api/src/modules/b/b-helper.ts → api/src/test-support/test-app.ts',
    },
    {
      rule: 'no-module-cycle',
      why: 'two modules import each other through their index files',
      files: {
        'api/src/modules/b/b.queries.ts':
          "import { a } from '../a/index.ts';\nexport const total = (n: number) => n * a.name.length;\n",
      },
      shows: 'api:a ⇄ api:b',
    },
    {
      rule: 'api-entry-through-index',
      why: "a command-line entry imports a module's service",
      files: {
        'api/src/cli/sum.ts':
          "import { sum } from '../modules/a/a.service.ts';\nexport const run = () => sum(1);\n",
      },
      shows: 'api/src/cli/sum.ts → api/src/modules/a/a.service.ts',
    },
    {
      rule: 'web-app-through-index',
      why: "the app shell imports a module's page",
      files: {
        'web/src/app/router.tsx':
          "import { UnitName } from '../modules/units/unit-name.tsx';\nexport const routes = [UnitName];\n",
      },
      shows: 'web/src/app/router.tsx → web/src/modules/units/unit-name.tsx',
    },
    {
      rule: 'web-module-no-app-shell',
      why: 'a web module imports the app shell',
      files: {
        'web/src/modules/units/unit-name.tsx':
          "import { queryClient } from '../../app/query-client.ts';\nexport const UnitName = () => queryClient.name;\n",
      },
      shows: 'web/src/modules/units/unit-name.tsx → web/src/app/query-client.ts',
    },
    {
      rule: 'web-shared-imports-no-module',
      why: 'a shared web file imports a module',
      files: {
        'web/src/lib/format.ts':
          "import type { UnitName } from '../modules/units/index.ts';\nexport const format = (n: number): ReturnType<typeof UnitName> => String(n);\n",
      },
      shows: 'web/src/lib/format.ts → web/src/modules/units/index.ts',
    },
    {
      rule: 'web-module-through-index',
      why: "a web module imports another module's page",
      files: {
        'web/src/modules/plans/plan-page.tsx':
          "import { UnitName } from '../units/unit-name.tsx';\nexport const PlanPage = () => UnitName();\n",
      },
      shows: 'web/src/modules/plans/plan-page.tsx → web/src/modules/units/unit-name.tsx',
    },
  ];

  // One violating tree per rule would cost a second each; the violations touch different files,
  // so one tree holds them all and each must be reported under its rule.
  it('fails on each deliberate violation, naming its rule and the import', async ({ expect }) => {
    const { status, output } = await run(Object.assign({}, CLEAN, ...cases.map((c) => c.files)));
    expect(status).toBe(1);
    for (const { rule, shows } of cases) {
      expect(output).toContain(`✗ ${rule} (error`);
      expect(output).toContain(shows);
    }
  });

  it('fails on a single violation too', async ({ expect }) => {
    const { status, output } = await run({ ...CLEAN, ...cases[0]!.files });
    expect(status).toBe(1);
    expect(output).toContain(`✗ ${cases[0]!.rule} (error, 1)`);
    expect(output).toContain('1 error(s)');
  });

  it("lets a module's test build the app and read the module list", async ({ expect }) => {
    const { status, output } = await run({
      ...CLEAN,
      'api/src/modules/b/b.test.ts':
        "import { app } from '../../app.ts';\nimport { modules } from '../../modules.ts';\nexport const both = [app, modules];\n",
    });
    expect(output).toContain('0 error(s)');
    expect(status).toBe(0);
  });
});
