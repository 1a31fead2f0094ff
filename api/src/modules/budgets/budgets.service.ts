/**
 * The budget workflow: a budget per unit and fiscal year, its lines, the council's decision,
 * approval, adjustments (new versions) and quarterly actuals. Every change runs in one
 * transaction with its audit record; the budget row is locked first, so that two officers
 * changing the same budget take turns.
 *
 * Phases (the last step taken): proposed → approved (only once the council's decision is
 * recorded) → adjusted (a new version of the lines; the approved one stays readable) →
 * executed (actuals recorded). Lines change only while proposed, or through an adjustment.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { auditActor } from '../../platform/audit/audit-context.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Authenticator } from '../../platform/auth/principal.ts';
import { getUnit, isUnitWithin, type GazetteerTables } from '../gazetteer/index.ts';
import {
  deleteLineRow,
  findBudget,
  findBudgetOf,
  findBudgetUnit,
  findLine,
  findLineUnit,
  insertBudget,
  insertLines,
  insertVersion,
  selectActuals,
  selectClassifications,
  selectLines,
  selectVersions,
  updateBudget,
  updateLineRow,
  upsertActual,
  type ActualRow,
  type BudgetRow,
  type BudgetsDb,
  type Classifications,
  type LineRow,
  type NewLine,
} from './budgets.queries.ts';
import type {
  Actuals,
  ActualsBody,
  AdjustmentBody,
  ApproveBody,
  Budget,
  ClassificationsAnswer,
  CouncilDecisionBody,
  Line,
  LineBody,
  UpdateLineBody,
} from './budgets.schemas.ts';
import type { Direction, Phase } from './budgets.tables.ts';
import { fail } from './budgets.errors.ts';

const gazetteerDb = (db: BudgetsDb) => db as unknown as Kysely<GazetteerTables>;

export const budgetNotFound = () => fail('budgets.budget.not_found');
const lineNotFound = () => fail('budgets.line.not_found');

/** Today in Cambodia (UTC+07:00), as YYYY-MM-DD. */
export function todayInCambodia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Phnom_Penh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

// ---------------------------------------------------------------------------------- access

/** Unit locators for the access check: the unit of the budget or line a path names. */
export async function unitOfBudget(db: BudgetsDb, id: number): Promise<string> {
  const unit = await findBudgetUnit(db, id);
  if (unit === undefined) throw budgetNotFound();
  return unit;
}

export async function unitOfLine(db: BudgetsDb, id: number): Promise<string> {
  const unit = await findLineUnit(db, id);
  if (unit === undefined) throw lineNotFound();
  return unit;
}

export interface Readers {
  db: BudgetsDb;
  authenticator: Authenticator;
}

/**
 * A proposed budget is a working document: those who prepare, approve or oversee the unit's
 * budget (any budgets permission, or the audit reading that council members and auditors hold)
 * see it; the public sees budgets from their approval on.
 */
async function seesProposed(readers: Readers, request: FastifyRequest, unitCode: string): Promise<boolean> {
  const principal = request.principal ?? (await readers.authenticator.authenticate(request));
  if (!principal || principal.mustChangePassword) return false;
  for (const assignment of principal.assignments) {
    const relevant = [...assignment.permissions].some(
      (permission) => permission.startsWith('budgets.') || permission === 'audit.record.read',
    );
    if (!relevant) continue;
    if (assignment.unitCode === null) return true;
    if (await isUnitWithin(readers.db, unitCode, assignment.unitCode)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------- lines: checks

export interface CheckedLine {
  direction: Direction;
  economic_code: string;
  functional_code: string | null;
  fund_source_code: string;
  program_code: string | null;
  description_km: string | null;
  description_en: string | null;
  amount: number;
}

const trimmedOrNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

export function checkAmount(
  amount: number,
  code: 'budgets.line' | 'budgets.actual' | 'budgets.transfer' = 'budgets.line',
): number {
  if (!Number.isSafeInteger(amount)) throw fail(`${code}.bad_amount`);
  if (amount < 0) {
    throw fail(`${code}.negative_amount`);
  }
  return amount;
}

/** A line as the user gave it, checked against the classifications. */
export function checkLine(classes: Classifications, body: LineBody): CheckedLine {
  const economic = classes.economic.get(body.economicCode.trim());
  if (!economic) {
    throw fail('budgets.line.unknown_economic_class', `No economic class has the code ${body.economicCode}.`);
  }
  if (body.direction !== undefined && body.direction !== economic.direction) {
    throw fail('budgets.line.direction_mismatch', {
      title: `The economic class ${economic.code} is ${economic.direction}, not ${body.direction}.`,
    });
  }
  const functionalCode = trimmedOrNull(body.functionalCode);
  if (functionalCode !== null && !classes.functional.has(functionalCode)) {
    throw fail(
      'budgets.line.unknown_functional_class',
      `No functional class has the code ${functionalCode}.`,
    );
  }
  if (economic.direction === 'expenditure' && functionalCode === null) {
    throw fail('budgets.line.functional_class_required');
  }
  if (!classes.fundSources.has(body.fundSourceCode.trim())) {
    throw fail('budgets.line.unknown_fund_source', `No fund source has the code ${body.fundSourceCode}.`);
  }
  return {
    direction: economic.direction,
    economic_code: economic.code,
    functional_code: economic.direction === 'revenue' ? null : functionalCode,
    fund_source_code: body.fundSourceCode.trim(),
    program_code: trimmedOrNull(body.programCode),
    description_km: trimmedOrNull(body.descriptionKm),
    description_en: trimmedOrNull(body.descriptionEn),
    amount: checkAmount(body.amount),
  };
}

const asLineBody = (line: LineRow): LineBody => ({
  direction: line.direction,
  economicCode: line.economic_code,
  functionalCode: line.functional_code,
  fundSourceCode: line.fund_source_code,
  programCode: line.program_code,
  descriptionKm: line.description_km,
  descriptionEn: line.description_en,
  amount: line.amount,
});

// ---------------------------------------------------------------------------------- answers

export function actualsOf(rows: readonly ActualRow[]): Map<string, Actuals> {
  const byLine = new Map<string, Actuals>();
  for (const row of rows) {
    const key = `${row.budget_id}:${row.line_key}`;
    const actuals = byLine.get(key) ?? { q1: 0, q2: 0, q3: 0, q4: 0, unsplit: 0, total: 0 };
    if (row.quarter === 0) actuals.unsplit += row.amount;
    else actuals[`q${row.quarter}` as 'q1'] += row.amount;
    actuals.total += row.amount;
    byLine.set(key, actuals);
  }
  return byLine;
}

const NO_ACTUALS: Actuals = { q1: 0, q2: 0, q3: 0, q4: 0, unsplit: 0, total: 0 };

function toLine(row: LineRow, actuals: Map<string, Actuals>): Line {
  return {
    id: row.id,
    lineKey: row.line_key,
    version: row.version,
    direction: row.direction,
    economicCode: row.economic_code,
    functionalCode: row.functional_code,
    fundSourceCode: row.fund_source_code,
    programCode: row.program_code,
    descriptionKm: row.description_km,
    descriptionEn: row.description_en,
    amount: row.amount,
    systemOrigin: row.system_origin,
    transferAllocationVersion: row.transfer_allocation_version,
    actuals: actuals.get(`${row.budget_id}:${row.line_key}`) ?? NO_ACTUALS,
    isExample: row.is_example,
  };
}

async function budgetAnswer(
  db: BudgetsDb,
  budget: BudgetRow,
  version = budget.current_version,
): Promise<Budget> {
  const [versions, lines, actualRows] = await Promise.all([
    selectVersions(db, budget.id),
    selectLines(db, budget.id, version),
    selectActuals(db, [budget.id]),
  ]);
  const actuals = actualsOf(actualRows);
  const total = (direction: Direction) =>
    lines.filter((line) => line.direction === direction).reduce((sum, line) => sum + line.amount, 0);
  const revenue = total('revenue');
  const expenditure = total('expenditure');
  return {
    id: budget.id,
    unitCode: budget.unit_code,
    fiscalYear: budget.fiscal_year,
    phase: budget.phase,
    currentVersion: budget.current_version,
    shownVersion: version,
    councilDecision:
      budget.council_decision_number !== null && budget.council_decision_date !== null
        ? { number: budget.council_decision_number, date: budget.council_decision_date }
        : null,
    approvedAt: budget.approved_at,
    origin: budget.origin,
    isExample: budget.is_example,
    versions: versions.map((row) => ({
      version: row.version,
      kind: row.kind,
      reason: row.reason,
      councilDecisionNumber: row.council_decision_number,
      councilDecisionDate: row.council_decision_date,
      createdAt: row.created_at,
    })),
    lines: lines.map((line) => toLine(line, actuals)),
    totals: { revenue, expenditure, balance: revenue - expenditure },
  };
}

/** A budget as the audit trail keeps it: its state and the totals of the version in force. */
function auditedBudget(budget: BudgetRow) {
  return {
    unitCode: budget.unit_code,
    fiscalYear: budget.fiscal_year,
    phase: budget.phase,
    currentVersion: budget.current_version,
    councilDecisionNumber: budget.council_decision_number,
    councilDecisionDate: budget.council_decision_date,
    origin: budget.origin,
  };
}

function auditedLine(line: LineRow) {
  const { created_at: _created, updated_at: _updated, ...rest } = line;
  return rest;
}

// ---------------------------------------------------------------------------------- reads

export async function listClassifications(db: BudgetsDb): Promise<ClassificationsAnswer> {
  const classes = await selectClassifications(db);
  return {
    economic: [...classes.economic.values()].map((row) => ({
      code: row.code,
      direction: row.direction,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
    functional: [...classes.functional.values()].map((row) => ({
      code: row.code,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
    fundSources: [...classes.fundSources.values()].map((row) => ({
      code: row.code,
      kind: row.kind,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
  };
}

export async function getBudget(
  readers: Readers,
  request: FastifyRequest,
  unitCode: string,
  fiscalYear: number,
  version?: number,
): Promise<Budget> {
  const budget = await findBudgetOf(readers.db, unitCode, fiscalYear);
  if (!budget) throw budgetNotFound();
  // Unpublished budgets do not exist for those who may not see them.
  if (budget.phase === 'proposed' && !(await seesProposed(readers, request, unitCode)))
    throw budgetNotFound();
  if (version !== undefined && version > budget.current_version) {
    throw fail('budgets.version.not_found', {
      title: `This budget has ${budget.current_version} version(s).`,
    });
  }
  return budgetAnswer(readers.db, budget, version);
}

// ---------------------------------------------------------------------------------- writes

/** The unit a budget can be made for: an administration of the tree, not a village. */
export async function checkBudgetUnit(db: BudgetsDb, unitCode: string): Promise<void> {
  const unit = await getUnit(gazetteerDb(db), unitCode); // 404 gazetteer.unit.not_found
  if (unit.level < 1 || unit.level > 3) {
    throw fail('budgets.unit.not_an_administration');
  }
}

export async function createBudget(
  db: BudgetsDb,
  request: FastifyRequest,
  unitCode: string,
  fiscalYear: number,
): Promise<Budget> {
  await checkBudgetUnit(db, unitCode);
  return db.transaction().execute(async (trx) => {
    if (await findBudgetOf(trx, unitCode, fiscalYear)) {
      throw fail('budgets.budget.exists', {
        title: `Unit ${unitCode} already has a budget for ${fiscalYear}.`,
      });
    }
    const budget = await insertBudget(
      trx,
      {
        unit_code: unitCode,
        fiscal_year: fiscalYear,
        council_decision_number: null,
        council_decision_date: null,
        approved_at: null,
      },
      {
        kind: 'original',
        reason: null,
        council_decision_number: null,
        council_decision_date: null,
        created_by: request.principal?.userId ?? null,
      },
    );
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.budget.create',
      entityType: 'budgets.budget',
      entityId: String(budget.id),
      unitCode,
      after: auditedBudget(budget),
    });
    return budgetAnswer(trx, budget);
  });
}

async function lockedBudget(trx: BudgetsDb, id: number): Promise<BudgetRow> {
  const budget = await findBudget(trx, id, { lock: true });
  if (!budget) throw budgetNotFound();
  return budget;
}

function assertProposed(budget: BudgetRow): void {
  if (budget.phase !== 'proposed') {
    throw fail('budgets.budget.not_proposed', `The budget is ${budget.phase}.`);
  }
}

function assertUserLine(line: LineRow): void {
  if (line.system_origin !== null) {
    throw fail('budgets.line.system_owned');
  }
}

export async function addLine(
  db: BudgetsDb,
  request: FastifyRequest,
  budgetId: number,
  body: LineBody,
): Promise<Line> {
  const classes = await selectClassifications(db);
  const checked = checkLine(classes, body);
  return db.transaction().execute(async (trx) => {
    const budget = await lockedBudget(trx, budgetId);
    assertProposed(budget);
    const [line] = await insertLines(trx, [
      { ...checked, budget_id: budget.id, version: budget.current_version, line_key: randomUUID() },
    ]);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.line.create',
      entityType: 'budgets.line',
      entityId: String(line!.id),
      unitCode: budget.unit_code,
      after: auditedLine(line!),
    });
    return toLine(line!, new Map());
  });
}

export async function updateLine(
  db: BudgetsDb,
  request: FastifyRequest,
  lineId: number,
  body: UpdateLineBody,
): Promise<Line> {
  const classes = await selectClassifications(db);
  return db.transaction().execute(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw lineNotFound();
    const budget = await lockedBudget(trx, found.budget_id);
    const before = (await findLine(trx, lineId))!;
    assertProposed(budget);
    assertUserLine(before);
    // A change of class may change the direction: the merged line is checked as a whole.
    const merged = { ...asLineBody(before), direction: undefined, ...body };
    const checked = checkLine(classes, merged);
    const after = await updateLineRow(trx, lineId, checked);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.line.update',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: budget.unit_code,
      before: auditedLine(before),
      after: auditedLine(after),
    });
    return toLine(after, new Map());
  });
}

export async function deleteLine(db: BudgetsDb, request: FastifyRequest, lineId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw lineNotFound();
    const budget = await lockedBudget(trx, found.budget_id);
    assertProposed(budget);
    assertUserLine(found);
    await deleteLineRow(trx, lineId);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.line.delete',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: budget.unit_code,
      before: auditedLine(found),
    });
  });
}

function checkDecisionDate(date: string): void {
  if (date > todayInCambodia()) {
    throw fail('budgets.council_decision.future_date');
  }
}

export async function recordCouncilDecision(
  db: BudgetsDb,
  request: FastifyRequest,
  budgetId: number,
  body: CouncilDecisionBody,
): Promise<Budget> {
  checkDecisionDate(body.date);
  return db.transaction().execute(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    assertProposed(before);
    const after = await updateBudget(trx, budgetId, {
      council_decision_number: body.number.trim(),
      council_decision_date: body.date,
    });
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.budget.council_decision',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: auditedBudget(before),
      after: auditedBudget(after),
    });
    return budgetAnswer(trx, after);
  });
}

export async function approveBudget(
  db: BudgetsDb,
  request: FastifyRequest,
  budgetId: number,
  body: ApproveBody,
): Promise<Budget> {
  const number = body?.councilDecisionNumber?.trim() || null;
  const date = body?.councilDecisionDate ?? null;
  if (date !== null) checkDecisionDate(date);
  return db.transaction().execute(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    if (before.phase !== 'proposed') {
      throw fail('budgets.budget.not_proposed', {
        title: 'Only a proposed budget can be approved.',
        detail: `The budget is ${before.phase}.`,
      });
    }
    const decisionNumber = number ?? before.council_decision_number;
    const decisionDate = date ?? before.council_decision_date;
    if (decisionNumber === null || decisionDate === null) {
      throw fail('budgets.budget.council_decision_missing');
    }
    const lines = await selectLines(trx, budgetId, before.current_version);
    if (lines.length === 0) throw fail('budgets.budget.empty');
    const after = await updateBudget(trx, budgetId, {
      phase: 'approved',
      council_decision_number: decisionNumber,
      council_decision_date: decisionDate,
      approved_at: new Date(),
    });
    await trx
      .updateTable('budgets_version')
      .set({ council_decision_number: decisionNumber, council_decision_date: decisionDate })
      .where('budget_id', '=', budgetId)
      .where('version', '=', after.current_version)
      .execute();
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.budget.approve',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: auditedBudget(before),
      after: auditedBudget(after),
    });
    return budgetAnswer(trx, after);
  });
}

/** Once actuals are recorded the budget stays executed; a new version otherwise makes it adjusted. */
export const phaseAfterNewVersion = (phase: Phase): Phase => (phase === 'executed' ? 'executed' : 'adjusted');

/**
 * Writes version N+1 of a budget: the given lines (new rows, keeping the line_key of the line each
 * replaces), and makes it the version in force. The lines of earlier versions stay as they were.
 */
export async function writeNewVersion(
  trx: BudgetsDb,
  budget: BudgetRow,
  version: {
    kind: 'adjustment' | 'transfer';
    reason: string;
    councilDecisionNumber: string | null;
    councilDecisionDate: string | null;
    createdBy: number | null;
  },
  lines: Omit<NewLine, 'budget_id' | 'version'>[],
): Promise<BudgetRow> {
  const next = budget.current_version + 1;
  await insertVersion(trx, {
    budget_id: budget.id,
    version: next,
    kind: version.kind,
    reason: version.reason,
    council_decision_number: version.councilDecisionNumber,
    council_decision_date: version.councilDecisionDate,
    created_by: version.createdBy,
  });
  await insertLines(
    trx,
    lines.map((line) => ({ ...line, budget_id: budget.id, version: next })),
  );
  return updateBudget(trx, budget.id, { current_version: next, phase: phaseAfterNewVersion(budget.phase) });
}

/** The columns of a line that a new version copies. */
export const copiedLine = (line: LineRow): Omit<NewLine, 'budget_id' | 'version'> => ({
  line_key: line.line_key,
  direction: line.direction,
  economic_code: line.economic_code,
  functional_code: line.functional_code,
  fund_source_code: line.fund_source_code,
  program_code: line.program_code,
  description_km: line.description_km,
  description_en: line.description_en,
  amount: line.amount,
  system_origin: line.system_origin,
  transfer_allocation_version: line.transfer_allocation_version,
  transfer_source: line.transfer_source,
  is_example: line.is_example,
});

export async function adjustBudget(
  db: BudgetsDb,
  request: FastifyRequest,
  budgetId: number,
  body: AdjustmentBody,
): Promise<Budget> {
  const reason = body.reason.trim();
  if (reason === '') throw fail('budgets.adjustment.reason_missing');
  if ((body.councilDecisionNumber === undefined) !== (body.councilDecisionDate === undefined)) {
    throw fail('budgets.adjustment.partial_decision');
  }
  if (body.councilDecisionDate !== undefined) checkDecisionDate(body.councilDecisionDate);
  const classes = await selectClassifications(db);
  const checked = body.lines.map((line) => ({ lineId: line.lineId, ...checkLine(classes, line) }));
  return db.transaction().execute(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    if (before.phase === 'proposed') {
      throw fail('budgets.budget.not_approved', {
        title: 'Only an approved budget is adjusted; change a proposed budget’s lines directly.',
      });
    }
    const current = await selectLines(trx, budgetId, before.current_version);
    const byId = new Map(current.map((line) => [line.id, line]));
    const kept = new Set<string>();
    const lines: Omit<NewLine, 'budget_id' | 'version'>[] = [];
    for (const line of checked) {
      const { lineId, ...values } = line;
      let lineKey: string = randomUUID();
      if (lineId !== undefined) {
        const replaced = byId.get(lineId);
        if (!replaced) {
          throw fail('budgets.adjustment.unknown_line', {
            title: `Line ${lineId} is not a line of the version in force.`,
          });
        }
        assertUserLine(replaced);
        if (kept.has(replaced.line_key)) {
          throw fail('budgets.adjustment.duplicate_line', { title: `Line ${lineId} is replaced twice.` });
        }
        lineKey = replaced.line_key;
      }
      kept.add(lineKey);
      lines.push({ ...values, line_key: lineKey });
    }
    // System lines (published transfers) are carried over as they are.
    for (const line of current) if (line.system_origin !== null) lines.push(copiedLine(line));
    // A line that has actuals cannot disappear: its execution would lose its budget.
    const executed = new Set((await selectActuals(trx, [budgetId])).map((row) => row.line_key));
    const dropped = current.find(
      (line) => line.system_origin === null && !kept.has(line.line_key) && executed.has(line.line_key),
    );
    if (dropped) {
      throw fail('budgets.adjustment.drops_executed_line', `Line ${dropped.id} has actuals.`);
    }
    const after = await writeNewVersion(
      trx,
      before,
      {
        kind: 'adjustment',
        reason,
        councilDecisionNumber: body.councilDecisionNumber?.trim() ?? null,
        councilDecisionDate: body.councilDecisionDate ?? null,
        createdBy: request.principal?.userId ?? null,
      },
      lines,
    );
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.budget.adjust',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: { ...auditedBudget(before), lines: current.map(auditedLine) },
      after: { ...auditedBudget(after), reason, lines },
    });
    return budgetAnswer(trx, after);
  });
}

export async function recordActuals(
  db: BudgetsDb,
  request: FastifyRequest,
  lineId: number,
  body: ActualsBody,
): Promise<Line> {
  const quarters = ([1, 2, 3, 4] as const).flatMap((quarter) => {
    const amount = body[`q${quarter}`];
    return amount === undefined ? [] : [{ quarter, amount: checkAmount(amount, 'budgets.actual') }];
  });
  if (quarters.length === 0) throw fail('budgets.actual.empty');
  return db.transaction().execute(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw lineNotFound();
    const before = await lockedBudget(trx, found.budget_id);
    if (before.phase === 'proposed') {
      throw fail('budgets.budget.not_approved', {
        title: 'Actuals are recorded against an approved budget.',
      });
    }
    if (found.version !== before.current_version) {
      throw fail('budgets.line.not_current');
    }
    const previous =
      actualsOf(await selectActuals(trx, [before.id])).get(`${before.id}:${found.line_key}`) ?? NO_ACTUALS;
    for (const { quarter, amount } of quarters) {
      await upsertActual(trx, { budget_id: before.id, line_key: found.line_key, quarter, amount });
    }
    const after =
      before.phase === 'executed' ? before : await updateBudget(trx, before.id, { phase: 'executed' });
    const actuals = actualsOf(await selectActuals(trx, [before.id]));
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'budgets.actual.record',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: after.unit_code,
      before: { phase: before.phase, actuals: previous },
      after: { phase: after.phase, actuals: actuals.get(`${before.id}:${found.line_key}`) },
    });
    return toLine(found, actuals);
  });
}
