/**
 * A services context with its filing queue. Filings are written by group commit
 * (platform/db/group-commit.ts): those that arrive while a batch is being written go together
 * in the next transaction, which takes the audit chain's lock, touches the dashboard's national
 * rows and flushes to disk once for all of them. That is what lets one office's counter and a
 * whole province's citizens file at the same time without queueing on the chain.
 */
import { GroupCommit } from '../../platform/db/group-commit.ts';
import { writeFilings } from './applications.service.ts';
import type { ServicesContext } from './context.ts';
import type { NotificationChannel } from './notifications.ts';
import type { ServicesDb } from './services.tables.ts';

type FilingQueue = ServicesContext['filings'];

// One queue per database handle and notification channel: the services routes and the Open311
// API of a process file through the same queue, so their filings share batches (and the audit
// lock) instead of taking turns between two queues.
const queues = new WeakMap<object, Map<NotificationChannel, FilingQueue>>();

function filingQueueFor(db: ServicesDb, channel: NotificationChannel): FilingQueue {
  let byChannel = queues.get(db);
  if (!byChannel) {
    byChannel = new Map();
    queues.set(db, byChannel);
  }
  let queue = byChannel.get(channel);
  if (!queue) {
    queue = new GroupCommit({
      commit: (filings) => db.transaction().execute((trx) => writeFilings({ channel }, trx, filings)),
    });
    byChannel.set(channel, queue);
  }
  return queue;
}

export function createServicesContext(parts: Omit<ServicesContext, 'filings'>): ServicesContext {
  return { ...parts, filings: filingQueueFor(parts.db, parts.channel) };
}
