/**
 * The module contract, held against every manifest of modules.ts (docs/architecture.md, "The
 * module contract"; issue #11):
 *
 *   - tables: each module's tables exist after the migrations, its own migrations create them,
 *     no two modules claim one, and every table of the database is some module's (the
 *     platform's own aside: its bookkeeping and the audit trail);
 *   - no module's code names another module's table (Kysely's `selectFrom('t')`,
 *     `insertInto`, `updateTable`, `deleteFrom`, joins, `sql.table`, and the text of `sql`
 *     templates); tests are left out, as they may look anywhere;
 *   - error codes, permissions and grants: each starts with the module's name, and a module
 *     grants only its own permissions.
 *
 * A module's code is the folder of the index.ts that exports its manifest (the top folder under
 * modules/, as the boundary rule counts modules): the services module and Open311, which lives
 * in services/open311, share the services module's tables; budgets and its open-data part too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, modules } from './modules.ts';
import { misplacedCodes } from './platform/errors.ts';
import { migrate } from './platform/db/migrations.ts';
import type { ModuleManifest } from './platform/module.ts';
import { openEmptyTestDb, type TestDb } from './test-support/test-db.ts';

const manifests: readonly ModuleManifest[] = modules;
const srcDir = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.join(srcDir, 'modules');
const rel = (file: string) => path.relative(path.join(srcDir, '..', '..'), file);

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
}

/** module name → the top folder under modules/ of the index.ts that exports its manifest. */
async function folderOfEachModule(): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const index of filesUnder(modulesDir, (file) => path.basename(file) === 'index.ts')) {
    const exported = Object.values((await import(pathToFileURL(index).href)) as Record<string, unknown>);
    for (const manifest of manifests) {
      if (exported.includes(manifest) && !folders.has(manifest.name)) {
        folders.set(manifest.name, path.relative(modulesDir, index).split(path.sep)[0]!);
      }
    }
  }
  return folders;
}

/** The tables one migration created, by comparing the tables before and after it. */
async function tablesOf(db: Kysely<unknown>): Promise<Set<string>> {
  // Tables and partitioned tables; a partition (results' values by year) belongs to its
  // parent, which is what a module lists.
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  return new Set(rows.map((row) => row.name));
}

const QUERY_BUILDER = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'table', // sql.table('t')
]);

/**
 * The table names a file uses, with their lines: the first argument of the query builder's
 * table methods (`'t'`, `'t as x'`, `['t', 'u']`), and every word of `sql` templates and of
 * `sql.raw(…)` that is one of `known`.
 */
function tablesUsed(file: string, known: ReadonlySet<string>): { table: string; line: number }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const used: { table: string; line: number }[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const words = (node: ts.Node, chunk: string) => {
    for (const word of chunk.match(/[a-z][a-z0-9_]*/g) ?? []) {
      if (known.has(word)) used.push({ table: word, line: at(node) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      if (QUERY_BUILDER.has(method) && first) {
        const names = ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
        for (const name of names) {
          if (ts.isStringLiteralLike(name)) {
            const table = name.text.trim().split(/\s+/)[0] ?? '';
            if (known.has(table)) used.push({ table, line: at(name) });
          }
        }
      }
      if (method === 'raw' && first && ts.isStringLiteralLike(first)) words(first, first.text);
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(source);
      if (tag === 'sql' || tag.startsWith('sql<')) {
        const template = node.template;
        if (ts.isNoSubstitutionTemplateLiteral(template)) words(template, template.text);
        else {
          words(template.head, template.head.text);
          for (const span of template.templateSpans) words(span.literal, span.literal.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

let t: TestDb;
/** table → the module whose migration created it ('platform' for the platform's own). */
const createdBy = new Map<string, string>();
let tablesAfterMigrations = new Set<string>();
let folders = new Map<string, string>();

beforeAll(async () => {
  folders = await folderOfEachModule();
  t = await openEmptyTestDb();
  const db = t.kysely as Kysely<unknown>;
  await migrate(db, []); // the platform's bookkeeping table, before any migration
  let before = await tablesOf(db);
  for (const table of before) createdBy.set(table, 'platform');
  for (const migration of allMigrations()) {
    await migrate(db, [migration]);
    const after = await tablesOf(db);
    const owner = migration.id.split('/')[0]!;
    for (const table of after) if (!before.has(table)) createdBy.set(table, owner);
    before = after;
  }
  tablesAfterMigrations = before;
});
afterAll(async () => t?.close());

describe('the module contract', () => {
  it('lists each module once, each exported by an index.ts under modules/', () => {
    const names = manifests.map((module) => module.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names.filter((name) => !folders.has(name))).toEqual([]);
  });

  it("has each module's tables in the database, made by its own migrations", () => {
    const problems: string[] = [];
    for (const module of manifests) {
      for (const table of module.tables) {
        if (!tablesAfterMigrations.has(table)) problems.push(`${module.name}: ${table} does not exist`);
        else if (createdBy.get(table) !== module.name) {
          problems.push(`${module.name}: ${table} is created by a migration of ${createdBy.get(table)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no table claimed by two modules', () => {
    const claimedBy = new Map<string, string[]>();
    for (const module of manifests) {
      for (const table of module.tables) claimedBy.set(table, [...(claimedBy.get(table) ?? []), module.name]);
    }
    const twice = [...claimedBy]
      .filter(([, owners]) => owners.length > 1)
      .map(([table, o]) => `${table}: ${o.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it("has every table owned by a module, except the platform's own", () => {
    const claimed = new Set(manifests.flatMap((module) => module.tables));
    const unowned = [...tablesAfterMigrations]
      .filter((table) => !claimed.has(table) && createdBy.get(table) !== 'platform')
      .sort()
      .map((table) => `${table} (created by a migration of ${createdBy.get(table) ?? '?'})`);
    expect(unowned).toEqual([]);
  });

  it("has no module's code name another module's table (tests aside)", () => {
    /** table → the folder of the module that owns it */
    const folderOfTable = new Map<string, string>();
    for (const module of manifests) {
      for (const table of module.tables) folderOfTable.set(table, folders.get(module.name) ?? module.name);
    }
    const known = new Set(folderOfTable.keys());
    const reaches: string[] = [];
    for (const folder of new Set(folders.values())) {
      const files = filesUnder(
        path.join(modulesDir, folder),
        (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
      );
      for (const file of files) {
        for (const { table, line } of tablesUsed(file, known)) {
          const owner = folderOfTable.get(table);
          if (owner !== folder) reaches.push(`${rel(file)}:${line} uses ${table} (of ${owner})`);
        }
      }
    }
    expect([...new Set(reaches)]).toEqual([]);
  });

  it("has every error code of a registry start with its module's name", () => {
    const misplaced = manifests.flatMap((module) =>
      module.errors
        ? misplacedCodes(module.name, module.errors).map((code) => `${module.name}: ${code}`)
        : [],
    );
    expect(misplaced).toEqual([]);
  });

  it("has every permission start with its module's name, and each module grant only its own", () => {
    const problems: string[] = [];
    const all = new Map<string, string>();
    for (const module of manifests) {
      const own = new Set((module.permissions ?? []).map((permission) => permission.code));
      for (const code of own) {
        if (!code.startsWith(`${module.name}.`)) problems.push(`${module.name} declares ${code}`);
        if (all.has(code)) problems.push(`${code} is declared by ${all.get(code)} and ${module.name}`);
        all.set(code, module.name);
      }
      for (const [role, granted] of Object.entries(module.grants ?? {})) {
        for (const code of granted ?? []) {
          if (!own.has(code))
            problems.push(`${module.name} grants ${role} ${code}, not one of its permissions`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
