/** The boundary tables as Kysely sees them (snake_case, as in the SQL). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { GazetteerTables } from '../gazetteer.tables.ts';
import type { BoundaryGeometry } from './boundary-geometry.ts';

// jsonb comes back parsed; it is written as JSON text (a `pg` array parameter would otherwise
// be sent as a PostgreSQL array literal, not as JSON).
type JsonGeometry = ColumnType<BoundaryGeometry, string, string>;

export interface GazetteerUnitBoundaryTable {
  code: string;
  level: number;
  geometry: JsonGeometry;
  simplified: JsonGeometry;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: string;
  imported_at: Generated<Date>;
  import_id: number | null;
}

// The gazetteer's tables (units, closure, the import log) and the boundary table.
export type BoundaryTables = GazetteerTables & { gazetteer_unit_boundary: GazetteerUnitBoundaryTable };

export type BoundaryDb = Kysely<BoundaryTables>;

/** The boundary code's view of any database handle (whole schema, transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function asBoundaryDb(db: Kysely<any>): BoundaryDb {
  return db as BoundaryDb;
}
