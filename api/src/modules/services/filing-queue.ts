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

export function createServicesContext(parts: Omit<ServicesContext, 'filings'>): ServicesContext {
  const ctx: ServicesContext = {
    ...parts,
    filings: new GroupCommit({
      commit: (filings) => parts.db.transaction().execute((trx) => writeFilings(ctx, trx, filings)),
    }),
  };
  return ctx;
}
