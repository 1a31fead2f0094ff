import { describe, expect, it } from 'vitest';
import { normaliseUnitCode, parseCrosswalk, readBoundaries } from './read-boundaries.ts';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [104.1, 10.5],
      [104.2, 10.5],
      [104.2, 10.6],
      [104.1, 10.5],
    ],
  ],
};
const collection = (...properties: Record<string, unknown>[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: properties.map((props) => ({ type: 'Feature', properties: props, geometry: square })),
  });

describe('normaliseUnitCode', () => {
  it('pads codes that lost their leading zero and refuses what is not a code', () => {
    expect(normaliseUnitCode(4)).toBe('04');
    expect(normaliseUnitCode('102')).toBe('0102');
    expect(normaliseUnitCode(' 230101 ')).toBe('230101');
    expect(normaliseUnitCode('KH04')).toBeNull();
    expect(normaliseUnitCode(1.5)).toBeNull();
    expect(normaliseUnitCode('0102030405')).toBeNull();
  });
});

describe('readBoundaries', () => {
  it('finds the code property by itself, or uses the one named', () => {
    const text = collection({ Adm1_NCDD: 4, Adm1_text: '04', ADM1_CODE: 'KH04' });
    expect(readBoundaries(text).codeSource).toBe('property Adm1_text');
    const numeric = readBoundaries(text, { codeProperty: 'Adm1_NCDD' });
    expect(numeric.features.map((feature) => feature.code)).toEqual(['04']);
    const wrong = readBoundaries(text, { codeProperty: 'ADM1_CODE' });
    expect(wrong.problems.map((problem) => problem.code)).toEqual(['gazetteer.boundary.bad_code']);
  });

  it('takes codes from a crosswalk, and reports ids it does not know', () => {
    const { map, problems } = parseCrosswalk(
      'shapeID,shapeName,ncdd_code\nA1,One,0102\nB2,Two,\n',
      'shapeID',
    );
    expect(problems).toEqual([]);
    const read = readBoundaries(collection({ shapeID: 'A1' }, { shapeID: 'B2' }, { shapeID: 'C3' }), {
      crosswalk: map,
    });
    expect(read.features.map((feature) => feature.code)).toEqual(['0102']);
    expect(read.problems.map((problem) => [problem.feature, problem.code])).toEqual([
      [2, 'gazetteer.boundary.missing_code'],
      [3, 'gazetteer.boundary.not_in_crosswalk'],
    ]);
  });

  it('refuses a crosswalk without the columns it needs', () => {
    const { problems } = parseCrosswalk('id,code_ncdd\nA1,0102\n', 'shapeID');
    expect(problems).toMatchObject([{ code: 'gazetteer.boundary.crosswalk_columns', fatal: true }]);
  });

  it('keeps neither of two features with one code', () => {
    const read = readBoundaries(collection({ code: '23' }, { code: '23' }));
    expect(read.features).toEqual([]);
    expect(read.problems.map((problem) => problem.code)).toEqual([
      'gazetteer.boundary.duplicate_code',
      'gazetteer.boundary.duplicate_code',
    ]);
  });

  it('says which property to name when no known one is there', () => {
    const read = readBoundaries(collection({ id: 7 }));
    expect(read.problems).toMatchObject([{ code: 'gazetteer.boundary.no_code_property', fatal: true }]);
  });

  it('refuses village codes and unclosed rings', () => {
    const open = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '23010101' }, geometry: square },
        {
          type: 'Feature',
          properties: { code: '23' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [104.1, 10.5],
                [104.2, 10.5],
                [104.2, 10.6],
                [104.1, 10.6],
              ],
            ],
          },
        },
      ],
    });
    expect(readBoundaries(open).problems.map((problem) => problem.code)).toEqual([
      'gazetteer.boundary.unsupported_level',
      'gazetteer.boundary.bad_geometry',
    ]);
  });
});
