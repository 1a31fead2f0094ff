/**
 * Demo budgets of fiscal year 2026:
 *
 * - Kaeb sangkat (230201): approved after its council's decision, with Q1 and Q2 actuals;
 * - Prey Thum sangkat (230202): proposed, still being prepared;
 * - Kaeb municipality (2302): approved, with Q1 actuals;
 * - Tonle Basak sangkat (120101, khan Chamkar Mon, Phnom Penh) and S'ang commune (130101, Chey
 *   Saen, Preah Vihear): proposed.
 *
 * When the tree lacks one of these units, the seed skips itself.
 *
 * None of this is official: the amounts are invented in realistic proportions (the Commune/
 * Sangkat Fund is most of a sangkat's revenue, own-source revenue is small), and every budget and
 * line is marked is_example. Tests read DEMO_BUDGETS to check the reports against it.
 */
import { randomUUID } from 'node:crypto';
import { cliActor } from '../../platform/actor.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { insertBudget, originalVersion } from './budgets.queries.ts';
import { insertActuals, insertLines } from './lines.queries.ts';
import { ECONOMIC_CLASSES } from './classifications.ts';
import type { Phase } from './budgets.tables.ts';

export const DEMO_YEAR = 2026;

export interface DemoLine {
  economic: string;
  functional: string | null;
  fund: string;
  program: string | null;
  km: string;
  en: string;
  amount: number;
  /** Q1-Q4 actuals recorded so far. */
  actuals?: readonly [number, number, number, number];
}

export interface DemoBudget {
  unit: string;
  phase: Phase;
  decision: { number: string; date: string } | null;
  lines: readonly DemoLine[];
}

/** Lines several demo budgets have, each with its own amount (and actuals). */
const SHARED_LINES = {
  csFund: {
    economic: '74',
    functional: null,
    fund: 'cs_fund',
    program: null,
    km: 'មូលនិធិឃុំ-សង្កាត់ ឆ្នាំ២០២៦',
    en: 'Commune/Sangkat Fund 2026',
  },
  serviceFees: {
    economic: '71',
    functional: null,
    fund: 'own_source',
    program: null,
    km: 'កម្រៃសេវារដ្ឋបាល',
    en: 'Administrative service fees',
  },
  allowances: {
    economic: '64',
    functional: '01',
    fund: 'cs_fund',
    program: null,
    km: 'ប្រាក់ឧបត្ថម្ភក្រុមប្រឹក្សា និងបុគ្គលិក',
    en: 'Councillors’ and staff allowances',
  },
  maintenance: {
    economic: '61',
    functional: '01',
    fund: 'own_source',
    program: null,
    km: 'ជួសជុល និងបេសកកម្ម',
    en: 'Maintenance and missions',
  },
  poorHouseholds: {
    economic: '65',
    functional: '10',
    fund: 'cs_fund',
    program: null,
    km: 'ជំនួយគ្រួសារក្រីក្រ',
    en: 'Support to poor households',
  },
} as const satisfies Record<string, Omit<DemoLine, 'amount' | 'actuals'>>;

export const DEMO_BUDGETS: readonly DemoBudget[] = [
  {
    unit: '230201',
    phase: 'executed',
    decision: { number: 'ឧទាហរណ៍ ០១/២០២៦ ក.ស (example)', date: '2025-12-19' },
    lines: [
      {
        ...SHARED_LINES.csFund,
        amount: 312_000_000,
        actuals: [124_800_000, 93_600_000, 0, 0],
      },
      {
        ...SHARED_LINES.serviceFees,
        amount: 18_500_000,
        actuals: [4_200_000, 5_100_000, 0, 0],
      },
      {
        economic: '72',
        functional: null,
        fund: 'own_source',
        program: null,
        km: 'ថ្លៃជួលតូបផ្សារ',
        en: 'Market stall rents',
        amount: 6_000_000,
      },
      {
        ...SHARED_LINES.allowances,
        amount: 96_000_000,
        actuals: [24_000_000, 24_000_000, 0, 0],
      },
      {
        economic: '60',
        functional: '01',
        fund: 'cs_fund',
        program: null,
        km: 'សម្ភារការិយាល័យ ទឹក ភ្លើង',
        en: 'Office supplies, water and electricity',
        amount: 14_500_000,
        actuals: [3_100_000, 3_900_000, 0, 0],
      },
      {
        ...SHARED_LINES.maintenance,
        amount: 9_000_000,
      },
      {
        economic: '21',
        functional: '04',
        fund: 'cs_fund',
        program: 'CIP-2026-01',
        km: 'ជួសជុលផ្លូវលំ',
        en: 'Rural road repair',
        amount: 150_000_000,
        actuals: [0, 45_000_000, 0, 0],
      },
      {
        ...SHARED_LINES.poorHouseholds,
        amount: 25_000_000,
      },
      {
        economic: '65',
        functional: '07',
        fund: 'cs_fund',
        program: null,
        km: 'សុខភាពមាតា និងទារក',
        en: 'Mother and child health outreach',
        amount: 27_000_000,
      },
      {
        economic: '21',
        functional: '06',
        fund: 'own_source',
        program: 'CIP-2026-02',
        km: 'អណ្ដូងទឹកភូមិ',
        en: 'Village wells',
        amount: 15_000_000,
      },
    ],
  },
  {
    unit: '230202',
    phase: 'proposed',
    decision: null,
    lines: [
      {
        ...SHARED_LINES.csFund,
        amount: 298_000_000,
      },
      {
        ...SHARED_LINES.serviceFees,
        amount: 7_500_000,
      },
      {
        ...SHARED_LINES.allowances,
        amount: 90_000_000,
      },
      {
        economic: '60',
        functional: '01',
        fund: 'cs_fund',
        program: null,
        km: 'សម្ភារការិយាល័យ',
        en: 'Office supplies',
        amount: 12_000_000,
      },
      {
        economic: '21',
        functional: '04',
        fund: 'cs_fund',
        program: 'CIP-2026-01',
        km: 'ផ្លូវក្រួសក្រហម',
        en: 'Laterite road',
        amount: 170_000_000,
      },
      {
        ...SHARED_LINES.poorHouseholds,
        amount: 26_000_000,
      },
      {
        economic: '61',
        functional: '01',
        fund: 'own_source',
        program: null,
        km: 'ជួសជុល',
        en: 'Maintenance',
        amount: 7_500_000,
      },
    ],
  },
  {
    unit: '2302',
    phase: 'executed',
    decision: { number: 'ឧទាហរណ៍ ០៣/២០២៦ ក្រ.ក (example)', date: '2025-12-26' },
    lines: [
      {
        economic: '74',
        functional: null,
        fund: 'dm_fund',
        program: null,
        km: 'មូលនិធិក្រុង-ស្រុក ឆ្នាំ២០២៦',
        en: 'District/Municipal Fund 2026',
        amount: 1_250_000_000,
        actuals: [500_000_000, 0, 0, 0],
      },
      {
        economic: '71',
        functional: null,
        fund: 'own_source',
        program: null,
        km: 'កម្រៃសេវាច្រកចេញចូលតែមួយ',
        en: 'One Window Service Office fees',
        amount: 85_000_000,
        actuals: [19_000_000, 0, 0, 0],
      },
      {
        economic: '64',
        functional: '01',
        fund: 'dm_fund',
        program: null,
        km: 'ប្រាក់ឧបត្ថម្ភ និងបៀវត្ស',
        en: 'Allowances and salaries',
        amount: 520_000_000,
        actuals: [130_000_000, 0, 0, 0],
      },
      {
        economic: '60',
        functional: '01',
        fund: 'dm_fund',
        program: null,
        km: 'សម្ភារ និងសេវាសាធារណៈ',
        en: 'Supplies and utilities',
        amount: 95_000_000,
        actuals: [21_000_000, 0, 0, 0],
      },
      {
        ...SHARED_LINES.maintenance,
        amount: 60_000_000,
      },
      {
        economic: '61',
        functional: '05',
        fund: 'dm_fund',
        program: null,
        km: 'ប្រមូលសំរាម',
        en: 'Waste collection',
        amount: 60_000_000,
        actuals: [15_000_000, 0, 0, 0],
      },
      {
        economic: '21',
        functional: '04',
        fund: 'dm_fund',
        program: 'DIP-2026-01',
        km: 'ផ្លូវបេតុង',
        en: 'Concrete road',
        amount: 480_000_000,
      },
      {
        economic: '65',
        functional: '10',
        fund: 'dm_fund',
        program: null,
        km: 'ជំនួយសង្គម',
        en: 'Social assistance',
        amount: 95_000_000,
      },
      {
        economic: '62',
        functional: '09',
        fund: 'own_source',
        program: null,
        km: 'គាំទ្រការអប់រំ',
        en: 'Support to schools',
        amount: 25_000_000,
      },
    ],
  },
  {
    unit: '120101',
    phase: 'proposed',
    decision: null,
    lines: [
      {
        ...SHARED_LINES.csFund,
        amount: 286_000_000,
      },
      {
        ...SHARED_LINES.serviceFees,
        amount: 42_000_000,
      },
      {
        ...SHARED_LINES.allowances,
        amount: 120_000_000,
      },
      {
        economic: '60',
        functional: '01',
        fund: 'own_source',
        program: null,
        km: 'ប្រមូលសំរាមតាមផ្លូវ',
        en: 'Street waste collection',
        amount: 38_000_000,
      },
    ],
  },
  {
    unit: '130101',
    phase: 'proposed',
    decision: null,
    lines: [
      {
        ...SHARED_LINES.csFund,
        amount: 264_000_000,
      },
      {
        ...SHARED_LINES.allowances,
        amount: 84_000_000,
      },
      {
        economic: '21',
        functional: '04',
        fund: 'cs_fund',
        program: 'CIP-2026-01',
        km: 'ជួសជុលផ្លូវលំ និងលូ',
        en: 'Rural road and culvert repair',
        amount: 120_000_000,
      },
    ],
  },
];

const directionOf = (economic: string) => ECONOMIC_CLASSES.find((item) => item.code === economic)!.direction;

export async function seedBudgetsDemo(ctx: BudgetsContext): Promise<void> {
  const { db } = ctx;
  const places = [...new Set(DEMO_BUDGETS.map((demo) => demo.unit))];
  const present = await ctx.ports.gazetteer.unitNames(db, places);
  const missing = places.filter((code) => !present.has(code));
  if (missing.length > 0)
    skipSeed(`the tree lacks unit(s) ${missing.join(', ')} that demo budgets belong to`);
  // Demo data is a change like any other: it goes in the audit trail, made by no one.
  const actor = cliActor('demo-seed');
  for (const demo of DEMO_BUDGETS) {
    const budget = await insertBudget(
      db,
      {
        unit_code: demo.unit,
        fiscal_year: DEMO_YEAR,
        phase: demo.phase,
        council_decision_number: demo.decision?.number ?? null,
        council_decision_date: demo.decision?.date ?? null,
        approved_at: demo.decision ? new Date(`${demo.decision.date}T10:00:00+07:00`) : null,
        is_example: true,
      },
      originalVersion(null, demo.decision),
    );
    const keys = demo.lines.map(() => randomUUID());
    await insertLines(
      db,
      demo.lines.map((line, index) => ({
        budget_id: budget.id,
        version: 1,
        line_key: keys[index]!,
        direction: directionOf(line.economic),
        economic_code: line.economic,
        functional_code: line.functional,
        fund_source_code: line.fund,
        program_code: line.program,
        description_km: line.km,
        description_en: line.en,
        amount: line.amount,
        is_example: true,
      })),
    );
    await insertActuals(
      db,
      demo.lines.flatMap((line, index) =>
        (line.actuals ?? []).flatMap((amount, quarter) =>
          amount === 0
            ? []
            : [{ budget_id: budget.id, line_key: keys[index]!, quarter: quarter + 1, amount }],
        ),
      ),
    );
    await ctx.audit.write(db, actor, {
      action: 'budgets.budget.create',
      entityType: 'budgets.budget',
      entityId: String(budget.id),
      unitCode: demo.unit,
      after: {
        unitCode: demo.unit,
        fiscalYear: DEMO_YEAR,
        phase: demo.phase,
        lines: demo.lines.length,
        councilDecisionNumber: demo.decision?.number ?? null,
        isExample: true,
      },
    });
  }
}
