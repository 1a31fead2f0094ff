/** Kysely functions over the framework, indicators, categories, data elements and data sets: (db, args) → rows. */
import { sql } from 'kysely';
import type { ResultsDb } from './results.tables.ts';

export function selectFrameworks(db: ResultsDb) {
  return db.selectFrom('results_framework').selectAll().orderBy('code').execute();
}

export function findFramework(db: ResultsDb, code: string) {
  return db.selectFrom('results_framework').selectAll().where('code', '=', code).executeTakeFirst();
}

export function selectFrameworkElements(db: ResultsDb, frameworkCode: string) {
  return db
    .selectFrom('results_framework_element')
    .selectAll()
    .where('framework_code', '=', frameworkCode)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function selectIndicators(
  db: ResultsDb,
  options: { frameworkCode?: string; page: number; pageSize: number },
) {
  let query = db.selectFrom('results_indicator as i');
  if (options.frameworkCode !== undefined) {
    const framework = options.frameworkCode;
    query = query.where('i.framework_element_id', 'in', (eb) =>
      eb.selectFrom('results_framework_element').select('id').where('framework_code', '=', framework),
    );
  }
  const [rows, counted] = await Promise.all([
    query
      .leftJoin('results_framework_element as e', 'e.id', 'i.framework_element_id')
      .selectAll('i')
      .select(['e.code as element_code', 'e.framework_code'])
      .orderBy('i.code')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counted.count) };
}

export function findIndicator(db: ResultsDb, code: string) {
  return db
    .selectFrom('results_indicator as i')
    .leftJoin('results_framework_element as e', 'e.id', 'i.framework_element_id')
    .selectAll('i')
    .select(['e.code as element_code', 'e.framework_code'])
    .where('i.code', '=', code)
    .executeTakeFirst();
}

export function selectTargets(db: ResultsDb, indicatorCodes: readonly string[]) {
  if (indicatorCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('results_indicator_target')
    .selectAll()
    .where('indicator_code', 'in', [...indicatorCodes])
    .orderBy('indicator_code')
    .orderBy('year')
    .orderBy('kind')
    .orderBy('unit_code')
    .execute();
}

export function selectCategories(db: ResultsDb) {
  return db.selectFrom('results_category').selectAll().orderBy('position').orderBy('code').execute();
}

export function selectCategoryOptions(db: ResultsDb) {
  return db
    .selectFrom('results_category_option')
    .selectAll()
    .orderBy('category_code')
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export function selectCombos(db: ResultsDb, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('results_category_combo')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export function selectOptionCombos(db: ResultsDb, comboCodes: readonly string[]) {
  if (comboCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('results_category_option_combo')
    .selectAll()
    .where('combo_code', 'in', [...comboCodes])
    .orderBy('id')
    .execute();
}

export function selectDataElements(db: ResultsDb, codes?: readonly string[]) {
  let query = db.selectFrom('results_data_element').selectAll();
  if (codes !== undefined) {
    if (codes.length === 0) return Promise.resolve([]);
    query = query.where('code', 'in', [...codes]);
  }
  return query.orderBy('code').execute();
}

export async function selectDataSets(db: ResultsDb, options: { page: number; pageSize: number }) {
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('results_data_set')
      .selectAll()
      .orderBy('code')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    db
      .selectFrom('results_data_set')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counted.count) };
}

export function findDataSet(db: ResultsDb, code: string) {
  return db.selectFrom('results_data_set').selectAll().where('code', '=', code).executeTakeFirst();
}

export function selectDataSetElements(db: ResultsDb, dataSetCodes: readonly string[]) {
  if (dataSetCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('results_data_set_element as s')
    .innerJoin('results_data_element as d', 'd.code', 's.data_element_code')
    .select([
      's.data_set_code',
      'd.code',
      'd.name_km',
      'd.name_en',
      'd.value_type',
      'd.combo_code',
      'd.is_example',
    ])
    .where('s.data_set_code', 'in', [...dataSetCodes])
    .orderBy('d.code')
    .execute();
}

export function selectDataSetUnitTypes(db: ResultsDb, dataSetCodes: readonly string[]) {
  if (dataSetCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('results_data_set_unit_type')
    .selectAll()
    .where('data_set_code', 'in', [...dataSetCodes])
    .orderBy('unit_type_code')
    .execute();
}

// ------------------------------------------------------------------ writes (seeds and tests)

export async function insertFrameworkElement(
  db: ResultsDb,
  row: {
    framework_code: string;
    code: string;
    parent_code: string | null;
    kind: 'component' | 'outcome' | 'output' | 'priority_action';
    position: number;
    name_km: string;
    name_en: string;
    source: string | null;
    is_example: boolean;
  },
): Promise<number> {
  const { parent_code: parentCode, ...values } = row;
  const parent =
    parentCode === null
      ? null
      : await db
          .selectFrom('results_framework_element')
          .select('id')
          .where('framework_code', '=', row.framework_code)
          .where('code', '=', parentCode)
          .executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('results_framework_element')
    .values({ ...values, parent_id: parent?.id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findFrameworkElementId(db: ResultsDb, frameworkCode: string, code: string) {
  const row = await db
    .selectFrom('results_framework_element')
    .select('id')
    .where('framework_code', '=', frameworkCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function insertDataElements(
  db: ResultsDb,
  rows: {
    code: string;
    name_km: string;
    name_en: string;
    value_type: 'integer_zero_or_positive' | 'integer' | 'number' | 'percentage';
    combo_code: string;
    source: string | null;
    is_example: boolean;
  }[],
) {
  if (rows.length > 0) await db.insertInto('results_data_element').values(rows).execute();
}

export async function insertIndicator(
  db: ResultsDb,
  row: {
    code: string;
    framework_element_id: number | null;
    name_km: string;
    name_en: string;
    definition_km: string;
    definition_en: string;
    unit_km: string;
    unit_en: string;
    numerator: string[];
    denominator: string[] | null;
    factor: number;
    direction: 'higher_is_better' | 'lower_is_better';
    disaggregations: string[];
    data_source: string;
    owner: string;
    is_example: boolean;
  },
) {
  await db
    .insertInto('results_indicator')
    .values({
      ...row,
      numerator: sql<string[]>`${row.numerator}::text[]`,
      denominator: row.denominator === null ? null : sql<string[]>`${row.denominator}::text[]`,
      disaggregations: sql<string[]>`${row.disaggregations}::text[]`,
      factor: sql<string>`${String(row.factor)}::numeric`,
    })
    .execute();
}

export async function insertTargets(
  db: ResultsDb,
  rows: {
    indicator_code: string;
    unit_code: string | null;
    year: number;
    kind: 'baseline' | 'target';
    value: number;
    is_example: boolean;
  }[],
) {
  if (rows.length > 0) await db.insertInto('results_indicator_target').values(rows).execute();
}

export async function insertDataSet(
  db: ResultsDb,
  row: {
    code: string;
    name_km: string;
    name_en: string;
    period_type: 'monthly' | 'quarterly' | 'yearly';
    is_example: boolean;
  },
  elements: readonly string[],
  unitTypes: readonly string[],
) {
  await db.insertInto('results_data_set').values(row).execute();
  if (elements.length > 0)
    await db
      .insertInto('results_data_set_element')
      .values(elements.map((code) => ({ data_set_code: row.code, data_element_code: code })))
      .execute();
  if (unitTypes.length > 0)
    await db
      .insertInto('results_data_set_unit_type')
      .values(unitTypes.map((type) => ({ data_set_code: row.code, unit_type_code: type })))
      .execute();
}

/** Sets the approval state of a data set × unit × period (the approval slice will own this; tests use it). */
export async function upsertDataSetStatus(
  db: ResultsDb,
  row: {
    data_set_code: string;
    unit_code: string;
    period: string;
    status: 'open' | 'submitted' | 'approved';
  },
) {
  await db
    .insertInto('results_data_set_status')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['data_set_code', 'unit_code', 'period'])
        .doUpdateSet({ status: row.status, changed_at: sql`now()` }),
    )
    .execute();
}
