/**
 * Formula documents (docs/transfer-formula.md), one version after another per program and
 * fiscal year, never edited. A year that already has a published allocation takes a new
 * formula only with a reason: it prepares a correction.
 */
import type { Actor } from '../../platform/actor.ts';
import { parseFormula, type Formula } from './engine/formula.ts';
import { publishedAllocationId } from './allocations.queries.ts';
import { findFormula, insertFormula, latestFormulaVersion, selectFormulaPage } from './formulas.queries.ts';
import { programExists } from './programs.queries.ts';
import type { TransfersContext } from './transfers.context.ts';
import { fail } from './transfers.errors.ts';

export interface FormulaItem {
  id: number;
  programCode: string;
  fiscalYear: number;
  version: number;
  legalReference: string;
  isExample: boolean;
  createdAt: string;
}

export async function listFormulas(
  ctx: TransfersContext,
  query: { page: number; pageSize: number; programCode?: string; fiscalYear?: number },
): Promise<{ page: number; pageSize: number; total: number; items: FormulaItem[] }> {
  const { page, pageSize } = query;
  const { rows, total } = await selectFormulaPage(ctx.db, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    page,
    pageSize,
    total,
    items: rows.map((row) => ({
      id: Number(row.id),
      programCode: row.program_code,
      fiscalYear: row.fiscal_year,
      version: row.version,
      legalReference: row.legal_reference,
      isExample: row.is_example,
      createdAt: row.created_at.toISOString(),
    })),
  };
}

/** Stores a formula document as the next version of its program and year. */
export async function createFormula(
  ctx: TransfersContext,
  actor: Actor,
  input: { formula: unknown; correctionReason?: string | undefined; isExample?: boolean },
): Promise<{ id: number; formula: Formula }> {
  const formula = parseFormula(input.formula);
  return ctx.inTransaction(async (trx) => {
    if (!(await programExists(trx, formula.program.code)))
      throw fail(
        'transfers.program.unknown',
        `No transfer program has the code "${formula.program.code}": create it first.`,
      );
    const published = await publishedAllocationId(trx, formula.program.code, formula.fiscalYear);
    if (published !== undefined && !input.correctionReason?.trim())
      throw fail(
        'transfers.year.published',
        'This program’s allocation for that year is published: a new formula needs a correction reason.',
      );
    const next = (await latestFormulaVersion(trx, formula.program.code, formula.fiscalYear)) + 1;
    if (formula.version !== next)
      throw fail(
        'transfers.formula.version_taken',
        `The next version of this program’s formula for ${formula.fiscalYear} is ${next}.`,
      );
    const row = await insertFormula(trx, {
      program_code: formula.program.code,
      fiscal_year: formula.fiscalYear,
      version: formula.version,
      document: JSON.stringify(formula),
      legal_reference: formula.legalReference.text,
      is_example: input.isExample ?? false,
      created_by: actor.audit.actorLogin,
    });
    await ctx.audit.write(trx, actor, {
      action: 'transfers.formula.create',
      entityType: 'transfers.formula',
      entityId: String(row.id),
      unitCode: null,
      after: { ...formula, correctionReason: input.correctionReason ?? null },
    });
    return { id: Number(row.id), formula };
  });
}

export async function getFormula(
  ctx: Pick<TransfersContext, 'db'>,
  id: number,
): Promise<{ id: number; formula: Formula; isExample: boolean }> {
  const row = await findFormula(ctx.db, id);
  if (!row) throw fail('transfers.formula.not_found');
  return { id: Number(row.id), formula: row.document as Formula, isExample: row.is_example };
}
