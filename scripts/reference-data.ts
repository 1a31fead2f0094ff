/**
 * `npm run reference-data`: derives the files of reference-data/ from the originals in
 * ../shared/data (see reference-data/README.md for each file's source, licence and
 * derivation). The platform loads reference-data/ at its first start; it never reads
 * ../shared. Run this again when an original changes; `scripts/reference-data.test.ts` fails
 * while the committed files differ from what this script derives.
 *
 * Every output is deterministic (sorted rows, fixed key order, gzip without a timestamp), so
 * the same originals always give the same bytes to compare.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE_DIR = path.resolve(repoRoot, '../shared/data');
export const REFERENCE_DIR = path.join(repoRoot, 'reference-data');

/** One derived file: its path under reference-data/ (always gzipped) and its content. */
export interface DerivedFile {
  name: string;
  content: Buffer;
  /** Rows (CSV, header excluded) or features (GeoJSON). */
  count: number;
  /** The originals it was derived from, relative to ../shared/data. */
  sources: string[];
}

/** Coordinates to 5 decimals (about 1 m): finer than the simplified outlines are accurate. */
const PRECISION = 1e5;

type Position = number[];
type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: Geometry;
}

function roundPosition(position: Position): Position {
  return position.slice(0, 2).map((value) => Math.round(value * PRECISION) / PRECISION);
}

/** Rounds a ring's positions and drops the repeats that rounding makes (the ring stays closed). */
function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const position of ring.map(roundPosition)) {
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) rounded.push(position);
  }
  return rounded;
}

function roundGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map(roundRing)),
  };
}

function readJson<T>(sourceDir: string, relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(sourceDir, relative), 'utf8')) as T;
}

function readCsv(sourceDir: string, relative: string): Record<string, string>[] {
  return parse<Record<string, string>>(fs.readFileSync(path.join(sourceDir, relative)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

function featureCollection(features: Feature[]): Buffer {
  // One feature per line: readable in a diff, and still valid JSON.
  const lines = features.map((feature) => JSON.stringify(feature));
  return Buffer.from(`{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`, 'utf8');
}

/** Features are ordered by code, then by the source's id (two outlines may share a code). */
const sortKey = (feature: Feature) =>
  `${feature.properties.code as string}|${(feature.properties.source_id as string | undefined) ?? ''}`;
const byCode = (a: Feature, b: Feature) => sortKey(a).localeCompare(sortKey(b));

/** The NCDD gazetteer of 2024-10-14, all rows, as the importer reads it (the flat CSV). */
function gazetteer(sourceDir: string): DerivedFile {
  const source = 'gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv';
  const content = fs.readFileSync(path.join(sourceDir, source));
  return {
    name: 'gazetteer/ncdd-gazetteer-2024-10-14.csv.gz',
    content,
    count: readCsv(sourceDir, source).length,
    sources: [source],
  };
}

/** Province outlines (PRISM/NCDM 2022), with their NCDD code and names. */
function provinces(sourceDir: string): DerivedFile {
  const source = 'boundaries/provinces_khm_bnd_admin1_gov_ed2022_simplified.geojson';
  const collection = readJson<{ features: Feature[] }>(sourceDir, source);
  const features = collection.features.map((feature): Feature => ({
    type: 'Feature',
    properties: {
      code: String(feature.properties.Adm1_text),
      name_km: feature.properties.Adm1_Name_,
      name_latin: feature.properties.Adm1_Name,
    },
    geometry: roundGeometry(feature.geometry),
  }));
  features.sort(byCode);
  return {
    name: 'boundaries/provinces.geojson.gz',
    content: featureCollection(features),
    count: features.length,
    sources: [source],
  };
}

/**
 * District or commune outlines (geoBoundaries) with the crosswalk applied: each feature gets
 * the NCDD code it was matched to. Features with no single match (split since, ambiguous) are
 * left out: a wrong outline on the map is worse than none.
 */
function crosswalked(sourceDir: string, level: 'districts' | 'communes'): DerivedFile {
  const prefix = level === 'districts' ? 'districts_adm2' : 'communes_adm3';
  const geojson = `boundaries/${prefix}_geoboundaries_simplified.geojson`;
  const crosswalk = `boundaries/${prefix}_crosswalk.csv`;
  const codes = new Map(
    readCsv(sourceDir, crosswalk)
      .filter((row) => /^\d+$/.test(row.ncdd_code ?? ''))
      .map((row) => [row.shapeID ?? '', { code: row.ncdd_code ?? '', match: row.ncdd_match ?? '' }]),
  );
  const collection = readJson<{ features: Feature[] }>(sourceDir, geojson);
  const features = collection.features.flatMap((feature): Feature[] => {
    const id = String(feature.properties.shapeID);
    const matched = codes.get(id);
    if (!matched) return [];
    return [
      {
        type: 'Feature',
        properties: {
          code: matched.code,
          name_latin: feature.properties.shapeName,
          match: matched.match,
          source_id: id,
        },
        geometry: roundGeometry(feature.geometry),
      },
    ];
  });
  features.sort(byCode);
  return {
    name: `boundaries/${level}.geojson.gz`,
    content: featureCollection(features),
    count: features.length,
    sources: [geojson, crosswalk],
  };
}

/** The columns of the commune figures file, each with the original column it comes from. */
export const FIGURE_COLUMNS = [
  // PRISM (ID Poor as of 2022, flood hazard, vulnerability 2024 edition)
  { column: 'households_2022', from: 'Total_HHs' },
  { column: 'idpoor1_households_2022', from: 'Total_Poor_1_HHs' },
  { column: 'idpoor2_households_2022', from: 'Total_Poor_2_HHs' },
  { column: 'idpoor_households_2022', from: 'Total_Poor_12_HHs' },
  { column: 'idpoor_persons_2022', from: 'Total_Poor_12_Persons' },
  { column: 'flood_hazard_index', from: 'flood_hazard_index' },
  { column: 'vulnerability_index', from: 'vuln_index' },
  // NIS/MoP Commune Database 2011
  { column: 'population_male_2011', from: 'TT_M' },
  { column: 'population_female_2011', from: 'TT_F' },
  { column: 'population_2011', from: 'TT_Both' },
  { column: 'families_2011', from: 'TT_Family' },
  // The gazetteer of 2024-10-14
  { column: 'villages_2024', from: 'villages counted in the gazetteer' },
] as const;

/**
 * One row per commune code found in any source, with the figures of each. The sources code
 * communes as they were then (PRISM about 2018-2022, the Commune Database 2011): a code the
 * current tree does not know is kept, and the import reports it.
 */
function communeFigures(sourceDir: string): DerivedFile {
  const prismSource = 'poverty-disaster-prism/commune_indicators_joined.csv';
  const populationSource = 'socioeconomic-odc-2008-2011/commune_population_by_sex_age_2011.csv';
  const gazetteerSource = 'gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv';
  const rows = new Map<string, Record<string, string>>();
  const rowOf = (code: string) => {
    let row = rows.get(code);
    if (!row) {
      row = { commune_code: code };
      rows.set(code, row);
    }
    return row;
  };
  for (const record of readCsv(sourceDir, prismSource)) {
    const row = rowOf(record.commune_code ?? '');
    for (const { column, from } of FIGURE_COLUMNS.slice(0, 7)) row[column] = record[from] ?? '';
  }
  for (const record of readCsv(sourceDir, populationSource)) {
    const row = rowOf((record.Com_Code ?? '').padStart(6, '0'));
    for (const { column, from } of FIGURE_COLUMNS.slice(7, 11)) row[column] = record[from] ?? '';
  }
  const villages = new Map<string, number>();
  for (const record of readCsv(sourceDir, gazetteerSource)) {
    if (record.level !== 'village') continue;
    const commune = record.parent_code_padded ?? '';
    villages.set(commune, (villages.get(commune) ?? 0) + 1);
  }
  for (const record of readCsv(sourceDir, gazetteerSource)) {
    if (record.level !== 'commune') continue;
    rowOf(record.code_padded ?? '').villages_2024 = String(villages.get(record.code_padded ?? '') ?? 0);
  }
  const columns = ['commune_code', ...FIGURE_COLUMNS.map(({ column }) => column)];
  const sorted = [...rows.values()]
    .filter((row) => /^\d{6}$/.test(row.commune_code ?? ''))
    .sort((a, b) => (a.commune_code ?? '').localeCompare(b.commune_code ?? ''));
  const content = stringify(sorted, { header: true, columns, record_delimiter: 'unix' });
  return {
    name: 'figures/commune-figures.csv.gz',
    content: Buffer.from(content, 'utf8'),
    count: sorted.length,
    sources: [prismSource, populationSource, gazetteerSource],
  };
}

/** Every derived file, in a fixed order. */
export function deriveReferenceData(sourceDir = DEFAULT_SOURCE_DIR): DerivedFile[] {
  return [
    gazetteer(sourceDir),
    provinces(sourceDir),
    crosswalked(sourceDir, 'districts'),
    crosswalked(sourceDir, 'communes'),
    communeFigures(sourceDir),
  ];
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** What manifest.json records of a file: enough to tell a stale copy without the originals. */
export interface ManifestEntry {
  name: string;
  count: number;
  sha256: string;
  bytes: number;
  sources: { path: string; sha256: string }[];
}

export function manifestOf(files: DerivedFile[], sourceDir = DEFAULT_SOURCE_DIR): ManifestEntry[] {
  return files.map((file) => ({
    name: file.name,
    count: file.count,
    // Of the content, not of the gzip: another zlib may compress the same bytes differently.
    sha256: sha256(file.content),
    bytes: file.content.length,
    sources: file.sources.map((source) => ({
      path: source,
      sha256: sha256(fs.readFileSync(path.join(sourceDir, source))),
    })),
  }));
}

/** Reads a committed file of reference-data/ (gunzipped). */
export function readReferenceFile(name: string, dir = REFERENCE_DIR): Buffer {
  return gunzipSync(fs.readFileSync(path.join(dir, name)));
}

export function writeReferenceData(
  files: DerivedFile[],
  dir = REFERENCE_DIR,
  sourceDir = DEFAULT_SOURCE_DIR,
) {
  for (const file of files) {
    const target = path.join(dir, file.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, gzipSync(file.content, { level: 9 }));
  }
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    `${JSON.stringify({ files: manifestOf(files, sourceDir) }, null, 2)}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sourceDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SOURCE_DIR;
  if (!fs.existsSync(sourceDir)) {
    process.stderr.write(`No originals at ${sourceDir}: give the folder of the shared data.\n`);
    process.exit(2);
  }
  const files = deriveReferenceData(sourceDir);
  writeReferenceData(files, REFERENCE_DIR, sourceDir);
  for (const file of files) {
    const size = fs.statSync(path.join(REFERENCE_DIR, file.name)).size;
    process.stdout.write(`${file.name}: ${file.count} rows or features, ${Math.round(size / 1024)} KB\n`);
  }
}
