/**
 * The Fiscal Data Package export against the Frictionless Data validator from the npm registry
 * (`datapackage`, the JavaScript library of the Frictionless specifications, with its profiles
 * bundled so that it runs offline): the descriptor and CSVs the API serves are written to a
 * folder, loaded by the library, checked against its profiles, every row cast by its Table
 * Schema, and read back by the project's own reader (fdp-reader.ts).
 *
 * The fiscal profile aside: the `fiscal-data-package` profile the library bundles (the draft
 * that made fiscal packages a kind of tabular package) requires the package's own `profile` to
 * be `tabular-data-package`, while OpenSpending's readers and the Fiscal Data Package
 * specification expect `fiscal-data-package` there, which our export declares. So the
 * descriptor is checked against that fiscal profile with `profile` set to
 * `tabular-data-package` in a copy (everything else — the model, its measures and dimensions,
 * the resources — is checked as it is), and the package as served is shown to fail that profile
 * on that one point only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Package, Profile, validate } from 'datapackage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { DEMO_YEAR } from '../demo-seed.ts';
import { loadFiscalDataPackage, validateFiscalDataPackage, type FdpDescriptor } from './fdp-reader.ts';

let t: TestApp;
let folder: string;
let descriptor: FdpDescriptor;

beforeAll(async () => {
  t = await openTestApp();
  const anon = anonymous(t.app);
  const base = `/api/open-data/budgets/${DEMO_YEAR}`;
  const answer = await anon.request('GET', `${base}/datapackage.json`);
  expect(answer.statusCode, answer.body).toBe(200);
  descriptor = answer.json<FdpDescriptor>();
  folder = await mkdtemp(path.join(os.tmpdir(), 'sndd-fdp-'));
  await writeFile(path.join(folder, 'datapackage.json'), answer.body);
  for (const resource of descriptor.resources) {
    const csv = await anon.request('GET', `${base}/${resource.path}`);
    expect(csv.statusCode).toBe(200);
    await writeFile(path.join(folder, resource.path!), csv.body);
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

/** The descriptor with the package profile the bundled fiscal profile insists on. */
const asTabular = () => ({ ...structuredClone(descriptor), profile: 'tabular-data-package' });

describe('the Frictionless validator (npm datapackage)', () => {
  it('declares every resource a tabular data resource', () => {
    expect(descriptor.resources.length).toBe(3);
    for (const resource of descriptor.resources) expect(resource.profile).toBe('tabular-data-resource');
  });

  it('passes the bundled fiscal-data-package profile, its package profile aside', async () => {
    const fiscal = await Profile.load('fiscal-data-package');
    const checked = fiscal.validate(asTabular());
    expect(checked.errors.map((error) => error.message)).toEqual([]);
    expect(checked.valid).toBe(true);
    // As served: the one complaint is the package's own profile (see the comment above).
    const served = await validate(structuredClone(descriptor));
    expect(served.valid).toBe(false);
    expect(served.errors).toHaveLength(1);
    expect(served.errors[0]!.message).toMatch(
      /No enum match for: "fiscal-data-package"[\s\S]*at "\/profile"/,
    );
  });

  it('loads as a tabular data package from the folder, and every row casts by its Table Schema', async () => {
    await writeFile(path.join(folder, 'tabular.json'), JSON.stringify(asTabular()));
    const loaded = await Package.load(path.join(folder, 'tabular.json'));
    expect(loaded.errors.map((error) => error.message)).toEqual([]);
    expect(loaded.valid).toBe(true);
    let rows = 0;
    for (const resource of loaded.resources) {
      // Throws on a row whose cells do not fit the schema (an amount that is not an integer…).
      const read = await resource.read({ keyed: true });
      for (const row of read) expect(Number.isInteger(row.amount)).toBe(true);
      rows += read.length;
    }
    expect(rows).toBeGreaterThan(0);

    // Read back by the project's reader: the same rows, and the hierarchy in each dimension.
    const back = await loadFiscalDataPackage(folder);
    expect(validateFiscalDataPackage(back.descriptor)).toEqual([]);
    expect(back.rows).toHaveLength(rows);
    const administrative = back.model.dimensions.administrative!;
    expect(administrative.attributes.code).toMatchObject({ source: 'admin_code', parent: 'parent-code' });
    for (const dimension of ['economic', 'functional']) {
      expect(back.model.dimensions[dimension]!.attributes.code).toMatchObject({ parent: 'parent-code' });
    }
    for (const row of back.rows) {
      const unit = row.dimensions.administrative!;
      // A commune's parent is its district, a district's its province; a province has none.
      expect(unit['parent-code']).toBe(unit.code!.length > 2 ? unit.code!.slice(0, -2) : '');
    }
    // The chart of accounts: each chapter under its class (its first digit).
    const economic = back.rows.map((row) => row.dimensions.economic!);
    expect(economic.length).toBeGreaterThan(0);
    for (const item of economic) {
      expect(item['parent-code']).not.toBe('');
      expect(item.code!.startsWith(item['parent-code']!)).toBe(true);
    }
    // COFOG divisions are the top level: no parent.
    for (const row of back.rows) {
      const functional = row.dimensions.functional!;
      if (functional.code && !functional.code.includes('.')) expect(functional['parent-code']).toBe('');
    }
  });
});
