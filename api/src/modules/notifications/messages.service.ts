/**
 * The outbox of every module: `notify` writes one message in the caller's transaction (so it
 * exists exactly when the change that caused it committed) and, when a job queue is there,
 * enqueues its delivery in that same transaction; `listMessages` is a module's page of the
 * messages it wrote (the services officers' outbox).
 */
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import type { AnyDb } from '../../platform/ports.ts';
import type { NotificationsModuleContext } from './context.ts';
import { insertMessage, selectMessagePage } from './messages.queries.ts';
import type { ChannelName, MessageState, NotificationsDb } from './notifications.tables.ts';
import { isTopic } from './templates.ts';

/** The job that delivers one message (declared by the manifest, index.ts). */
export const DELIVER_JOB = 'notifications.deliver';
/** The job that sweeps every due message (retries, and messages whose job was lost). */
export const SWEEP_JOB = 'notifications.sweep';

export interface NotificationInput {
  /** A topic of the template registry (templates.ts). */
  topic: string;
  /** The module that writes it (its records, its officers' list). */
  sourceModule: string;
  entityType: string;
  entityId: string;
  /** A number the recipient knows the record by (a tracking number). */
  reference: string;
  /** The status the record has just reached. */
  status: string;
  /** The unit whose officers may see the message. */
  unitCode: string;
  recipientAccountId?: number | null;
  recipientPhone: string | null;
  recipientEmail: string | null;
  recipientTelegramChatId?: string | null;
  textKm: string;
  textEn: string;
}

export async function notify(
  ctx: NotificationsModuleContext,
  trx: AnyDb,
  input: NotificationInput,
): Promise<number> {
  if (!isTopic(input.topic))
    throw new Error(
      `Notification topic "${input.topic}" is not in the template registry (notifications/templates.ts).`,
    );
  const id = await insertMessage(trx as NotificationsDb, {
    topic: input.topic,
    source_module: input.sourceModule,
    entity_type: input.entityType,
    entity_id: input.entityId,
    reference: input.reference,
    subject_status: input.status,
    unit_code: input.unitCode,
    recipient_account_id: input.recipientAccountId ?? null,
    recipient_phone: input.recipientPhone,
    recipient_email: input.recipientEmail,
    recipient_telegram_chat_id: input.recipientTelegramChatId ?? null,
    text_km: input.textKm,
    text_en: input.textEn,
  });
  // Delivered after commit: the job is written in the same transaction, so it exists exactly
  // when the message does (a rolled-back change announces nothing).
  await ctx.jobs.send(DELIVER_JOB, { messageId: id }, { trx });
  return id;
}

export interface MessageView {
  id: number;
  topic: string;
  entityType: string;
  reference: string;
  status: string;
  unitCode: string;
  recipientPhone: string | null;
  recipientEmail: string | null;
  textKm: string;
  textEn: string;
  createdAt: Date;
  state: MessageState;
  channel: ChannelName | null;
  attempts: number;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
}

export interface MessageListRequest {
  sourceModule: string;
  /** The reader's units ('all': national), each with its subtree. */
  scope: 'all' | string[];
  unitCode?: string;
  reference?: string;
  pending?: boolean;
  page: number;
  pageSize: number;
}

/** Newest first. */
export async function listMessages(
  ctx: NotificationsModuleContext,
  db: AnyDb,
  request: MessageListRequest,
): Promise<PageResult<MessageView>> {
  const { subtreeCodesQuery } = ctx.ports.gazetteer;
  const select = selectMessagePage(db as NotificationsDb, {
    sourceModule: request.sourceModule,
    inScope: request.scope === 'all' ? undefined : subtreeCodesQuery(db, request.scope),
    inUnit: request.unitCode === undefined ? undefined : subtreeCodesQuery(db, [request.unitCode]),
    reference: request.reference,
    pending: request.pending,
  });
  const page = await fetchPage(select, {
    page: request.page,
    pageSize: request.pageSize,
    sort: '-id',
    columns: { id: 'id' },
    tieBreak: 'id',
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      topic: row.topic,
      entityType: row.entity_type,
      reference: row.reference,
      status: row.subject_status,
      unitCode: row.unit_code,
      recipientPhone: row.recipient_phone,
      recipientEmail: row.recipient_email,
      textKm: row.text_km,
      textEn: row.text_en,
      createdAt: row.created_at,
      state: row.state,
      channel: row.channel,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      sentAt: row.sent_at,
      lastError: row.last_error,
    })),
  };
}
