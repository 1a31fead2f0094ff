/**
 * The shapes of the transfers API's answers, all taken from the generated client
 * (`schema.d.ts`, built from the API's TypeBox schemas by `npm run openapi`): an allocation's
 * summary, a unit's explanation, a scenario's comparison and the formula document included.
 * Nothing here is written by hand, so a change in the API's schemas shows up here as a type
 * error, not as a page that reads a field that is gone.
 */
import type { components, paths } from '../../lib/api/schema.d.ts';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

type Schemas = components['schemas'];

export type Program = Json<'/api/transfers/programs', 'get'>[number];
export type Allocation = Json<'/api/transfers/allocations/{id}', 'get'>;
export type AllocationStatus = Allocation['status'];
export type AllocationLine = Json<'/api/transfers/allocations/{id}/lines', 'get'>['items'][number];
export type FormulaItem = Json<'/api/transfers/formulas', 'get'>['items'][number];
export type IndicatorValue = Json<'/api/transfers/indicators', 'get'>['items'][number];
export type ImportReport = Json<'/api/transfers/indicators/import', 'post'>;
export type PublishedItem = Json<'/api/transfers/units/{code}/published', 'get'>['items'][number];

export type AllocationSummary = Schemas['TransfersAllocationSummary'];
export type ComponentAllocation = AllocationSummary['components'][number];
export type EquityFigures = AllocationSummary['equity'];
export type Explanation = Schemas['TransfersAllocationExplanation'];
export type AllocationPart = Explanation['parts'][number];

export type ScenarioComparison = Json<'/api/transfers/scenarios', 'post'>;
export type UnitChange = ScenarioComparison['units'][number];

export type FormulaDocument = Json<'/api/transfers/formulas/{id}', 'get'>['formula'];
export type LegalReference = FormulaDocument['legalReference'];
export type Pool = FormulaDocument['pool'];
export type FormulaComponent = FormulaDocument['components'][number];
export type Criterion = FormulaComponent['criteria'][number];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An allocation's summary, or null when what is stored does not have its shape: summaries are
 * stored JSON, and one written by an older engine may lack the equity figures.
 */
export function asSummary(value: unknown): AllocationSummary | null {
  if (!isObject(value) || !isObject(value.pool) || !Array.isArray(value.components)) return null;
  if (!isObject(value.equity) || !isObject(value.totals)) return null;
  return value as unknown as AllocationSummary;
}

/** A unit's explanation, or null when it has no parts (stored JSON, as above). */
export function asExplanation(value: unknown): Explanation | null {
  if (!isObject(value) || !Array.isArray(value.parts)) return null;
  return value as unknown as Explanation;
}
