/**
 * A person's contact and preferred channel, on their own account: read (with defaults from
 * the sign-in name when nothing is kept yet) and replaced, audited.
 */
import type { Actor } from '../../platform/actor.ts';
import { normaliseCambodianPhone } from '../../platform/phone.ts';
import type { NotificationsContext } from './context.ts';
import { fail } from './notifications.errors.ts';
import type { ChannelName } from './notifications.tables.ts';
import type { Preferences, PreferencesBody } from './notifications.schemas.ts';
import { selectPreference, upsertPreference } from './preferences.queries.ts';
import { addressFor } from './routing.ts';

/** The platform's one reading of a Cambodian number (platform/phone.ts). */
const normalisePhone = normaliseCambodianPhone;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEGRAM_CHAT = /^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

function channelsOn(ctx: NotificationsContext): ChannelName[] {
  return (['sms', 'telegram', 'email'] as const).filter((name) => ctx.channels[name] !== undefined);
}

function signedInAs(actor: Actor): number {
  if (actor.userId === null || actor.principal === null)
    throw new Error('A signed-in route without a principal.');
  return actor.userId;
}

export async function getPreferences(ctx: NotificationsContext, actor: Actor): Promise<Preferences> {
  const accountId = signedInAs(actor);
  const row = await selectPreference(ctx.db, accountId);
  if (row)
    return {
      channel: row.channel,
      phone: row.phone,
      email: row.email,
      telegramChatId: row.telegram_chat_id,
      channelsOn: channelsOn(ctx),
    };
  const login = actor.principal!.login;
  return {
    channel: null,
    phone: normalisePhone(login),
    email: login.includes('@') ? login : null,
    telegramChatId: null,
    channelsOn: channelsOn(ctx),
  };
}

export async function setPreferences(
  ctx: NotificationsContext,
  actor: Actor,
  input: PreferencesBody,
): Promise<Preferences> {
  const accountId = signedInAs(actor);
  const blank = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());
  const phoneText = blank(input.phone);
  const phone = phoneText === null ? null : normalisePhone(phoneText);
  if (phoneText !== null && phone === null) throw fail('notifications.preference.bad_phone');
  const email = blank(input.email);
  if (email !== null && !EMAIL.test(email)) throw fail('notifications.preference.bad_email');
  const telegramChatId = blank(input.telegramChatId);
  if (telegramChatId !== null && !TELEGRAM_CHAT.test(telegramChatId))
    throw fail('notifications.preference.bad_telegram_chat_id');
  if (input.channel !== null && addressFor(input.channel, { phone, email, telegramChatId }) === null)
    throw fail('notifications.preference.no_address');
  return ctx.inTransaction(async (trx) => {
    const before = await selectPreference(trx, accountId);
    const row = await upsertPreference(trx, {
      account_id: accountId,
      channel: input.channel,
      phone,
      email,
      telegram_chat_id: telegramChatId,
    });
    const audited = (value: typeof row | undefined) =>
      value && {
        channel: value.channel,
        phone: value.phone,
        email: value.email,
        telegramChatId: value.telegram_chat_id,
      };
    await ctx.audit.write(trx, actor, {
      action: 'notifications.preference.update',
      entityType: 'notifications.preference',
      entityId: String(accountId),
      before: audited(before) ?? null,
      after: audited(row),
    });
    return {
      channel: row.channel,
      phone: row.phone,
      email: row.email,
      telegramChatId: row.telegram_chat_id,
      channelsOn: channelsOn(ctx),
    };
  });
}
