/**
 * The boundary import and routes on the demo tree (25 provinces, Kep down to its villages), with
 * the real files of ../shared/data/boundaries, read in place.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { verifyAuditChain } from '../../../platform/audit/audit.ts';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { formatReport } from './boundaries-cli.ts';
import { checkGeometry, countPositions, type BoundaryGeometry } from './boundary-geometry.ts';
import { importBoundaries, importBoundaryFile, type BoundaryImportOptions } from './import-boundaries.ts';

const DATA = path.resolve(repoRoot, '../shared/data/boundaries');
const PROVINCES = path.join(DATA, 'provinces_khm_bnd_admin1_gov_ed2022.geojson');
const DISTRICTS = path.join(DATA, 'districts_adm2_geoboundaries_simplified.geojson');
const COMMUNES = path.join(DATA, 'communes_adm3_geoboundaries_simplified.geojson');
const COMMUNE_CROSSWALK = path.join(DATA, 'communes_adm3_crosswalk.csv');

const CLI: BoundaryImportOptions = { actorLogin: 'cli:test' };

interface Feature {
  type: string;
  id: string;
  bbox: number[];
  properties: {
    code: string;
    level: number;
    parentCode: string | null;
    typeCode: string;
    nameKm: string;
    nameLatin: string;
  };
  geometry: BoundaryGeometry;
}
interface Collection {
  type: string;
  bbox?: number[];
  features: Feature[];
}

let t: TestApp;

beforeAll(async () => {
  // The capital and the provinces, and Kep down to its villages.
  t = await openTestApp({ referenceData: { sampleOf: ['23'] } });
});

afterAll(async () => {
  await t.close();
});

const db = () => t.db.kysely;

async function countRows(where = sql`true`): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from gazetteer_unit_boundary where ${where}`.execute(db());
  return result.rows[0]?.n ?? 0;
}

async function countImports(): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from gazetteer_import where kind = 'boundaries'`.execute(db());
  return result.rows[0]?.n ?? 0;
}

async function countImportAudits(): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from audit_record where action = 'gazetteer.boundaries.import'`.execute(db());
  return result.rows[0]?.n ?? 0;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

function expectValidGeometry(geometry: BoundaryGeometry): void {
  const checked = checkGeometry(geometry);
  expect(checked).toHaveProperty('geometry');
}

describe('the province file (PRISM / NCDM ed2022, codes in Adm1_text)', () => {
  it('a dry run finds 25 boundaries for the 25 units and writes nothing', async () => {
    const report = await importBoundaryFile(db(), PROVINCES, { ...CLI, dryRun: true });
    expect(report.codeSource).toBe('property Adm1_text');
    expect(report.featureCount).toBe(25);
    expect(report.validCount).toBe(25);
    expect(report.problems).toEqual([]);
    expect(report.applied).toBe(false);
    expect(report.rowsApplied).toBe(0);
    expect(report.added).toHaveLength(25);
    expect(report.importId).toBeNull();
    // The command line still says what an import would do, and that nothing was written.
    expect(formatReport(report)).toContain('25 boundaries would be added, 0 replaced, 0 unchanged.');
    expect(formatReport(report)).toContain('Dry run: nothing was written.');
    expect(await countRows()).toBe(0);
    expect(await countImports()).toBe(0);
    expect(await countImportAudits()).toBe(0);
  });

  it('imports 25 boundaries in one import with one audit record', async () => {
    const report = await importBoundaryFile(db(), PROVINCES, CLI);
    expect(report.applied).toBe(true);
    expect(report.added).toHaveLength(25);
    expect(report.points.simplified).toBeLessThan(report.points.full / 5);
    expect(report.importId).not.toBeNull();
    expect(await countRows(sql`level = 1`)).toBe(25);
    expect(await countImports()).toBe(1);
    expect(await countImportAudits()).toBe(1);
    const audit = await sql<{ actor_login: string; actor_user_id: number | null; entity_id: string }>`
      select actor_login, actor_user_id, entity_id from audit_record
      where action = 'gazetteer.boundaries.import'`.execute(db());
    expect(audit.rows[0]).toEqual({
      actor_login: 'cli:test',
      actor_user_id: null,
      entity_id: String(report.importId),
    });
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('importing the same file again changes no row', async () => {
    const before = await sql`select * from gazetteer_unit_boundary order by code`.execute(db());
    const report = await importBoundaryFile(db(), PROVINCES, CLI);
    expect(report.applied).toBe(true);
    expect(report.added).toEqual([]);
    expect(report.replaced).toEqual([]);
    expect(report.unchanged).toHaveLength(25);
    const after = await sql`select * from gazetteer_unit_boundary order by code`.execute(db());
    expect(after.rows).toEqual(before.rows);
  });
});

describe('GET /api/gazetteer/boundaries/{level}', () => {
  it('answers 25 simplified features for level 1, each a valid polygon with the unit names', async () => {
    const response = await get('/api/gazetteer/boundaries/1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const body = response.json<Collection>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(25);
    expect(body.bbox?.[0]).toBeGreaterThan(102);
    expect(body.bbox?.[2]).toBeLessThan(108);
    const kep = body.features.find((feature) => feature.id === '23');
    expect(kep?.properties).toEqual({
      code: '23',
      level: 1,
      parentCode: null,
      typeCode: 'province',
      nameKm: 'កែប',
      nameLatin: 'Kep',
    });
    expect(body.features.find((feature) => feature.id === '12')?.properties.typeCode).toBe('capital');
    for (const feature of body.features) {
      expect(feature.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expectValidGeometry(feature.geometry);
      expect(feature.bbox).toHaveLength(4);
    }

    const full = (await get('/api/gazetteer/boundaries/1?detail=full')).json<Collection>();
    expect(full.features).toHaveLength(25);
    for (const [index, feature] of body.features.entries()) {
      const fullFeature = full.features[index] as Feature;
      expect(fullFeature.id).toBe(feature.id);
      expectValidGeometry(fullFeature.geometry);
      expect(countPositions(feature.geometry)).toBeLessThan(countPositions(fullFeature.geometry));
    }
  });

  it('is compressed for clients that accept it, and answers 304 to its own ETag', async () => {
    const response = await get('/api/gazetteer/boundaries/1', { 'accept-encoding': 'gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    const text = zlib.gunzipSync(response.rawPayload).toString();
    expect(JSON.parse(text).features).toHaveLength(25);
    expect(response.rawPayload.length).toBeLessThan(text.length / 2);

    const etag = String(response.headers.etag);
    const again = await get('/api/gazetteer/boundaries/1', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('limits to a subtree with within=, and gives an empty collection for an unknown code', async () => {
    const kep = (await get('/api/gazetteer/boundaries/1?within=23')).json<Collection>();
    expect(kep.features.map((feature) => feature.id)).toEqual(['23']);
    const none = (await get('/api/gazetteer/boundaries/1?within=99')).json<Collection>();
    expect(none).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('refuses levels other than 1 to 3 and unknown detail values', async () => {
    for (const url of [
      '/api/gazetteer/boundaries/4',
      '/api/gazetteer/boundaries/0',
      '/api/gazetteer/boundaries/1?detail=x',
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe('http.request.invalid');
    }
  });

  it('is public: no session needed (every request here is anonymous)', async () => {
    expect((await get('/api/gazetteer/boundaries/2')).statusCode).toBe(200);
  });
});

describe('GET /api/gazetteer/units/{code}/boundary', () => {
  it('answers one Feature', async () => {
    const response = await get('/api/gazetteer/units/23/boundary');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const feature = response.json<Feature>();
    expect(feature.type).toBe('Feature');
    expect(feature.properties.nameLatin).toBe('Kep');
    expectValidGeometry(feature.geometry);
    const full = (await get('/api/gazetteer/units/23/boundary?detail=full')).json<Feature>();
    expect(countPositions(full.geometry)).toBeGreaterThan(countPositions(feature.geometry));
  });

  it('answers 404 for a unit without a boundary and for an unknown unit', async () => {
    const village = await get('/api/gazetteer/units/23010101/boundary');
    expect(village.statusCode).toBe(404);
    expect(village.json<{ code: string }>().code).toBe('gazetteer.boundary.not_found');
    const unknown = await get('/api/gazetteer/units/99/boundary');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('gazetteer.unit.not_found');
  });
});

describe('the district file (geoBoundaries ADM2, codes in ncdd_code) on a tree with only Kep below level 1', () => {
  it('reports the codes not in the tree and the feature without a code, and imports nothing', async () => {
    const imports = await countImports();
    const report = await importBoundaryFile(db(), DISTRICTS, CLI);
    expect(report.codeSource).toBe('property ncdd_code');
    expect(report.featureCount).toBe(197);
    expect(report.applied).toBe(false);
    const kinds = report.problems.map((problem) => problem.code);
    expect(kinds.filter((kind) => kind === 'gazetteer.boundary.unknown_code')).toHaveLength(194);
    const missing = report.problems.filter((problem) => problem.code === 'gazetteer.boundary.missing_code');
    expect(missing.map((problem) => problem.label)).toEqual(['Odongk']);
    expect(report.problems.find((problem) => problem.unitCode === '0102')?.message).toContain('0102');
    expect(await countRows(sql`level = 2`)).toBe(0);
    expect(await countImports()).toBe(imports);
  });

  it('with applyValid imports only the two districts of Kep', async () => {
    const report = await importBoundaryFile(db(), DISTRICTS, { ...CLI, applyValid: true });
    expect(report.applied).toBe(true);
    expect(report.added).toEqual(['2301', '2302']);
    expect(report.problems).toHaveLength(195);
    const body = (await get('/api/gazetteer/boundaries/2?within=23')).json<Collection>();
    expect(body.features.map((feature) => feature.id)).toEqual(['2301', '2302']);
    expect(body.features.map((feature) => feature.properties.typeCode)).toEqual(['district', 'municipality']);
  });
});

describe('the commune file with its crosswalk (shapeID → ncdd_code)', () => {
  it('imports the five communes and sangkats of Kep with applyValid', async () => {
    const report = await importBoundaryFile(db(), COMMUNES, {
      ...CLI,
      crosswalkPath: COMMUNE_CROSSWALK,
      applyValid: true,
    });
    expect(report.codeSource).toBe('crosswalk on shapeID');
    expect(report.applied).toBe(true);
    expect(report.added).toEqual(['230101', '230103', '230201', '230202', '230203']);
    // 8 features are in the crosswalk without a code (ambiguous, split since, none).
    expect(
      report.problems.filter((problem) => problem.code === 'gazetteer.boundary.missing_code'),
    ).toHaveLength(8);
    const body = (await get('/api/gazetteer/boundaries/3')).json<Collection>();
    expect(body.features).toHaveLength(5);
    for (const feature of body.features) expectValidGeometry(feature.geometry);
  });
});

describe('bad input: clear problems, nothing applied', () => {
  const attempt = async (content: string, options: Partial<BoundaryImportOptions> = {}) => {
    const rows = await countRows();
    const imports = await countImports();
    const report = await importBoundaries(
      db(),
      { fileName: 'bad.geojson', content },
      { ...CLI, applyValid: true, ...options },
    );
    expect(report.applied).toBe(false);
    expect(await countRows()).toBe(rows);
    expect(await countImports()).toBe(imports);
    return report;
  };

  it('a file that is not JSON', async () => {
    const report = await attempt('{"type": "FeatureCollection", "features": [');
    expect(report.problems).toMatchObject([{ code: 'gazetteer.boundary.not_json', fatal: true }]);
  });

  it('JSON that is not a FeatureCollection', async () => {
    const report = await attempt(JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
    expect(report.problems).toMatchObject([
      { code: 'gazetteer.boundary.not_feature_collection', fatal: true },
    ]);
    expect(report.problems[0]?.message).toContain('"Feature"');
  });

  it('a feature without a code, even next to a good one', async () => {
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
    const content = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '23', name: 'Kep' }, geometry: square },
        { type: 'Feature', properties: { code: '', name: 'Nowhere' }, geometry: square },
      ],
    });
    const rows = await countRows();
    const report = await importBoundaries(db(), { fileName: 'bad.geojson', content }, CLI);
    expect(report.applied).toBe(false);
    expect(report.problems).toMatchObject([
      { code: 'gazetteer.boundary.missing_code', feature: 2, label: 'Nowhere' },
    ]);
    expect(await countRows()).toBe(rows);
  });

  it('a point, and coordinates outside Cambodia (a projected file)', async () => {
    const content = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '01' }, geometry: { type: 'Point', coordinates: [103, 13] } },
        {
          type: 'Feature',
          properties: { code: '02' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [300000, 1400000],
                [310000, 1400000],
                [310000, 1410000],
                [300000, 1400000],
              ],
            ],
          },
        },
      ],
    });
    const report = await attempt(content);
    expect(report.problems.map((problem) => problem.code)).toEqual([
      'gazetteer.boundary.bad_geometry',
      'gazetteer.boundary.outside_cambodia',
    ]);
  });

  it('a crs other than WGS84', async () => {
    const report = await attempt(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32648' } },
        features: [],
      }),
    );
    expect(report.problems).toMatchObject([{ code: 'gazetteer.boundary.unsupported_crs', fatal: true }]);
  });
});
