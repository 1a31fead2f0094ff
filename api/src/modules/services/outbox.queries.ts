/** The SQL of the outbox (services_outbox): the messages to citizens, written in the change's transaction. */
import { sql, type Insertable } from 'kysely';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { ServicesDb, ServicesOutboxTable } from './services.tables.ts';

type CodesQuery = ReturnType<GazetteerPort['subtreeCodesQuery']>;

export async function insertOutboxMessage(
  db: ServicesDb,
  values: Insertable<ServicesOutboxTable>,
): Promise<void> {
  await db.insertInto('services_outbox').values(values).execute();
}

/** Messages not yet delivered by a sending channel, oldest first. */
export async function selectPendingOutbox(db: ServicesDb, limit: number) {
  return db
    .selectFrom('services_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('delivery_error', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function updateOutboxDelivered(db: ServicesDb, id: number, error?: string): Promise<void> {
  await db
    .updateTable('services_outbox')
    .set(error === undefined ? { sent_at: sql`now()` } : { delivery_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

export interface OutboxFilters {
  inScope?: CodesQuery;
  inUnit?: CodesQuery;
  /** Stored form: no spaces or dashes, upper case. */
  trackingNumber?: string;
  pending?: boolean;
}

/** The officers' list of messages, filtered, for fetchPage. */
export function selectOutboxPage(db: ServicesDb, filters: OutboxFilters) {
  let select = db.selectFrom('services_outbox').selectAll();
  if (filters.inScope) select = select.where('unit_code', 'in', filters.inScope);
  if (filters.inUnit) select = select.where('unit_code', 'in', filters.inUnit);
  if (filters.trackingNumber !== undefined)
    select = select.where('tracking_number', '=', filters.trackingNumber);
  if (filters.pending) select = select.where('sent_at', 'is', null);
  return select;
}
