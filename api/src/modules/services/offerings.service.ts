/**
 * Where a service is offered: the offerings of a standard at units of its provider tier, each
 * for a span of days (never deleted: an offering ends). Every change in one transaction with
 * its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { ServicesModuleContext } from './context.ts';
import { fail } from './services.errors.ts';
import { TIER_LEVEL, type ProviderTier } from './services.tables.ts';
import type { CreateOfferingBody, Offering, Standard, UpdateOfferingBody } from './standards.schemas.ts';
import {
  findOffering,
  findOverlappingOffering,
  findStandardVersion,
  forgetOfferedVersions,
  insertOffering,
  lockStandard,
  updateOfferingRow,
} from './standards.queries.ts';
import { gazetteerDb, getStandard, standardNotFound, toOffering } from './standards.service.ts';

/** Unit locator for the access check: the unit of the offering. */
export async function unitOfOffering(ctx: ServicesModuleContext, id: number): Promise<string> {
  const offering = await findOffering(ctx.db, id);
  if (!offering) throw fail('services.offering.not_found');
  return offering.unit_code;
}

async function checkOfferingUnit(ctx: ServicesModuleContext, unitCode: string, tier: ProviderTier) {
  const unit = await ctx.ports.gazetteer.getUnit(gazetteerDb(ctx.db), unitCode).catch(() => {
    throw ctx.ports.gazetteer.unknownUnit(unitCode);
  });
  if (unit.level !== TIER_LEVEL[tier]) {
    throw fail('services.offering.wrong_tier', {
      title: `This service is provided by the ${tier} tier; ${unitCode} is not a unit of that tier.`,
    });
  }
}

export async function addOffering(
  ctx: ServicesModuleContext,
  writer: Actor,
  code: string,
  body: CreateOfferingBody,
  options: { isExample?: boolean } = {},
): Promise<Standard> {
  const validTo = body.validTo ?? null;
  if (validTo !== null && validTo < body.validFrom) {
    throw fail('services.offering.end_before_start');
  }
  await ctx.inTransaction(async (trx) => {
    const standard = await lockStandard(trx, code);
    if (!standard) throw standardNotFound(code);
    const current = await findStandardVersion(trx, code);
    await checkOfferingUnit(ctx.bind(trx), body.unitCode, current!.provider_tier);
    const overlap = await findOverlappingOffering(trx, {
      standardId: standard.id,
      unitCode: body.unitCode,
      from: body.validFrom,
      to: validTo,
    });
    if (overlap) {
      throw fail('services.offering.overlap', `Offering ${overlap.id}.`);
    }
    const row = await insertOffering(trx, {
      standard_id: standard.id,
      unit_code: body.unitCode,
      valid_from: body.validFrom,
      valid_to: validTo,
      is_example: options.isExample ?? false,
    });
    await ctx.audit.write(trx, writer, {
      action: 'services.offering.create',
      entityType: 'services.offering',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: { serviceCode: code, unitCode: row.unit_code, validFrom: row.valid_from, validTo: row.valid_to },
    });
  });
  forgetOfferedVersions();
  return getStandard(ctx, code);
}

/** Changes an offering's days (validTo: the last day it is offered; offerings are never deleted). */
export async function updateOffering(
  ctx: ServicesModuleContext,
  writer: Actor,
  id: number,
  body: UpdateOfferingBody,
): Promise<Offering> {
  const offering = await ctx.inTransaction(async (trx) => {
    const before = await findOffering(trx, id);
    if (!before) throw fail('services.offering.not_found');
    const validFrom = body.validFrom ?? before.valid_from;
    const validTo = body.validTo !== undefined ? body.validTo : before.valid_to;
    if (validTo !== null && validTo < validFrom) {
      throw fail('services.offering.end_before_start');
    }
    const overlap = await findOverlappingOffering(trx, {
      standardId: before.standard_id,
      unitCode: before.unit_code,
      from: validFrom,
      to: validTo,
      exceptId: id,
    });
    if (overlap) {
      throw fail('services.offering.overlap', `Offering ${overlap.id}.`);
    }
    const after = await updateOfferingRow(trx, id, { valid_from: validFrom, valid_to: validTo });
    await ctx.audit.write(trx, writer, {
      action: 'services.offering.update',
      entityType: 'services.offering',
      entityId: String(id),
      unitCode: after.unit_code,
      before: { validFrom: before.valid_from, validTo: before.valid_to },
      after: { validFrom: after.valid_from, validTo: after.valid_to },
    });
    return toOffering(after, ctx.today());
  });
  forgetOfferedVersions();
  return offering;
}
