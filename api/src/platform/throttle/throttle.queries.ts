/**
 * The SQL of a throttle (throttle.ts) over a module's own table of the platform's shape:
 *
 *   create table <name> (key text primary key, failures integer not null,
 *                        window_started_at timestamptz not null, locked_until timestamptz);
 *
 * The table is named by its owner, so each module keeps its own rows; the statements run on
 * whatever handle they are given (the module's db or a transaction).
 */
import { sql, type QueryExecutorProvider } from 'kysely';

/** The module's database handle (a Kysely instance or a transaction), whatever its tables. */
export type ThrottleDb = QueryExecutorProvider;

const secondsLocked = sql<number>`greatest(0, ceil(extract(epoch from (locked_until - now()))))::int`;

/**
 * Counts one failure on a key (an atomic upsert; the window restarts once it is older than
 * `windowMinutes`): the failures in the window and the seconds the key stays locked.
 */
export async function countFailureRow(
  db: ThrottleDb,
  table: string,
  key: string,
  windowMinutes: number,
): Promise<{ failures: number; lockedForSeconds: number }> {
  const t = sql.table(table);
  const expired = sql`${t}.window_started_at < now() - make_interval(mins => ${windowMinutes})`;
  const { rows } = await sql<{ failures: number; lockedForSeconds: number }>`
    insert into ${t} (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when ${expired} then 1 else ${t}.failures + 1 end,
      window_started_at = case when ${expired} then now() else ${t}.window_started_at end
    returning failures, ${secondsLocked} as "lockedForSeconds"`.execute(db);
  const row = rows[0]!;
  return { failures: Number(row.failures), lockedForSeconds: Number(row.lockedForSeconds) };
}

/** The seconds a key stays locked (0 when it is not, or has no row). */
export async function lockedForSecondsOf(db: ThrottleDb, table: string, key: string): Promise<number> {
  const { rows } = await sql<{ seconds: number }>`
    select ${secondsLocked} as seconds from ${sql.table(table)} where key = ${key}`.execute(db);
  return Number(rows[0]?.seconds ?? 0);
}

/** Locks the key for `lockMinutes` and starts its count again. */
export async function lockKeyRow(db: ThrottleDb, table: string, key: string, lockMinutes: number) {
  await sql`
    update ${sql.table(table)}
    set locked_until = now() + make_interval(mins => ${lockMinutes}), failures = 0, window_started_at = now()
    where key = ${key}`.execute(db);
}

export async function deleteKeyRow(db: ThrottleDb, table: string, key: string): Promise<void> {
  await sql`delete from ${sql.table(table)} where key = ${key}`.execute(db);
}

/** Gives the key one failure back. */
export async function forgiveOneRow(db: ThrottleDb, table: string, key: string): Promise<void> {
  await sql`update ${sql.table(table)} set failures = greatest(failures - 1, 0) where key = ${key}`.execute(
    db,
  );
}
