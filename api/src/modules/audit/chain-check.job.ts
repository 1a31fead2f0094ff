/**
 * The nightly verification of the audit hash chain (the same check as `npm run audit:verify`
 * and GET /api/audit/verify), run by the job queue at 02:30 in Cambodia. Its result is written
 * to the audit trail itself, as `audit.chain.verified` of the day: auditors read the latest with
 * GET /api/audit/verify/last (and the history of `audit.chain`), and /api/metrics gives it
 * (`sndd_audit_chain_last_check_ok`). A broken chain is logged as an error too.
 *
 * Idempotent: one record per Cambodian day; a run that finds the day's record does nothing.
 */
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { verifyAuditChain, type AuditVerifyResult } from '../../platform/audit/audit.ts';
import type { JobDefinition } from '../../platform/jobs/job.ts';
import type { AuditContext } from './audit.service.ts';
import { CHAIN_CHECK_ACTION, CHAIN_CHECK_ENTITY, chainCheckRecorded } from './chain-check.queries.ts';

/** Verifies the chain and records the result of `day` (today in Cambodia by default), once. */
export async function checkChainOfDay(
  ctx: AuditContext,
  day: string = ctx.today(),
): Promise<{ recorded: boolean; result?: AuditVerifyResult }> {
  if (await chainCheckRecorded(ctx.db, day)) return { recorded: false };
  const result = await verifyAuditChain(ctx.db);
  const recorded = await ctx.inTransaction(async (trx) => {
    if (await chainCheckRecorded(trx, day)) return false;
    await ctx.audit.write(trx, SYSTEM_ACTOR, {
      action: CHAIN_CHECK_ACTION,
      entityType: CHAIN_CHECK_ENTITY,
      entityId: day,
      after: result,
    });
    return true;
  });
  if (!result.ok) {
    ctx.log(
      `AUDIT CHAIN BROKEN at record seq=${result.firstBroken.seq} (${result.firstBroken.reason}); ${result.count} records before it intact`,
    );
  }
  return { recorded, result };
}

export function auditJobs(ctx: AuditContext): JobDefinition[] {
  return [
    {
      name: 'audit.chain_verify',
      // 02:30 in Cambodia: after the day's work, before the backups of the night.
      schedule: '30 2 * * *',
      retry: { limit: 3, delaySeconds: 300, backoff: true },
      // A long chain on a slow disk: an hour at most.
      timeoutSeconds: 60 * 60,
      async run() {
        await checkChainOfDay(ctx);
      },
    },
  ];
}
