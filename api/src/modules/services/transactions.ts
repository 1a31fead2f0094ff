/** Small helpers shared by the module's services. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one (the demo
 * seed runs inside the transaction that records it, and Kysely cannot nest transactions).
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

/** A JSON value for a jsonb column (the pg driver would write a JS array as a Postgres array). */
export function jsonb<T>(value: T) {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}
