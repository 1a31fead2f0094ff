/** What every hr service receives: its tables, its ports, the clock, audit and access. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { ModuleContext } from '../../platform/context.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import { fail } from './hr.errors.ts';
import type { HrDb, HrTables } from './hr.tables.ts';

export type HrContext = ModuleContext<HrTables, PortsOf<'gazetteer' | 'authenticator' | 'councilSeats'>>;

/** The handle as the gazetteer port takes it: the caller's database or transaction. */
export const portDb = (db: HrDb): Kysely<GazetteerTables> => tablesOf<GazetteerTables>(db);

export const VIEW_STAFF = 'hr.staff.view';
export const MANAGE_STAFF = 'hr.staff.manage';
export const MANAGE_ESTABLISHMENT = 'hr.establishment.manage';
export const APPROVE_ESTABLISHMENT = 'hr.establishment.approve';
export const MANAGE_TARGETS = 'hr.target.manage';

/**
 * Does the actor manage the staff of `unitCode` (an assignment there or above)? The system
 * (seeds, command-line entries) acts everywhere.
 */
export async function managesStaffAt(
  ctx: HrContext,
  db: HrDb,
  actor: Actor,
  unitCode: string,
): Promise<boolean> {
  if (actor.principal === null) return actor.userId === null;
  return ctx.access.holdsAt(db, actor.principal, [MANAGE_STAFF], unitCode);
}

/** A unit of today's tree that is an SNA (province, district or commune), else a stable code. */
export async function snaUnit(ctx: HrContext, db: HrDb, unitCode: string) {
  const unit = await ctx.ports.gazetteer.getCurrentUnit(portDb(db), unitCode);
  if (unit.level > 3) throw fail('hr.unit.not_sna');
  return unit;
}
