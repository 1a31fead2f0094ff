/**
 * notifications: the one outbox of every module and its delivery. A module writes a message
 * (Khmer, with English beside) in the transaction of the change that causes it, through the
 * `notifications` port; after commit the message is delivered through the channel the person
 * prefers — SMS through an HTTP gateway, Telegram's Bot API, or e-mail over SMTP — with every
 * attempt recorded and retried with backoff. People keep their contact and preferred channel
 * at /api/notifications/preferences. See README.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { NotificationSettings } from '../../config.ts';
import { defineModule, type ModuleManifest } from '../../platform/module.ts';
import type { AnyDb } from '../../platform/ports.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { channelsFrom, settingsFromEnv, type Channels } from './channels.ts';
import type { NotificationsContext, NotificationsModuleContext } from './context.ts';
import { deliverDue, deliverNotification } from './delivery.service.ts';
import {
  DELIVER_JOB,
  listMessages,
  notify,
  SWEEP_JOB,
  type MessageListRequest,
  type MessageView,
  type NotificationInput,
} from './messages.service.ts';
import { forgetRecipient, reviveFailedMessage } from './messages.queries.ts';
import { NOTIFICATIONS_ERRORS } from './notifications.errors.ts';
import { notificationRoutes } from './notifications.routes.ts';
import type { NotificationsDb, NotificationsTables } from './notifications.tables.ts';

export type { NotificationsTables, ChannelName, MessageState } from './notifications.tables.ts';
export type { NotificationInput, MessageView, MessageListRequest } from './messages.service.ts';
export type { NotificationsContext } from './context.ts';
export type { DeliveryChannel, Channels } from './channels.ts';
export { channelsFrom, DeliveryError } from './channels.ts';
export { deliverNotification, deliverDue, type SweepResult } from './delivery.service.ts';
export { TEMPLATES, type Topic } from './templates.ts';

/** What other modules use: write a message in their transaction; list the messages they wrote. */
export interface NotificationsPort {
  /** Writes one message in `trx` (the transaction of the change); its id. */
  notify(trx: AnyDb, message: NotificationInput): Promise<number>;
  /** A page of the messages a module wrote, newest first, within the reader's scope. */
  listMessages(db: AnyDb, request: MessageListRequest): Promise<PageResult<MessageView>>;
  /**
   * Forgets an account's contacts, in `trx` (its deletion's transaction): its preference
   * (phone, e-mail, Telegram chat) is deleted, and the messages to it keep their text but lose
   * their addresses; those not yet sent become undeliverable. How many rows changed.
   */
  forgetRecipient(trx: AnyDb, accountId: number): Promise<{ preferences: number; messages: number }>;
}

declare module '../../platform/ports.ts' {
  interface PortRegistry {
    notifications: NotificationsPort;
  }
}

export interface NotificationsModuleOptions {
  /** The channels' settings; by default the environment's (config.ts, readNotificationSettings). */
  settings?: NotificationSettings;
  /** Channels to use instead of those the settings turn on (tests). */
  channels?: Channels;
}

/** The module's context with its channels (the manifest makes it; tests too). */
export function createNotificationsContext(
  moduleCtx: NotificationsModuleContext,
  options: NotificationsModuleOptions = {},
): NotificationsContext {
  const settings = options.settings ?? settingsFromEnv();
  return {
    ...moduleCtx,
    channels: options.channels ?? channelsFrom(settings),
    maxAttempts: settings.maxAttempts,
    timeoutMs: settings.timeoutMs,
  };
}

export function createNotificationsModule(
  options: NotificationsModuleOptions = {},
): ModuleManifest<NotificationsTables> {
  const contexts = new WeakMap<object, NotificationsContext>();
  const contextOf = (moduleCtx: NotificationsModuleContext) => {
    let ctx = contexts.get(moduleCtx.db);
    if (!ctx) {
      ctx = createNotificationsContext(moduleCtx, options);
      contexts.set(moduleCtx.db, ctx);
    }
    return ctx;
  };
  return defineModule<NotificationsTables, 'gazetteer' | 'authenticator'>({
    name: 'notifications',
    tags: [
      {
        name: 'notifications',
        description: 'Messages to people (SMS, Telegram, e-mail) and each person’s preferred channel.',
      },
    ],
    tables: ['notifications_message', 'notifications_attempt', 'notifications_preference'],
    migrations: new URL('./migrations/', import.meta.url),
    errors: NOTIFICATIONS_ERRORS,
    requires: ['gazetteer', 'authenticator'],
    provides: (ctx) => {
      const moduleCtx = ctx as unknown as NotificationsModuleContext;
      return {
        notifications: {
          notify: (trx, message) => notify(moduleCtx, trx, message),
          listMessages: (db, request) => listMessages(moduleCtx, db, request),
          forgetRecipient: (trx, accountId) => forgetRecipient(trx as NotificationsDb, accountId),
        },
      };
    },
    routes: (ctx): FastifyPluginAsync => notificationRoutes(contextOf(ctx)),
    jobs: (ctx) => {
      const moduleCtx = ctx as unknown as NotificationsModuleContext;
      const settings = options.settings ?? settingsFromEnv();
      return [
        {
          // One message, enqueued by `notify` in the transaction that wrote it. A failure
          // throws (the attempt is recorded first) and the queue retries with backoff.
          name: DELIVER_JOB,
          run: async (payload: { messageId: number }) => {
            await deliverNotification(contextOf(moduleCtx), Number(payload.messageId));
          },
          retry: { limit: Math.max(0, settings.maxAttempts - 1), delaySeconds: 30, backoff: true },
          timeoutSeconds: 300,
          // An operator's "Run again" from the dead-letter list: the message its last round
          // marked failed is due again, for one more round; a message already sent stays sent
          // (the run then finds nothing to do and sends nothing).
          beforeRetry: async (db, payload: { messageId: number }) => {
            await reviveFailedMessage(db as NotificationsDb, Number(payload.messageId));
          },
        },
        {
          // Every minute: messages due again after a failure, and any whose job was lost.
          name: SWEEP_JOB,
          schedule: '* * * * *',
          run: async () => {
            await deliverDue(contextOf(moduleCtx));
          },
          retry: { limit: 0 },
          timeoutSeconds: 600,
        },
      ];
    },
  });
}

export const notificationsModule = createNotificationsModule();
