/** A small helper of the module's queries. */
import { sql } from 'kysely';

/** A JSON value for a jsonb column (the pg driver would write a JS array as a Postgres array). */
export function jsonb<T>(value: T) {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}
