/**
 * Runs each module's demo seed once per database, in the module order, each in the same
 * transaction as the row that records it: a seed that fails leaves nothing behind and is
 * tried again at the next start.
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleContext } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import type { AnyDb } from '../ports.ts';

export async function seedDemoData(
  db: Kysely<unknown>,
  modules: readonly ModuleManifest[],
  /** The module's context on the seed's transaction (modules.ts wires them). */
  contextOn: (module: string, trx: AnyDb) => ModuleContext,
  log: (message: string) => void,
): Promise<{ seeded: string[]; announcements: string[] }> {
  const seeded: string[] = [];
  const announcements: string[] = [];
  for (const module of modules) {
    const seed = module.seedDemo;
    if (!seed) continue;
    const result = await db.transaction().execute(async (trx) => {
      const inserted = await sql`
        insert into platform_seed (module) values (${module.name})
        on conflict (module) do nothing`.execute(trx);
      if (Number(inserted.numAffectedRows ?? 0) === 0) return undefined;
      return (await seed(contextOn(module.name, trx))) ?? {};
    });
    if (result) {
      seeded.push(module.name);
      announcements.push(...(result.announcements ?? []));
      log(`loaded demo data of module ${module.name}`);
    }
  }
  return { seeded, announcements };
}
