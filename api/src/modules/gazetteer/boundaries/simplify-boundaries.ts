/**
 * Simplification of a set of neighbouring polygons for the web, keeping shared borders shared.
 *
 * Simplifying each polygon on its own (what @turf/simplify does) lets the two sides of a border
 * keep different points, so neighbours drift apart into gaps and overlaps. Instead, every ring
 * is cut into arcs at the points where the set of rings passing through a position changes
 * (the ends of a shared border, triple points, where a border meets the coast), and each arc is
 * simplified on its own with its end points kept, always in the same direction. Both sides of a
 * border hold the same arc, so they get the same points. This is the idea of TopoJSON and
 * mapshaper, enough for files whose neighbours share their vertices exactly (the official
 * province file does); where they do not, the result is no worse than per-polygon simplification.
 */
import { lineString, polygon } from '@turf/helpers';
import { simplify } from '@turf/simplify';
import {
  polygonsOf,
  roundGeometry,
  type BoundaryGeometry,
  type PolygonCoordinates,
  type Position,
  type Ring,
} from './boundary-geometry.ts';

/** Tolerance in degrees (1e-3 ≈ 110 m) and rounding of the simplified geometry, per unit level. */
export const SIMPLIFY_BY_LEVEL: Record<number, { tolerance: number; decimals: number }> = {
  1: { tolerance: 0.005, decimals: 4 },
  2: { tolerance: 0.002, decimals: 5 },
  3: { tolerance: 0.001, decimals: 5 },
  4: { tolerance: 0.0005, decimals: 5 },
};

const keyOf = (position: Position): string => `${position[0]},${position[1]}`;

interface RingRef {
  id: number;
  /** The ring without its closing position. */
  points: Position[];
}

/**
 * Simplifies every geometry with the given tolerance (degrees), then rounds to `decimals`.
 * The result has one geometry per input, in the same order.
 */
export function simplifyBoundaries(
  geometries: readonly BoundaryGeometry[],
  options: { tolerance: number; decimals: number },
): BoundaryGeometry[] {
  let nextRingId = 0;
  const structure = geometries.map((geometry) =>
    polygonsOf(geometry).map((rings) =>
      rings.map((ring): RingRef => ({ id: nextRingId++, points: ring.slice(0, -1) })),
    ),
  );

  // Which rings pass through each position, as a sorted signature ("3,17").
  const ringsAt = new Map<string, number[]>();
  for (const polygons of structure) {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const position of ring.points) {
          const key = keyOf(position);
          const list = ringsAt.get(key);
          if (!list) ringsAt.set(key, [ring.id]);
          else if (list[list.length - 1] !== ring.id) list.push(ring.id);
        }
      }
    }
  }
  const signature = new Map<string, string>();
  for (const [key, ids] of ringsAt) signature.set(key, ids.join(','));

  return geometries.map((geometry, index) => {
    const polygons = (structure[index] ?? []).map((rings): PolygonCoordinates =>
      rings.map((ring) => simplifyRing(ring.points, signature, options.tolerance)),
    );
    const simplified: BoundaryGeometry =
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoordinates }
        : { type: 'MultiPolygon', coordinates: polygons };
    // Rounding can only fail on a geometry smaller than the rounding step; keep it then at a
    // finer rounding rather than lose the unit from the map.
    return roundGeometry(simplified, options.decimals) ?? roundGeometry(geometry, 7) ?? geometry;
  });
}

function simplifyRing(points: Position[], signature: Map<string, string>, tolerance: number): Ring {
  const n = points.length;
  const sig = points.map((position) => signature.get(keyOf(position)) ?? '');
  const fixed: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (sig[i] !== sig[(i - 1 + n) % n] || sig[i] !== sig[(i + 1) % n]) fixed.push(i);
  }

  let result: Ring;
  if (fixed.length <= 1) {
    result = simplifyClosedRing(points, fixed[0], tolerance);
  } else {
    const out: Position[] = [];
    for (let f = 0; f < fixed.length; f += 1) {
      const from = fixed[f] as number;
      const to = fixed[(f + 1) % fixed.length] as number;
      const arc: Position[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        arc.push(points[i] as Position);
        if (i === to && arc.length > 1) break;
      }
      const simplified = simplifyArc(arc, tolerance);
      // Each arc starts where the previous one ended: keep that point once.
      out.push(...simplified.slice(0, -1));
    }
    out.push(out[0] as Position);
    result = out;
  }
  // An arc-wise ring can collapse (a small island between two fixed points): fall back to
  // simplifying the ring on its own, which keeps at least a triangle.
  return result.length >= 4 ? result : simplifyClosedRing(points, fixed[0], tolerance);
}

/** Simplifies an open arc with both ends kept, in a direction that does not depend on the ring. */
function simplifyArc(arc: Position[], tolerance: number): Position[] {
  if (arc.length <= 2) return arc;
  const reversed = isReversedCanonically(arc);
  const canonical = reversed ? [...arc].reverse() : arc;
  const line = simplify(lineString(canonical), { tolerance, highQuality: false, mutate: true });
  const points = line.geometry.coordinates as Position[];
  return reversed ? points.reverse() : points;
}

function isReversedCanonically(arc: Position[]): boolean {
  for (let i = 0, j = arc.length - 1; i < j; i += 1, j -= 1) {
    const head = keyOf(arc[i] as Position);
    const tail = keyOf(arc[j] as Position);
    if (head !== tail) return tail < head;
  }
  return false;
}

/**
 * A ring with no junction (an island, a hole, an enclave's border): simplified as a closed ring
 * starting at its one fixed point, or at its smallest position, and in a canonical direction,
 * so that a hole and the island that fills it get the same points.
 */
function simplifyClosedRing(points: Position[], start: number | undefined, tolerance: number): Ring {
  const n = points.length;
  let first = start ?? 0;
  if (start === undefined) {
    for (let i = 1; i < n; i += 1)
      if (keyOf(points[i] as Position) < keyOf(points[first] as Position)) first = i;
  }
  const forward = [...points.slice(first), ...points.slice(0, first)];
  const backward = [forward[0] as Position, ...forward.slice(1).reverse()];
  const reversed = n > 2 && keyOf(backward[1] as Position) < keyOf(forward[1] as Position);
  const ring = reversed ? backward : forward;
  const closed = [...ring, ring[0] as Position];
  let out: Ring;
  try {
    out = simplify(polygon([closed]), { tolerance, highQuality: false, mutate: true }).geometry
      .coordinates[0] as Ring;
  } catch {
    // turf refuses rings that its clean-up leaves degenerate (all points on one line): such a
    // ring has nothing to simplify.
    out = closed;
  }
  return reversed ? out.reverse() : out;
}
