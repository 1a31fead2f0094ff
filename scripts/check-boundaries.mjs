#!/usr/bin/env node
/**
 * The module boundaries (docs/architecture.md, "Dependency rules"; ADR 0011): runs
 * dependency-cruiser with the rules of .dependency-cruiser.mjs over api/src and web/src, then
 * checks the one rule it cannot say by itself: no cycle between modules counted per module (a
 * file of A imports B and a file of B imports A, even when no chain of files closes a loop).
 * Lists every violation under the name of its rule; exits 1 when there is an error.
 *
 *   node scripts/check-boundaries.mjs [--config <file>] [folder...]
 *
 * Paths are read relative to the working directory, so the test runs it on a fixture tree.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
let configFile = path.join(repoRoot, '.dependency-cruiser.mjs');
const folders = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--config') configFile = path.resolve(args[(i += 1)] ?? '');
  else folders.push(args[i]);
}
if (folders.length === 0) folders.push(...['api/src', 'web/src'].filter((folder) => existsSync(folder)));

const MODULE = /^(api|web)\/src\/modules\/([^/]+)\//;
const TEST = /\.test\.tsx?$/;

export const MODULE_CYCLE_RULE = {
  name: 'no-module-cycle',
  severity: 'error',
  comment:
    'Modules depend on each other in one direction only, counted per module: some file of each ' +
    'module below imports the next one. Invert one side (a port the other provides) to break ' +
    'it. Tests are left out: nothing imports a test, so it adds no dependency to the program.',
};

/** Cycles between modules: strongly connected components (Tarjan) of the module graph. */
function moduleCycles(modules) {
  /** @type {Map<string, Map<string, string>>} module → (module it imports → one example import) */
  const graph = new Map();
  for (const file of modules) {
    const from = MODULE.exec(file.source);
    if (!from || TEST.test(file.source)) continue;
    const a = `${from[1]}:${from[2]}`;
    if (!graph.has(a)) graph.set(a, new Map());
    for (const dependency of file.dependencies) {
      const to = MODULE.exec(dependency.resolved);
      if (!to || to[1] !== from[1] || to[2] === from[2]) continue;
      const b = `${to[1]}:${to[2]}`;
      if (!graph.get(a).has(b)) graph.get(a).set(b, `${file.source} → ${dependency.resolved}`);
      if (!graph.has(b)) graph.set(b, new Map());
    }
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of [...graph.get(node).keys()].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => {
    const members = new Set(component);
    const imports = component.flatMap((a) =>
      [...graph.get(a)].filter(([b]) => members.has(b)).map(([b, example]) => `${a} → ${b}: ${example}`),
    );
    return { modules: component, imports };
  });
}

const options = await extractDepcruiseOptions(configFile);
const { output } = await cruise(folders, { ...options, validate: true, outputType: 'json' });
const result = typeof output === 'string' ? JSON.parse(output) : output;

// A rule may come in two parts under one name (the web's test exception): the first says it.
const comments = new Map();
for (const rule of options.ruleSet?.forbidden ?? []) {
  if (!comments.has(rule.name)) comments.set(rule.name, rule.comment ?? '');
}
comments.set(MODULE_CYCLE_RULE.name, MODULE_CYCLE_RULE.comment);

/** rule name → { severity, lines[] } */
const byRule = new Map();
const report = (rule, severity, line) => {
  if (!byRule.has(rule)) byRule.set(rule, { severity, lines: [] });
  byRule.get(rule).lines.push(line);
};
for (const violation of result.summary.violations) {
  if (violation.rule.severity === 'ignore') continue;
  const line = violation.cycle
    ? [violation.from, ...violation.cycle.map((step) => (typeof step === 'string' ? step : step.name))].join(
        ' → ',
      )
    : `${violation.from} → ${violation.to}`;
  report(violation.rule.name, violation.rule.severity, line);
}
for (const cycle of moduleCycles(result.modules)) {
  report(
    MODULE_CYCLE_RULE.name,
    MODULE_CYCLE_RULE.severity,
    `${cycle.modules.join(' ⇄ ')}\n        ${cycle.imports.join('\n        ')}`,
  );
}

let errors = 0;
let warnings = 0;
for (const [rule, { severity, lines }] of byRule) {
  const mark = severity === 'error' ? '✗' : '!';
  if (severity === 'error') errors += lines.length;
  else warnings += lines.length;
  console.log(`\n  ${mark} ${rule} (${severity}, ${lines.length}): ${comments.get(rule) ?? ''}`);
  for (const line of lines) console.log(`      ${line}`);
}
const summary =
  `boundaries: ${result.summary.totalCruised} files, ${result.summary.totalDependenciesCruised} imports, ` +
  `${errors} error(s), ${warnings} warning(s)`;
if (errors > 0) {
  console.error(`\n${summary}`);
  process.exitCode = 1;
} else {
  console.log(`\n${summary}`);
}
