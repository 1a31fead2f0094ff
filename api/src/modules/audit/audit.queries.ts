/**
 * The audit module's own reads of audit_record (the platform's table: platform/audit keeps the
 * chain and its history and verification reads, which this module calls through its service).
 */
import type { AuditTables } from '../../platform/audit/audit.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { AnyDb } from '../../platform/ports.ts';

/** The unit the latest audit record of an entity names (undefined: none names one). */
export async function latestUnitOfEntity(
  db: AnyDb,
  entityType: string,
  entityId: string,
): Promise<string | null | undefined> {
  const row = await tablesOf<AuditTables>(db)
    .selectFrom('audit_record')
    .select('unit_code')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('unit_code', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.unit_code;
}
