/** Every SQL statement about messages and their attempts (notifications_message, notifications_attempt). */
import { sql, type Insertable } from 'kysely';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type {
  ChannelName,
  MessageState,
  NotificationsDb,
  NotificationsMessageTable,
} from './notifications.tables.ts';

export async function insertMessage(
  db: NotificationsDb,
  values: Insertable<NotificationsMessageTable>,
): Promise<number> {
  const row = await db
    .insertInto('notifications_message')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes a pending message that is due for an attempt, and holds it for `leaseMs` (its next
 * attempt moves past the time one attempt may take), so that a second deliverer (a job and the
 * sweep, two processes) skips it. Undefined when it is not pending or not yet due.
 */
export async function claimDueMessage(db: NotificationsDb, id: number, leaseMs: number) {
  return db
    .updateTable('notifications_message')
    .set({ next_attempt_at: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

export async function insertAttempt(
  db: NotificationsDb,
  values: { message_id: number; channel: ChannelName; ok: boolean; error: string | null },
): Promise<void> {
  await db.insertInto('notifications_attempt').values(values).execute();
}

export async function markSent(db: NotificationsDb, id: number, channel: ChannelName): Promise<void> {
  await db
    .updateTable('notifications_message')
    .set((eb) => ({
      state: 'sent',
      channel,
      attempts: eb('attempts', '+', 1),
      sent_at: sql`now()`,
      next_attempt_at: null,
      last_error: null,
    }))
    .where('id', '=', id)
    .execute();
}

/** A failed round: retried after `retryInMs`, or failed for good when `retryInMs` is null. */
export async function markAttemptFailed(
  db: NotificationsDb,
  id: number,
  error: string,
  retryInMs: number | null,
): Promise<void> {
  await db
    .updateTable('notifications_message')
    .set((eb) => ({
      state: retryInMs === null ? 'failed' : 'pending',
      attempts: eb('attempts', '+', 1),
      next_attempt_at: retryInMs === null ? null : sql`now() + make_interval(secs => ${retryInMs / 1000})`,
      last_error: error.slice(0, 1000),
    }))
    .where('id', '=', id)
    .execute();
}

export async function markUndeliverable(db: NotificationsDb, id: number, reason: string): Promise<void> {
  await db
    .updateTable('notifications_message')
    .set({ state: 'undeliverable', next_attempt_at: null, last_error: reason })
    .where('id', '=', id)
    .execute();
}

/**
 * A message its last attempt marked `failed` becomes pending and due now, for one more round
 * (its `attempts` stay: one more failure marks it failed again). Any other state — `sent`
 * above all — is left alone, so a retry never sends a message twice. True if it changed.
 */
export async function reviveFailedMessage(db: NotificationsDb, id: number): Promise<boolean> {
  const result = await db
    .updateTable('notifications_message')
    .set({ state: 'pending', next_attempt_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export const RECIPIENT_FORGOTTEN = 'the recipient deleted their account';

/** An account's contacts forgotten (its owner deleted it): see the port's `forgetRecipient`. */
export async function forgetRecipient(
  db: NotificationsDb,
  accountId: number,
): Promise<{ preferences: number; messages: number }> {
  const preferences = await db
    .deleteFrom('notifications_preference')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const messages = await db
    .updateTable('notifications_message')
    .set({
      recipient_phone: null,
      recipient_email: null,
      recipient_telegram_chat_id: null,
      // (Both read the row's values before this update.)
      state: sql<MessageState>`case when state in ('pending', 'failed') then 'undeliverable' else state end`,
      last_error: sql<string | null>`case when state in ('pending', 'failed')
        then ${RECIPIENT_FORGOTTEN} else last_error end`,
      next_attempt_at: null,
    })
    .where('recipient_account_id', '=', accountId)
    .executeTakeFirst();
  return { preferences: Number(preferences.numDeletedRows), messages: Number(messages.numUpdatedRows) };
}

/** Pending messages whose attempt is due, oldest due first. */
export async function selectDueIds(db: NotificationsDb, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications_message')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function selectMessage(db: NotificationsDb, id: number) {
  return db.selectFrom('notifications_message').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectAttempts(db: NotificationsDb, messageId: number) {
  return db
    .selectFrom('notifications_attempt')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
}

type CodesQuery = ReturnType<GazetteerPort['subtreeCodesQuery']>;

export interface MessageFilters {
  sourceModule?: string;
  /** Units (a subquery of codes) the reader may see; absent: all. */
  inScope?: CodesQuery;
  inUnit?: CodesQuery;
  /** Stored form of the reference. */
  reference?: string;
  /** Only messages not sent yet (pending). */
  pending?: boolean;
}

/** The officers' list of messages, filtered, for fetchPage. */
export function selectMessagePage(db: NotificationsDb, filters: MessageFilters) {
  let select = db.selectFrom('notifications_message').selectAll();
  if (filters.sourceModule !== undefined) select = select.where('source_module', '=', filters.sourceModule);
  if (filters.inScope) select = select.where('unit_code', 'in', filters.inScope);
  if (filters.inUnit) select = select.where('unit_code', 'in', filters.inUnit);
  if (filters.reference !== undefined) select = select.where('reference', '=', filters.reference);
  if (filters.pending) select = select.where('state', '=', 'pending');
  return select;
}
