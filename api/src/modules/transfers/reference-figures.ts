/**
 * The commune figures shipped in `reference-data/figures/commune-figures.csv.gz` (ID Poor,
 * flood hazard, vulnerability, the Commune Database's population, villages), loaded on the first
 * start through the figures import (with its audit record), one fiscal year per column's year.
 * Codes the tree does not hold (communes of older editions) are left out, as the import's
 * `applyValid` does. Figures already loaded from this file are not loaded again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cliActor } from '../../platform/actor.ts';
import type { ReferenceDataRequest } from '../../platform/module.ts';
import { importIndicators } from './figures-import.service.ts';
import { hasFiguresFrom } from './reference-figures.queries.ts';
import type { TransfersContext } from './transfers.context.ts';

export const FIGURES_FILE = 'figures/commune-figures.csv.gz';

/** The source stored with every figure of the file (and how a later start finds them). */
export const REFERENCE_FIGURES_SOURCE = 'reference-data/figures/commune-figures.csv';

/** Indicator -> column, by the year the column's figures are of (see reference-data/README.md). */
export const REFERENCE_INDICATORS: ReadonlyArray<{ year: number; columns: Record<string, string> }> = [
  {
    year: 2011,
    columns: {
      population: 'population_2011',
      population_male: 'population_male_2011',
      population_female: 'population_female_2011',
      families: 'families_2011',
    },
  },
  {
    year: 2022,
    columns: {
      households: 'households_2022',
      idpoor1_households: 'idpoor1_households_2022',
      idpoor2_households: 'idpoor2_households_2022',
      idpoor_households: 'idpoor_households_2022',
      idpoor_persons: 'idpoor_persons_2022',
      flood_hazard_index: 'flood_hazard_index',
    },
  },
  { year: 2024, columns: { vulnerability_index: 'vulnerability_index', villages: 'villages_2024' } },
];

export async function loadReferenceFigures(
  ctx: TransfersContext,
  request: ReferenceDataRequest,
): Promise<void> {
  if (await hasFiguresFrom(ctx.db, REFERENCE_FIGURES_SOURCE)) return;
  const started = performance.now();
  const text = gunzipSync(await fs.readFile(path.join(request.directory, FIGURES_FILE))).toString('utf8');
  const actor = cliActor('reference-data');
  let units = 0;
  let unknown = 0;
  // The years together: all of the file, or none of it.
  await ctx.inTransaction(async (trx) => {
    const bound = ctx.bind(trx);
    for (const { year, columns } of REFERENCE_INDICATORS) {
      const report = await importIndicators(bound, actor, {
        text,
        fileName: path.basename(FIGURES_FILE, '.gz'),
        fiscalYear: year,
        source: REFERENCE_FIGURES_SOURCE,
        codeColumn: 'commune_code',
        columns,
        dryRun: false,
        applyValid: true,
      });
      units = Math.max(units, report.rowsApplied);
      unknown = report.unknownCodes.length;
    }
  });
  request.log(
    `reference data: figures of ${units.toLocaleString('en-US')} communes (2011, 2022, 2024) loaded in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (unknown > 0 ? ` (${unknown.toLocaleString('en-US')} codes not in the tree left out)` : ''),
  );
}
