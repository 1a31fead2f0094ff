/**
 * The dead-letter list of the background jobs (platform/jobs): the jobs whose every attempt
 * failed, and a retry of one, audited. National administrators only (the route says so).
 */
import type { Actor } from '../../platform/actor.ts';
import type { ModuleContext } from '../../platform/context.ts';
import { listFailedJobs } from '../../platform/jobs/job-queue.ts';
import type { NoTables } from '../../platform/module.ts';
import { fail } from './operations.errors.ts';

export type OperationsContext = ModuleContext<NoTables>;

export async function failedJobs(ctx: OperationsContext, input: { page: number; pageSize: number }) {
  const { items, total } = await listFailedJobs(ctx.db, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return {
    items: items.map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      failedAt: item.failedAt?.toISOString() ?? null,
    })),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

/**
 * Puts a failed job back in the queue for one more attempt, with an audit record. The job's
 * owner undoes, in the same transaction, what would make the attempt do nothing (its
 * definition's `beforeRetry`: a notification marked failed becomes due again).
 */
export async function retryJob(ctx: OperationsContext, actor: Actor, input: { id: string }) {
  return ctx.inTransaction(async (trx) => {
    const name = await ctx.jobs.retryFailed(input.id, { trx });
    if (name === null) throw fail('operations.job.not_failed', `No failed job ${input.id}.`);
    await ctx.audit.write(trx, actor, {
      action: 'operations.job.retried',
      entityType: 'platform.job',
      entityId: input.id,
      after: { name, state: 'retry' },
    });
    return { id: input.id, name, state: 'retry' as const };
  });
}
