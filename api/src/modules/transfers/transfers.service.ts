/**
 * The transfers module's rules, over the pure engine (./engine): programs and their formula
 * documents, the yearly figures of units, and allocations that move draft -> approved ->
 * published. A published allocation never changes: a correction is a new version, with its
 * reason, that supersedes it when it is published in turn. Publishing writes each unit's amount
 * as a revenue line of its budget (the budgets module) in the same transaction.
 *
 * Every change runs in one transaction with its audit record.
 */
import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/in-transaction.ts';
import type { AuditActor } from '../../platform/audit/audit-context.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { recordTransferRevenue } from '../budgets/index.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import { allocate, type AllocationResult } from './engine/allocate.ts';
import { equityOf, type EquityFigures } from './engine/equity.ts';
import { parseFormula, type Formula } from './engine/formula.ts';
import { checkCodesAgainst, readInputsCsv, type InputProblem, type UnitInputs } from './engine/inputs.ts';
import { compareScenarios, type ScenarioComparison } from './engine/scenario.ts';
import type { AllocationStatus, TransfersTables } from './transfers.tables.ts';

export type TransfersDb = Kysely<TransfersTables & GazetteerTables>;

/** The figure that turns amounts into amounts per person, and the one equity is checked against. */
export const POPULATION = 'population';
export const POVERTY = 'poverty_rate';
/** Counted from the tree when no figure is stored: the units of level 4 below a unit. */
export const VILLAGES = 'villages';

const BATCH = 500;

// ---------------------------------------------------------------------------------- programs

export interface ProgramInput {
  code: string;
  nameKm: string;
  nameEn: string;
  descriptionKm?: string | null;
  descriptionEn?: string | null;
}

export async function createProgram(db: TransfersDb, actor: AuditActor, input: ProgramInput) {
  return inTransaction(db, async (trx) => {
    const exists = await trx
      .selectFrom('transfers_program')
      .select('code')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (exists) throw new AppError(409, 'transfers.program.exists', 'A program with this code exists.');
    const row = await trx
      .insertInto('transfers_program')
      .values({
        code: input.code,
        name_km: input.nameKm,
        name_en: input.nameEn,
        description_km: input.descriptionKm ?? null,
        description_en: input.descriptionEn ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.program.create',
      entityType: 'transfers.program',
      entityId: row.code,
      unitCode: null,
      after: input,
    });
    return row;
  });
}

// ---------------------------------------------------------------------------------- formulas

/** True when a published allocation of this program and year exists: its inputs are frozen. */
async function publishedYear(db: TransfersDb, programCode: string, fiscalYear: number): Promise<boolean> {
  const row = await db
    .selectFrom('transfers_allocation')
    .select('id')
    .where('program_code', '=', programCode)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a formula document as the next version of its program and year. A year that already
 * has a published allocation takes a new formula only with a reason: it prepares a correction.
 */
export async function createFormula(
  db: TransfersDb,
  actor: AuditActor,
  document: unknown,
  options: { correctionReason?: string; isExample?: boolean } = {},
) {
  const formula = parseFormula(document);
  return inTransaction(db, async (trx) => {
    const program = await trx
      .selectFrom('transfers_program')
      .select('code')
      .where('code', '=', formula.program.code)
      .executeTakeFirst();
    if (!program)
      throw new AppError(
        422,
        'transfers.program.unknown',
        `No transfer program has the code "${formula.program.code}": create it first.`,
      );
    if (
      (await publishedYear(trx, formula.program.code, formula.fiscalYear)) &&
      !options.correctionReason?.trim()
    )
      throw new AppError(
        409,
        'transfers.year.published',
        'This program’s allocation for that year is published: a new formula needs a correction reason.',
      );
    const latest = await trx
      .selectFrom('transfers_formula')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('program_code', '=', formula.program.code)
      .where('fiscal_year', '=', formula.fiscalYear)
      .executeTakeFirst();
    const next = Number(latest?.version ?? 0) + 1;
    if (formula.version !== next)
      throw new AppError(
        409,
        'transfers.formula.version_taken',
        `The next version of this program’s formula for ${formula.fiscalYear} is ${next}.`,
      );
    const row = await trx
      .insertInto('transfers_formula')
      .values({
        program_code: formula.program.code,
        fiscal_year: formula.fiscalYear,
        version: formula.version,
        document: JSON.stringify(formula),
        legal_reference: formula.legalReference.text,
        is_example: options.isExample ?? false,
        created_by: actor.actorLogin,
      })
      .returning(['id', 'program_code', 'fiscal_year', 'version', 'created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.formula.create',
      entityType: 'transfers.formula',
      entityId: String(row.id),
      unitCode: null,
      after: { ...formula, correctionReason: options.correctionReason ?? null },
    });
    return { id: Number(row.id), formula };
  });
}

export async function getFormula(
  db: TransfersDb,
  id: number,
): Promise<{ id: number; formula: Formula; isExample: boolean }> {
  const row = await db
    .selectFrom('transfers_formula')
    .select(['id', 'document', 'is_example'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('transfers.formula.not_found', 'No formula has this id.');
  return { id: Number(row.id), formula: row.document as Formula, isExample: row.is_example };
}

// ---------------------------------------------------------------------------------- figures

export interface IndicatorImportOptions {
  fiscalYear: number;
  source: string;
  codeColumn: string;
  columns: Record<string, string>;
  dryRun: boolean;
  /**
   * Write the rows that have no problem and a known code, leaving the others out (they are
   * still all reported). Without it, a file with any problem writes nothing.
   */
  applyValidPart?: boolean;
}

export interface IndicatorImportReport {
  rowsRead: number;
  values: number;
  problems: InputProblem[];
  /** Codes the file names that the tree does not know: reported, never silently dropped. */
  unknownCodes: { code: string; row: number | null }[];
  applied: boolean;
  /** Rows written (0 on a dry run or when nothing was applied). */
  rowsApplied: number;
}

/**
 * Reads a CSV of figures (one row per unit, one column per indicator) and, unless it is a dry
 * run, stores them for the year. Rows with problems, or codes unknown to the tree, stop the
 * import: nothing is written until the file is clean.
 */
export async function importIndicators(
  db: TransfersDb,
  actor: AuditActor,
  text: string,
  options: IndicatorImportOptions,
): Promise<IndicatorImportReport> {
  if (Object.keys(options.columns).length === 0)
    throw new AppError(
      400,
      'transfers.input.no_columns',
      'Name at least one indicator column (map=indicator:column).',
    );
  const read = readInputsCsv(text, { codeColumn: options.codeColumn, columns: options.columns });
  const known = await db.selectFrom('gazetteer_unit').select('code').where('valid_to', 'is', null).execute();
  const unknown = checkCodesAgainst(read.rows, new Set(known.map((row) => row.code)));
  const values = read.rows.reduce((total, row) => total + Object.keys(row.values).length, 0);
  const report: IndicatorImportReport = {
    rowsRead: read.rows.length,
    values,
    problems: read.problems,
    unknownCodes: unknown.map((row) => ({ code: row.code, row: row.sourceRow ?? null })),
    applied: false,
    rowsApplied: 0,
  };
  const clean = read.problems.length === 0 && unknown.length === 0;
  if (options.dryRun || (!clean && !options.applyValidPart)) return report;
  // The valid part: rows without a problem of their own and with a code the tree knows.
  const rowsWithProblems = new Set(read.problems.map((problem) => problem.row));
  const unknownCodes = new Set(unknown.map((row) => row.code));
  const valid = read.rows.filter(
    (row) =>
      !unknownCodes.has(row.code) && !(row.sourceRow !== undefined && rowsWithProblems.has(row.sourceRow)),
  );

  await inTransaction(db, async (trx) => {
    await refuseFrozenYear(trx, options.fiscalYear);
    const rows = valid.flatMap((row) =>
      Object.entries(row.values).map(([indicator, value]) => ({
        unit_code: row.code,
        fiscal_year: options.fiscalYear,
        indicator,
        value,
        source: options.source,
      })),
    );
    for (let start = 0; start < rows.length; start += BATCH)
      await trx
        .insertInto('transfers_indicator_value')
        .values(rows.slice(start, start + BATCH))
        .onConflict((conflict) =>
          conflict.columns(['fiscal_year', 'indicator', 'unit_code']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source: eb.ref('excluded.source'),
            is_example: false,
            updated_at: sql`now()`,
          })),
        )
        .execute();
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.indicator.import',
      entityType: 'transfers.indicator_import',
      entityId: `${options.fiscalYear}:${options.source}`,
      unitCode: null,
      after: {
        fiscalYear: options.fiscalYear,
        source: options.source,
        columns: options.columns,
        rows: valid.length,
        leftOut: read.rows.length - valid.length,
      },
    });
  });
  return { ...report, applied: true, rowsApplied: valid.length };
}

/** One figure of one unit, entered by hand. */
export async function setIndicatorValue(
  db: TransfersDb,
  actor: AuditActor,
  input: { unitCode: string; fiscalYear: number; indicator: string; value: number; source: string },
) {
  if (input.value < 0)
    throw new AppError(400, 'transfers.input.negative_value', 'A figure cannot be negative.');
  return inTransaction(db, async (trx) => {
    const unit = await trx
      .selectFrom('gazetteer_unit')
      .select('code')
      .where('code', '=', input.unitCode)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (!unit) throw notFound('gazetteer.unit.not_found', 'No current unit has this code.');
    await refuseFrozenYear(trx, input.fiscalYear);
    const before = await trx
      .selectFrom('transfers_indicator_value')
      .select(['value', 'source'])
      .where('unit_code', '=', input.unitCode)
      .where('fiscal_year', '=', input.fiscalYear)
      .where('indicator', '=', input.indicator)
      .executeTakeFirst();
    await trx
      .insertInto('transfers_indicator_value')
      .values({
        unit_code: input.unitCode,
        fiscal_year: input.fiscalYear,
        indicator: input.indicator,
        value: input.value,
        source: input.source,
      })
      .onConflict((conflict) =>
        conflict.columns(['fiscal_year', 'indicator', 'unit_code']).doUpdateSet({
          value: input.value,
          source: input.source,
          is_example: false,
          updated_at: sql`now()`,
        }),
      )
      .execute();
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.indicator.set',
      entityType: 'transfers.indicator_value',
      entityId: `${input.fiscalYear}:${input.indicator}:${input.unitCode}`,
      unitCode: input.unitCode,
      before: before ? { value: Number(before.value), source: before.source } : null,
      after: { value: input.value, source: input.source },
    });
  });
}

/** Figures of a year that a published allocation was computed from are frozen. */
async function refuseFrozenYear(db: TransfersDb, fiscalYear: number): Promise<void> {
  const used = await db
    .selectFrom('transfers_allocation')
    .select('id')
    .where('status', '=', 'published')
    .where(sql<number>`(summary->>'inputsYear')::int`, '=', fiscalYear)
    .executeTakeFirst();
  if (used)
    throw new AppError(
      409,
      'transfers.year.published',
      `The figures of ${fiscalYear} were used by a published allocation and can no longer change.`,
    );
}

export async function listIndicatorValues(
  db: TransfersDb,
  query: {
    fiscalYear: number;
    indicator?: string;
    within?: string;
    level?: number;
    page: number;
    pageSize: number;
  },
) {
  let select = db
    .selectFrom('transfers_indicator_value as v')
    .innerJoin('gazetteer_unit as u', 'u.code', 'v.unit_code')
    .select([
      'v.unit_code',
      'u.name_km',
      'u.name_latin',
      'v.indicator',
      'v.value',
      'v.source',
      'v.is_example',
    ])
    .where('v.fiscal_year', '=', query.fiscalYear);
  if (query.indicator) select = select.where('v.indicator', '=', query.indicator);
  if (query.within) select = select.where('v.unit_code', 'like', `${query.within}%`);
  if (query.level) select = select.where('u.level', '=', query.level);
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: 'code',
    columns: { code: 'v.unit_code' },
    tieBreak: 'v.indicator',
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      unitCode: row.unit_code,
      nameKm: row.name_km,
      nameLatin: row.name_latin,
      indicator: row.indicator,
      value: Number(row.value),
      source: row.source,
      isExample: row.is_example,
    })),
  };
}

/** Which figures exist: each indicator and year with how many units have it (for maps and filters). */
export async function availableIndicators(db: TransfersDb) {
  const rows = await db
    .selectFrom('transfers_indicator_value')
    .select([
      'indicator',
      'fiscal_year',
      sql<number>`count(*)::int`.as('units'),
      sql<boolean>`bool_or(is_example)`.as('has_examples'),
    ])
    .groupBy(['indicator', 'fiscal_year'])
    .orderBy('indicator')
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((row) => ({
    indicator: row.indicator,
    fiscalYear: row.fiscal_year,
    units: Number(row.units),
    hasExamples: row.has_examples,
  }));
}

// ---------------------------------------------------------------------------------- inputs

/** The indicators a formula shares by, plus those the equity figures need. */
function indicatorsOf(formula: Formula): string[] {
  const names = new Set<string>([POPULATION, POVERTY]);
  for (const component of formula.components)
    for (const criterion of component.criteria)
      if (criterion.kind === 'indicator') names.add(criterion.indicator);
  return [...names];
}

/**
 * The inputs of an allocation: the current units at the formula's levels (all units when it
 * names none), each with its figures of the year. A formula that shares by villages counts
 * them in the tree for units that have no stored figure.
 */
export async function gatherInputs(
  db: TransfersDb,
  formula: Formula,
  inputsYear: number,
): Promise<UnitInputs[]> {
  let units = db
    .selectFrom('gazetteer_unit')
    .select(['code', 'level', 'type_code'])
    .where('valid_to', 'is', null);
  if (formula.eligibility.levels) units = units.where('level', 'in', formula.eligibility.levels);
  if (formula.eligibility.types) units = units.where('type_code', 'in', formula.eligibility.types);
  const rows = await units.orderBy('code').execute();
  const wanted = indicatorsOf(formula);
  const values = await db
    .selectFrom('transfers_indicator_value')
    .select(['unit_code', 'indicator', 'value'])
    .where('fiscal_year', '=', inputsYear)
    .where('indicator', 'in', wanted)
    .execute();
  const byUnit = new Map<string, Record<string, number>>();
  for (const value of values) {
    const record = byUnit.get(value.unit_code) ?? {};
    record[value.indicator] = Number(value.value);
    byUnit.set(value.unit_code, record);
  }
  const villages = formula.components.some((component) =>
    component.criteria.some(
      (criterion) => criterion.kind === 'indicator' && criterion.indicator === VILLAGES,
    ),
  )
    ? await villageCounts(db)
    : new Map<string, number>();
  return rows.map((row) => {
    const own = byUnit.get(row.code) ?? {};
    const counted = villages.get(row.code);
    return {
      code: row.code,
      level: row.level,
      type: row.type_code,
      values: own[VILLAGES] === undefined && counted !== undefined ? { ...own, [VILLAGES]: counted } : own,
    };
  });
}

async function villageCounts(db: TransfersDb): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('gazetteer_unit_closure as c')
    .innerJoin('gazetteer_unit as v', 'v.code', 'c.descendant_code')
    .select(['c.ancestor_code', sql<number>`count(*)::int`.as('villages')])
    .where('v.level', '=', 4)
    .where('v.valid_to', 'is', null)
    .where('c.depth', '>', 0)
    .groupBy('c.ancestor_code')
    .execute();
  return new Map(rows.map((row) => [row.ancestor_code, Number(row.villages)]));
}

export interface Computed {
  result: AllocationResult;
  equity: EquityFigures;
}

/** Computes an allocation and its equity figures from the database's figures, writing nothing. */
export async function compute(
  db: TransfersDb,
  formula: Formula,
  inputsYear: number,
): Promise<Computed & { inputs: UnitInputs[] }> {
  const inputs = await gatherInputs(db, formula, inputsYear);
  const result = allocate(formula, inputs);
  const equity = equityOf(result, inputs, { populationIndicator: POPULATION, povertyIndicator: POVERTY });
  return { result, equity, inputs };
}

// ---------------------------------------------------------------------------------- allocations

export interface AllocationSummary {
  inputsYear: number;
  pool: AllocationResult['pool'];
  components: AllocationResult['components'];
  totals: AllocationResult['totals'];
  excluded: AllocationResult['excluded'];
  legalReference: AllocationResult['legalReference'];
  roundingUnit: number;
  /** The equity figures without the per-unit list (the lines hold the amounts). */
  equity: Omit<EquityFigures, 'units'>;
}

/** Computes a draft allocation of a formula and stores it with every unit's explanation. */
export async function createAllocation(
  db: TransfersDb,
  actor: AuditActor,
  input: { formulaId: number; inputsYear?: number; correctionOf?: number; correctionReason?: string },
) {
  const { formula } = await getFormula(db, input.formulaId);
  const inputsYear = input.inputsYear ?? formula.fiscalYear;
  const { result, equity } = await compute(db, formula, inputsYear);
  const { units: _perUnit, ...equityTotals } = equity;
  const summary: AllocationSummary = {
    inputsYear,
    pool: result.pool,
    components: result.components,
    totals: result.totals,
    excluded: result.excluded,
    legalReference: result.legalReference,
    roundingUnit: result.roundingUnit,
    equity: equityTotals,
  };
  return inTransaction(db, async (trx) => {
    if (
      input.correctionOf === undefined &&
      (await publishedYear(trx, formula.program.code, formula.fiscalYear))
    )
      throw new AppError(
        409,
        'transfers.year.published',
        'This program’s allocation for that year is published: prepare a correction of it instead.',
      );
    const latest = await trx
      .selectFrom('transfers_allocation')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('program_code', '=', formula.program.code)
      .where('fiscal_year', '=', formula.fiscalYear)
      .executeTakeFirst();
    const row = await trx
      .insertInto('transfers_allocation')
      .values({
        formula_id: input.formulaId,
        program_code: formula.program.code,
        fiscal_year: formula.fiscalYear,
        version: Number(latest?.version ?? 0) + 1,
        status: 'draft',
        pool: result.pool.amount,
        summary: JSON.stringify(summary),
        correction_of: input.correctionOf ?? null,
        correction_reason: input.correctionReason ?? null,
        created_by: actor.actorLogin,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const lines = result.units.map((unit) => ({
      allocation_id: Number(row.id),
      unit_code: unit.code,
      amount: unit.amount,
      parts: JSON.stringify({
        formulaAmount: unit.formulaAmount,
        limit: unit.limit,
        amountBeforeRounding: unit.amountBeforeRounding,
        roundingAdjustment: unit.roundingAdjustment,
        parts: unit.parts,
      }),
    }));
    for (let start = 0; start < lines.length; start += BATCH)
      await trx
        .insertInto('transfers_allocation_line')
        .values(lines.slice(start, start + BATCH))
        .execute();
    await writeAudit(trx, {
      ...actor,
      action:
        input.correctionOf === undefined ? 'transfers.allocation.compute' : 'transfers.allocation.correct',
      entityType: 'transfers.allocation',
      entityId: String(row.id),
      unitCode: null,
      after: {
        formulaId: input.formulaId,
        programCode: formula.program.code,
        fiscalYear: formula.fiscalYear,
        version: row.version,
        inputsYear,
        pool: result.pool.amount,
        units: result.units.length,
        correctionOf: input.correctionOf ?? null,
        correctionReason: input.correctionReason ?? null,
      },
    });
    return getAllocation(trx, Number(row.id));
  });
}

/** Allocations with their program's names: one read for a single allocation and for a page of them. */
const allocationsWithProgram = (db: TransfersDb) =>
  db
    .selectFrom('transfers_allocation as a')
    .innerJoin('transfers_program as p', 'p.code', 'a.program_code')
    .selectAll('a')
    .select(['p.name_km', 'p.name_en']);

type AllocationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof allocationsWithProgram>['executeTakeFirst']>>
>;

function toAllocation(row: AllocationRow) {
  return {
    id: Number(row.id),
    formulaId: Number(row.formula_id),
    programCode: row.program_code,
    programNameKm: row.name_km,
    programNameEn: row.name_en,
    fiscalYear: row.fiscal_year,
    version: row.version,
    status: row.status,
    pool: Number(row.pool),
    summary: row.summary as AllocationSummary,
    correctionOf: row.correction_of === null ? null : Number(row.correction_of),
    correctionReason: row.correction_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}
export type Allocation = ReturnType<typeof toAllocation>;

export async function getAllocation(db: TransfersDb, id: number): Promise<Allocation> {
  const row = await allocationsWithProgram(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('transfers.allocation.not_found', 'No allocation has this id.');
  return toAllocation(row);
}

export async function listAllocations(
  db: TransfersDb,
  query: {
    programCode?: string;
    fiscalYear?: number;
    status?: AllocationStatus;
    publishedOnly: boolean;
    page: number;
    pageSize: number;
  },
): Promise<PageResult<Allocation>> {
  let select = allocationsWithProgram(db);
  if (query.programCode) select = select.where('a.program_code', '=', query.programCode);
  if (query.fiscalYear) select = select.where('a.fiscal_year', '=', query.fiscalYear);
  if (query.publishedOnly) select = select.where('a.status', '=', 'published');
  else if (query.status) select = select.where('a.status', '=', query.status);
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: '-id',
    columns: { id: 'a.id' },
    tieBreak: 'a.id',
  });
  return { ...page, items: page.items.map(toAllocation) };
}

export interface AllocationLine {
  unitCode: string;
  nameKm: string;
  nameLatin: string;
  amount: number;
  explanation: unknown;
}

export async function allocationLines(
  db: TransfersDb,
  id: number,
  query: { within?: string; unitCode?: string; page: number; pageSize: number; sort: string },
): Promise<PageResult<AllocationLine>> {
  let select = db
    .selectFrom('transfers_allocation_line as l')
    .innerJoin('gazetteer_unit as u', 'u.code', 'l.unit_code')
    .select(['l.unit_code', 'u.name_km', 'u.name_latin', 'l.amount', 'l.parts'])
    .where('l.allocation_id', '=', id);
  if (query.within) select = select.where('l.unit_code', 'like', `${query.within}%`);
  if (query.unitCode) select = select.where('l.unit_code', '=', query.unitCode);
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: { code: 'l.unit_code', amount: 'l.amount' },
    tieBreak: 'l.unit_code',
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      unitCode: row.unit_code,
      nameKm: row.name_km,
      nameLatin: row.name_latin,
      amount: Number(row.amount),
      explanation: row.parts,
    })),
  };
}

async function loadForDecision(db: TransfersDb, id: number, expected: AllocationStatus) {
  const allocation = await getAllocation(db, id);
  if (allocation.status !== expected)
    throw new AppError(
      409,
      'transfers.allocation.bad_status',
      `The allocation is ${allocation.status}; this step needs it ${expected}.`,
    );
  return allocation;
}

/**
 * Approval by a national officer other than the one who computed it: four eyes on every
 * amount that leaves the treasury.
 */
export async function approveAllocation(db: TransfersDb, actor: AuditActor, id: number) {
  return inTransaction(db, async (trx) => {
    const allocation = await loadForDecision(trx, id, 'draft');
    if (allocation.createdBy !== null && allocation.createdBy === actor.actorLogin)
      throw new AppError(
        409,
        'transfers.allocation.same_person',
        'An allocation is approved by someone other than the person who computed it.',
      );
    await trx
      .updateTable('transfers_allocation')
      .set({ status: 'approved', approved_by: actor.actorLogin, approved_at: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.allocation.approve',
      entityType: 'transfers.allocation',
      entityId: String(id),
      unitCode: null,
      before: { status: 'draft' },
      after: { status: 'approved' },
    });
    return getAllocation(trx, id);
  });
}

/**
 * Publishes an approved allocation: the one it corrects (if any) becomes superseded, and every
 * unit's amount becomes a revenue line of its budget for the year.
 */
export async function publishAllocation(db: TransfersDb, actor: AuditActor, id: number) {
  return inTransaction(db, async (trx) => {
    const allocation = await loadForDecision(trx, id, 'approved');
    const previous = await trx
      .selectFrom('transfers_allocation')
      .select('id')
      .where('program_code', '=', allocation.programCode)
      .where('fiscal_year', '=', allocation.fiscalYear)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (previous && Number(previous.id) !== allocation.correctionOf)
      throw new AppError(
        409,
        'transfers.year.published',
        'Another allocation of this program and year is published: only a correction of it can replace it.',
      );
    if (previous)
      await trx
        .updateTable('transfers_allocation')
        .set({ status: 'superseded' })
        .where('id', '=', previous.id)
        .execute();
    await trx
      .updateTable('transfers_allocation')
      .set({ status: 'published', published_by: actor.actorLogin, published_at: new Date() })
      .where('id', '=', id)
      .execute();
    const lines = await trx
      .selectFrom('transfers_allocation_line')
      .select(['unit_code', 'amount'])
      .where('allocation_id', '=', id)
      .execute();
    for (const line of lines)
      await recordTransferRevenue(trx, {
        unitCode: line.unit_code,
        fiscalYear: allocation.fiscalYear,
        programCode: allocation.programCode,
        programNameKm: allocation.programNameKm,
        programNameEn: allocation.programNameEn,
        amount: Number(line.amount),
        allocationVersion: allocation.version,
        source: `transfers.allocation:${id}`,
        actor,
      });
    await writeAudit(trx, {
      ...actor,
      action: 'transfers.allocation.publish',
      entityType: 'transfers.allocation',
      entityId: String(id),
      unitCode: null,
      before: { status: 'approved' },
      after: { status: 'published', superseded: previous ? Number(previous.id) : null, units: lines.length },
    });
    return getAllocation(trx, id);
  });
}

/** A correction of a published allocation: a new draft, computed from a (possibly new) formula. */
export async function correctAllocation(
  db: TransfersDb,
  actor: AuditActor,
  id: number,
  input: { reason: string; formulaId?: number; inputsYear?: number },
) {
  const original = await getAllocation(db, id);
  if (original.status !== 'published')
    throw new AppError(409, 'transfers.allocation.bad_status', 'Only a published allocation is corrected.');
  const formulaId = input.formulaId ?? original.formulaId;
  const { formula } = await getFormula(db, formulaId);
  if (formula.program.code !== original.programCode || formula.fiscalYear !== original.fiscalYear)
    throw new AppError(
      422,
      'transfers.allocation.formula_mismatch',
      'A correction uses a formula of the same program and fiscal year.',
    );
  return createAllocation(db, actor, {
    formulaId,
    inputsYear: input.inputsYear ?? original.summary.inputsYear,
    correctionOf: id,
    correctionReason: input.reason,
  });
}

// ---------------------------------------------------------------------------------- scenarios

/** A formula changed by hand (weights, pool) against a stored one, on the same figures. */
export async function runScenario(
  db: TransfersDb,
  input: { baselineFormulaId: number; scenario: unknown; inputsYear?: number },
): Promise<ScenarioComparison> {
  const { formula: baseline } = await getFormula(db, input.baselineFormulaId);
  const scenario = parseFormula(input.scenario);
  const inputsYear = input.inputsYear ?? baseline.fiscalYear;
  const before = await compute(db, baseline, inputsYear);
  const after = allocate(scenario, before.inputs);
  return compareScenarios(before.result, after, before.inputs, {
    populationIndicator: POPULATION,
    povertyIndicator: POVERTY,
  });
}

// ---------------------------------------------------------------------------------- public

/** A unit's published allocations, every program, with the formula each came from. */
export async function publishedForUnit(db: TransfersDb, unitCode: string, fiscalYear?: number) {
  let select = db
    .selectFrom('transfers_allocation_line as l')
    .innerJoin('transfers_allocation as a', 'a.id', 'l.allocation_id')
    .innerJoin('transfers_program as p', 'p.code', 'a.program_code')
    .select([
      'a.id',
      'a.formula_id',
      'a.program_code',
      'p.name_km',
      'p.name_en',
      'a.fiscal_year',
      'a.version',
      'a.published_at',
      'l.amount',
      'l.parts',
    ])
    .where('l.unit_code', '=', unitCode)
    .where('a.status', '=', 'published');
  if (fiscalYear !== undefined) select = select.where('a.fiscal_year', '=', fiscalYear);
  const rows = await select.orderBy('a.fiscal_year', 'desc').orderBy('a.program_code').execute();
  return rows.map((row) => ({
    allocationId: Number(row.id),
    formulaId: Number(row.formula_id),
    programCode: row.program_code,
    programNameKm: row.name_km,
    programNameEn: row.name_en,
    fiscalYear: row.fiscal_year,
    version: row.version,
    publishedAt: row.published_at,
    amount: Number(row.amount),
    explanation: row.parts,
  }));
}
