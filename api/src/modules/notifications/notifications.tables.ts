/** The notifications module's tables, as Kysely sees them (migrations/ creates them). */
import type { ColumnType, Generated, Kysely } from 'kysely';

export const CHANNEL_NAMES = ['sms', 'telegram', 'email'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const MESSAGE_STATES = ['pending', 'sent', 'failed', 'undeliverable'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export interface NotificationsMessageTable {
  id: Generated<number>;
  topic: string;
  source_module: string;
  entity_type: string;
  entity_id: string;
  reference: string;
  subject_status: string;
  unit_code: string;
  recipient_account_id: number | null;
  recipient_phone: string | null;
  recipient_email: string | null;
  recipient_telegram_chat_id: string | null;
  text_km: string;
  text_en: string;
  created_at: Generated<Date>;
  state: ColumnType<MessageState, MessageState | undefined, MessageState>;
  channel: ChannelName | null;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
}

export interface NotificationsAttemptTable {
  id: Generated<number>;
  message_id: number;
  channel: ChannelName;
  attempted_at: Generated<Date>;
  ok: boolean;
  error: string | null;
}

export interface NotificationsPreferenceTable {
  account_id: number;
  channel: ChannelName | null;
  phone: string | null;
  email: string | null;
  telegram_chat_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationsTables {
  notifications_message: NotificationsMessageTable;
  notifications_attempt: NotificationsAttemptTable;
  notifications_preference: NotificationsPreferenceTable;
}

export type NotificationsDb = Kysely<NotificationsTables>;
