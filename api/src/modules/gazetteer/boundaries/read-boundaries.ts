/**
 * Reading a boundary file: GeoJSON text (and, when the file carries no NCDD codes, a crosswalk
 * CSV) → one polygon per NCDD code, and the problems found. Pure: the caller reads the files
 * and compares the codes with the tree.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import {
  bboxWithin,
  CAMBODIA_EXTENT,
  checkGeometry,
  geometryBbox,
  type BoundaryGeometry,
} from './boundary-geometry.ts';

export interface BoundaryProblem {
  /** Stable, dotted: gazetteer.boundary.unknown_code, gazetteer.boundary.bad_geometry, ... */
  code: string;
  message: string;
  /** 1-based position of the feature in the file; absent for a problem of the whole file. */
  feature?: number;
  unitCode?: string;
  /** A human hint at which feature this is (its name property), for the report. */
  label?: string;
  /** A problem of the whole file: nothing can be imported, even with --apply-valid. */
  fatal?: boolean;
}

export interface BoundaryFeature {
  /** 1-based position in the file. */
  feature: number;
  code: string;
  level: number;
  geometry: BoundaryGeometry;
  /** Where this feature's geometry is in `geometries`. */
  geometryIndex: number;
  label?: string;
}

export interface ReadBoundariesOptions {
  /** The property holding the NCDD code; found among DEFAULT_CODE_PROPERTIES when absent. */
  codeProperty?: string;
  /** File id → NCDD code (from a crosswalk CSV); the file's `idProperty` is then looked up in it. */
  crosswalk?: ReadonlyMap<string, string>;
  idProperty?: string;
}

export interface ReadBoundariesResult {
  features: BoundaryFeature[];
  problems: BoundaryProblem[];
  featureCount: number;
  /**
   * Every well-formed geometry of the file, whatever its code: the simplifier needs the
   * neighbours of the polygons it keeps to simplify their shared borders the same way.
   */
  geometries: BoundaryGeometry[];
  /** How codes were found: `property ncdd_code` or `crosswalk on shapeID`. */
  codeSource: string | null;
}

/**
 * Property names tried in order when no --code-property is given. `ncdd_code`: the district and
 * commune files of ../shared/data/boundaries; `Adm1_text` / `Adm1_NCDD`: the official province
 * file (PRISM / NCDM, ed2022); `code`: files written by this platform or by hand.
 */
export const DEFAULT_CODE_PROPERTIES = ['ncdd_code', 'code', 'Adm1_text', 'Adm1_NCDD'] as const;

export const DEFAULT_ID_PROPERTY = 'shapeID';

// Names worth showing next to a problem, so that a person can find the feature in the file.
const LABEL_PROPERTIES = ['name', 'shapeName', 'Adm1_Name', 'name_latin', 'nameLatin', 'NAME'];

// GeoJSON (RFC 7946) is WGS84 lon/lat; older files may say so with a `crs` member.
const WGS84_CRS_NAMES = new Set([
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:OGC::CRS84',
  'urn:ogc:def:crs:EPSG::4326',
  'EPSG:4326',
]);

const NOT_IN_CROSSWALK = Symbol('not in crosswalk');

const fatal = (code: string, message: string): BoundaryProblem => ({ code, message, fatal: true });

/**
 * The NCDD code as zero-padded text. Spreadsheet programs and shapefiles store codes as numbers
 * (Adm1_NCDD = 4 for Kampong Chhnang), which loses the leading zero: an odd number of digits
 * gets it back. Returns null for anything that is not 2, 4, 6 or 8 digits then.
 */
export function normaliseUnitCode(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return null;
  if (!/^[0-9]+$/.test(text)) return null;
  if (text.length % 2 === 1) text = `0${text}`;
  return /^([0-9]{2}){1,4}$/.test(text) ? text : null;
}

/** A crosswalk CSV (header row; columns `<idColumn>` and `ncdd_code` or `code`) → id → code. */
export function parseCrosswalk(
  text: string,
  idColumn: string,
): { map: Map<string, string>; problems: BoundaryProblem[] } {
  const map = new Map<string, string>();
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return {
      map,
      problems: [
        fatal(
          'gazetteer.boundary.crosswalk_unreadable',
          `The crosswalk is not CSV: ${(error as Error).message}`,
        ),
      ],
    };
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const codeColumn = ['ncdd_code', 'code'].find((name) => header.includes(name));
  if (!header.includes(idColumn) || !codeColumn) {
    return {
      map,
      problems: [
        fatal(
          'gazetteer.boundary.crosswalk_columns',
          `The crosswalk needs the columns "${idColumn}" and "ncdd_code" (or "code"); it has: ${header.join(', ') || 'none'}.`,
        ),
      ],
    };
  }
  const problems: BoundaryProblem[] = [];
  for (const [index, row] of rows.entries()) {
    const id = row[idColumn] ?? '';
    const code = row[codeColumn] ?? '';
    if (id === '') continue;
    if (map.has(id) && map.get(id) !== code) {
      problems.push(
        fatal(
          'gazetteer.boundary.crosswalk_duplicate_id',
          `The crosswalk gives ${id} twice (row ${index + 2}) with different codes.`,
        ),
      );
    }
    // An empty code stays in the map: the feature is then known but unmatched, not unknown.
    map.set(id, code);
  }
  return { map, problems };
}

/** Reads a GeoJSON FeatureCollection of unit polygons. Never throws on bad input: it reports. */
export function readBoundaries(text: string, options: ReadBoundariesOptions = {}): ReadBoundariesResult {
  const empty = (problem: BoundaryProblem): ReadBoundariesResult => ({
    features: [],
    problems: [problem],
    featureCount: 0,
    geometries: [],
    codeSource: null,
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return empty(fatal('gazetteer.boundary.not_json', `The file is not JSON: ${(error as Error).message}`));
  }
  const collection = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (json === null || typeof json !== 'object' || collection.type !== 'FeatureCollection') {
    const type = json !== null && typeof json === 'object' ? collection.type : typeof json;
    return empty(
      fatal(
        'gazetteer.boundary.not_feature_collection',
        `The file is not a GeoJSON FeatureCollection (its type is ${JSON.stringify(type ?? null)}).`,
      ),
    );
  }
  if (!Array.isArray(collection.features)) {
    return empty(
      fatal('gazetteer.boundary.not_feature_collection', 'The FeatureCollection has no features array.'),
    );
  }
  const crsName = (collection.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (collection.crs !== undefined && collection.crs !== null && !WGS84_CRS_NAMES.has(String(crsName))) {
    return empty(
      fatal(
        'gazetteer.boundary.unsupported_crs',
        `The file says its coordinates are in ${JSON.stringify(crsName ?? collection.crs)}; only WGS84 longitude/latitude (CRS84, EPSG:4326) is accepted. Reproject it first.`,
      ),
    );
  }
  const rawFeatures = collection.features as unknown[];

  const propertiesOf = (feature: unknown): Record<string, unknown> => {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    return properties !== null && typeof properties === 'object'
      ? (properties as Record<string, unknown>)
      : {};
  };

  let codeSource: string | null;
  let codeOf: (properties: Record<string, unknown>) => unknown;
  if (options.crosswalk) {
    const crosswalk = options.crosswalk;
    const idProperty = options.idProperty ?? DEFAULT_ID_PROPERTY;
    codeSource = `crosswalk on ${idProperty}`;
    codeOf = (properties) => {
      const id = properties[idProperty];
      // Ids are text or numbers; anything else cannot be looked up.
      if (typeof id !== 'string' && typeof id !== 'number') return undefined;
      const key = String(id);
      if (key === '') return undefined;
      return crosswalk.has(key) ? crosswalk.get(key) : NOT_IN_CROSSWALK;
    };
  } else {
    const property =
      options.codeProperty ??
      DEFAULT_CODE_PROPERTIES.find((name) => rawFeatures.some((feature) => name in propertiesOf(feature)));
    if (!property) {
      return {
        ...empty(
          fatal(
            'gazetteer.boundary.no_code_property',
            `No feature has any of the properties ${DEFAULT_CODE_PROPERTIES.join(', ')}; name the property that holds the NCDD code with --code-property, or give a --crosswalk.`,
          ),
        ),
        featureCount: rawFeatures.length,
      };
    }
    codeSource = `property ${property}`;
    codeOf = (properties) => properties[property];
  }

  const problems: BoundaryProblem[] = [];
  const read: BoundaryFeature[] = [];
  const geometries: BoundaryGeometry[] = [];
  for (const [index, rawFeature] of rawFeatures.entries()) {
    const feature = index + 1;
    const properties = propertiesOf(rawFeature);
    const labelKey = LABEL_PROPERTIES.find(
      (name) => typeof properties[name] === 'string' && properties[name] !== '',
    );
    const label = labelKey ? (properties[labelKey] as string) : undefined;
    const at = { feature, ...(label ? { label } : {}) };
    if ((rawFeature as { type?: unknown } | null)?.type !== 'Feature') {
      problems.push({
        code: 'gazetteer.boundary.not_feature',
        message: `Item ${feature} is not a Feature.`,
        ...at,
      });
      continue;
    }
    const checked = checkGeometry((rawFeature as { geometry?: unknown }).geometry);
    const geometryIndex = 'geometry' in checked ? geometries.push(checked.geometry) - 1 : -1;
    const rawCode = codeOf(properties);
    if (rawCode === NOT_IN_CROSSWALK) {
      problems.push({
        code: 'gazetteer.boundary.not_in_crosswalk',
        message: `Feature ${feature}${label ? ` (${label})` : ''}: its ${options.idProperty ?? DEFAULT_ID_PROPERTY} ${JSON.stringify(properties[options.idProperty ?? DEFAULT_ID_PROPERTY])} is not in the crosswalk.`,
        ...at,
      });
      continue;
    }
    if (rawCode === undefined || rawCode === null || rawCode === '') {
      problems.push({
        code: 'gazetteer.boundary.missing_code',
        message: `Feature ${feature}${label ? ` (${label})` : ''} has no NCDD code (${codeSource}).`,
        ...at,
      });
      continue;
    }
    const code = normaliseUnitCode(rawCode);
    if (!code) {
      problems.push({
        code: 'gazetteer.boundary.bad_code',
        message: `Feature ${feature}${label ? ` (${label})` : ''} has the code ${JSON.stringify(rawCode)}, which is not an NCDD code (2, 4, 6 or 8 digits).`,
        ...at,
      });
      continue;
    }
    const level = code.length / 2;
    if (level > 3) {
      problems.push({
        code: 'gazetteer.boundary.unsupported_level',
        message: `Feature ${feature} has the village code ${code}; boundaries are kept for provinces, districts and communes only.`,
        unitCode: code,
        ...at,
      });
      continue;
    }
    if ('error' in checked) {
      problems.push({
        code: 'gazetteer.boundary.bad_geometry',
        message: `Feature ${feature} (${code}): ${checked.error}.`,
        unitCode: code,
        ...at,
      });
      continue;
    }
    if (!bboxWithin(geometryBbox(checked.geometry), CAMBODIA_EXTENT)) {
      problems.push({
        code: 'gazetteer.boundary.outside_cambodia',
        message: `Feature ${feature} (${code}) lies outside Cambodia: the coordinates must be WGS84 longitude, latitude (in that order).`,
        unitCode: code,
        ...at,
      });
      continue;
    }
    read.push({
      feature,
      code,
      level,
      geometry: checked.geometry,
      geometryIndex,
      ...(label ? { label } : {}),
    });
  }

  // Two polygons for one code: which one is right is for a person to decide, so neither goes in.
  const byCode = new Map<string, BoundaryFeature[]>();
  for (const item of read) byCode.set(item.code, [...(byCode.get(item.code) ?? []), item]);
  const features: BoundaryFeature[] = [];
  for (const [code, items] of byCode) {
    if (items.length === 1) {
      features.push(items[0] as BoundaryFeature);
      continue;
    }
    for (const item of items) {
      problems.push({
        code: 'gazetteer.boundary.duplicate_code',
        message: `Features ${items.map((other) => other.feature).join(', ')} all have the code ${code}.`,
        feature: item.feature,
        unitCode: code,
        ...(item.label ? { label: item.label } : {}),
      });
    }
  }
  features.sort((a, b) => a.feature - b.feature);
  problems.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
  return { features, problems, featureCount: rawFeatures.length, geometries, codeSource };
}
