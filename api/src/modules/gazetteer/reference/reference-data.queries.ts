/** SQL of the first-start loading of the reference data: is the tree, are the outlines there? */
import { sql } from 'kysely';
import type { AnyDb } from '../import/import-tables.ts';

/** The latest applied import of the tree (not of outlines), if any. */
export async function latestTreeImport(
  db: AnyDb,
): Promise<{ id: number; fileNames: string[]; createdAt: string } | undefined> {
  const result = await sql<{ id: number; file_names: string[]; created_at: string }>`
    select id, file_names, created_at::text as created_at from gazetteer_import
    where kind = 'gazetteer' and not dry_run
    order by id desc limit 1`.execute(db);
  const row = result.rows[0];
  return row ? { id: Number(row.id), fileNames: row.file_names, createdAt: row.created_at } : undefined;
}

/** How many units of today's tree there are. */
export async function currentUnitCount(db: AnyDb): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*)::text as count from gazetteer_unit where valid_to is null`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** Does any unit of this level have an outline? */
export async function hasOutlinesAtLevel(db: AnyDb, level: number): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (select 1 from gazetteer_unit_boundary where level = ${level}) as found`.execute(db);
  return result.rows[0]?.found === true;
}
