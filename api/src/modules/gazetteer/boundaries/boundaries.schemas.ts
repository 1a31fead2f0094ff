/**
 * TypeBox schemas of the boundary routes. The geometry is described loosely (its coordinates
 * are nested arrays of numbers), and the routes send their answers as ready JSON text, so no
 * response serializer ever sees them and nothing can be dropped on the way out.
 */
import { Type, type Static } from '@sinclair/typebox';
import { importReport, ImportProblem } from '../../../platform/http/imports.ts';
import { UnitCode } from '../gazetteer.schemas.ts';

export const BoundaryLevelParams = Type.Object({
  level: Type.Integer({
    minimum: 1,
    maximum: 3,
    description: '1 capital and provinces, 2 municipalities, districts and khans, 3 communes and sangkats.',
  }),
});

export const BoundaryDetailQuery = Type.Union([Type.Literal('simplified'), Type.Literal('full')], {
  default: 'simplified',
  description:
    '`simplified` (default): pre-simplified for maps of the whole level (shared borders kept ' +
    'shared, coordinates rounded to 4 decimals at level 1, 5 below). `full`: as imported (6 decimals), ' +
    'up to 30 times larger (the province file).',
});

export const BoundaryListQuery = Type.Object({
  within: Type.Optional(
    Type.String({
      pattern: UnitCode.pattern,
      description:
        "Only boundaries of units in this unit's subtree (the unit itself included, so level 1 " +
        'with within=23 gives Kep). An unknown code gives an empty collection.',
      examples: ['23', '2302'],
    }),
  ),
  detail: Type.Optional(BoundaryDetailQuery),
});
export type BoundaryListQuery = Static<typeof BoundaryListQuery>;

export const BoundaryUnitQuery = Type.Object({ detail: Type.Optional(BoundaryDetailQuery) });

const Bbox = Type.Array(Type.Number(), {
  minItems: 4,
  maxItems: 4,
  description: '[west, south, east, north] in degrees (of the full geometry).',
});

const Position = Type.Array(Type.Number(), {
  minItems: 2,
  maxItems: 2,
  description: '[longitude, latitude]',
});
const PolygonCoordinates = Type.Array(Type.Array(Position), {
  description: 'Rings: the outer ring first, then holes; each ring closed (last position = first).',
});

export const BoundaryGeometrySchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('Polygon'), coordinates: PolygonCoordinates }),
    Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(PolygonCoordinates) }),
  ],
  { description: 'GeoJSON geometry in WGS84 longitude/latitude (RFC 7946).' },
);

export const BoundaryProperties = Type.Object(
  {
    code: UnitCode,
    level: Type.Integer({ minimum: 1, maximum: 4 }),
    parentCode: Type.Union([UnitCode, Type.Null()]),
    typeCode: Type.String({ examples: ['province', 'capital', 'district', 'commune'] }),
    nameKm: Type.String({ description: 'Official Khmer name.' }),
    nameLatin: Type.String({ description: 'Romanised name.' }),
  },
  { additionalProperties: true },
);

export const BoundaryFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.String({ description: 'The NCDD code (also in properties.code).' }),
    bbox: Bbox,
    properties: BoundaryProperties,
    geometry: BoundaryGeometrySchema,
  },
  { $id: 'GazetteerBoundaryFeature', title: 'GazetteerBoundaryFeature', additionalProperties: true },
);

export const BoundaryCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    bbox: Type.Optional(Bbox),
    features: Type.Array(BoundaryFeature),
  },
  { $id: 'GazetteerBoundaryCollection', title: 'GazetteerBoundaryCollection', additionalProperties: true },
);

export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** A problem of a boundary file in the one ImportProblem shape (`row` is the feature's position). */
export const BoundaryImportProblem = Type.Object({
  ...ImportProblem.properties,
  feature: Type.Optional(Type.Integer({ description: '1-based position of the feature in the file.' })),
  unitCode: Type.Optional(Type.String()),
  label: Type.Optional(Type.String({ description: 'The feature’s name property, to find it.' })),
  fatal: Type.Optional(
    Type.Boolean({ description: 'A problem of the whole file: nothing is imported, even with applyValid.' }),
  ),
});
export type BoundaryImportProblem = Static<typeof BoundaryImportProblem>;

const BoundaryImportReportBase = importReport('BoundaryImportReport', {
  file: Type.String({ description: 'The file’s name (the same as fileName).' }),
  crosswalk: Type.Union([Type.Object({ file: Type.String(), checksum: Type.String() }), Type.Null()]),
  codeSource: Type.Union([Type.String(), Type.Null()], {
    description: 'How the codes were found: `property Adm1_text`, `crosswalk on shapeID`.',
  }),
  featureCount: Type.Integer({ description: 'Features in the file (rowsRead).' }),
  validCount: Type.Integer({ description: 'Features that can be imported (rowsValid).' }),
  importId: Type.Union([Type.Integer(), Type.Null()]),
  added: Type.Array(Type.String(), { description: 'Codes whose boundary is (or would be) new.' }),
  replaced: Type.Array(Type.String()),
  unchanged: Type.Array(Type.String()),
  levels: Type.Record(Type.String(), Type.Integer(), { description: 'Valid features per level.' }),
  points: Type.Object({ full: Type.Integer(), simplified: Type.Integer() }),
});

/**
 * The boundary import's report: the one import report (platform/http/imports.ts) and its own
 * fields. `applied` says that the boundaries were written (never in a dry run, whose `added`,
 * `replaced` and `unchanged` say what an import would do).
 */
export const BoundaryImportReport = Type.Object(
  {
    ...BoundaryImportReportBase.properties,
    problems: Type.Array(BoundaryImportProblem, { description: 'Every problem found.' }),
  },
  { $id: 'BoundaryImportReport', title: 'BoundaryImportReport' },
);
export type BoundaryImportReport = Static<typeof BoundaryImportReport>;
