/**
 * The open fiscal data export: a valid Fiscal Data Package per year and tier, only published
 * budgets in it, and a round trip (export → fdp-reader → the same totals per unit and phase as
 * the budgets themselves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../../test-support/http.ts';
import { DEMO_PASSWORD } from '../../access/index.ts';
import type { Budget } from '../budgets.schemas.ts';
import { DEMO_BUDGETS, DEMO_YEAR } from '../demo-seed.ts';
import {
  readFiscalDataPackage,
  validateFiscalDataPackage,
  type FdpDescriptor,
  type FdpRow,
} from './fdp-reader.ts';

let t: TestApp;
let anon: Client;
let district: Client;

async function exported(tier?: string): Promise<{ descriptor: FdpDescriptor; rows: FdpRow[] }> {
  const base = `/api/open-data/budgets/${DEMO_YEAR}`;
  const response = await anon.request('GET', `${base}/datapackage.json${tier ? `?tier=${tier}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  // Open data: any web page may read it (CORS *).
  expect(response.headers['access-control-allow-origin']).toBe('*');
  const descriptor = response.json<FdpDescriptor>();
  const texts = new Map<string, string>();
  for (const resource of descriptor.resources) {
    const csv = await anon.request('GET', `${base}/${resource.path}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['access-control-allow-origin']).toBe('*');
    texts.set(resource.path!, csv.body);
  }
  return { descriptor, rows: readFiscalDataPackage(descriptor, (path) => texts.get(path)!).rows };
}

/** amount by "unit|phase|direction" */
function totals(rows: readonly FdpRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.dimensions.administrative!.code}|${row.dimensions.phase!.phase}|${row.dimensions.direction!.direction}`;
    sums.set(key, (sums.get(key) ?? 0) + row.measures.amount!);
  }
  return sums;
}

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t.close());

describe('the Fiscal Data Package export', () => {
  it('describes a valid package: profile, KHR measure, the dimensions, one resource per tier', async () => {
    const response = await anon.request('GET', `/api/open-data/budgets/${DEMO_YEAR}/datapackage.json`);
    expect(response.statusCode).toBe(200);
    const descriptor = response.json<FdpDescriptor>();
    expect(validateFiscalDataPackage(descriptor)).toEqual([]);
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package',
      countryCode: 'KH',
      fiscalPeriod: { start: '2026-01-01', end: '2026-12-31' },
    });
    expect(descriptor.mapping).toBeUndefined();
    expect(descriptor.model!.measures).toEqual({ amount: { source: 'amount', currency: 'KHR', factor: 1 } });
    expect(Object.keys(descriptor.model!.dimensions).sort()).toEqual(
      [
        'administrative',
        'date',
        'direction',
        'economic',
        'functional',
        'fund-source',
        'phase',
        'program',
      ].sort(),
    );
    expect(descriptor.model!.dimensions.administrative!.attributes).toMatchObject({
      code: { source: 'admin_code' },
      'name-km': { labelfor: 'code' },
    });
    expect(descriptor.resources.map((resource) => resource.path)).toEqual([
      'province-budget-lines.csv',
      'district-budget-lines.csv',
      'commune-budget-lines.csv',
    ]);
    const commune = await anon.request(
      'GET',
      `/api/open-data/budgets/${DEMO_YEAR}/datapackage.json?tier=commune`,
    );
    expect(commune.json<FdpDescriptor>().resources.map((resource) => resource.name)).toEqual([
      'commune-budget-lines',
    ]);
    expect(
      (await anon.request('GET', `/api/open-data/budgets/${DEMO_YEAR}/datapackage.json?tier=village`))
        .statusCode,
    ).toBe(400);
    const missing = await anon.request('GET', `/api/open-data/budgets/${DEMO_YEAR}/secrets.csv`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('budgets.open_data.no_resource');
  });

  it('holds only published budgets, with Khmer names and text codes', async () => {
    const { rows } = await exported('commune');
    const units = new Set(rows.map((row) => row.dimensions.administrative!.code));
    expect([...units]).toEqual(['230201']); // 230202 is still proposed
    expect(rows[0]!.dimensions.administrative).toMatchObject({
      'name-km': 'កែប',
      'name-en': 'Kaeb',
      tier: 'commune',
    });
    expect(new Set(rows.map((row) => row.dimensions.phase!.phase))).toEqual(
      new Set(
        rows.some((row) => row.dimensions.phase!.phase === 'adjusted')
          ? ['approved', 'adjusted', 'executed']
          : ['approved', 'executed'],
      ),
    );
    expect(rows.find((row) => row.dimensions.economic!.code === '64')!.dimensions.functional).toMatchObject({
      code: '01',
    });
  });

  it('round-trips: the same totals per unit, phase and direction as the budgets', async () => {
    // Adjust the municipality's budget so that the adjusted phase is there too.
    const before = (
      await district.request('GET', `/api/budgets/units/2302/years/${DEMO_YEAR}`)
    ).json<Budget>();
    const response = await district.request('POST', `/api/budgets/${before.id}/adjustments`, {
      reason: 'Open data round trip',
      lines: before.lines
        .filter((line) => line.systemOrigin === null)
        .map((line) => ({
          lineId: line.id,
          economicCode: line.economicCode,
          functionalCode: line.functionalCode,
          fundSourceCode: line.fundSourceCode,
          programCode: line.programCode,
          amount: line.economicCode === '21' ? line.amount - 80_000_000 : line.amount,
        })),
    });
    expect(response.statusCode, response.body).toBe(201);

    const { rows } = await exported();
    const sums = totals(rows);
    for (const demo of DEMO_BUDGETS) {
      const published = demo.phase !== 'proposed';
      const approvedRevenue = demo.lines
        .filter((line) => line.functional === null)
        .reduce((sum, line) => sum + line.amount, 0);
      expect(sums.get(`${demo.unit}|approved|revenue`), demo.unit).toBe(
        published ? approvedRevenue : undefined,
      );
      if (!published) continue;
      const budget = (
        await anon.request('GET', `/api/budgets/units/${demo.unit}/years/${DEMO_YEAR}`)
      ).json<Budget>();
      for (const direction of ['revenue', 'expenditure'] as const) {
        const lines = budget.lines.filter((line) => line.direction === direction);
        expect(sums.get(`${demo.unit}|executed|${direction}`)).toBe(
          lines.reduce((sum, line) => sum + line.actuals.total, 0),
        );
        if (budget.currentVersion > 1) {
          expect(sums.get(`${demo.unit}|adjusted|${direction}`)).toBe(
            lines.reduce((sum, line) => sum + line.amount, 0),
          );
        }
      }
    }
    expect(sums.get('2302|approved|expenditure')).toBe(1_335_000_000);
    expect(sums.get('2302|adjusted|expenditure')).toBe(1_335_000_000 - 80_000_000);
    expect(sums.get('2302|executed|revenue')).toBe(519_000_000);
  });
});
