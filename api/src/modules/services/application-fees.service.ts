/** The fee of an application, recorded with its receipt; the fees an office collected in a year. */
import type { Actor } from '../../platform/actor.ts';
import { findFee, findFeeByReceipt, insertFee, lockApplication, sumFees } from './applications.queries.ts';
import type { Application, FeeBody } from './applications.schemas.ts';
import { applicationNotFound, toApplication, trackingNumberOf } from './application-views.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { dashboardOnFeePaid } from './dashboard/dashboard.maintain.ts';
import { fail } from './services.errors.ts';
import { findVersionById } from './standards.queries.ts';

/** Records the fee as paid, with its receipt: own-source revenue of the unit where it was filed. */
export async function recordFee(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: FeeBody,
  options: { isExample?: boolean } = {},
): Promise<Application> {
  const number = trackingNumberOf(typed);
  const receipt = body.receiptNumber.trim();
  const row = await ctx.inTransaction(async (trx) => {
    const application = await lockApplication(trx, number);
    if (!application) throw applicationNotFound();
    const version = await findVersionById(trx, application.standard_version_id);
    const tier = version?.fee_tiers.find((item) => item.code === body.tierCode);
    if (!tier) throw fail('services.fee.unknown_tier', body.tierCode);
    if (tier.amountRiel !== body.amountRiel) {
      throw fail('services.fee.amount_mismatch', {
        title: `The published fee of this tier is ${tier.amountRiel} riel.`,
        detail: `Received ${body.amountRiel}.`,
      });
    }
    if (await findFee(trx, application.id)) throw fail('services.fee.already_paid');
    if (await findFeeByReceipt(trx, application.unit_code, receipt)) {
      throw fail('services.fee.duplicate_receipt', receipt);
    }
    const fee = await insertFee(trx, {
      application_id: application.id,
      unit_code: application.unit_code,
      fee_tier_code: tier.code,
      amount_riel: tier.amountRiel,
      receipt_number: receipt,
      paid_on: body.paidOn ?? ctx.today(),
      recorded_by: actor.userId,
      is_example: options.isExample ?? false,
    });
    await ctx.audit.write(trx, actor, {
      action: 'services.application.fee_paid',
      entityType: 'services.application',
      entityId: application.tracking_number,
      unitCode: application.unit_code,
      after: {
        tierCode: fee.fee_tier_code,
        amountRiel: fee.amount_riel,
        receiptNumber: fee.receipt_number,
        paidOn: fee.paid_on,
      },
    });
    await dashboardOnFeePaid(trx, application, fee);
    return application;
  });
  return toApplication(ctx, row);
}

/**
 * Fees collected by one unit in one calendar year: own-source revenue of that SNA from
 * service fees (only the fees the unit itself collected, not those of units below it).
 * The budgets module reads this.
 */
export async function feesCollected(
  ctx: ServicesModuleContext,
  unitCode: string,
  year: number,
): Promise<{ unitCode: string; year: number; totalRiel: number; payments: number }> {
  const { total, payments } = await sumFees(ctx.db, unitCode, year);
  return { unitCode, year, totalRiel: total, payments };
}
