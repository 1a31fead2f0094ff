/** Kysely functions over services_phone_check_throttle: (db, args) -> rows; the rules are in phone-check.ts. */
import { sql } from 'kysely';
import type { ServicesDb } from './services.tables.ts';

/** The seconds a key stays locked (0 when it is not). */
export async function lockedForSeconds(db: ServicesDb, key: string): Promise<number> {
  const row = await db
    .selectFrom('services_phone_check_throttle')
    .select(sql<number>`greatest(0, ceil(extract(epoch from (locked_until - now()))))::int`.as('seconds'))
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(row?.seconds ?? 0);
}

/**
 * Counts one wrong guess on a key (an atomic upsert; the window restarts once it is older than
 * `windowMinutes`) and returns the failures in the window.
 */
export async function countFailure(db: ServicesDb, key: string, windowMinutes: number): Promise<number> {
  const row = await db
    .insertInto('services_phone_check_throttle')
    .values({ key, failures: 1, window_started_at: sql<Date>`now()` })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        failures: sql<number>`case when services_phone_check_throttle.window_started_at < now() - make_interval(mins => ${windowMinutes}) then 1 else services_phone_check_throttle.failures + 1 end`,
        window_started_at: sql<Date>`case when services_phone_check_throttle.window_started_at < now() - make_interval(mins => ${windowMinutes}) then now() else services_phone_check_throttle.window_started_at end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Locks the key for `lockMinutes` and starts its count again. */
export async function lockKey(db: ServicesDb, key: string, lockMinutes: number): Promise<void> {
  await db
    .updateTable('services_phone_check_throttle')
    .set({
      locked_until: sql<Date>`now() + make_interval(mins => ${lockMinutes})`,
      failures: 0,
      window_started_at: sql<Date>`now()`,
    })
    .where('key', '=', key)
    .execute();
}
