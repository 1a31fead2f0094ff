/**
 * Wires a list of modules together on one database handle: one context per module, every port
 * provided by exactly one module, every required port present. The HTTP app, the start-up
 * (reference data, demo seeds), the command-line entries and the tests all wire modules this
 * one way, so a service works the same wherever it is called from.
 */
import type { Clock } from './clock.ts';
import { createModuleContext, type ModuleContext } from './context.ts';
import { misplacedCodes } from './errors.ts';
import type { JobDefinition } from './jobs/job.ts';
import { checkJobDefinitions, JobSender } from './jobs/job-queue.ts';
import { platformJobs } from './jobs/platform-jobs.ts';
import type { ModuleManifest } from './module.ts';
import type { AnyDb, PortName, PortRegistry } from './ports.ts';

export interface WiredModules {
  /** Each module's context, by module name. */
  contexts: ReadonlyMap<string, ModuleContext>;
  /** Every port, as provided. */
  ports: PortRegistry;
  /** The context of one module (throws for a module not in the list). */
  contextOf(name: string): ModuleContext;
  /** Every module's background jobs (their manifests' `jobs`), run by platform/jobs. */
  jobs: readonly JobDefinition[];
}

export class ModuleWiringError extends Error {}

export function wireModules(
  db: AnyDb,
  modules: readonly ModuleManifest[],
  options: { clock?: Clock; log?: (message: string) => void } = {},
): WiredModules {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new ModuleWiringError(`Two modules are named "${module.name}".`);
    names.add(module.name);
    const misplaced = module.errors ? misplacedCodes(module.name, module.errors) : [];
    if (misplaced.length > 0) {
      throw new ModuleWiringError(
        `Module ${module.name} declares error codes of another: ${misplaced.join(', ')}.`,
      );
    }
  }
  const registry: Partial<PortRegistry> = {};
  const providerOf = new Map<string, string>();
  const contexts = new Map<string, ModuleContext>();
  // Contexts send jobs by name; the names are known once every manifest's jobs are read below.
  const jobNames = new Set<string>();
  const definitions = new Map<string, JobDefinition>();
  const sender = new JobSender(
    () => jobNames,
    (name) => definitions.get(name),
  );
  for (const module of modules) {
    contexts.set(
      module.name,
      createModuleContext({ name: module.name, db, ports: registry, jobs: sender, ...options }),
    );
  }
  for (const module of modules) {
    if (!module.provides) continue;
    const provided = module.provides(contexts.get(module.name)!);
    for (const [name, port] of Object.entries(provided)) {
      const earlier = providerOf.get(name);
      if (earlier)
        throw new ModuleWiringError(`Both ${earlier} and ${module.name} provide the port "${name}".`);
      providerOf.set(name, module.name);
      (registry as Record<string, unknown>)[name] = port;
    }
  }
  const missing = modules.flatMap((module) =>
    (module.requires ?? [])
      .filter((name: PortName) => !providerOf.has(name))
      .map((name) => `${module.name} requires "${name}"`),
  );
  if (missing.length > 0) {
    throw new ModuleWiringError(`No module provides a required port: ${missing.join('; ')}.`);
  }
  // The platform's own jobs first (platform/jobs/platform-jobs.ts), then each module's.
  const jobs: JobDefinition[] = platformJobs(db);
  for (const definition of jobs) jobNames.add(definition.name);
  for (const module of modules) {
    const declared = module.jobs?.(contexts.get(module.name)!) ?? [];
    const problems = checkJobDefinitions(module.name, declared);
    for (const definition of declared) {
      if (jobNames.has(definition.name)) problems.push(`Two jobs are named "${definition.name}".`);
      jobNames.add(definition.name);
    }
    if (problems.length > 0) throw new ModuleWiringError(problems.join(' '));
    jobs.push(...declared);
  }
  for (const definition of jobs) definitions.set(definition.name, definition);
  return {
    contexts,
    ports: registry as PortRegistry,
    jobs,
    contextOf(name) {
      const context = contexts.get(name);
      if (!context) throw new ModuleWiringError(`No module is named "${name}".`);
      return context;
    },
  };
}
