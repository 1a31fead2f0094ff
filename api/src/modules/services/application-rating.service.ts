/** The applicant's rating of a closed application. */
import type { Actor } from '../../platform/actor.ts';
import { lockApplication, updateApplication } from './applications.queries.ts';
import type { PublicTracking, RatingBody } from './applications.schemas.ts';
import { trackApplication } from './application-reading.service.ts';
import { applicationNotFound, trackingNumberOf } from './application-views.ts';
import type { ServicesContext } from './context.ts';
import { dashboardOnRated } from './dashboard/dashboard.maintain.ts';
import { assertNotThrottled, countWrongPhone, samePhone } from './phone-check.ts';
import { fail } from './services.errors.ts';

/**
 * The applicant's rating, once, after closing: the signed-in applicant, or anyone holding the
 * tracking number and the phone number on file — wrong numbers throttled per tracking number
 * and per client address (phone-check.ts: 429 services.phone_check.throttled).
 */
export async function rateApplication(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: RatingBody,
): Promise<PublicTracking> {
  const number = trackingNumberOf(typed);
  const address = actor.audit.ip ?? 'unknown';
  const outcome = await ctx.inTransaction(async (trx) => {
    const application = await lockApplication(trx, number);
    if (!application) throw applicationNotFound();
    const bySignedInApplicant = actor.userId !== null && actor.userId === application.applicant_user_id;
    if (!bySignedInApplicant) {
      await assertNotThrottled(trx, number, address);
      // A wrong number is counted after this transaction, which a refusal rolls back.
      if (!samePhone(body.phone, application.applicant_phone)) return 'wrong_phone' as const;
    }
    if (application.status !== 'closed') throw fail('services.rating.not_closed');
    if (application.rating !== null) throw fail('services.rating.already_rated');
    const after = await updateApplication(trx, application.id, {
      rating: body.stars,
      rating_comment: body.comment?.trim() || null,
      rated_at: new Date(),
    });
    await ctx.audit.write(trx, actor, {
      action: 'services.application.rate',
      entityType: 'services.application',
      entityId: after.tracking_number,
      unitCode: after.unit_code,
      after: { stars: after.rating, comment: after.rating_comment },
    });
    await dashboardOnRated(trx, after);
    return 'rated' as const;
  });
  if (outcome === 'wrong_phone') {
    await countWrongPhone(ctx.db, number, address);
    throw fail('services.rating.not_applicant');
  }
  return trackApplication(ctx, number);
}
