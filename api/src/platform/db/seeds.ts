/**
 * Runs each module's demo seed once per database, in the module order, each in the same
 * transaction as the row that records it: a seed that fails leaves nothing behind (its
 * accounts included) and is tried again at the next start. A seed that cannot apply to the
 * data present (the units it places its examples at are not in the tree) says so with
 * `skipSeed(reason)`; that, or any other failure, is one log line and never stops the server.
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleContext } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import type { AnyDb } from '../ports.ts';

/** Thrown by a demo seed that cannot apply to this database; its transaction is rolled back. */
export class SeedSkipped extends Error {}

export function skipSeed(reason: string): never {
  throw new SeedSkipped(reason);
}

/** Log lines stay short, whatever an error's message holds. */
const MAX_REASON = 300;
const cut = (text: string): string =>
  text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON)}… (${text.length} characters)`;

export async function seedDemoData(
  db: Kysely<unknown>,
  modules: readonly ModuleManifest[],
  /** The module's context on the seed's transaction (modules.ts wires them). */
  contextOn: (module: string, trx: AnyDb) => ModuleContext,
  log: (message: string) => void,
): Promise<{ seeded: string[]; skipped: string[]; announcements: string[] }> {
  const seeded: string[] = [];
  const skipped: string[] = [];
  const announcements: string[] = [];
  for (const module of modules) {
    const seed = module.seedDemo;
    if (!seed) continue;
    let result;
    try {
      result = await db.transaction().execute(async (trx) => {
        const inserted = await sql`
          insert into platform_seed (module) values (${module.name})
          on conflict (module) do nothing`.execute(trx);
        if (Number(inserted.numAffectedRows ?? 0) === 0) return undefined;
        return (await seed(contextOn(module.name, trx))) ?? {};
      });
    } catch (error) {
      skipped.push(module.name);
      const reason = cut(String((error as Error).message ?? error).replace(/\s+/g, ' '));
      log(
        error instanceof SeedSkipped
          ? `demo data of module ${module.name} skipped: ${reason}`
          : `demo data of module ${module.name} not loaded (nothing of it was kept): ${reason}`,
      );
      continue;
    }
    if (result) {
      seeded.push(module.name);
      announcements.push(...(result.announcements ?? []));
      log(`loaded demo data of module ${module.name}`);
    }
  }
  return { seeded, skipped, announcements };
}
