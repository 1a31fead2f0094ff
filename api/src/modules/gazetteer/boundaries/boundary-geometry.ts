/**
 * Pure GeoJSON helpers for unit boundaries: checking that a geometry is a usable polygon,
 * rounding, bounding boxes, point counts. No I/O.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

/** [minLon, minLat, maxLon, maxLat], as GeoJSON's `bbox` member. */
export type Bbox = [number, number, number, number];

// Cambodia with a generous margin (the country spans about 102.3-107.7 E, 9.9-14.7 N). Used
// to catch the usual mistakes: a projected file (UTM metres), or latitude and longitude swapped.
export const CAMBODIA_EXTENT: Bbox = [101.5, 9.0, 108.5, 15.5];

export function polygonsOf(geometry: BoundaryGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * Reads a GeoJSON geometry as a Polygon or MultiPolygon of 2D positions (a third coordinate is
 * dropped). Returns the reason as text when it is not one: the importer turns it into a problem.
 */
export function checkGeometry(value: unknown): { geometry: BoundaryGeometry } | { error: string } {
  if (value === null || typeof value !== 'object') return { error: 'the feature has no geometry' };
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { error: `the geometry is ${JSON.stringify(type)}, not a Polygon or MultiPolygon` };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { error: `the ${type} has no coordinates` };
  }
  const polygons: PolygonCoordinates[] = [];
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  for (const [polygonIndex, rawPolygon] of rawPolygons.entries()) {
    const where = type === 'Polygon' ? '' : `polygon ${polygonIndex + 1}: `;
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) return { error: `${where}no rings` };
    const rings: Ring[] = [];
    for (const [ringIndex, rawRing] of rawPolygon.entries()) {
      const ringName = `${where}ring ${ringIndex + 1}`;
      if (!Array.isArray(rawRing)) return { error: `${ringName} is not an array of positions` };
      const ring: Ring = [];
      for (const position of rawRing) {
        if (!Array.isArray(position) || !isFiniteNumber(position[0]) || !isFiniteNumber(position[1])) {
          return { error: `${ringName} has a position that is not [longitude, latitude]` };
        }
        ring.push([position[0], position[1]]);
      }
      if (ring.length < 4)
        return { error: `${ringName} has ${ring.length} positions; a ring needs at least 4` };
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return { error: `${ringName} is not closed (its first and last positions differ)` };
      }
      rings.push(ring);
    }
    polygons.push(rings);
  }
  const geometry: BoundaryGeometry =
    type === 'Polygon'
      ? { type, coordinates: polygons[0] as PolygonCoordinates }
      : { type, coordinates: polygons };
  return { geometry };
}

export function geometryBbox(geometry: BoundaryGeometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lon < box[0]) box[0] = lon;
        if (lat < box[1]) box[1] = lat;
        if (lon > box[2]) box[2] = lon;
        if (lat > box[3]) box[3] = lat;
      }
    }
  }
  return box;
}

export function bboxWithin(inner: Bbox, outer: Bbox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

export function unionBbox(boxes: readonly Bbox[]): Bbox | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce<Bbox>(
    (all, box) => [
      Math.min(all[0], box[0]),
      Math.min(all[1], box[1]),
      Math.max(all[2], box[2]),
      Math.max(all[3], box[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

export function countPositions(geometry: BoundaryGeometry): number {
  let count = 0;
  for (const polygon of polygonsOf(geometry)) for (const ring of polygon) count += ring.length;
  return count;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // + 0 turns -0 into 0, which JSON (and jsonb) would otherwise print as 0 anyway but compare apart.
  return Math.round(value * factor) / factor + 0;
}

/**
 * Rounds every position and drops the repeated positions that rounding creates. A ring left
 * with fewer than 4 positions (a sliver smaller than the rounding step) is dropped; so is a
 * polygon whose outer ring is dropped. Returns null when nothing is left.
 */
export function roundGeometry(geometry: BoundaryGeometry, decimals: number): BoundaryGeometry | null {
  const polygons: PolygonCoordinates[] = [];
  for (const [outerRing, ...holes] of polygonsOf(geometry)) {
    // Without its outer ring, a polygon's holes mean nothing.
    const outer = outerRing ? roundRing(outerRing, decimals) : null;
    if (!outer) continue;
    const rings: Ring[] = [outer];
    for (const hole of holes) {
      const rounded = roundRing(hole, decimals);
      if (rounded) rings.push(rounded);
    }
    polygons.push(rings);
  }
  if (polygons.length === 0) return null;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoordinates }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function roundRing(ring: Ring, decimals: number): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const position: Position = [roundTo(lon, decimals), roundTo(lat, decimals)];
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== position[0] || previous[1] !== position[1]) out.push(position);
  }
  // Three distinct corners and the closing position, at least.
  return out.length >= 4 ? out : null;
}
