/**
 * The shapes of the transfers API's JSON objects that the OpenAPI document leaves open (an
 * allocation's summary, a unit's explanation, a scenario's comparison, the formula document).
 * They follow the engine (api/src/modules/transfers/engine) and docs/transfer-formula.md; the
 * web reads them defensively (see `asSummary`, `asExplanation`), since they are stored JSON.
 */
import type { paths } from '../../lib/api/schema.d.ts';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Program = Json<'/api/transfers/programs', 'get'>[number];
export type Allocation = Json<'/api/transfers/allocations/{id}', 'get'>;
export type AllocationStatus = Allocation['status'];
export type AllocationLine = Json<'/api/transfers/allocations/{id}/lines', 'get'>['items'][number];
export type FormulaItem = Json<'/api/transfers/formulas', 'get'>['items'][number];
export type IndicatorValue = Json<'/api/transfers/indicators', 'get'>['items'][number];
export type ImportReport = Json<'/api/transfers/indicators/import', 'post'>;
export type PublishedItem = Json<'/api/transfers/units/{code}/published', 'get'>['items'][number];

export interface LegalReference {
  text: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface ComponentAllocation {
  code: string;
  nameKm: string;
  nameEn: string;
  sharePercent: number;
  exact: string;
  pool: number;
  allocated: number;
}

export interface EquityFigures {
  totalAmount: number;
  totalPopulation: number;
  meanPerPerson: number | null;
  minPerPerson: { code: string; perPerson: number } | null;
  maxPerPerson: { code: string; perPerson: number } | null;
  gini: number | null;
  theil: number | null;
  coefficientOfVariation: number | null;
  maxMinRatio: number | null;
  povertyCorrelation: number | null;
  lorenz: [number, number][];
  withoutPopulation: string[];
}

export interface AllocationSummary {
  inputsYear: number;
  pool: { amount: number; exact: string; undistributed: string; basis: string; isExample: boolean };
  components: ComponentAllocation[];
  totals: {
    allocated: number;
    eligibleUnits: number;
    excludedUnits: number;
    floored: number;
    capped: number;
  };
  excluded: { code: string; reason: string; detail: string }[];
  legalReference: LegalReference;
  roundingUnit: number;
  equity: EquityFigures;
}

export interface AllocationPart {
  component: string;
  criterion: string;
  kind: 'equal' | 'indicator';
  indicator: string | null;
  inverse: boolean;
  weightPercent: number;
  value: number;
  total: string;
  share: string;
  criterionPool: string;
  formulaAmount: string;
  amountBeforeRounding: string;
  amount: number;
}

export interface Explanation {
  formulaAmount: string;
  limit: 'floor' | 'cap' | null;
  amountBeforeRounding: string;
  roundingAdjustment: string;
  parts: AllocationPart[];
}

export interface UnitChange {
  code: string;
  baseline: number;
  scenario: number;
  change: number;
  changePercent: number | null;
  changePerPerson: number | null;
  onlyIn: 'baseline' | 'scenario' | null;
}

export interface ScenarioComparison {
  units: UnitChange[];
  gainers: number;
  losers: number;
  unchanged: number;
  totalBaseline: number;
  totalScenario: number;
  largestGain: UnitChange | null;
  largestLoss: UnitChange | null;
  equityBefore: EquityFigures;
  equityAfter: EquityFigures;
}

export type Criterion =
  | { kind: 'equal'; weightPercent: number }
  | { kind: 'indicator'; indicator: string; weightPercent: number; inverse?: boolean };

export interface FormulaComponent {
  code: string;
  nameKm: string;
  nameEn: string;
  sharePercent: number;
  criteria: Criterion[];
}

export type Pool =
  | {
      kind: 'share_of_base';
      percent: number;
      base: { label: string; amount: number; isExample?: boolean; source?: string };
    }
  | { kind: 'fixed'; amount: number; isExample?: boolean; source?: string };

export interface FormulaDocument {
  format: string;
  program: { code: string; nameKm: string; nameEn: string };
  fiscalYear: number;
  version: number;
  legalReference: LegalReference;
  pool: Pool;
  components: FormulaComponent[];
  eligibility: { levels?: number[]; types?: string[]; includeCodes?: string[]; excludeCodes?: string[] };
  floorPerUnit?: number;
  capPerUnit?: number;
  rounding: { unit: number };
  notes?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An allocation's summary, or null when what is stored does not have its shape. */
export function asSummary(value: unknown): AllocationSummary | null {
  if (!isObject(value) || !isObject(value.pool) || !Array.isArray(value.components)) return null;
  if (!isObject(value.equity) || !isObject(value.totals)) return null;
  return value as unknown as AllocationSummary;
}

/** A unit's explanation, or null when it has no parts. */
export function asExplanation(value: unknown): Explanation | null {
  if (!isObject(value) || !Array.isArray(value.parts)) return null;
  return value as unknown as Explanation;
}
