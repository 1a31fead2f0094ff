/** Kysely functions over access_sign_in_throttle: (db, args) -> rows; the rules are in sign-in-throttle.ts. */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';

/**
 * Counts one attempt on a key (an atomic upsert; the window restarts once it is older than
 * `windowMinutes`): the failures in the window and the seconds the key stays locked.
 */
export function countAttemptRow(db: AccessDb, key: string, windowMinutes: number) {
  return db
    .insertInto('access_sign_in_throttle')
    .values({ key, failures: 1, window_started_at: sql<Date>`now()` })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        failures: sql<number>`case when access_sign_in_throttle.window_started_at < now() - make_interval(mins => ${windowMinutes}) then 1 else access_sign_in_throttle.failures + 1 end`,
        window_started_at: sql<Date>`case when access_sign_in_throttle.window_started_at < now() - make_interval(mins => ${windowMinutes}) then now() else access_sign_in_throttle.window_started_at end`,
      }),
    )
    .returning([
      'failures',
      sql<number>`greatest(0, ceil(extract(epoch from (locked_until - now()))))::int`.as('lockedForSeconds'),
    ])
    .executeTakeFirstOrThrow();
}

/** Locks the key for `lockMinutes` and starts its count again. */
export async function lockKey(db: AccessDb, key: string, lockMinutes: number): Promise<void> {
  await db
    .updateTable('access_sign_in_throttle')
    .set({
      locked_until: sql<Date>`now() + make_interval(mins => ${lockMinutes})`,
      failures: 0,
      window_started_at: sql<Date>`now()`,
    })
    .where('key', '=', key)
    .execute();
}

export async function deleteKey(db: AccessDb, key: string): Promise<void> {
  await db.deleteFrom('access_sign_in_throttle').where('key', '=', key).execute();
}

/** Gives the key one attempt back. */
export async function forgiveOne(db: AccessDb, key: string): Promise<void> {
  await db
    .updateTable('access_sign_in_throttle')
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where('key', '=', key)
    .execute();
}
