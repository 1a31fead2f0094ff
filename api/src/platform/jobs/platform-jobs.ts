/**
 * The platform's own jobs (its tables are no module's): the idempotency keys older than their
 * 24 hours go every hour. Modules declare theirs in their manifests.
 */
import type { Kysely } from 'kysely';
import { purgeExpired, type IdempotencyTables } from '../http/idempotency.queries.ts';
import { RETENTION_HOURS } from '../http/idempotency.ts';
import type { JobDefinition } from './job.ts';

export function platformJobs(db: Kysely<unknown>): JobDefinition[] {
  return [
    {
      name: 'platform.idempotency_purge',
      // Every hour at minute 7: a delete of old rows, the same whenever it runs (idempotent).
      schedule: '7 * * * *',
      retry: { limit: 2, delaySeconds: 60 },
      async run() {
        await purgeExpired(db as unknown as Kysely<IdempotencyTables>, RETENTION_HOURS);
      },
    },
  ];
}
