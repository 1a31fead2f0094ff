/** The fee of an application, recorded with its receipt; the fees an office collected in a year. */
import type { Actor } from '../../platform/actor.ts';
import { findFee, findFeeByReceipt, insertFee, lockApplication, sumFees } from './applications.queries.ts';
import type { Application, FeeBody } from './applications.schemas.ts';
import { applicationNotFound, toApplication, trackingNumberOf } from './application-views.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { dashboardOnFeePaid } from './dashboard/dashboard.maintain.ts';
import { fail } from './services.errors.ts';
import type { FieldValues } from './form-fields.ts';
import type { FeeTier } from './services.tables.ts';
import { findVersionById } from './standards.queries.ts';

/**
 * Records the fee as paid, with its receipt: own-source revenue of the unit where it was filed.
 * The amount is the published tier's — times the quantity for a tier per unit (copies: the
 * number the application gives in the tier's field, or the quantity sent, which must agree) —
 * paid not after today (services.fee.bad_paid_on), and never
 * before the legal decision that set the tier took effect (services.fee.before_decision).
 */
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
    const paidOn = body.paidOn ?? ctx.today();
    if (paidOn > ctx.today()) {
      throw fail('services.fee.bad_paid_on', {
        title: `A fee is not paid after today (${ctx.today()}).`,
        detail: paidOn,
      });
    }
    if (tier.inForceFrom && paidOn < tier.inForceFrom) {
      throw fail('services.fee.before_decision', {
        title: `The fee "${tier.code}" is in force from ${tier.inForceFrom}, the day its legal decision took effect.`,
        detail: paidOn,
      });
    }
    const quantity = quantityOf(tier, application.field_values, body.quantity);
    const amount = tier.amountRiel * quantity;
    if (amount !== body.amountRiel) {
      throw fail('services.fee.amount_mismatch', {
        title:
          quantity === 1
            ? `The published fee of this tier is ${tier.amountRiel} riel.`
            : `The published fee of this tier is ${tier.amountRiel} riel × ${quantity} = ${amount} riel.`,
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
      amount_riel: amount,
      quantity,
      receipt_number: receipt,
      paid_on: paidOn,
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
        quantity: fee.quantity,
        receiptNumber: fee.receipt_number,
        paidOn: fee.paid_on,
      },
    });
    await dashboardOnFeePaid(trx, application, fee);
    return application;
  });
  return toApplication(ctx, row);
}

/** The units a fee counts: 1 for a flat tier; for a tier per unit, the application's number (or the one sent). */
function quantityOf(tier: FeeTier, values: FieldValues, sent: number | undefined): number {
  if (!tier.perUnitField) {
    if (sent !== undefined && sent !== 1) {
      throw fail('services.fee.quantity_mismatch', {
        title: `The fee "${tier.code}" is a flat fee.`,
        detail: String(sent),
      });
    }
    return 1;
  }
  const given = values[tier.perUnitField];
  const onFile = typeof given === 'number' ? given : undefined;
  if (onFile !== undefined && sent !== undefined && onFile !== sent) {
    throw fail('services.fee.quantity_mismatch', {
      title: `The application gives ${onFile} in "${tier.perUnitField}".`,
      detail: String(sent),
    });
  }
  const quantity = sent ?? onFile;
  if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
    throw fail('services.fee.bad_quantity', {
      title: `The fee "${tier.code}" is per unit of "${tier.perUnitField}": a whole number from 1 to 100,000.`,
      detail: String(quantity ?? 'none'),
    });
  }
  return quantity;
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
