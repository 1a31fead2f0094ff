/** Kysely functions over the boundary tables: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { Bbox, BoundaryGeometry } from './boundary-geometry.ts';
import type { BoundaryDb } from './boundaries.tables.ts';

export type BoundaryDetail = 'simplified' | 'full';

export interface BoundaryRow {
  code: string;
  level: number;
  parentCode: string | null;
  typeCode: string;
  nameKm: string;
  nameLatin: string;
  geometry: BoundaryGeometry;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function boundaryColumns(detail: BoundaryDetail) {
  return [
    'gazetteer_unit.code',
    'gazetteer_unit.level',
    'gazetteer_unit.parent_code as parentCode',
    'gazetteer_unit.type_code as typeCode',
    'gazetteer_unit.name_km as nameKm',
    'gazetteer_unit.name_latin as nameLatin',
    // Only the geometry asked for leaves the database: the full one is ten times larger.
    detail === 'full' ? 'b.geometry as geometry' : 'b.simplified as geometry',
    'b.min_lon as minLon',
    'b.min_lat as minLat',
    'b.max_lon as maxLon',
    'b.max_lat as maxLat',
  ] as const;
}

/** The boundaries of one level, optionally only inside one unit's subtree (the unit included). */
export function selectBoundaries(
  db: BoundaryDb,
  options: { level: number; within?: string | undefined; detail: BoundaryDetail },
): Promise<BoundaryRow[]> {
  let query = db
    .selectFrom('gazetteer_unit_boundary as b')
    .innerJoin('gazetteer_unit', 'gazetteer_unit.code', 'b.code')
    .select(boundaryColumns(options.detail))
    .where('b.level', '=', options.level)
    // An abolished unit keeps its polygon for the record, but today's map does not show it.
    .where((eb) =>
      eb.or([
        eb('gazetteer_unit.valid_to', 'is', null),
        eb('gazetteer_unit.valid_to', '>', sql<string>`current_date`),
      ]),
    );
  if (options.within !== undefined) {
    const within = options.within;
    query = query.where('b.code', 'in', (eb) =>
      eb.selectFrom('gazetteer_unit_closure').select('descendant_code').where('ancestor_code', '=', within),
    );
  }
  return query.orderBy('b.code').execute();
}

/** The unit and its boundary: undefined for an unknown unit, a null geometry when it has none. */
export async function selectUnitBoundary(
  db: BoundaryDb,
  code: string,
  detail: BoundaryDetail,
): Promise<(Omit<BoundaryRow, 'geometry'> & { geometry: BoundaryGeometry | null }) | undefined> {
  const row = await db
    .selectFrom('gazetteer_unit')
    .leftJoin('gazetteer_unit_boundary as b', 'b.code', 'gazetteer_unit.code')
    .select(boundaryColumns(detail))
    .where('gazetteer_unit.code', '=', code)
    .executeTakeFirst();
  return row as (Omit<BoundaryRow, 'geometry'> & { geometry: BoundaryGeometry | null }) | undefined;
}

/** Code → level of the units that exist among `codes`. */
export async function selectUnitLevels(
  db: BoundaryDb,
  codes: readonly string[],
): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  // A few hundred codes per statement keeps the parameter list well inside PostgreSQL's limit.
  for (let start = 0; start < codes.length; start += 500) {
    const batch = codes.slice(start, start + 500);
    const rows = await db
      .selectFrom('gazetteer_unit')
      .select(['code', 'level'])
      .where('code', 'in', batch)
      .execute();
    for (const row of rows) levels.set(row.code, row.level);
  }
  return levels;
}

export interface BoundaryWrite {
  code: string;
  level: number;
  geometry: BoundaryGeometry;
  simplified: BoundaryGeometry;
  bbox: Bbox;
  source: string;
}

/**
 * Inserts or replaces boundaries. A row whose geometry, simplified geometry and source are
 * already the stored ones is left alone (its imported_at and import_id keep naming the import
 * that brought it), so that importing the same file again changes nothing. Returns the codes
 * actually inserted and replaced.
 */
export async function upsertBoundaries(
  db: BoundaryDb,
  rows: readonly BoundaryWrite[],
  importId: number | null,
): Promise<{ inserted: string[]; replaced: string[] }> {
  const inserted: string[] = [];
  const replaced: string[] = [];
  // Geometries are large: 100 rows per statement keeps each statement a few megabytes at most.
  for (let start = 0; start < rows.length; start += 100) {
    const batch = rows.slice(start, start + 100);
    const written = await db
      .insertInto('gazetteer_unit_boundary')
      .values(
        batch.map((row) => ({
          code: row.code,
          level: row.level,
          geometry: JSON.stringify(row.geometry),
          simplified: JSON.stringify(row.simplified),
          min_lon: row.bbox[0],
          min_lat: row.bbox[1],
          max_lon: row.bbox[2],
          max_lat: row.bbox[3],
          source: row.source,
          import_id: importId,
        })),
      )
      .onConflict((conflict) =>
        conflict
          .column('code')
          .doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            geometry: eb.ref('excluded.geometry'),
            simplified: eb.ref('excluded.simplified'),
            min_lon: eb.ref('excluded.min_lon'),
            min_lat: eb.ref('excluded.min_lat'),
            max_lon: eb.ref('excluded.max_lon'),
            max_lat: eb.ref('excluded.max_lat'),
            source: eb.ref('excluded.source'),
            import_id: eb.ref('excluded.import_id'),
            imported_at: sql<Date>`now()`,
          }))
          .where(
            sql<boolean>`(gazetteer_unit_boundary.geometry, gazetteer_unit_boundary.simplified, gazetteer_unit_boundary.source)
              is distinct from (excluded.geometry, excluded.simplified, excluded.source)`,
          ),
      )
      // xmax is 0 for a freshly inserted row version and set for one that replaced another.
      .returning(['code', sql<boolean>`xmax = 0`.as('inserted')])
      .execute();
    for (const row of written) (row.inserted ? inserted : replaced).push(row.code);
  }
  return { inserted, replaced };
}

export async function insertBoundaryImportLog(
  db: BoundaryDb,
  entry: { fileNames: string[]; checksums: string[]; summary: unknown; createdBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('gazetteer_import')
    .values({
      kind: 'boundaries',
      file_names: entry.fileNames,
      file_checksums: entry.checksums,
      effective_date: null,
      dry_run: false,
      summary: JSON.stringify(entry.summary),
      created_by: entry.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The import's summary, once its boundaries are written. */
export async function updateImportSummary(db: BoundaryDb, importId: number, summary: unknown): Promise<void> {
  await db
    .updateTable('gazetteer_import')
    .set({ summary: JSON.stringify(summary) })
    .where('id', '=', importId)
    .execute();
}
