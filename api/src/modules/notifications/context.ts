/**
 * What the notifications module's functions need besides their arguments: the platform's
 * module context and the channels the settings turn on (channels.ts), with the number of
 * attempts before a message is marked failed.
 */
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { Channels } from './channels.ts';
import type { NotificationsTables } from './notifications.tables.ts';

export type NotificationsPorts = PortsOf<'gazetteer' | 'authenticator'>;
export type NotificationsModuleContext = ModuleContext<NotificationsTables, NotificationsPorts>;

export interface NotificationsContext extends NotificationsModuleContext {
  channels: Channels;
  maxAttempts: number;
  /** How long one attempt may take (ms): a claimed message is held this long per channel. */
  timeoutMs: number;
}
