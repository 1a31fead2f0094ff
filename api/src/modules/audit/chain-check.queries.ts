/**
 * The nightly check's record: an audit record `audit.chain.verified` per Cambodian day (entity
 * `audit.chain`, id the day), whose `after` holds the verification's result.
 */
import type { AuditTables } from '../../platform/audit/audit.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { AnyDb } from '../../platform/ports.ts';

export const CHAIN_CHECK_ACTION = 'audit.chain.verified';
export const CHAIN_CHECK_ENTITY = 'audit.chain';

/** Whether the check of this day is recorded already. */
export async function chainCheckRecorded(db: AnyDb, day: string): Promise<boolean> {
  const row = await tablesOf<AuditTables>(db)
    .selectFrom('audit_record')
    .select('seq')
    .where('action', '=', CHAIN_CHECK_ACTION)
    .where('entity_type', '=', CHAIN_CHECK_ENTITY)
    .where('entity_id', '=', day)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The latest recorded check: its day, when it ran and its result. */
export async function latestChainCheck(
  db: AnyDb,
): Promise<{ day: string; checkedAt: Date; result: unknown } | undefined> {
  const row = await tablesOf<AuditTables>(db)
    .selectFrom('audit_record')
    .select(['entity_id', 'occurred_at', 'after'])
    .where('action', '=', CHAIN_CHECK_ACTION)
    .where('entity_type', '=', CHAIN_CHECK_ENTITY)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { day: row.entity_id, checkedAt: row.occurred_at, result: row.after } : undefined;
}
