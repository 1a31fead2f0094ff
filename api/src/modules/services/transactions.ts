/** Small helpers shared by the module's services. */
import { sql } from 'kysely';

export { inTransaction } from '../../platform/db/in-transaction.ts';

/** A JSON value for a jsonb column (the pg driver would write a JS array as a Postgres array). */
export function jsonb<T>(value: T) {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}
