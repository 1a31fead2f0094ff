/**
 * reference-data/ is what the platform loads at its first start: these tests derive it again
 * from the originals in ../shared/data and fail while the committed copy is stale (run
 * `npm run reference-data` and commit), and check that what it holds is what its README says.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  deriveReferenceData,
  manifestOf,
  readReferenceFile,
  REFERENCE_DIR,
  type ManifestEntry,
} from './reference-data.ts';
import fs from 'node:fs';
import path from 'node:path';

const derived = deriveReferenceData();
const committed = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'manifest.json'), 'utf8')) as {
  files: ManifestEntry[];
};

describe('reference-data/', () => {
  it('is current: every file is what the script derives from the originals today', () => {
    expect(committed.files).toEqual(manifestOf(derived));
    for (const file of derived) {
      expect(readReferenceFile(file.name).equals(file.content), file.name).toBe(true);
    }
  });

  it('stays small: a few MB, read at first start', () => {
    const total = committed.files.reduce(
      (sum, file) => sum + fs.statSync(path.join(REFERENCE_DIR, file.name)).size,
      0,
    );
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });

  it('has every file described in its README', () => {
    const readme = fs.readFileSync(path.join(REFERENCE_DIR, 'README.md'), 'utf8');
    for (const file of committed.files) expect(readme, file.name).toContain(file.name);
  });

  it('holds the whole official tree: 210 districts, 1,652 communes, 14,570 villages', () => {
    const rows = parse<Record<string, string>>(
      readReferenceFile('gazetteer/ncdd-gazetteer-2024-10-14.csv.gz'),
      {
        columns: true,
      },
    );
    const count = (level: string) => rows.filter((row) => row.level === level).length;
    expect([count('district'), count('commune'), count('village')]).toEqual([210, 1652, 14570]);
  });

  it('gives every outline one NCDD code of its level, provinces all 25', () => {
    const codes = (name: string) =>
      (
        JSON.parse(readReferenceFile(name).toString('utf8')) as {
          features: { properties: { code: string } }[];
        }
      ).features.map((feature) => feature.properties.code);
    const provinces = codes('boundaries/provinces.geojson.gz');
    expect(new Set(provinces).size).toBe(25);
    expect(provinces.every((code) => /^\d{2}$/.test(code))).toBe(true);
    expect(codes('boundaries/districts.geojson.gz').every((code) => /^\d{4}$/.test(code))).toBe(true);
    expect(codes('boundaries/communes.geojson.gz').every((code) => /^\d{6}$/.test(code))).toBe(true);
  });

  it('keeps the commune figures whole: the national sums of the sources', () => {
    const rows = parse<Record<string, string>>(readReferenceFile('figures/commune-figures.csv.gz'), {
      columns: true,
    });
    const sum = (column: string) => rows.reduce((total, row) => total + Number(row[column] || 0), 0);
    // The sums the sources' READMEs give (../shared/data/*/README.md).
    expect(sum('households_2022')).toBe(3_928_051);
    expect(sum('idpoor_households_2022')).toBe(690_895);
    expect(sum('population_2011')).toBe(14_339_953);
    expect(sum('villages_2024')).toBe(14_570);
  });
});
