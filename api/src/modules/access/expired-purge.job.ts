/**
 * The access module's expiring rows, removed every night at 03:15 in Cambodia: sessions ended
 * more than 7 days ago, national sign-ins under way past their ten minutes, and citizens'
 * one-time phone codes expired more than a day ago (for a day an expired code still answers
 * `access.code.expired` rather than `wrong`). (The sign-in throttle's rows restart their own
 * window and are left to it.) Idempotent: a delete of what is past a cutoff.
 */
import type { JobDefinition } from '../../platform/jobs/job.ts';
import type { AccessContext } from './access.context.ts';
import { purgeEndedRows } from './expired-purge.queries.ts';
import { purgeOldPhoneCodes } from './phone-codes.queries.ts';

/** Days an ended session is kept (it may explain a complaint about an account's use). */
export const ENDED_SESSION_KEEP_DAYS = 7;

export async function purgeExpiredAccessRows(ctx: AccessContext) {
  const purged = await purgeEndedRows(ctx.db, ENDED_SESSION_KEEP_DAYS);
  const phoneCodes = await purgeOldPhoneCodes(ctx.db);
  ctx.log(
    `access: ${purged.sessions} ended session(s), ${purged.pendingSignIns} stale national sign-in(s), ${phoneCodes} expired phone code(s) removed`,
  );
  return { ...purged, phoneCodes };
}

export function accessJobs(ctx: AccessContext): JobDefinition[] {
  return [
    {
      name: 'access.expired_purge',
      schedule: '15 3 * * *',
      retry: { limit: 3, delaySeconds: 300, backoff: true },
      async run() {
        await purgeExpiredAccessRows(ctx);
      },
    },
  ];
}
