/**
 * The SQL of idempotent writes (idempotency.ts): one row per principal and key.
 */
import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';

export interface IdempotencyTables {
  platform_idempotency: {
    scope: string;
    idempotency_key: string;
    request_hash: string;
    status_code: ColumnType<number | null, number | null | undefined, number | null>;
    response_body: ColumnType<string | null, string | null | undefined, string | null>;
    response_headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
    created_at: Generated<Date>;
    completed_at: ColumnType<Date | null, never, Date | null>;
  };
}

export interface StoredAnswer {
  requestHash: string;
  statusCode: number | null;
  responseBody: string | null;
  responseHeaders: Record<string, string> | null;
  /** The row is older than the retention (24 h), or in progress for longer than `staleSeconds`. */
  expired: boolean;
  abandoned: boolean;
}

type Db = Kysely<IdempotencyTables>;

/** Claims the key for this request; false when a row already holds it. */
export async function claimKey(db: Db, scope: string, key: string, requestHash: string): Promise<boolean> {
  const inserted = await db
    .insertInto('platform_idempotency')
    .values({ scope, idempotency_key: key, request_hash: requestHash })
    .onConflict((conflict) => conflict.columns(['scope', 'idempotency_key']).doNothing())
    .returning('scope')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findKey(
  db: Db,
  scope: string,
  key: string,
  retentionHours: number,
  staleSeconds: number,
): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('platform_idempotency')
    .select([
      'request_hash',
      'status_code',
      'response_body',
      'response_headers',
      sql<boolean>`created_at < now() - make_interval(hours => ${retentionHours})`.as('expired'),
      sql<boolean>`status_code is null and created_at < now() - make_interval(secs => ${staleSeconds})`.as(
        'abandoned',
      ),
    ])
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    requestHash: row.request_hash,
    statusCode: row.status_code,
    responseBody: row.response_body,
    responseHeaders: row.response_headers,
    expired: row.expired,
    abandoned: row.abandoned,
  };
}

/**
 * Takes over a row that is expired or abandoned (its process died while serving it), if it is
 * still so: of two retries racing for it, one wins.
 */
export async function retakeKey(
  db: Db,
  scope: string,
  key: string,
  requestHash: string,
  retentionHours: number,
  staleSeconds: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('platform_idempotency')
    .set({
      request_hash: requestHash,
      status_code: null,
      response_body: null,
      response_headers: null,
      created_at: sql<Date>`now()`,
      completed_at: null,
    })
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', sql<Date>`now() - make_interval(hours => ${retentionHours})`),
        eb.and([
          eb('status_code', 'is', null),
          eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`),
        ]),
      ]),
    )
    .returning('scope')
    .executeTakeFirst();
  return updated !== undefined;
}

export async function completeKey(
  db: Db,
  scope: string,
  key: string,
  answer: { statusCode: number; body: string; headers: Record<string, string> },
): Promise<void> {
  await db
    .updateTable('platform_idempotency')
    .set({
      status_code: answer.statusCode,
      response_body: answer.body,
      response_headers: JSON.stringify(answer.headers),
      completed_at: sql<Date>`now()`,
    })
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .execute();
}

/** Frees the key (the request failed on our side: a retry may run it again). */
export async function releaseKey(db: Db, scope: string, key: string): Promise<void> {
  await db
    .deleteFrom('platform_idempotency')
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .where('status_code', 'is', null)
    .execute();
}

/** Removes rows past the retention (run now and then, by the hook itself). */
export async function purgeExpired(db: Db, retentionHours: number): Promise<void> {
  await db
    .deleteFrom('platform_idempotency')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${retentionHours})`)
    .execute();
}
