/**
 * Which channels a message goes through, in order: the person's chosen channel first, then
 * phone first (SMS, then Telegram), then e-mail; only channels that are on and for which there
 * is an address. Pure.
 */
import type { Channels, DeliveryChannel } from './channels.ts';
import { CHANNEL_NAMES, type ChannelName } from './notifications.tables.ts';

export const DEFAULT_ORDER: readonly ChannelName[] = CHANNEL_NAMES; // sms, telegram, email

export interface Recipient {
  phone: string | null;
  email: string | null;
  telegramChatId: string | null;
}

export interface Preference extends Recipient {
  channel: ChannelName | null;
}

export function addressFor(channel: ChannelName, recipient: Recipient): string | null {
  if (channel === 'sms') return recipient.phone;
  if (channel === 'telegram') return recipient.telegramChatId;
  return recipient.email;
}

export function routeOf(
  message: Recipient,
  preference: Preference | undefined,
  channels: Channels,
): { channel: DeliveryChannel; to: string }[] {
  // The message's own address (what the person gave for this case) first, the account's next.
  const recipient: Recipient = {
    phone: message.phone ?? preference?.phone ?? null,
    email: message.email ?? preference?.email ?? null,
    telegramChatId: message.telegramChatId ?? preference?.telegramChatId ?? null,
  };
  const order = preference?.channel
    ? [preference.channel, ...DEFAULT_ORDER.filter((name) => name !== preference.channel)]
    : DEFAULT_ORDER;
  return order.flatMap((name) => {
    const channel = channels[name];
    const to = addressFor(name, recipient);
    return channel && to ? [{ channel, to }] : [];
  });
}

/** Wait before attempt n+1 after n failed rounds: 30 s, 1 min, 2 min… at most 6 hours. */
export function backoffMs(failedRounds: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedRounds - 1), 6 * 3600_000);
}
