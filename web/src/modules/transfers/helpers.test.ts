import { describe, expect, it } from 'vitest';
import {
  applyForm,
  checkForm,
  commonPrefix,
  columnMapParam,
  csvHeader,
  formOf,
  pageOf,
  percentTotal,
  percentUnits,
  poolOf,
  sharePercent,
  sortChanges,
} from './helpers.ts';
import { parseNumber } from '../../lib/numbers.ts';
import type { FormulaDocument, UnitChange } from './types.ts';

const FORMULA: FormulaDocument = {
  format: 'sndd.transfer-formula.v1',
  program: { code: 'supplementary-commune-fund', nameKm: 'ក', nameEn: 'Fund' },
  fiscalYear: 2025,
  version: 1,
  legalReference: { text: 'Sub-decree' },
  pool: { kind: 'share_of_base', percent: 1, base: { label: 'revenue', amount: 28_000_000_000_000 } },
  components: [
    {
      code: 'equal',
      nameKm: 'ក',
      nameEn: 'Equal',
      sharePercent: 30,
      criteria: [{ kind: 'equal', weightPercent: 100 }],
    },
    {
      code: 'mixed',
      nameKm: 'ខ',
      nameEn: 'Mixed',
      sharePercent: 70,
      criteria: [
        { kind: 'indicator', indicator: 'population', weightPercent: 60 },
        { kind: 'indicator', indicator: 'villages', weightPercent: 40 },
      ],
    },
  ],
  eligibility: { levels: [3], excludeCodes: ['12'] },
  rounding: { unit: 1000 },
};

describe('percents', () => {
  it('adds exactly, as the engine does: thirds written to 4 decimals make 100, 30 three times does not', () => {
    expect(percentTotal(['33.3333', '33.3333', '33.3334'])).toEqual({
      total: 100,
      isHundred: true,
      invalid: [],
    });
    expect(percentTotal(['30', '30', '30'])).toEqual({ total: 90, isHundred: false, invalid: [] });
    // Floating point would make this 100.00000000000001 or 99.99999999999999.
    expect(percentTotal(['10.1', '20.2', '69.7']).isHundred).toBe(true);
  });

  it('refuses more than 4 decimals, more than 100, negatives and text, and names the bad ones', () => {
    expect(percentUnits('12.34567')).toBeNull();
    expect(percentUnits('100.5')).toBeNull();
    expect(percentUnits('-5')).toBeNull();
    expect(percentUnits('abc')).toBeNull();
    expect(percentUnits('')).toBeNull();
    expect(percentTotal(['50', 'x', '50', '101'])).toEqual({
      total: null,
      isHundred: false,
      invalid: [1, 3],
    });
  });

  it('reads Khmer digits', () => {
    expect(percentUnits('៣០')).toBe(300_000);
    expect(percentTotal(['៣៣.៣៣៣៣', '៣៣.៣៣៣៣', '៣៣.៣៣៣៤']).isHundred).toBe(true);
  });
});

describe('riel and the pool', () => {
  it('reads amounts typed with separators or Khmer digits, and refuses fractions', () => {
    expect(parseNumber('28,000,000,000,000')).toBe(28_000_000_000_000);
    expect(parseNumber('១ ០០០')).toBe(1000);
    expect(parseNumber('12.5')).toBeNull();
    expect(parseNumber('-3')).toBeNull();
    expect(parseNumber('99999999999999999999')).toBeNull();
  });

  it('gives the pool rounded down to the rounding unit', () => {
    expect(poolOf(FORMULA.pool, 1000)).toBe(280_000_000_000);
    expect(
      poolOf({ kind: 'share_of_base', percent: 0.01, base: { label: 'b', amount: 123_456_789_000 } }, 1000),
    ).toBe(12_345_000);
    expect(poolOf({ kind: 'fixed', amount: 1_234_567 }, 1000)).toBe(1_234_000);
  });
});

describe('the scenario form', () => {
  it('starts from the stored formula and is valid as it is', () => {
    const form = formOf(FORMULA);
    expect(form).toEqual({
      components: [
        { share: '30', weights: ['100'] },
        { share: '70', weights: ['60', '40'] },
      ],
      poolPercent: '1',
      poolAmount: '28000000000000',
    });
    expect(checkForm(FORMULA, form).valid).toBe(true);
  });

  it('says live which totals are off', () => {
    const form = formOf(FORMULA);
    form.components[0] = { share: '20', weights: ['100'] };
    form.components[1] = { share: '70', weights: ['70', '40'] };
    const check = checkForm(FORMULA, form);
    expect(check.valid).toBe(false);
    expect(check.shares.total).toBe(90);
    expect(check.weights.map((w) => w.isHundred)).toEqual([true, false]);
    expect(checkForm(FORMULA, { ...formOf(FORMULA), poolPercent: '0' }).poolPercentValid).toBe(false);
    expect(checkForm(FORMULA, { ...formOf(FORMULA), poolAmount: 'lots' }).valid).toBe(false);
  });

  it('writes the new shares, weights and pool into a copy of the formula', () => {
    const form = formOf(FORMULA);
    form.components[0] = { share: '10', weights: ['100'] };
    form.components[1] = { share: '90', weights: ['75.5', '24.5'] };
    form.poolPercent = '1.5';
    form.poolAmount = '1,000,000';
    const scenario = applyForm(FORMULA, form);
    expect(scenario.components.map((c) => c.sharePercent)).toEqual([10, 90]);
    expect(scenario.components[1]?.criteria.map((c) => c.weightPercent)).toEqual([75.5, 24.5]);
    expect(scenario.pool).toEqual({
      kind: 'share_of_base',
      percent: 1.5,
      base: { label: 'revenue', amount: 1_000_000 },
    });
    // The stored formula is left as it was.
    expect(FORMULA.components[0]?.sharePercent).toBe(30);
    expect(scenario.program).toEqual(FORMULA.program);
  });
});

describe('scenario results', () => {
  const change = (code: string, value: number): UnitChange => ({
    code,
    baseline: 100,
    scenario: 100 + value,
    change: value,
    changePercent: value,
    changePerPerson: null,
    onlyIn: null,
  });
  const units = [change('03', 5), change('01', -7), change('02', 5), change('04', 0)];

  it('sorts by change either way, ties by code, or by code', () => {
    expect(sortChanges(units, 'change').map((u) => u.code)).toEqual(['01', '04', '02', '03']);
    expect(sortChanges(units, '-change').map((u) => u.code)).toEqual(['02', '03', '04', '01']);
    expect(sortChanges(units, 'code').map((u) => u.code)).toEqual(['01', '02', '03', '04']);
  });

  it('pages in memory', () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(pageOf(items, 1, 25)).toHaveLength(25);
    expect(pageOf(items, 3, 25)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(pageOf(items, 4, 25)).toEqual([]);
  });
});

describe('the import mapping', () => {
  it('builds the map parameter and leaves empty rows out', () => {
    expect(
      columnMapParam([
        { indicator: 'population', column: 'TT_Both' },
        { indicator: '', column: '' },
        { indicator: ' poor_households ', column: 'HH ID1 ' },
      ]),
    ).toBe('population:TT_Both,poor_households:HH ID1');
  });

  it('refuses half rows, bad names, twice the same indicator, and nothing at all', () => {
    expect(columnMapParam([{ indicator: 'population', column: '' }])).toBeNull();
    expect(columnMapParam([{ indicator: 'Population', column: 'a' }])).toBeNull();
    expect(columnMapParam([{ indicator: 'population', column: 'a:b' }])).toBeNull();
    expect(
      columnMapParam([
        { indicator: 'population', column: 'a' },
        { indicator: 'population', column: 'b' },
      ]),
    ).toBeNull();
    expect(columnMapParam([])).toBeNull();
  });

  it('reads the header line of a CSV, with quotes and a byte-order mark', () => {
    expect(csvHeader('\uFEFFcode,"name, Khmer",TT_Both\r\n01,x,3')).toEqual([
      'code',
      'name, Khmer',
      'TT_Both',
    ]);
  });
});

describe('display', () => {
  it('shows a decimal share as a percent to 4 decimals', () => {
    expect(sharePercent('0.276363636364')).toBe(27.6364);
    expect(sharePercent('nonsense')).toBe(0);
  });
});

describe('commonPrefix', () => {
  it('finds the part of the tree that units share, in whole levels', () => {
    expect(commonPrefix(['230101', '230103', '230201'])).toBe('23');
    expect(commonPrefix(['230201', '230203'])).toBe('2302');
    expect(commonPrefix(['230201'])).toBe('230201');
    expect(commonPrefix(['010101', '230201'])).toBe('');
    expect(commonPrefix([])).toBe('');
  });
});
