import type { Kysely } from 'kysely';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one (demo seeds
 * run inside the transaction that records them, and Kysely cannot nest transactions).
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
