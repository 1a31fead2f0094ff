import { describe, expect, it } from 'vitest';
import { checkGeometry, countPositions, type BoundaryGeometry, type Position } from './boundary-geometry.ts';
import { simplifyBoundaries } from './simplify-boundaries.ts';

// A border from (1, 0) up to (1, 1) that wiggles by less than the tolerance, in 50 steps.
const border: Position[] = Array.from({ length: 51 }, (_, i) => [
  1 + (i % 2 === 0 ? 0 : 0.0004 * ((i % 7) - 3)),
  i / 50,
]);

// Left of the border (counter-clockwise) and right of it: the border runs up in one, down in the other.
const left: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [[[0, 0], ...border, [0, 1], [0, 0]]],
};
const right: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [[[2, 0], [2, 1], ...[...border].reverse(), [2, 0]]],
};

const key = ([lon, lat]: Position) => `${lon},${lat}`;
const onBorder = (geometry: BoundaryGeometry) =>
  (geometry.coordinates as Position[][])[0]!.filter(([lon]) => lon > 0.99 && lon < 1.01).map(key);

describe('simplifyBoundaries', () => {
  it('simplifies a shared border the same way on both sides', () => {
    const [a, b] = simplifyBoundaries([left, right], { tolerance: 0.01, decimals: 5 }) as [
      BoundaryGeometry,
      BoundaryGeometry,
    ];
    expect(countPositions(a)).toBeLessThan(countPositions(left));
    expect(onBorder(a).length).toBeLessThan(border.length);
    expect(new Set(onBorder(a))).toEqual(new Set(onBorder(b)));
    expect(checkGeometry(a)).toHaveProperty('geometry');
    expect(checkGeometry(b)).toHaveProperty('geometry');
  });

  it('gives a hole and the island that fills it the same points', () => {
    const islandRing: Position[] = Array.from({ length: 40 }, (_, i) => {
      const angle = (i / 40) * 2 * Math.PI;
      return [5 + Math.cos(angle) + 0.0001 * (i % 3), 5 + Math.sin(angle)];
    });
    islandRing.push(islandRing[0] as Position);
    const island: BoundaryGeometry = { type: 'Polygon', coordinates: [islandRing] };
    const outer: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [3, 3],
          [7, 3],
          [7, 7],
          [3, 7],
          [3, 3],
        ],
        [...islandRing].reverse(),
      ],
    };
    const [withHole, filled] = simplifyBoundaries([outer, island], { tolerance: 0.05, decimals: 5 }) as [
      BoundaryGeometry,
      BoundaryGeometry,
    ];
    const hole = (withHole.coordinates as Position[][])[1]!.map(key);
    const shell = (filled.coordinates as Position[][])[0]!.map(key);
    expect(shell.length).toBeLessThan(islandRing.length);
    expect(new Set(hole)).toEqual(new Set(shell));
  });

  it('keeps a tiny island as a ring rather than losing it', () => {
    const tiny: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [104, 11],
            [104.00001, 11],
            [104.00001, 11.00001],
            [104, 11],
          ],
        ],
      ],
    };
    const [out] = simplifyBoundaries([tiny], { tolerance: 0.005, decimals: 4 });
    expect(out && countPositions(out)).toBeGreaterThanOrEqual(4);
  });
});
