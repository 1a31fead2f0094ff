import type { Kysely } from 'kysely';

/**
 * A module's view of the shared database handle: only its own tables. Kysely's types are
 * invariant in the table map, so narrowing the full schema (or an untyped handle) to a module's
 * slice is a cast; this is the one place it is written.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function tablesOf<Tables>(db: Kysely<any>): Kysely<Tables> {
  return db as Kysely<Tables>;
}
