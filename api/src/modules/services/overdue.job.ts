/**
 * The daily overdue job (issue #14, item 4). Whether an application is overdue is computed when
 * it is read (`isOverdue`, `overdueSql`: the clock runs and the due date has passed), so lists
 * and dashboards need no job. What a job adds is the moment: every morning at 06:00 in Cambodia
 * it records, once per application and due date, that the case went overdue (a row of
 * services_overdue_flag and an audit record `services.application.overdue` at the application's
 * unit), so that officers and auditors can see when each deadline was missed, and a reminder
 * can be sent from it.
 *
 * Idempotent: the table's primary key (application, due date) makes a second run of the same
 * day, or a retry, flag nothing more; the flags and their audit records commit together.
 */
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { ModuleContext } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs/job.ts';
import { flagNewlyOverdue, type FlaggedApplication } from './overdue.queries.ts';
import type { OverdueTables } from './overdue.tables.ts';
import type { ServicesTables } from './services.tables.ts';

export type OverdueContext = ModuleContext<OverdueTables & Pick<ServicesTables, 'services_application'>>;

/** Flags the applications overdue on `today` (Cambodia's by default) not flagged yet. */
export async function flagOverdueApplications(
  ctx: OverdueContext,
  today: string = ctx.today(),
): Promise<FlaggedApplication[]> {
  return ctx.inTransaction(async (trx) => {
    const flagged = await flagNewlyOverdue(trx, today);
    if (flagged.length === 0) return flagged;
    await ctx.audit.writeMany(
      trx,
      SYSTEM_ACTOR,
      flagged.map((application) => ({
        action: 'services.application.overdue',
        entityType: 'services.application',
        entityId: application.trackingNumber,
        unitCode: application.unitCode,
        after: { dueDate: application.dueDate, status: application.status, flaggedOn: today },
      })),
    );
    ctx.log(`services: ${flagged.length} application(s) went overdue`);
    return flagged;
  });
}

export function overdueJobs(ctx: OverdueContext): JobDefinition[] {
  return [
    {
      name: 'services.overdue_flag',
      // 06:00 in Cambodia, before the offices open.
      schedule: '0 6 * * *',
      retry: { limit: 5, delaySeconds: 120, backoff: true },
      async run() {
        await flagOverdueApplications(ctx);
      },
    },
  ];
}
