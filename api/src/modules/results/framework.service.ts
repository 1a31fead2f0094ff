/** Reading the results frameworks, indicators with their targets, categories and data sets (public). */
import type { PageResult } from '../../platform/http/paging.ts';
import type { ResultsContext } from './results.context.ts';
import { fail } from './results.errors.ts';
import type {
  Category,
  DataSet,
  Framework,
  FrameworkTree,
  Indicator,
  IndicatorListQuery,
} from './results.schemas.ts';
import {
  findDataSet,
  findFramework,
  findIndicator,
  selectCategories,
  selectCategoryOptions,
  selectCombos,
  selectDataSetElements,
  selectDataSets,
  selectDataSetUnitTypes,
  selectFrameworkElements,
  selectFrameworks,
  selectIndicators,
  selectOptionCombos,
  selectTargets,
} from './framework.queries.ts';
import type { ResultsDb } from './results.tables.ts';

export async function listFrameworks(ctx: ResultsContext): Promise<Framework[]> {
  const rows = await selectFrameworks(ctx.db);
  return rows.map((row) => ({
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    source: row.source,
    isExample: row.is_example,
  }));
}

export async function getFramework(ctx: ResultsContext, code: string): Promise<FrameworkTree> {
  const framework = await findFramework(ctx.db, code);
  if (!framework) throw fail('results.framework.not_found', `No framework ${code}.`);
  const rows = await selectFrameworkElements(ctx.db, code);
  const codeOf = new Map(rows.map((row) => [row.id, row.code]));
  // Parents before children: a depth-first walk from the components.
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: typeof rows = [];
  const walk = (parent: number | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(row);
      walk(row.id);
    }
  };
  walk(null);
  return {
    code: framework.code,
    nameKm: framework.name_km,
    nameEn: framework.name_en,
    source: framework.source,
    isExample: framework.is_example,
    elements: ordered.map((row) => ({
      code: row.code,
      parentCode: row.parent_id === null ? null : (codeOf.get(row.parent_id) ?? null),
      kind: row.kind,
      position: row.position,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
  };
}

type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;

async function toIndicators(db: ResultsDb, rows: IndicatorRow[]): Promise<Indicator[]> {
  const targets = await selectTargets(
    db,
    rows.map((row) => row.code),
  );
  return rows.map((row) => ({
    code: row.code,
    frameworkCode: row.framework_code ?? null,
    elementCode: row.element_code ?? null,
    nameKm: row.name_km,
    nameEn: row.name_en,
    definitionKm: row.definition_km,
    definitionEn: row.definition_en,
    unitKm: row.unit_km,
    unitEn: row.unit_en,
    numerator: row.numerator,
    denominator: row.denominator,
    factor: Number(row.factor),
    direction: row.direction,
    disaggregations: row.disaggregations,
    dataSource: row.data_source,
    owner: row.owner,
    targets: targets
      .filter((target) => target.indicator_code === row.code)
      .map((target) => ({
        unitCode: target.unit_code,
        year: target.year,
        kind: target.kind,
        value: Number(target.value),
        isExample: target.is_example,
      })),
    isExample: row.is_example,
  }));
}

export async function listIndicators(
  ctx: ResultsContext,
  query: IndicatorListQuery,
): Promise<PageResult<Indicator>> {
  const { rows, total } = await selectIndicators(ctx.db, {
    ...(query.framework !== undefined ? { frameworkCode: query.framework } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await toIndicators(ctx.db, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getIndicator(ctx: ResultsContext, code: string): Promise<Indicator> {
  const row = await findIndicator(ctx.db, code);
  if (!row) throw fail('results.indicator.not_found', `No indicator ${code}.`);
  const [indicator] = await toIndicators(ctx.db, [row]);
  return indicator as Indicator;
}

export async function listCategories(ctx: ResultsContext): Promise<Category[]> {
  const [categories, options] = await Promise.all([selectCategories(ctx.db), selectCategoryOptions(ctx.db)]);
  return categories.map((category) => ({
    code: category.code,
    nameKm: category.name_km,
    nameEn: category.name_en,
    options: options
      .filter((option) => option.category_code === category.code)
      .map((option) => ({ code: option.code, nameKm: option.name_km, nameEn: option.name_en })),
  }));
}

async function toDataSets(
  db: ResultsDb,
  rows: {
    code: string;
    name_km: string;
    name_en: string;
    period_type: DataSet['periodType'];
    is_example: boolean;
  }[],
): Promise<DataSet[]> {
  const codes = rows.map((row) => row.code);
  const [elements, unitTypes] = await Promise.all([
    selectDataSetElements(db, codes),
    selectDataSetUnitTypes(db, codes),
  ]);
  const comboCodes = [...new Set(elements.map((element) => element.combo_code))];
  const [combos, cells] = await Promise.all([
    selectCombos(db, comboCodes),
    selectOptionCombos(db, comboCodes),
  ]);
  const categoriesOf = new Map(combos.map((combo) => [combo.code, combo.category_codes]));
  return rows.map((row) => ({
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    periodType: row.period_type,
    unitTypes: unitTypes.filter((type) => type.data_set_code === row.code).map((type) => type.unit_type_code),
    elements: elements
      .filter((element) => element.data_set_code === row.code)
      .map((element) => ({
        code: element.code,
        nameKm: element.name_km,
        nameEn: element.name_en,
        valueType: element.value_type,
        categories: categoriesOf.get(element.combo_code) ?? [],
        cells: cells
          .filter((cell) => cell.combo_code === element.combo_code)
          .map((cell) => ({ id: cell.id, options: cell.options })),
        isExample: element.is_example,
      })),
    isExample: row.is_example,
  }));
}

export async function listDataSets(
  ctx: ResultsContext,
  query: { page: number; pageSize: number },
): Promise<PageResult<DataSet>> {
  const { rows, total } = await selectDataSets(ctx.db, query);
  return { items: await toDataSets(ctx.db, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getDataSet(ctx: ResultsContext, code: string): Promise<DataSet> {
  const row = await findDataSet(ctx.db, code);
  if (!row) throw fail('results.data_set.not_found', `No data set ${code}.`);
  const [dataSet] = await toDataSets(ctx.db, [row]);
  return dataSet as DataSet;
}
