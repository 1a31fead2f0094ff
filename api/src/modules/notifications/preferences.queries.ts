/** Every SQL statement about people's contacts and preferred channels (notifications_preference). */
import { sql } from 'kysely';
import type { ChannelName, NotificationsDb } from './notifications.tables.ts';

export async function selectPreference(db: NotificationsDb, accountId: number) {
  return db
    .selectFrom('notifications_preference')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** The preference of the account a message is for, or (without one) of the account with its phone. */
export async function selectPreferenceFor(
  db: NotificationsDb,
  recipient: { accountId: number | null; phone: string | null },
) {
  if (recipient.accountId !== null) {
    const own = await selectPreference(db, recipient.accountId);
    if (own) return own;
  }
  if (recipient.phone === null) return undefined;
  return db
    .selectFrom('notifications_preference')
    .selectAll()
    .where('phone', '=', recipient.phone)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function upsertPreference(
  db: NotificationsDb,
  values: {
    account_id: number;
    channel: ChannelName | null;
    phone: string | null;
    email: string | null;
    telegram_chat_id: string | null;
  },
) {
  return db
    .insertInto('notifications_preference')
    .values({ ...values, updated_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        channel: values.channel,
        phone: values.phone,
        email: values.email,
        telegram_chat_id: values.telegram_chat_id,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
