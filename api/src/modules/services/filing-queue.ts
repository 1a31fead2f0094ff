/**
 * The services context, made from the platform's module context, with its filing queue.
 * Filings are written by group commit (platform/db/group-commit.ts): those that arrive while a
 * batch is being written go together in the next transaction, which takes the audit chain's
 * lock, touches the dashboard's national rows and flushes to disk once for all of them. That
 * is what lets one office's counter and a whole province's citizens file at the same time
 * without queueing on the chain.
 */
import { GroupCommit } from '../../platform/db/group-commit.ts';
import type { AttachmentStore } from './attachments.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { writeFilings } from './application-filing.service.ts';
import { channelThrough, type NotificationChannel } from './notifications.ts';

type FilingQueue = ServicesContext['filings'];

// One queue per database handle and notification channel: the services routes and the Open311
// API of a process file through the same queue, so their filings share batches (and the audit
// lock) instead of taking turns between two queues.
const queues = new WeakMap<object, Map<NotificationChannel, FilingQueue>>();

function filingQueueFor(ctx: ServicesModuleContext, channel: NotificationChannel): FilingQueue {
  let byChannel = queues.get(ctx.db);
  if (!byChannel) {
    byChannel = new Map();
    queues.set(ctx.db, byChannel);
  }
  let queue = byChannel.get(channel);
  if (!queue) {
    queue = new GroupCommit({
      commit: (filings) =>
        ctx.db.transaction().execute((trx) => writeFilings({ ...ctx, channel }, trx, filings)),
    });
    byChannel.set(channel, queue);
  }
  return queue;
}

export interface ServicesParts {
  calendar: HolidayCalendar;
  /** Where messages go; by default the notifications module's outbox (its port). */
  channel?: NotificationChannel;
  attachments: AttachmentStore;
}

/** The services context over the platform's module context (once per app, seed or test). */
export function createServicesContext(ctx: ServicesModuleContext, parts: ServicesParts): ServicesContext {
  const channel = parts.channel ?? channelThrough(ctx.ports.notifications);
  return { ...ctx, ...parts, channel, filings: filingQueueFor(ctx, channel) };
}
