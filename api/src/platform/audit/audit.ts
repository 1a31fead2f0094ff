/**
 * The tamper-evident audit trail. Every state change writes one `audit_record` in the same
 * transaction as the change, so a change without its record (or a record without its change)
 * cannot be committed. Records form a hash chain: each record's hash covers all of its fields
 * and the hash of the record before it, and `seq` runs 1, 2, 3… without gaps. Editing,
 * deleting, inserting or reordering records therefore breaks the chain at a place that
 * `verifyAuditChain` names. See README.md in this folder for what this does not protect
 * against (removing records at the tail, rewriting the whole chain).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PageResult } from '../http/paging.ts';

export interface AuditEntry {
  actorUserId: number | null;
  actorLogin: string | null;
  /** The role assignment that allowed the change (null for system and anonymous actions). */
  assignmentId: number | null;
  /** Dotted, module first: 'access.user.create', 'auth.sign_in.failed'. */
  action: string;
  /** Dotted, module first: 'access.user'. */
  entityType: string;
  entityId: string;
  /** The administrative unit the entity belongs to, so that readers can be limited to their scope. */
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

/** One record as the API shows it (the client address is kept but not shown). */
export type AuditRecordItem = Omit<HashedRecord, 'prevHash' | 'ip'>;

export type AuditBrokenReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'sequence_start';

export type AuditVerifyResult =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBroken: { seq: number; reason: AuditBrokenReason } };

export interface AuditRecordTable {
  seq: number;
  occurred_at: Date;
  actor_user_id: number | null;
  actor_login: string | null;
  assignment_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** The audit table as Kysely sees it, for the composition root's `Database` type. */
export interface AuditTables {
  audit_record: AuditRecordTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold the full schema
type AnyDb = Kysely<any>;

/** The `prev_hash` of record 1. */
export const GENESIS_HASH = '0'.repeat(64);

// Any fixed number will do, as long as it differs from the migrations' lock (7241102021): it
// names the lock that makes every writer, in every API process, append to one chain in turn.
const AUDIT_LOCK_KEY = 724_110_2022;

export const REDACTED = '[redacted]';

// Compared with the key lower-cased and stripped of separators, so `password`, `passwordHash`,
// `password_hash`, `newPassword`, `tokenHash`, `csrfToken`, `clientSecret` and `apiKey` match,
// while `secretariat` or `tokenExpiresAt` (useful, harmless facts) do not.
const SECRET_KEY = /(password|passwd|secret|token|apikey|privatekey)(hash|digest)?$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

// PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate becomes U+FFFD on
// its way to the database as UTF-8: either would make the stored value differ from the hashed
// one. Replacing them before hashing keeps "what is stored is what was hashed".
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

const storableOrNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : storable(text);

/**
 * Turns a before/after value into the JSON value that is stored and hashed: secrets redacted,
 * Dates (anything with toJSON) as their JSON form, bigints as text, non-finite numbers and
 * `undefined` array items as null, `undefined` properties dropped. The result survives a
 * round-trip through jsonb unchanged (up to key order, which hashing ignores).
 */
export function normaliseAuditValue(value: unknown): unknown {
  return normalise(value, new Set());
}

function normalise(value: unknown, ancestors: Set<object>): unknown {
  if (value === null) return null;
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return normalise((value as { toJSON: () => unknown }).toJSON(), ancestors);
  }
  switch (typeof value) {
    case 'string':
      return storable(value);
    case 'number':
      // -0 becomes 0: jsonb has no negative zero.
      return Number.isFinite(value) ? value + 0 : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols: not data
  }
  if (ancestors.has(value)) throw new TypeError('An audit value cannot contain a cycle.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown) => normalise(item, ancestors) ?? null);
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Only text can be a secret: a flag such as mustChangePassword is kept as it is.
      const clean = isSecretKey(key) && typeof item === 'string' ? REDACTED : normalise(item, ancestors);
      if (clean !== undefined) result[storable(key)] = clean;
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

/** JSON with the keys of every object sorted, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every field of a record that its hash covers, as stored. */
export interface HashedRecord {
  seq: number;
  prevHash: string;
  occurredAt: string;
  actorUserId: number | null;
  actorLogin: string | null;
  assignmentId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  unitCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** sha256 (hex) of the record's canonical JSON; `prevHash` inside it is what makes the chain. */
export function computeAuditHash(record: HashedRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

/** A stored record's fields as the API shows them. */
function itemFromRow(row: Omit<AuditRecordTable, 'prev_hash' | 'ip' | 'hash'>): AuditRecordItem {
  return {
    seq: row.seq,
    occurredAt: isoString(row.occurred_at),
    actorUserId: row.actor_user_id,
    actorLogin: row.actor_login,
    assignmentId: row.assignment_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unitCode: row.unit_code,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

function hashedFromRow(row: AuditRecordTable): HashedRecord {
  return { ...itemFromRow(row), prevHash: row.prev_hash, ip: row.ip };
}

const isoString = (value: Date | string): string =>
  (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * Appends one record to the chain. MUST be called with the caller's open transaction (the one
 * that makes the change), never with the plain database:
 *
 *   await db.transaction().execute(async (trx) => {
 *     await updateUser(trx, ...);
 *     await writeAudit(trx, { action: 'access.user.update', ... });
 *   });
 *
 * so that the record commits or rolls back with the change. A transaction-scoped advisory lock
 * makes writers take turns until they commit: that is what keeps `seq` contiguous (a rolled-back
 * writer leaves no gap) and the chain single across API processes. Because the lock is held
 * until commit, write the audit record as late as possible in the transaction. The transaction
 * must be READ COMMITTED (PostgreSQL's default): a REPEATABLE READ snapshot taken before the
 * lock could miss the previous writer's record, and the insert would then fail on `seq`.
 */
export async function writeAudit(trx: AnyDb, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const [written] = await writeAuditRecords(trx, [entry]);
  return written!;
}

/**
 * Appends several records, in the order given, under one take of the lock and with one insert:
 * for a transaction that makes several changes at once (a group commit of filings). The same
 * rules as `writeAudit` apply.
 */
export async function writeAuditRecords(
  trx: AnyDb,
  entries: readonly AuditEntry[],
): Promise<{ seq: number; hash: string }[]> {
  if (!trx.isTransaction) {
    throw new Error('writeAudit must be called inside the transaction that makes the change.');
  }
  if (entries.length === 0) return [];
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  // The time is the database's, shared by every API process, and is the transaction's time
  // (now()), the same as any timestamp the change itself writes; milliseconds, because the
  // hash covers the ISO text of the time and a JavaScript Date keeps milliseconds only.
  const head = await sql<{ now: Date | string; last_seq: number | null; last_hash: string | null }>`
    select date_trunc('milliseconds', now()) as now,
      (select seq from audit_record order by seq desc limit 1) as last_seq,
      (select hash from audit_record order by seq desc limit 1) as last_hash`.execute(trx);
  const row = head.rows[0];
  if (!row) throw new Error('The database answered no row for the audit chain head.');

  let seq = row.last_seq ?? 0;
  let prevHash = row.last_hash ?? GENESIS_HASH;
  const records = entries.map((entry) => {
    seq += 1;
    const record: HashedRecord = {
      seq,
      prevHash,
      occurredAt: isoString(row.now),
      actorUserId: entry.actorUserId,
      actorLogin: storableOrNull(entry.actorLogin),
      assignmentId: entry.assignmentId,
      action: storable(entry.action),
      entityType: storable(entry.entityType),
      entityId: storable(entry.entityId),
      unitCode: storableOrNull(entry.unitCode),
      before: normaliseAuditValue(entry.before) ?? null,
      after: normaliseAuditValue(entry.after) ?? null,
      requestId: storableOrNull(entry.requestId),
      ip: storableOrNull(entry.ip),
    };
    const hash = computeAuditHash(record);
    prevHash = hash;
    return { record, hash };
  });
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const values = records.map(
    ({ record, hash }) => sql`(${record.seq}, ${record.occurredAt}::timestamptz, ${record.actorUserId},
      ${record.actorLogin}, ${record.assignmentId}, ${record.action}, ${record.entityType}, ${record.entityId},
      ${record.unitCode}, ${json(record.before)}::jsonb, ${json(record.after)}::jsonb, ${record.requestId},
      ${record.ip}, ${record.prevHash}, ${hash})`,
  );
  await sql`
    insert into audit_record (seq, occurred_at, actor_user_id, actor_login, assignment_id, action,
      entity_type, entity_id, unit_code, before, after, request_id, ip, prev_hash, hash)
    values ${sql.join(values)}`.execute(trx);
  return records.map(({ record, hash }) => ({ seq: record.seq, hash }));
}

/**
 * Recomputes the whole chain, oldest first, in batches (keyset paging on seq, so memory stays
 * flat and no long transaction holds the database). Stops at the first broken record:
 *   sequence_start      the first record is not seq 1 (records removed at the start);
 *   sequence_gap        this record's seq does not follow the previous one (records removed);
 *   prev_hash_mismatch  this record does not point at the previous record's hash (records
 *                       inserted, removed or reordered before it);
 *   hash_mismatch       this record's fields no longer give its hash (the record was edited).
 * `count` is the number of records found intact. Records removed at the tail cannot be seen
 * here: compare `lastHash` and `count` with a copy kept outside the database.
 */
export async function verifyAuditChain(
  db: AnyDb,
  options: { batchSize?: number } = {},
): Promise<AuditVerifyResult> {
  const batchSize = options.batchSize ?? 1000;
  const audit = db as unknown as Kysely<AuditTables>;
  let count = 0;
  let prevHash = GENESIS_HASH;
  let lastSeq: number | null = null;
  const broken = (seq: number, reason: AuditBrokenReason): AuditVerifyResult => ({
    ok: false,
    count,
    firstBroken: { seq, reason },
  });
  for (;;) {
    const after: number | null = lastSeq;
    // The first batch has no lower bound, so that a record moved to seq 0 or below is seen.
    const rows: AuditRecordTable[] = await audit
      .selectFrom('audit_record')
      .selectAll()
      .$if(after !== null, (query) => query.where('seq', '>', after as number))
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      if (lastSeq === null && row.seq !== 1) return broken(row.seq, 'sequence_start');
      if (lastSeq !== null && row.seq !== lastSeq + 1) return broken(row.seq, 'sequence_gap');
      if (row.prev_hash !== prevHash) return broken(row.seq, 'prev_hash_mismatch');
      if (computeAuditHash(hashedFromRow(row)) !== row.hash) return broken(row.seq, 'hash_mismatch');
      prevHash = row.hash;
      lastSeq = row.seq;
      count += 1;
    }
    if (rows.length < batchSize) return { ok: true, count, lastHash: prevHash };
  }
}

/** The history of one entity, newest first. */
export async function auditHistory(
  db: AnyDb,
  options: { entityType: string; entityId: string; page: number; pageSize: number },
): Promise<PageResult<AuditRecordItem>> {
  const audit = db as unknown as Kysely<AuditTables>;
  const base = audit
    .selectFrom('audit_record')
    .where('entity_type', '=', options.entityType)
    .where('entity_id', '=', options.entityId);
  const rows = await base
    .select([
      'seq',
      'occurred_at',
      'actor_user_id',
      'actor_login',
      'assignment_id',
      'action',
      'entity_type',
      'entity_id',
      'unit_code',
      'before',
      'after',
      'request_id',
    ])
    .orderBy('seq', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  const counted = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  return {
    items: rows.map(itemFromRow),
    page: options.page,
    pageSize: options.pageSize,
    total: counted?.total ?? 0,
  };
}
