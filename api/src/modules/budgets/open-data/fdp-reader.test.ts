/**
 * The reader on the two real Fiscal Data Packages in ../shared/data/fiscal-data-package-examples
 * (read in place, never copied), with their real row counts and totals, and on packages in
 * memory: the early `mapping` layout and the current `model` one, codes kept as text, bad input
 * refused.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FdpError,
  loadFiscalDataPackage,
  readFiscalDataPackage,
  totalsBy,
  validateFiscalDataPackage,
} from './fdp-reader.ts';

// api/src/modules/budgets/open-data → the repository's root → ../shared/data
const EXAMPLES = fileURLToPath(
  new URL('../../../../../../shared/data/fiscal-data-package-examples/', import.meta.url),
);

describe('the real packages', () => {
  it('reads the Albanian treasury package: 40 payments, 33,299,653 lek', async () => {
    const fdp = await loadFiscalDataPackage(`${EXAMPLES}al-treasury-spending`);
    expect(fdp.descriptor.name).toBe('al-treasury-spending');
    expect(fdp.model.measures.amount).toMatchObject({ currency: 'ALL', direction: 'expenditure' });
    expect(fdp.rows).toHaveLength(40);
    expect(fdp.rows.reduce((sum, row) => sum + row.measures.amount!, 0)).toBe(33_299_653);
    const first = fdp.rows[0]!;
    expect(first.measures.amount).toBe(1_308_049);
    expect(first.dimensions.supplier).toEqual({ supplier: 'FRANKO CONSTRUCTION' });
    expect(first.dimensions['date-executed']).toEqual({ label: '2014-12-31' });
    // Receipt numbers are codes: kept as text, not rounded as a 14-digit number might be.
    expect(first.dimensions['invoice-id']).toEqual({ 'receipt-no': '42710050012014' });
    // Quoted, multi-line descriptions come through whole.
    expect(first.dimensions.description!['receipt-description']).toMatch(
      /^Min\.Bujqesise sherb dhe riparim zyrash/,
    );
  });

  it('reads the Madrid budget 2012-2015: 20,217 lines, €18,856,010,299, and each year’s total', async () => {
    const fdp = await loadFiscalDataPackage(`${EXAMPLES}madrid-municipal-gastos`);
    expect(fdp.rows).toHaveLength(20_217);
    expect(fdp.rows.reduce((sum, row) => sum + row.measures.amount!, 0)).toBe(18_856_010_299);
    expect(Object.fromEntries(totalsBy(fdp.rows, 'amount', 'date', 'year'))).toEqual({
      '2012': 4_942_020_428,
      '2013': 4_564_125_024,
      '2014': 4_699_310_629,
      '2015': 4_650_554_218,
    });
    const first = fdp.rows[0]!;
    // Leading zeros survive although the schema calls the column an integer.
    expect(first.dimensions.administrative).toMatchObject({ CENTRO: '001', SECCION: '002' });
    expect(first.dimensions.economic).toMatchObject({
      CAPITULO: '1',
      'DESCRIPCION CAPITULO': 'GASTOS DE PERSONAL',
    });
    expect(fdp.model.dimensions.economic!.classificationType).toBe('economic');
  });

  it('finds both real descriptors valid', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const name of ['al-treasury-spending', 'madrid-municipal-gastos']) {
      const descriptor: unknown = JSON.parse(await readFile(`${EXAMPLES}${name}/datapackage.json`, 'utf8'));
      expect(validateFiscalDataPackage(descriptor), name).toEqual([]);
    }
  });
});

describe('packages in memory', () => {
  const descriptor = {
    profile: 'fiscal-data-package',
    name: 'tiny',
    title: 'Tiny',
    resources: [
      { name: 'lines', path: 'lines.csv', schema: { fields: [{ name: 'code' }, { name: 'amount' }] } },
    ],
    model: {
      measures: { amount: { source: 'amount', currency: 'KHR', factor: 1000 } },
      dimensions: { economic: { attributes: { code: { source: 'code' } }, primaryKey: 'code' } },
    },
  };

  it('resolves measures (with their factor) and dimensions', () => {
    const fdp = readFiscalDataPackage(descriptor, () => 'code,amount\r\n060,1.5\r\n064,2\r\n');
    expect(fdp.rows).toEqual([
      { resource: 'lines', measures: { amount: 1500 }, dimensions: { economic: { code: '060' } } },
      { resource: 'lines', measures: { amount: 2000 }, dimensions: { economic: { code: '064' } } },
    ]);
  });

  it('refuses an invalid descriptor and a measure that is not a number', () => {
    expect(
      validateFiscalDataPackage({
        ...descriptor,
        model: { measures: { amount: { source: 'nowhere' } }, dimensions: {} },
      }),
    ).toEqual(['model.measures.amount.source: no resource has the field "nowhere".']);
    expect(validateFiscalDataPackage({ name: 'Bad Name', resources: [] })).toEqual(
      expect.arrayContaining([
        'name: a lower-case slug is required.',
        'resources: at least one is required.',
      ]),
    );
    expect(() => readFiscalDataPackage(descriptor, () => 'code,amount\n060,lots\n')).toThrow(FdpError);
  });
});
