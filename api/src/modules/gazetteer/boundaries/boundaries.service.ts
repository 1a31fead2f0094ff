/** Boundary reads: rows → GeoJSON text, ready to send. */
import { fail } from '../gazetteer.errors.ts';
import { unionBbox, type Bbox } from './boundary-geometry.ts';
import {
  selectBoundaries,
  selectUnitBoundary,
  type BoundaryDetail,
  type BoundaryRow,
} from './boundaries.queries.ts';
import type { GazetteerContext } from '../gazetteer.context.ts';
import { asBoundaryDb } from './boundaries.tables.ts';

function feature(row: BoundaryRow, bbox: Bbox) {
  return {
    type: 'Feature',
    // The code as the feature id, so that map libraries can key hover and selection state on it.
    id: row.code,
    bbox,
    properties: {
      code: row.code,
      level: row.level,
      parentCode: row.parentCode,
      typeCode: row.typeCode,
      nameKm: row.nameKm,
      nameLatin: row.nameLatin,
    },
    geometry: row.geometry,
  };
}

const bboxOf = (row: BoundaryRow): Bbox => [row.minLon, row.minLat, row.maxLon, row.maxLat];

/**
 * A level's boundaries as a GeoJSON FeatureCollection, already serialised: the geometry goes
 * out exactly as stored, without a schema-driven serializer in the way.
 */
export async function boundaryCollectionJson(
  ctx: GazetteerContext,
  options: { level: number; within?: string | undefined; detail: BoundaryDetail },
): Promise<string> {
  const rows = await selectBoundaries(asBoundaryDb(ctx.db), options);
  const boxes = rows.map(bboxOf);
  const bbox = unionBbox(boxes);
  return JSON.stringify({
    type: 'FeatureCollection',
    ...(bbox ? { bbox } : {}),
    features: rows.map((row, index) => feature(row, boxes[index] as Bbox)),
  });
}

/** One unit's boundary as a GeoJSON Feature (text); 404 for an unknown unit or one without a boundary. */
export async function unitBoundaryJson(
  ctx: GazetteerContext,
  code: string,
  detail: BoundaryDetail,
): Promise<string> {
  const row = await selectUnitBoundary(asBoundaryDb(ctx.db), code, detail);
  if (!row) throw fail('gazetteer.unit.not_found', { title: `No administrative unit has the code ${code}.` });
  if (row.geometry === null) {
    throw fail('gazetteer.boundary.not_found', { title: `No boundary is stored for the unit ${code}.` });
  }
  const withGeometry = row as BoundaryRow;
  return JSON.stringify(feature(withGeometry, bboxOf(withGeometry)));
}
