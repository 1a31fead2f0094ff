/**
 * The delivery channels behind one interface: SMTP (nodemailer), an HTTP SMS gateway and
 * Telegram's Bot API. Each `send` hands one rendered message to its service and resolves when
 * the service took it; it throws (a `DeliveryError`, with a short reason that holds no secret)
 * when the service refused, answered garbage or did not answer in time. Settings come from
 * the environment (config.ts, `readNotificationSettings`); a channel whose settings are absent
 * is off.
 */
import nodemailer from 'nodemailer';
import { readNotificationSettings, type NotificationSettings } from '../../config.ts';
import type { ChannelName } from './notifications.tables.ts';
import type { Rendered } from './templates.ts';

export interface DeliveryChannel {
  readonly name: ChannelName;
  /** `to`: a phone number (+855…), a Telegram chat id or an e-mail address. */
  send(to: string, message: Rendered): Promise<void>;
}

export type Channels = Partial<Record<ChannelName, DeliveryChannel>>;

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** The reason of a failure, short, for the attempt's record. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    return error.message.slice(0, 500) || error.name;
  }
  return String(error).slice(0, 500);
}

export function smtpChannel(
  settings: NonNullable<NotificationSettings['smtp']>,
  timeoutMs: number,
): DeliveryChannel {
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    name: 'email',
    async send(to, message) {
      try {
        await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text });
      } catch (error) {
        // nodemailer's messages name the server's answer, never the password.
        throw new DeliveryError(`SMTP: ${reasonOf(error)}`);
      }
    },
  };
}

const escapeFor = (contentType: string) =>
  /json/i.test(contentType)
    ? (value: string) => JSON.stringify(value).slice(1, -1)
    : /x-www-form-urlencoded/i.test(contentType)
      ? encodeURIComponent
      : (value: string) => value;

const fill = (template: string, escape: (value: string) => string, values: Record<string, string>) =>
  template.replace(/\{(phone|text)\}/g, (_, name: string) => escape(values[name] ?? ''));

/** Reads at most this much of an answer (a gateway that streams forever is not waited for). */
async function answerText(response: Response): Promise<string> {
  const text = await response.text();
  return text.slice(0, 200).replace(/\s+/g, ' ');
}

export function smsChannel(
  settings: NonNullable<NotificationSettings['sms']>,
  timeoutMs: number,
): DeliveryChannel {
  return {
    name: 'sms',
    async send(to, message) {
      const values = { phone: to, text: message.text };
      const url = fill(settings.url, encodeURIComponent, values);
      const withBody = settings.method !== 'GET';
      let response: Response;
      try {
        response = await fetch(url, {
          method: settings.method,
          headers: withBody
            ? { ...settings.headers, 'content-type': settings.contentType }
            : settings.headers,
          body: withBody ? fill(settings.body, escapeFor(settings.contentType), values) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(`SMS gateway: ${reasonOf(error)}`);
      }
      if (!response.ok) {
        const text = await answerText(response).catch(() => '');
        throw new DeliveryError(`SMS gateway answered ${response.status}${text ? `: ${text}` : ''}`);
      }
      await response.body?.cancel().catch(() => {});
    },
  };
}

export function telegramChannel(
  settings: NonNullable<NotificationSettings['telegram']>,
  timeoutMs: number,
): DeliveryChannel {
  return {
    name: 'telegram',
    async send(to, message) {
      let response: Response;
      let answer: unknown;
      try {
        response = await fetch(`${settings.apiUrl}/bot${settings.token}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: to, text: message.text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        answer = await response.json().catch(() => undefined);
      } catch (error) {
        // The URL holds the bot's token: the reason never repeats it.
        throw new DeliveryError(`Telegram: ${reasonOf(error).replaceAll(settings.token, '…')}`);
      }
      const ok = typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;
      if (!ok) {
        const description =
          typeof answer === 'object' && answer !== null && 'description' in answer
            ? String(answer.description).slice(0, 200)
            : 'an answer that is not the Bot API’s';
        throw new DeliveryError(`Telegram answered ${response.status}: ${description}`);
      }
    },
  };
}

/** The channels the settings turn on. */
/** The first words of every line of the development outbox: grep the log for them. */
export const DEV_OUTBOX_PREFIX = 'development outbox (no SMS gateway; never in production):';

/**
 * The development outbox (`settings.devOutbox`, config.ts's devOutboxOn): with no SMS gateway,
 * outside production, an SMS is written as one line to the server's standard error instead of
 * being sent, so that a person trying the demo can read their sign-up code in the terminal that
 * runs `npm start`. Only whoever runs the server sees it; it is never on in production.
 */
export function devOutboxChannel(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): DeliveryChannel {
  return {
    name: 'sms',
    send(to, message) {
      write(`${DEV_OUTBOX_PREFIX} SMS to ${to}: ${message.text.replace(/\n/g, ' / ')}`);
      return Promise.resolve();
    },
  };
}

export function channelsFrom(settings: NotificationSettings): Channels {
  const channels: Channels = {};
  if (settings.smtp) channels.email = smtpChannel(settings.smtp, settings.timeoutMs);
  if (settings.sms) channels.sms = smsChannel(settings.sms, settings.timeoutMs);
  else if (settings.devOutbox) channels.sms = devOutboxChannel();
  if (settings.telegram) channels.telegram = telegramChannel(settings.telegram, settings.timeoutMs);
  return channels;
}

/** The settings of the environment (already checked at start by loadConfig). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const { settings, problems } = readNotificationSettings(env);
  if (problems.length > 0) throw new Error(problems.join(' '));
  return settings;
}
