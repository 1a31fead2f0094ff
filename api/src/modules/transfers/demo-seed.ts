/**
 * Demo data: the transfer programs NP-2 names, the built-in supplementary commune fund formula
 * for 2025, figures of 2025 for every commune taken from the real commune figures of the
 * reference data, and one published allocation among every eligible commune of the country
 * (Phnom Penh excluded, as the formula says), so that `npm start` shows the whole path
 * (formula -> amounts -> budget revenue) with equity figures that mean something.
 *
 * The programs are real; the 2025 figures and the formula's base amount are examples, and say
 * so in the data (`is_example`, `isExample`, a source starting 'example').
 */
import { readFileSync } from 'node:fs';
import { cliActor } from '../../platform/actor.ts';
import { approveAllocation, createAllocation, publishAllocation } from './allocations.service.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import { insertFigures } from './figures.queries.ts';
import { selectIndicatorOfYear } from './reference-figures.queries.ts';
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

/** The fiscal year of the demo's formula and figures. */
export const DEMO_YEAR = 2025;

/** Where the demo's figures come from, stored with each (all are examples: is_example). */
export const DEMO_SOURCES = {
  population: 'example: population of the Commune Database 2011 (reference data)',
  estimated: 'example: estimated, villages of 2024 × persons per village of 2011 in the country',
  povertyRate: 'example: ID Poor 2022 share of households (reference data)',
} as const;

/**
 * The demo's figures of 2025, from the real commune figures of the reference data: each
 * commune's population of 2011 (or, for a commune created since, its villages times the
 * country's persons per village of 2011) and its ID Poor share of households of 2022 as the
 * poverty rate. Examples, since they stand in for 2025; the formula counts villages in the tree.
 */
export function demoFigures(
  communes: readonly string[],
  population2011: ReadonlyMap<string, number>,
  villages: ReadonlyMap<string, number>,
  households2022: ReadonlyMap<string, number>,
  poor2022: ReadonlyMap<string, number>,
) {
  let persons = 0;
  let villagesCounted = 0;
  for (const [code, population] of population2011) {
    const count = villages.get(code);
    if (count === undefined) continue;
    persons += population;
    villagesCounted += count;
  }
  const perVillage = villagesCounted > 0 ? persons / villagesCounted : 0;
  const rows: {
    unit_code: string;
    fiscal_year: number;
    indicator: string;
    value: number;
    source: string;
    is_example: boolean;
  }[] = [];
  for (const code of communes) {
    const population = population2011.get(code);
    const estimate = Math.round((villages.get(code) ?? 0) * perVillage);
    if (population !== undefined || estimate > 0)
      rows.push({
        unit_code: code,
        fiscal_year: DEMO_YEAR,
        indicator: 'population',
        value: population ?? estimate,
        source: population !== undefined ? DEMO_SOURCES.population : DEMO_SOURCES.estimated,
        is_example: true,
      });
    const households = households2022.get(code);
    const poor = poor2022.get(code);
    if (households !== undefined && households > 0 && poor !== undefined)
      rows.push({
        unit_code: code,
        fiscal_year: DEMO_YEAR,
        indicator: 'poverty_rate',
        value: Math.round((poor / households) * 1000) / 10,
        source: DEMO_SOURCES.povertyRate,
        is_example: true,
      });
  }
  return rows;
}

const byUnit = (rows: readonly { unit_code: string; value: unknown }[]) =>
  new Map(rows.map((row) => [row.unit_code, Number(row.value)]));

/**
 * Runs with the module's context on the seed's transaction (platform/db/seeds.ts). Skips itself
 * (nothing written) when the tree has no commune or the reference figures are not loaded.
 */
export async function seedTransfersDemo(ctx: TransfersContext): Promise<void> {
  const communes = (await ctx.ports.gazetteer.currentUnits(ctx.db, { levels: [3] })).map((unit) => unit.code);
  if (communes.length === 0) skipSeed('the tree holds no commune or sangkat to share the fund among');
  const population2011 = byUnit(await selectIndicatorOfYear(ctx.db, 2011, 'population'));
  if (population2011.size === 0)
    skipSeed('the commune figures of reference-data are not loaded (no population of 2011)');

  const seed = cliActor('demo-seed');
  for (const program of PROGRAMS) await createProgram(ctx, seed, program);
  await markProgramsReal(ctx.db);

  const document: unknown = JSON.parse(readFileSync(BUILT_IN_FORMULA_FILE, 'utf8'));
  const { id: formulaId } = await createFormula(ctx, seed, { formula: document, isExample: true });

  const rows = demoFigures(
    communes,
    population2011,
    await ctx.ports.gazetteer.descendantCountsOfLevel(ctx.db, 4),
    byUnit(await selectIndicatorOfYear(ctx.db, 2022, 'households')),
    byUnit(await selectIndicatorOfYear(ctx.db, 2022, 'idpoor_households')),
  );
  for (let start = 0; start < rows.length; start += 1000)
    await insertFigures(ctx.db, rows.slice(start, start + 1000));

  // Computed by one (example) officer, approved and published by another: the four-eyes rule.
  const draft = await createAllocation(ctx, cliActor('demo-seed:compute'), { formulaId });
  await approveAllocation(ctx, cliActor('demo-seed:approve'), draft.id);
  await publishAllocation(ctx, cliActor('demo-seed:approve'), draft.id);
}
