/**
 * Demo data: the transfer programs NP-2 names, the built-in supplementary commune fund formula
 * for 2025, example figures for Kep's five communes and sangkats, and one published allocation
 * of them, so that `npm start` shows the whole path (formula -> amounts -> budget revenue).
 *
 * The programs are real; the figures and the formula's base amount are examples, and say so in
 * the data (`is_example`, `isExample`, the source 'example').
 */
import { readFileSync } from 'node:fs';
import { cliActor } from '../../platform/actor.ts';
import { approveAllocation, createAllocation, publishAllocation } from './allocations.service.ts';
import { insertFigures } from './figures.queries.ts';
import { createFormula } from './formulas.service.ts';
import { markProgramsReal } from './programs.queries.ts';
import { createProgram } from './programs.service.ts';
import type { TransfersContext } from './transfers.context.ts';

export const BUILT_IN_FORMULA_FILE = new URL(
  './engine/formulas/supplementary-commune-fund-2025.json',
  import.meta.url,
);

const PROGRAMS = [
  {
    code: 'commune-sangkat-fund',
    nameKm: 'មូលនិធិឃុំ សង្កាត់',
    nameEn: 'Commune/Sangkat Fund',
    descriptionEn:
      'The general transfer to every commune and sangkat (administration and development components).',
  },
  {
    code: 'district-municipal-fund',
    nameKm: 'មូលនិធិក្រុង ស្រុក',
    nameEn: 'District/Municipal Fund',
    descriptionEn: 'The general transfer to every municipality, district and khan.',
  },
  {
    code: 'supplementary-commune-fund',
    nameKm: 'ការផ្ទេរធនធានបន្ថែមទៅរដ្ឋបាលឃុំ សង្កាត់',
    nameEn: 'Supplementary commune/sangkat fund',
    descriptionEn:
      'The additional transfer to communes and sangkats for 2024-2028: 1% of the previous year’s current revenue.',
  },
] as const;

/** Example figures of Kep's communes and sangkats for 2025: not official. */
export const DEMO_FIGURES: Record<string, { population: number; poverty_rate: number }> = {
  '230101': { population: 9120, poverty_rate: 14.2 },
  '230103': { population: 6480, poverty_rate: 18.9 },
  '230201': { population: 5210, poverty_rate: 8.1 },
  '230202': { population: 7860, poverty_rate: 11.4 },
  '230203': { population: 4330, poverty_rate: 16.7 },
};

/** Runs with the module's context on the seed's transaction (platform/db/seeds.ts). */
export async function seedTransfersDemo(ctx: TransfersContext): Promise<void> {
  const seed = cliActor('demo-seed');
  for (const program of PROGRAMS) await createProgram(ctx, seed, program);
  await markProgramsReal(ctx.db);

  const document: unknown = JSON.parse(readFileSync(BUILT_IN_FORMULA_FILE, 'utf8'));
  const { id: formulaId } = await createFormula(ctx, seed, { formula: document, isExample: true });

  // Only the communes that exist in this database (the demo tree may lack some).
  const present = await ctx.ports.gazetteer.unitNames(ctx.db, Object.keys(DEMO_FIGURES));
  const rows = [...present.keys()].sort().flatMap((code) =>
    Object.entries(DEMO_FIGURES[code] ?? {}).map(([indicator, value]) => ({
      unit_code: code,
      fiscal_year: 2025,
      indicator,
      value,
      source: 'example',
      is_example: true,
    })),
  );
  if (rows.length === 0) return;
  await insertFigures(ctx.db, rows);

  // Computed by one (example) officer, approved and published by another: the four-eyes rule.
  const draft = await createAllocation(ctx, cliActor('demo-seed:compute'), { formulaId });
  await approveAllocation(ctx, cliActor('demo-seed:approve'), draft.id);
  await publishAllocation(ctx, cliActor('demo-seed:approve'), draft.id);
}
