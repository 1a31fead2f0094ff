/**
 * Delivery, after commit: `deliverNotification` takes one pending message that is due, sends it
 * through the first channel of its route that takes it (routing.ts), and records every
 * attempt. When every channel of the route failed it records the round, sets the next attempt
 * (backoff) or — after NOTIFY_MAX_ATTEMPTS rounds — marks the message failed, and throws, so
 * that a job queue retries it. `deliverDue` is the sweep: every due message, one by one; it
 * catches each failure (the message keeps its next attempt) and counts the outcomes.
 *
 * No transaction is held while a channel is called (a gateway may take seconds; PGlite has one
 * connection): the message is claimed first (its next attempt moves past the time the attempt
 * may take, so a second deliverer skips it), then the outcome is written in one transaction.
 */
import type { NotificationsContext } from './context.ts';
import { DeliveryError, reasonOf } from './channels.ts';
import {
  claimDueMessage,
  insertAttempt,
  markAttemptFailed,
  markSent,
  markUndeliverable,
  selectDueIds,
} from './messages.queries.ts';
import type { ChannelName } from './notifications.tables.ts';
import { selectPreferenceFor } from './preferences.queries.ts';
import { backoffMs, routeOf } from './routing.ts';
import { render } from './templates.ts';

export type DeliveryOutcome = 'sent' | 'undeliverable' | 'not_due';

export const NO_CHANNEL = 'no channel that is on reaches the recipient';

export async function deliverNotification(
  ctx: NotificationsContext,
  messageId: number,
): Promise<DeliveryOutcome> {
  const channelCount = Math.max(1, Object.keys(ctx.channels).length);
  const message = await claimDueMessage(ctx.db, messageId, ctx.timeoutMs * (channelCount + 1));
  if (!message) return 'not_due';
  const preference = await selectPreferenceFor(ctx.db, {
    accountId: message.recipient_account_id,
    phone: message.recipient_phone,
  });
  const route = routeOf(
    {
      phone: message.recipient_phone,
      email: message.recipient_email,
      telegramChatId: message.recipient_telegram_chat_id,
    },
    preference && {
      channel: preference.channel,
      phone: preference.phone,
      email: preference.email,
      telegramChatId: preference.telegram_chat_id,
    },
    ctx.channels,
  );
  if (route.length === 0) {
    await markUndeliverable(ctx.db, message.id, NO_CHANNEL);
    return 'undeliverable';
  }
  const failures: { channel: ChannelName; error: string }[] = [];
  const content = {
    topic: message.topic,
    reference: message.reference,
    textKm: message.text_km,
    textEn: message.text_en,
  };
  for (const { channel, to } of route) {
    try {
      await channel.send(to, render(content, channel.name));
    } catch (error) {
      failures.push({ channel: channel.name, error: reasonOf(error) });
      continue;
    }
    await ctx.inTransaction(async (trx) => {
      for (const failure of failures)
        await insertAttempt(trx, { message_id: message.id, ...failure, ok: false });
      await insertAttempt(trx, { message_id: message.id, channel: channel.name, ok: true, error: null });
      await markSent(trx, message.id, channel.name);
    });
    return 'sent';
  }
  const rounds = message.attempts + 1;
  const summary = failures.map((failure) => `${failure.channel}: ${failure.error}`).join('; ');
  await ctx.inTransaction(async (trx) => {
    for (const failure of failures)
      await insertAttempt(trx, { message_id: message.id, ...failure, ok: false });
    await markAttemptFailed(trx, message.id, summary, rounds >= ctx.maxAttempts ? null : backoffMs(rounds));
  });
  throw new DeliveryError(`Message ${message.id} was not delivered (attempt ${rounds}): ${summary}`);
}

export interface SweepResult {
  sent: number;
  undeliverable: number;
  /** Failed this round (retried later, or failed for good after the last attempt). */
  failed: number;
}

/** Every pending message that is due, in turn (at most `limit`). */
export async function deliverDue(ctx: NotificationsContext, limit = 100): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, undeliverable: 0, failed: 0 };
  for (const id of await selectDueIds(ctx.db, limit)) {
    try {
      const outcome = await deliverNotification(ctx, id);
      if (outcome === 'sent') result.sent += 1;
      if (outcome === 'undeliverable') result.undeliverable += 1;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      result.failed += 1;
    }
  }
  return result;
}
