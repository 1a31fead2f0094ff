#!/usr/bin/env node
/**
 * Every error code the API can return has a Khmer and an English text in the web's catalogues
 * (`errors.<code>` in web/src/locales/{km,en}.json or any web/src/modules/**\/locales/{km,en}.json),
 * else the reader sees "unknown error". The codes the API can return are:
 *
 *   - the platform's own (PLATFORM_ERRORS, api/src/platform/errors.ts);
 *   - every code of every module's registry (its manifest's `errors`, from api/src/modules.ts);
 *   - every code found in api/src (tests left out) where an error is raised: the first code
 *     argument of `fail(…)` and of the other error makers (`new AppError(status, code, …)`,
 *     `open311Error(status, code, …)`, a local `bad(code, …)`…) and the `code:` of a problem
 *     object. A code built at run time (`gazetteer.import.${kind}`) stands for the registry
 *     codes it can produce; when it matches none, it is reported as not declared.
 *
 * A code found in the source but in no registry is reported too: an error by default
 * (UNDECLARED below), or a warning with `--undeclared=warn` while modules still lack registries.
 *
 *   node --import tsx scripts/check-error-codes.ts [--undeclared=warn|error]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { ModuleManifest } from '../api/src/platform/module.ts';

/** What a code found in the source but in no registry counts as: flip to 'warn' if needed. */
export const UNDECLARED: Severity = 'error';

export type Severity = 'error' | 'warn';

export interface Registry {
  /** `platform` or a module's name. */
  owner: string;
  codes: readonly string[];
}

export interface SourceFile {
  /** Shown in the report (relative to the repository). */
  file: string;
  text: string;
}

export interface Catalogue {
  file: string;
  lang: 'km' | 'en';
  texts: Record<string, unknown>;
}

export interface Found {
  /** The code, or the template as written (`gazetteer.import.${kind}`). */
  code: string;
  /** `file:line`. */
  where: string;
  /** A template string: a code built at run time. */
  template: boolean;
}

export interface ErrorCodeReport {
  /** Every code the API can return, with where it comes from (a registry, or the source). */
  codes: Map<string, string[]>;
  /** Codes (or templates) raised in the source that no registry declares, with where. */
  undeclared: { code: string; where: string[]; template: boolean }[];
  /** Codes without a text, and in which languages it lacks. */
  missingTexts: { code: string; langs: ('km' | 'en')[]; from: string[] }[];
  /** Counts for the summary line. */
  counts: { declared: number; inSource: number; onlyInSource: number; registries: number };
}

/**
 * Call names whose code argument (the first string argument) is an error code: `fail`,
 * `AppError`, `open311Error`, `sendErrors`, a local `bad` or `conflict`…
 */
const ERROR_MAKER = /^(fail|bad|conflict|refuse|reject|notFound|forbidden|unprocessable)\w*$|Errors?$/;
/** Property and variable names that hold an error code: `code`, `errorCode`… */
const CODE_NAME = /^(code|\w+Code)$/;
/** Constant tables of codes: `const INPUT_PROBLEM = { badNumber: 'transfers.input.bad_number' }`. */
const CODE_TABLE = /(error|problem|code)s?$/i;

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isStringLiteral(node)) return node.text;
  return undefined;
}

/** A string literal, or a template (with `${…}` kept as written) — else undefined. */
function literalOf(node: ts.Node, source: ts.SourceFile): { text: string; template: boolean } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { text: node.text, template: false };
  }
  if (ts.isTemplateExpression(node)) {
    const text = node.getText(source).slice(1, -1);
    return { text, template: true };
  }
  return undefined;
}

/**
 * Whether the literal sits where an error code goes: as the code argument of an error maker, or
 * as the value of a `code` property or variable. Conditionals, parentheses, `??`, `||` and
 * `as` between the two are looked through (`fail(kind ? 'a.x' : 'a.y')`).
 */
function inErrorPlace(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (
    parent &&
    (ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== child) ||
      (ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind)))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = nameOf(parent.expression);
    if (!callee || !ERROR_MAKER.test(callee)) return false;
    // `fail(code, …)`, `bad(code, …)`, `new AppError(status, code, …)`: the first string.
    const args = [...(parent.arguments ?? [])];
    const index = args.indexOf(child as ts.Expression);
    return index >= 0 && !args.slice(0, index).some((arg) => literalOfAny(arg));
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
    const name = nameOf(parent.name);
    if (name !== undefined && CODE_NAME.test(name)) return true;
    let table: ts.Node = parent.parent;
    while (table.parent && (ts.isAsExpression(table.parent) || ts.isSatisfiesExpression(table.parent))) {
      table = table.parent;
    }
    const declaration = table.parent;
    return (
      !!declaration &&
      ts.isVariableDeclaration(declaration) &&
      ts.isIdentifier(declaration.name) &&
      CODE_TABLE.test(declaration.name.text)
    );
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === child) {
    return ts.isIdentifier(parent.name) && CODE_NAME.test(parent.name.text);
  }
  return false;
}

function literalOfAny(node: ts.Node | undefined): boolean {
  return !!node && (ts.isStringLiteral(node) || ts.isTemplateLiteral(node));
}

/**
 * The error codes raised in one file: literals and templates in an error place whose first
 * segment is one of `prefixes` (module names and the platform's `http`, `auth`…), minus
 * `ignore` (permission codes, which look the same).
 */
export function codesInSource(
  { file, text }: SourceFile,
  prefixes: ReadonlySet<string>,
  ignore: ReadonlySet<string> = new Set(),
): Found[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const literal = literalOf(node, source);
    if (literal) {
      const { text: code, template } = literal;
      const prefix = code.split('.')[0] ?? '';
      if (
        code.includes('.') &&
        (prefixes.has(prefix) || (template && code.startsWith('${'))) &&
        !/\s/.test(code) &&
        !ignore.has(code) &&
        inErrorPlace(node)
      ) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ code, where: `${file}:${line}`, template });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The registry codes a template can produce: `gazetteer.import.${kind}` → gazetteer.import.*. */
export function expandTemplate(template: string, declared: Iterable<string>): string[] {
  const pattern = template
    .split(/\$\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\s]+');
  const regex = new RegExp(`^${pattern}$`);
  return [...declared].filter((code) => regex.test(code)).sort();
}

export function checkErrorCodes(input: {
  registries: readonly Registry[];
  sources: readonly SourceFile[];
  catalogues: readonly Catalogue[];
  /** Codes that look like error codes but are not (permissions). */
  ignore?: ReadonlySet<string>;
  /** Extra first segments of codes (module names); those of the registries are always in. */
  prefixes?: Iterable<string>;
}): ErrorCodeReport {
  const codes = new Map<string, string[]>();
  const add = (code: string, from: string) => {
    const list = codes.get(code) ?? [];
    if (!list.includes(from)) list.push(from);
    codes.set(code, list);
  };
  for (const { owner, codes: list } of input.registries)
    for (const code of list) add(code, `${owner} registry`);
  const declared = new Set(codes.keys());
  const prefixes = new Set([...(input.prefixes ?? []), ...[...declared].map((code) => code.split('.')[0]!)]);

  const undeclaredAt = new Map<string, { code: string; where: string[]; template: boolean }>();
  const notDeclared = ({ code, where, template }: Found) => {
    const entry = undeclaredAt.get(code) ?? { code, where: [], template };
    entry.where.push(where);
    undeclaredAt.set(code, entry);
  };
  const inSource = new Set<string>();
  for (const file of input.sources) {
    for (const found of codesInSource(file, prefixes, input.ignore)) {
      if (found.template) {
        const expanded = expandTemplate(found.code, declared);
        if (expanded.length === 0) notDeclared(found);
        for (const code of expanded) inSource.add(code);
        continue;
      }
      inSource.add(found.code);
      if (!declared.has(found.code)) {
        notDeclared(found);
        add(found.code, found.where);
      }
    }
  }

  const texts: Record<'km' | 'en', Set<string>> = { km: new Set(), en: new Set() };
  for (const catalogue of input.catalogues) {
    for (const [key, value] of Object.entries(catalogue.texts)) {
      if (key.startsWith('errors.') && typeof value === 'string' && value.trim() !== '') {
        texts[catalogue.lang].add(key.slice('errors.'.length));
      }
    }
  }
  const missingTexts = [...codes.entries()]
    .map(([code, from]) => ({
      code,
      from,
      langs: (['km', 'en'] as const).filter((lang) => !texts[lang].has(code)),
    }))
    .filter((entry) => entry.langs.length > 0)
    .sort((a, b) => a.code.localeCompare(b.code));

  return {
    codes,
    undeclared: [...undeclaredAt.values()].sort((a, b) => a.code.localeCompare(b.code)),
    missingTexts,
    counts: {
      declared: declared.size,
      inSource: inSource.size,
      onlyInSource: codes.size - declared.size,
      registries: input.registries.length,
    },
  };
}

/** The report as lines, and whether it fails. */
export function formatReport(
  report: ErrorCodeReport,
  undeclaredSeverity: Severity,
): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  const { counts } = report;
  lines.push(
    `error codes: ${report.codes.size} the API can return (${counts.declared} declared in ` +
      `${counts.registries} registries, platform included; ${counts.onlyInSource} found only in the source; ` +
      `${counts.inSource} raised in the source)`,
  );
  if (report.missingTexts.length > 0) {
    lines.push(
      ``,
      `  ✗ ${report.missingTexts.length} code(s) without a text (key errors.<code>, language missing, from):`,
    );
    const width = Math.max(...report.missingTexts.map((entry) => entry.code.length));
    for (const { code, langs, from } of report.missingTexts) {
      lines.push(`      ${code.padEnd(width)}  ${langs.join('+').padEnd(5)}  ${from.join(', ')}`);
    }
  }
  if (report.undeclared.length > 0) {
    const mark = undeclaredSeverity === 'error' ? '✗' : '!';
    lines.push(
      ``,
      `  ${mark} ${report.undeclared.length} code(s) raised in the source but in no registry ` +
        `(${undeclaredSeverity === 'error' ? 'an error' : 'a warning'}: UNDECLARED in ` +
        `scripts/check-error-codes.ts, or --undeclared=warn|error); declare each in its module's ` +
        `<name>.errors.ts:`,
    );
    const width = Math.max(...report.undeclared.map((entry) => entry.code.length));
    for (const { code, where, template } of report.undeclared) {
      const note = template ? '  (built at run time; matches no declared code)' : '';
      lines.push(`      ${code.padEnd(width)}  ${where.join(', ')}${note}`);
    }
  }
  const failed =
    report.missingTexts.length > 0 || (undeclaredSeverity === 'error' && report.undeclared.length > 0);
  lines.push(
    ``,
    `error codes: ${report.missingTexts.length} without text, ${report.undeclared.length} not declared ` +
      `(${undeclaredSeverity}) → ${failed ? 'FAILED' : 'ok'}`,
  );
  return { lines, failed };
}

// ---- Reading the repository ----------------------------------------------------------------

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
}

export async function readRepository(root = repoRoot): Promise<Parameters<typeof checkErrorCodes>[0]> {
  // Loaded here, not at the top: the test of this file needs none of the API.
  const { modules } = await import('../api/src/modules.ts');
  const { PLATFORM_ERRORS } = await import('../api/src/platform/errors.ts');
  const manifests: readonly ModuleManifest[] = modules;
  const registries: Registry[] = [
    { owner: 'platform', codes: Object.keys(PLATFORM_ERRORS) },
    ...manifests.map((module) => ({ owner: module.name, codes: Object.keys(module.errors ?? {}) })),
  ];
  const ignore = new Set(manifests.flatMap((module) => (module.permissions ?? []).map((p) => p.code)));
  const apiSrc = path.join(root, 'api/src');
  const sources = walk(
    apiSrc,
    (file) =>
      /\.ts$/.test(file) &&
      !/\.(test|d)\.ts$/.test(file) &&
      !file.startsWith(path.join(apiSrc, 'test-support') + path.sep),
  ).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));
  const webSrc = path.join(root, 'web/src');
  const catalogues = [
    path.join(webSrc, 'locales', 'km.json'),
    path.join(webSrc, 'locales', 'en.json'),
    ...walk(path.join(webSrc, 'modules'), (file) => /\/locales\/(km|en)\.json$/.test(file)),
  ].map((file) => ({
    file: path.relative(root, file),
    lang: path.basename(file, '.json') as 'km' | 'en',
    texts: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
  }));
  return { registries, sources, catalogues, ignore, prefixes: manifests.map((module) => module.name) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.find((arg) => arg.startsWith('--undeclared='))?.split('=')[1];
  const severity: Severity = flag === 'warn' || flag === 'error' ? flag : UNDECLARED;
  let input: Parameters<typeof checkErrorCodes>[0];
  try {
    input = await readRepository();
  } catch (error) {
    console.error(
      `error codes: cannot read the registries (api/src/modules.ts): ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const report = checkErrorCodes(input);
  const { lines, failed } = formatReport(report, severity);
  console.log(lines.join('\n'));
  if (failed) process.exitCode = 1;
}
