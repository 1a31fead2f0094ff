/**
 * Examples under NP-2's official components and outcomes (the migration's): a few outputs and
 * priority actions, data elements, two indicators with baselines and targets, a monthly data
 * set for communes and sangkats, and six months of figures for Kep's communes and sangkats.
 *
 * None of this is official: every row is marked `is_example`, names say "(example)" /
 * "(គំរូ)", and the figures are invented (of a plausible size). The real outputs, priority
 * actions and indicators come from NCDD-S's AWPB and results framework.
 */
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { portDb, type ResultsContext } from './results.context.ts';
import { recordDataValues } from './data-values.service.ts';
import {
  findFrameworkElementId,
  insertDataElements,
  insertDataSet,
  insertFrameworkElement,
  insertIndicator,
  insertTargets,
} from './framework.queries.ts';
import { monthsOf } from './periods.ts';

const EXAMPLE = 'example';
export const DEMO_DATA_SET = 'EX.COMMUNE_MONTHLY';
export const DEMO_SERVED_INDICATOR = 'EX.IND.SERVED';
export const DEMO_ANSWERED_INDICATOR = 'EX.IND.ANSWERED_PCT';

export async function seedResultsDemo(ctx: ResultsContext): Promise<void> {
  const db = ctx.db;
  const element = (
    code: string,
    parent: string,
    kind: 'output' | 'priority_action',
    position: number,
    km: string,
    en: string,
  ) =>
    insertFrameworkElement(db, {
      framework_code: 'np2',
      code,
      parent_code: parent,
      kind,
      position,
      name_km: `${km} (គំរូ)`,
      name_en: `${en} (example)`,
      source: EXAMPLE,
      is_example: true,
    });
  await element(
    'C5.O1.P1',
    'C5.O1',
    'output',
    1,
    'សេវាសាធារណៈនៅឃុំ សង្កាត់ងាយស្រួលទទួល',
    'Public services at communes and sangkats are easy to reach',
  );
  await element(
    'C5.O1.P1.A1',
    'C5.O1.P1',
    'priority_action',
    1,
    'ពង្រីកការិយាល័យច្រកចេញចូលតែមួយ',
    'Extend one window service offices',
  );
  await element(
    'C5.O1.P2',
    'C5.O1',
    'output',
    2,
    'សំណើរបស់ប្រជាពលរដ្ឋត្រូវបានឆ្លើយតបទាន់ពេល',
    'Citizens’ requests are answered on time',
  );
  await element(
    'C5.O1.P2.A1',
    'C5.O1.P2',
    'priority_action',
    1,
    'តាមដានសំណើរបស់ប្រជាពលរដ្ឋតាមប្រព័ន្ធឌីជីថល',
    'Track citizens’ requests digitally',
  );
  await element(
    'C2.O1.P1',
    'C2.O1',
    'output',
    1,
    'រដ្ឋបាលថ្នាក់ក្រោមជាតិប្រើប្រព័ន្ធព័ត៌មានរួម',
    'SNAs use shared information systems',
  );

  await insertDataElements(db, [
    {
      code: 'EX.CITIZENS_SERVED',
      name_km: 'ប្រជាពលរដ្ឋដែលបានទទួលសេវា (គំរូ)',
      name_en: 'Citizens served (example)',
      value_type: 'integer_zero_or_positive',
      combo_code: 'sex_age_disability',
      source: EXAMPLE,
      is_example: true,
    },
    {
      code: 'EX.REQUESTS_RECEIVED',
      name_km: 'សំណើដែលបានទទួល (គំរូ)',
      name_en: 'Requests received (example)',
      value_type: 'integer_zero_or_positive',
      combo_code: 'sex',
      source: EXAMPLE,
      is_example: true,
    },
    {
      code: 'EX.REQUESTS_ANSWERED',
      name_km: 'សំណើដែលបានឆ្លើយតបទាន់ពេល (គំរូ)',
      name_en: 'Requests answered on time (example)',
      value_type: 'integer_zero_or_positive',
      combo_code: 'sex',
      source: EXAMPLE,
      is_example: true,
    },
  ]);

  await insertIndicator(db, {
    code: DEMO_SERVED_INDICATOR,
    framework_element_id: (await findFrameworkElementId(db, 'np2', 'C5.O1.P1')) ?? null,
    name_km: 'ចំនួនប្រជាពលរដ្ឋដែលបានទទួលសេវា (គំរូ)',
    name_en: 'Number of citizens served (example)',
    definition_km: 'ចំនួនប្រជាពលរដ្ឋដែលបានទទួលសេវានៅរដ្ឋបាលឃុំ សង្កាត់ ក្នុងកំឡុងពេល',
    definition_en: 'Citizens served at the commune or sangkat administration during the period',
    unit_km: 'នាក់',
    unit_en: 'people',
    numerator: ['EX.CITIZENS_SERVED'],
    denominator: null,
    factor: 1,
    direction: 'higher_is_better',
    disaggregations: ['sex', 'age', 'disability'],
    data_source: 'Commune/sangkat monthly report (example)',
    owner: 'NCDD-S (example)',
    is_example: true,
  });
  await insertIndicator(db, {
    code: DEMO_ANSWERED_INDICATOR,
    framework_element_id: (await findFrameworkElementId(db, 'np2', 'C5.O1.P2')) ?? null,
    name_km: 'ភាគរយនៃសំណើដែលបានឆ្លើយតបទាន់ពេល (គំរូ)',
    name_en: 'Share of requests answered on time (example)',
    definition_km: 'សំណើដែលបានឆ្លើយតបទាន់ពេល ចែកនឹងសំណើដែលបានទទួល គុណនឹង ១០០',
    definition_en: 'Requests answered on time over requests received, times 100',
    unit_km: 'ភាគរយ',
    unit_en: 'percent',
    numerator: ['EX.REQUESTS_ANSWERED'],
    denominator: ['EX.REQUESTS_RECEIVED'],
    factor: 100,
    direction: 'higher_is_better',
    disaggregations: ['sex'],
    data_source: 'Commune/sangkat monthly report (example)',
    owner: 'NCDD-S (example)',
    is_example: true,
  });
  await insertTargets(db, [
    {
      indicator_code: DEMO_ANSWERED_INDICATOR,
      unit_code: null,
      year: 2025,
      kind: 'baseline',
      value: 70,
      is_example: true,
    },
    {
      indicator_code: DEMO_ANSWERED_INDICATOR,
      unit_code: null,
      year: 2026,
      kind: 'target',
      value: 80,
      is_example: true,
    },
    {
      indicator_code: DEMO_ANSWERED_INDICATOR,
      unit_code: null,
      year: 2027,
      kind: 'target',
      value: 85,
      is_example: true,
    },
    {
      indicator_code: DEMO_ANSWERED_INDICATOR,
      unit_code: '23',
      year: 2026,
      kind: 'target',
      value: 75,
      is_example: true,
    },
    {
      indicator_code: DEMO_SERVED_INDICATOR,
      unit_code: null,
      year: 2026,
      kind: 'target',
      value: 250000,
      is_example: true,
    },
  ]);
  await insertDataSet(
    db,
    {
      code: DEMO_DATA_SET,
      name_km: 'របាយការណ៍ប្រចាំខែរបស់ឃុំ សង្កាត់ (គំរូ)',
      name_en: 'Commune/sangkat monthly report (example)',
      period_type: 'monthly',
      is_example: true,
    },
    ['EX.CITIZENS_SERVED', 'EX.REQUESTS_RECEIVED', 'EX.REQUESTS_ANSWERED'],
    ['commune', 'sangkat'],
  );

  // Six months of 2026 for Kep's communes and sangkats, when the tree holds them.
  if (!(await ctx.ports.gazetteer.unitExists(portDb(db), '23'))) return;
  const inKep = await ctx.ports.gazetteer.subtreeCodesQuery(portDb(db), ['23']).execute();
  const communes = (await ctx.ports.gazetteer.currentUnits(portDb(db), { levels: [3] }))
    .filter((unit) => inKep.some((row) => row.descendant_code === unit.code))
    .map((unit) => unit.code);
  if (communes.length === 0) return;
  const values: {
    dataElement: string;
    unit: string;
    period: string;
    categoryOptions?: Record<string, string>;
    value: number;
  }[] = [];
  let seed = 7;
  const next = (max: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % max;
  };
  for (const unit of communes) {
    for (const period of monthsOf(2026).slice(0, 6)) {
      for (const sex of ['female', 'male']) {
        for (const age of ['0_17', '18_34', '35_59', '60_plus']) {
          for (const disability of ['with', 'without']) {
            const base = disability === 'with' ? 2 : 20;
            values.push({
              dataElement: 'EX.CITIZENS_SERVED',
              unit,
              period,
              categoryOptions: { sex, age, disability },
              value: base + next(base),
            });
          }
        }
        const received = 5 + next(10);
        values.push({
          dataElement: 'EX.REQUESTS_RECEIVED',
          unit,
          period,
          categoryOptions: { sex },
          value: received,
        });
        values.push({
          dataElement: 'EX.REQUESTS_ANSWERED',
          unit,
          period,
          categoryOptions: { sex },
          value: received - next(3),
        });
      }
    }
  }
  await recordDataValues(ctx, SYSTEM_ACTOR, { body: { dataSet: DEMO_DATA_SET, values }, scope: 'all' });
}
