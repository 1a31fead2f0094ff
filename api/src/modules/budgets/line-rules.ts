/**
 * The rules of one budget line, without I/O: an amount is whole non-negative riel, and a line's
 * classes exist and agree (an expenditure line names its functional class). Shared by the
 * lines, adjustments, transfer revenue and the BOOST import.
 */
import { fail } from './budgets.errors.ts';
import type { Classifications, LineRow, NewLine } from './budgets.queries.ts';
import type { LineBody } from './budgets.schemas.ts';
import type { BudgetsLineTable } from './budgets.tables.ts';

/** A line's own columns, checked and normalised: what a user may write. */
export type CheckedLine = Pick<
  BudgetsLineTable,
  | 'direction'
  | 'economic_code'
  | 'functional_code'
  | 'fund_source_code'
  | 'program_code'
  | 'description_km'
  | 'description_en'
  | 'amount'
>;

const trimmedOrNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

export function checkAmount(
  amount: number,
  code: 'budgets.line' | 'budgets.actual' | 'budgets.transfer' = 'budgets.line',
): number {
  if (!Number.isSafeInteger(amount)) throw fail(`${code}.bad_amount`);
  if (amount < 0) throw fail(`${code}.negative_amount`);
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

/** A stored line as the body that would make it (to check a partial change as a whole). */
export const asLineBody = (line: LineRow): LineBody => ({
  direction: line.direction,
  economicCode: line.economic_code,
  functionalCode: line.functional_code,
  fundSourceCode: line.fund_source_code,
  programCode: line.program_code,
  descriptionKm: line.description_km,
  descriptionEn: line.description_en,
  amount: line.amount,
});

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

/** A line written by the system (a published transfer) is never changed by hand. */
export function assertUserLine(line: LineRow): void {
  if (line.system_origin !== null) throw fail('budgets.line.system_owned');
}
