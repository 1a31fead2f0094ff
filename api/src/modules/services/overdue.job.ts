/**
 * The daily overdue job (issue #14, item 4). Whether an application is overdue is computed when
 * it is read (`isOverdue`, `overdueSql`: the clock runs and the due date has passed), so lists
 * and dashboards need no job. What a job adds is the moment: every morning at 06:00 in Cambodia
 * it records, once per application and due date, that the case went overdue (a row of
 * services_overdue_flag and an audit record `services.application.overdue` at the application's
 * unit), so that officers and auditors can see when each deadline was missed, and a reminder
 * can be sent from it.
 *
 * Each newly overdue application is announced to its office through the notifications port
 * (topic `application.overdue`, Khmer with English beside), in the same transaction: one
 * message to each officer who filed it for the applicant or acted on it (delivered by the
 * channel each prefers, /account/notifications); when no officer has touched it yet, one
 * message to the unit, which its officers read in their outbox.
 *
 * Idempotent: the table's primary key (application, due date) makes a second run of the same
 * day, or a retry, flag nothing more; the flags, their audit records and their messages
 * commit together, so a retry after a failure announces nothing twice.
 */
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { ModuleContext } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs/job.ts';
import type { PortsOf } from '../../platform/ports.ts';
import { flagNewlyOverdue, officersOf, type FlaggedApplication } from './overdue.queries.ts';
import type { OverdueTables } from './overdue.tables.ts';
import type { ServicesTables } from './services.tables.ts';
import { formatTrackingNumber } from './tracking-number.ts';

export type OverdueContext = ModuleContext<
  OverdueTables & Pick<ServicesTables, 'services_application' | 'services_application_event'>,
  PortsOf<'notifications'>
>;

/** The officers' message: the application, and the due date it missed. */
export function overdueMessageTexts(application: FlaggedApplication): { textKm: string; textEn: string } {
  const number = formatTrackingNumber(application.trackingNumber);
  return {
    textKm: `ពាក្យស្នើសុំ ${number} ហួសថ្ងៃកំណត់ (${application.dueDate}) ហើយនៅមិនទាន់សម្រេច។`,
    textEn: `Application ${number} is overdue (due ${application.dueDate}) and not yet decided.`,
  };
}

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
    const officers = await officersOf(
      trx,
      flagged.map((application) => application.id),
    );
    for (const application of flagged) {
      const texts = overdueMessageTexts(application);
      const recipients = officers.get(application.id) ?? [null];
      for (const accountId of recipients) {
        await ctx.ports.notifications.notify(trx, {
          topic: 'application.overdue',
          sourceModule: 'services',
          entityType: 'services.application',
          entityId: application.trackingNumber,
          reference: application.trackingNumber,
          status: application.status,
          unitCode: application.unitCode,
          recipientAccountId: accountId,
          recipientPhone: null,
          recipientEmail: null,
          ...texts,
        });
      }
    }
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
