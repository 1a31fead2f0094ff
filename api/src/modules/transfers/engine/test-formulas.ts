/** Small formulas and units shared by the engine's tests and the benchmark. */
import type { Formula } from './formula.ts';
import type { UnitInputs } from './inputs.ts';

/** 1,000,000 riel: 40 % equally, 60 % by population (half) and villages (half); Phnom Penh out. */
export function smallFormula(overrides: Partial<Formula> = {}): Formula {
  return {
    format: 'sndd.transfer-formula.v1',
    program: { code: 'test-fund', nameKm: 'មូលនិធិសាកល្បង', nameEn: 'Test fund' },
    fiscalYear: 2025,
    version: 1,
    legalReference: { text: 'Test only' },
    pool: { kind: 'fixed', amount: 1_000_000, isExample: true },
    components: [
      {
        code: 'admin',
        nameKm: 'រដ្ឋបាល',
        nameEn: 'Administration',
        sharePercent: 40,
        criteria: [{ kind: 'equal', weightPercent: 100 }],
      },
      {
        code: 'development',
        nameKm: 'អភិវឌ្ឍន៍',
        nameEn: 'Development',
        sharePercent: 60,
        criteria: [
          { kind: 'indicator', indicator: 'population', weightPercent: 50 },
          { kind: 'indicator', indicator: 'villages', weightPercent: 50 },
        ],
      },
    ],
    eligibility: { levels: [3], excludeCodes: ['12'] },
    rounding: { unit: 1000 },
    ...overrides,
  };
}

export const SMALL_UNITS: UnitInputs[] = [
  { code: '010103', values: { population: 6000, villages: 5 } },
  { code: '120101', values: { population: 500, villages: 1 } },
  { code: '010101', values: { population: 1000, villages: 2 } },
  { code: '01', values: { population: 10000, villages: 10 } },
  { code: '010102', values: { population: 3000, villages: 3 } },
];
