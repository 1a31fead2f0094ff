/**
 * Reading the audit trail: one record's history, the unit it belongs to (for the access
 * check), and the verification of the whole hash chain. Reads only: every module writes its
 * own records through `ctx.audit`, in the transaction of its change.
 */
import { auditHistory, verifyAuditChain } from '../../platform/audit/audit.ts';
import type { ModuleContext } from '../../platform/context.ts';
import type { NoTables } from '../../platform/module.ts';
import { latestUnitOfEntity } from './audit.queries.ts';
import { latestChainCheck } from './chain-check.queries.ts';

export type AuditContext = ModuleContext<NoTables>;

/** The unit a record belongs to: the latest one its audit records name (null: national). */
export async function unitOfEntity(
  ctx: AuditContext,
  input: { entityType: string; entityId: string },
): Promise<string | null> {
  return (await latestUnitOfEntity(ctx.db, input.entityType, input.entityId)) ?? null;
}

/** The history of one record, newest first. */
export function recordHistory(
  ctx: AuditContext,
  input: { entityType: string; entityId: string; page: number; pageSize: number },
) {
  return auditHistory(ctx.db, input);
}

/** Recomputes the whole chain and names the first broken record. */
export function verifyChain(ctx: AuditContext) {
  return verifyAuditChain(ctx.db);
}

/** The latest nightly verification (chain-check.job.ts), or null before the first. */
export async function lastChainCheck(ctx: AuditContext) {
  const last = await latestChainCheck(ctx.db);
  return {
    last: last ? { day: last.day, checkedAt: last.checkedAt.toISOString(), result: last.result } : null,
  };
}
