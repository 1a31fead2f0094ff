/**
 * Open fiscal data: the published budgets of a year as a Fiscal Data Package, one CSV resource
 * per tier (provinces, districts, communes), each row one line of one budget in one phase:
 *
 *   approved   the line as the council approved it (version 1);
 *   adjusted   the line as in force after adjustments (only when the budget has been adjusted);
 *   executed   the sum of its actuals (only once actuals are recorded).
 *
 * Proposed budgets never appear. The descriptor follows the Fiscal Data Package's `model`
 * (measures and dimensions) so that OpenSpending-style tools read it, and fdp-reader.ts reads it
 * back in the tests.
 */
import { actualsOf } from '../budgets.answers.ts';
import { portDb, type OpenDataContext } from '../budgets.context.ts';
import { selectClassifications, type LineRow } from '../budgets.queries.ts';
import { selectActuals } from '../lines.queries.ts';
import { selectLinesOfBudgets, selectPublishedBudgets } from '../report.queries.ts';
import { toCsv } from './csv.ts';
import type { FdpDescriptor, FdpField } from './fdp-reader.ts';

/** A tier of the tree and its level in the gazetteer. */
export const TIER_LEVELS = { province: 1, district: 2, commune: 3 } as const;
export type Tier = keyof typeof TIER_LEVELS;
export const TIER_NAMES = Object.keys(TIER_LEVELS) as Tier[];

export const resourceName = (tier: Tier) => `${tier}-budget-lines`;

export const FDP_FIELDS: readonly (FdpField & { type: 'string' | 'integer' })[] = [
  { name: 'fiscal_year', type: 'integer', description: 'The calendar year.' },
  { name: 'admin_code', type: 'string', description: 'NCDD code of the administration (zero-padded).' },
  { name: 'admin_name_km', type: 'string', description: 'Its name in Khmer.' },
  { name: 'admin_name_en', type: 'string', description: 'Its romanised name.' },
  { name: 'admin_tier', type: 'string', description: 'province | district | commune' },
  {
    name: 'admin_parent_code',
    type: 'string',
    description:
      'NCDD code of the administration above (a commune’s district, a district’s province); empty for a province.',
  },
  { name: 'direction', type: 'string', description: 'revenue | expenditure' },
  { name: 'phase', type: 'string', description: 'approved | adjusted | executed' },
  { name: 'economic_code', type: 'string', description: 'Chart of accounts chapter.' },
  { name: 'economic_name_km', type: 'string', description: '' },
  { name: 'economic_name_en', type: 'string', description: '' },
  {
    name: 'economic_parent_code',
    type: 'string',
    description:
      'The level above in the chart of accounts: a chapter’s class (its first digit: 6 expenditure, 7 revenue, 2 capital).',
  },
  { name: 'functional_code', type: 'string', description: 'COFOG division (expenditure only).' },
  { name: 'functional_name_km', type: 'string', description: '' },
  { name: 'functional_name_en', type: 'string', description: '' },
  {
    name: 'functional_parent_code',
    type: 'string',
    description: 'The COFOG division of a group (07 for 07.4); empty for a division, the top level.',
  },
  { name: 'fund_source_code', type: 'string', description: 'Own source, a transfer program, a partner...' },
  { name: 'fund_source_name_km', type: 'string', description: '' },
  { name: 'fund_source_name_en', type: 'string', description: '' },
  { name: 'program_code', type: 'string', description: 'Program or project (free code).' },
  { name: 'amount', type: 'integer', description: 'Riel (KHR).' },
];

const attribute = (source: string, extra: object = {}) => ({ source, ...extra });

export function fiscalDataPackageDescriptor(year: number, tiers: readonly Tier[]): FdpDescriptor {
  const tierText = tiers.length === TIER_NAMES.length ? 'all tiers' : tiers.join(', ');
  return {
    profile: 'fiscal-data-package',
    name: `kh-sna-budgets-${year}${tiers.length === TIER_NAMES.length ? '' : `-${tiers.join('-')}`}`,
    title: `Budgets of Cambodia's sub-national administrations, ${year} (${tierText})`,
    description:
      'Published budgets (approved or later) of the capital, provinces, municipalities, districts, khans, ' +
      'communes and sangkats, line by line and phase by phase. Amounts in riel. Demo data is marked as such ' +
      'in the platform (isExample) and must not be read as official figures.',
    countryCode: 'KH',
    granularity: 'aggregated',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    version: '1.0.0',
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    sources: [{ title: 'SNDD Platform: budgets module' }],
    resources: tiers.map((tier) => ({
      name: resourceName(tier),
      title: `Budget lines of the ${tier} tier`,
      path: `${resourceName(tier)}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      // A CSV with a Table Schema: the Frictionless profile of such a resource.
      profile: 'tabular-data-resource',
      schema: { fields: FDP_FIELDS.map((field) => ({ ...field })) },
    })),
    model: {
      measures: { amount: { source: 'amount', currency: 'KHR', factor: 1 } },
      dimensions: {
        date: {
          dimensionType: 'datetime',
          attributes: { 'fiscal-year': attribute('fiscal_year') },
          primaryKey: 'fiscal-year',
        },
        administrative: {
          dimensionType: 'classification',
          classificationType: 'administrative',
          attributes: {
            // The tree: each administration names the one above it (parent links, as the
            // Fiscal Data Package writes a hierarchy inside a dimension).
            'parent-code': attribute('admin_parent_code'),
            code: attribute('admin_code', { parent: 'parent-code' }),
            'name-km': attribute('admin_name_km', { labelfor: 'code' }),
            'name-en': attribute('admin_name_en', { labelfor: 'code' }),
            tier: attribute('admin_tier'),
          },
          primaryKey: 'code',
        },
        direction: {
          dimensionType: 'other',
          attributes: { direction: attribute('direction') },
          primaryKey: 'direction',
        },
        phase: { dimensionType: 'other', attributes: { phase: attribute('phase') }, primaryKey: 'phase' },
        economic: {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: {
            'parent-code': attribute('economic_parent_code'),
            code: attribute('economic_code', { parent: 'parent-code' }),
            'name-km': attribute('economic_name_km', { labelfor: 'code' }),
            'name-en': attribute('economic_name_en', { labelfor: 'code' }),
          },
          primaryKey: 'code',
        },
        functional: {
          dimensionType: 'classification',
          classificationType: 'functional',
          attributes: {
            'parent-code': attribute('functional_parent_code'),
            code: attribute('functional_code', { parent: 'parent-code' }),
            'name-km': attribute('functional_name_km', { labelfor: 'code' }),
            'name-en': attribute('functional_name_en', { labelfor: 'code' }),
          },
          primaryKey: 'code',
        },
        'fund-source': {
          dimensionType: 'entity',
          attributes: {
            code: attribute('fund_source_code'),
            'name-km': attribute('fund_source_name_km', { labelfor: 'code' }),
            'name-en': attribute('fund_source_name_en', { labelfor: 'code' }),
          },
          primaryKey: 'code',
        },
        program: {
          dimensionType: 'activity',
          attributes: { code: attribute('program_code') },
          primaryKey: 'code',
        },
      },
    },
  };
}

/** The level above an economic code: the one recorded, else a chapter's class (its first digit). */
export const economicParent = (code: string, recorded: string | null) =>
  recorded ?? (code.length > 1 ? code.slice(0, 1) : '');

/** The COFOG division above a group (07.4 → 07), as recorded or read from the code; '' for a division. */
export const functionalParent = (code: string, recorded: string | null) =>
  recorded ?? (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '');

/** The CSV of one tier's published budget lines for a year. */
export async function fiscalDataCsv(ctx: OpenDataContext, year: number, tier: Tier): Promise<string> {
  const { db } = ctx;
  const gazetteer = ctx.ports.gazetteer;
  const budgets = await selectPublishedBudgets(db, year, {
    within: gazetteer.unitCodesOfLevelsQuery(portDb(db), [TIER_LEVELS[tier]]),
  });
  const ids = budgets.map((budget) => budget.id);
  const [classes, first, current, actualRows] = await Promise.all([
    selectClassifications(db),
    selectLinesOfBudgets(db, ids, 'first'),
    selectLinesOfBudgets(db, ids, 'current'),
    selectActuals(db, ids),
  ]);
  const actuals = actualsOf(actualRows);
  const names = await gazetteer.unitNames(
    portDb(db),
    budgets.map((budget) => budget.unit_code),
  );
  const units = new Map([...names].map(([code, name]) => [code, { km: name.nameKm, en: name.nameLatin }]));
  const budgetOf = new Map(budgets.map((budget) => [budget.id, budget]));
  const row = (line: LineRow, phase: string, amount: number) => {
    const budget = budgetOf.get(line.budget_id)!;
    const economic = classes.economic.get(line.economic_code);
    const functional =
      line.functional_code === null ? undefined : classes.functional.get(line.functional_code);
    const source = classes.fundSources.get(line.fund_source_code);
    const unit = units.get(budget.unit_code);
    return [
      year,
      budget.unit_code,
      unit?.km ?? '',
      unit?.en ?? '',
      tier,
      // NCDD codes nest: a commune's first four digits are its district, a district's two its province.
      budget.unit_code.length > 2 ? budget.unit_code.slice(0, -2) : '',
      line.direction,
      phase,
      line.economic_code,
      economic?.name_km ?? '',
      economic?.name_en ?? '',
      economicParent(line.economic_code, economic?.parent_code ?? null),
      line.functional_code,
      functional?.name_km ?? null,
      functional?.name_en ?? null,
      line.functional_code === null
        ? null
        : functionalParent(line.functional_code, functional?.parent_code ?? null),
      line.fund_source_code,
      source?.name_km ?? '',
      source?.name_en ?? '',
      line.program_code,
      amount,
    ];
  };
  const rows: (string | number | null)[][] = [];
  for (const line of first) rows.push(row(line, 'approved', line.amount));
  for (const line of current) {
    const budget = budgetOf.get(line.budget_id)!;
    if (budget.current_version > 1) rows.push(row(line, 'adjusted', line.amount));
    if (budget.phase === 'executed') {
      rows.push(row(line, 'executed', actuals.get(`${line.budget_id}:${line.line_key}`)?.total ?? 0));
    }
  }
  return toCsv(
    FDP_FIELDS.map((field) => field.name),
    rows,
  );
}
