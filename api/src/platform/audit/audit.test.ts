/**
 * The audit trail on a real database: writers in concurrent transactions, rollbacks, redaction,
 * history, and every kind of tampering a person with SQL access could try.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { allMigrations } from '../../modules.ts';
import { openTestDb, usingPostgres, type TestDb } from '../../test-support/test-db.ts';
import { createDb } from '../db/create-db.ts';
import { migrate } from '../db/migrations.ts';
import {
  auditHistory,
  computeAuditHash,
  GENESIS_HASH,
  REDACTED,
  verifyAuditChain,
  writeAudit,
  writeAuditRecords,
  type AuditEntry,
} from './audit.ts';

let db: TestDb;
// The tests use the audit table only; the composition root's Database type does not list it yet.
const k = () => db.kysely as unknown as Kysely<unknown>;

beforeAll(async () => {
  db = await openTestDb({ demoData: false });
});
afterAll(async () => db.close());
beforeEach(async () => {
  await sql`delete from audit_record`.execute(k());
});

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorUserId: 7,
    actorLogin: 'sokha',
    assignmentId: 12,
    action: 'access.user.update',
    entityType: 'access.user',
    entityId: '42',
    unitCode: '12',
    before: { displayName: 'Sokha', active: true },
    after: { displayName: 'Sokha Chan', active: true },
    requestId: 'req-1',
    ip: '10.0.0.1',
    ...overrides,
  };
}

/** Writes n records, one transaction each, in order. */
async function writeMany(n: number, overrides: (i: number) => Partial<AuditEntry> = () => ({})) {
  for (let i = 1; i <= n; i += 1) {
    await db.kysely
      .transaction()
      .execute((trx) => writeAudit(trx, entry({ after: { step: i }, ...overrides(i) })));
  }
}

interface StoredRow {
  seq: number;
  prev_hash: string;
  hash: string;
  after: unknown;
}

async function rows(): Promise<StoredRow[]> {
  const result =
    await sql<StoredRow>`select seq, prev_hash, hash, after from audit_record order by seq`.execute(k());
  return result.rows;
}

describe('writing the audit trail', () => {
  it('keeps one contiguous, intact chain when 20 transactions write at once', async () => {
    const written = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.kysely.transaction().execute(async (trx) => {
          // Work before the audit record, as a real service does, so the transactions overlap.
          await sql`select 1`.execute(trx);
          return writeAudit(trx, entry({ entityId: String(i), after: { i } }));
        }),
      ),
    );
    expect(written.map((w) => w.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );

    const stored = await rows();
    expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(stored[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < stored.length; i += 1) expect(stored[i]?.prev_hash).toBe(stored[i - 1]?.hash);

    const result = await verifyAuditChain(db.kysely, { batchSize: 7 });
    expect(result).toEqual({ ok: true, count: 20, lastHash: stored[19]?.hash });
  });

  it('leaves neither a record nor a gap when the transaction rolls back', async () => {
    await writeMany(2);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await writeAudit(trx, entry({ action: 'access.user.delete' }));
        throw new Error('the change failed after its audit record was written');
      }),
    ).rejects.toThrow('the change failed');
    await writeMany(1);

    const stored = await rows();
    expect(stored.map((row) => row.seq)).toEqual([1, 2, 3]);
    const actions = await sql<{ action: string }>`select action from audit_record`.execute(k());
    expect(actions.rows.map((row) => row.action)).not.toContain('access.user.delete');
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 3 });
  });

  it('appends several records of one transaction in order, interleaved with single writers', async () => {
    await writeMany(1);
    const [batch] = await Promise.all([
      db.kysely.transaction().execute((trx) =>
        writeAuditRecords(
          trx,
          [0, 1, 2].map((i) => entry({ entityId: `batch-${i}`, after: { i } })),
        ),
      ),
      db.kysely.transaction().execute((trx) => writeAudit(trx, entry({ entityId: 'single' }))),
    ]);
    const seqs = batch.map((written) => written.seq);
    // Contiguous and in the order given, whichever transaction took the lock first.
    expect(seqs[1]).toBe(seqs[0]! + 1);
    expect(seqs[2]).toBe(seqs[0]! + 2);

    const stored = await rows();
    expect(stored.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    const ids = await sql<{ entity_id: string }>`select entity_id from audit_record where seq = any(${seqs})
      order by seq`.execute(k());
    expect(ids.rows.map((row) => row.entity_id)).toEqual(['batch-0', 'batch-1', 'batch-2']);
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 5 });
    expect(await db.kysely.transaction().execute((trx) => writeAuditRecords(trx, []))).toEqual([]);
  });

  it('refuses to write outside a transaction, where its lock would not cover the insert', async () => {
    await expect(writeAudit(db.kysely, entry())).rejects.toThrow('inside the transaction');
  });

  it('never stores passwords, hashes, tokens or secrets, at any depth', async () => {
    await db.kysely.transaction().execute((trx) =>
      writeAudit(
        trx,
        entry({
          before: { login: 'dara', password_hash: '$argon2id$old' },
          after: {
            login: 'dara',
            password: 'hunter2',
            passwordHash: '$argon2id$new',
            newPassword: 'hunter3',
            sessions: [
              { tokenHash: 'abc', csrfToken: 'def', createdAt: new Date('2026-11-26T01:02:03.456Z') },
            ],
            integration: {
              clientSecret: 's3cr3t',
              apiKey: 'k-1',
              secretariat: 'kept',
              tokenExpiresAt: 'kept',
            },
            ignored: undefined,
          },
        }),
      ),
    );
    const stored = await sql<{
      before: unknown;
      after: unknown;
      text: string;
    }>`select before, after, before::text || after::text as text from audit_record`.execute(k());
    const row = stored.rows[0];
    expect(row?.before).toEqual({ login: 'dara', password_hash: REDACTED });
    expect(row?.after).toEqual({
      login: 'dara',
      password: REDACTED,
      passwordHash: REDACTED,
      newPassword: REDACTED,
      sessions: [{ tokenHash: REDACTED, csrfToken: REDACTED, createdAt: '2026-11-26T01:02:03.456Z' }],
      integration: { clientSecret: REDACTED, apiKey: REDACTED, secretariat: 'kept', tokenExpiresAt: 'kept' },
    });
    for (const secret of ['hunter2', 'hunter3', 'argon2id', 'abc', 'def', 's3cr3t', 'k-1']) {
      expect(row?.text).not.toContain(secret);
    }
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 1 });
  });

  it('hashes values that jsonb reorders or rewrites exactly as they come back', async () => {
    await db.kysely.transaction().execute((trx) =>
      writeAudit(
        trx,
        entry({
          entityId: 'ភូមិ\u0000 1', // PostgreSQL refuses U+0000 in text: replaced before hashing
          before: null,
          after: {
            zeta: 1,
            alpha: { b: [1, undefined, 'x'], a: -0 },
            nameKm: 'ខេត្តបាត់ដំបង',
            broken: 'lone \uD800 surrogate',
            amounts: [0.1, 1e21, 12345678901234, 5e-324, Number.NaN],
            big: 2n ** 70n,
            at: new Date('2026-01-02T03:04:05.006Z'),
            longKey: 'a',
            k: 'b',
          },
        }),
      ),
    );
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 1 });
    const stored = await sql<{ entity_id: string; after: Record<string, unknown> }>`
      select entity_id, after from audit_record`.execute(k());
    expect(stored.rows[0]?.entity_id).toBe('ភូមិ\uFFFD 1');
    expect(stored.rows[0]?.after).toMatchObject({
      alpha: { b: [1, null, 'x'], a: 0 },
      broken: 'lone \uFFFD surrogate',
      amounts: [0.1, 1e21, 12345678901234, 5e-324, null],
      big: '1180591620717411303424',
      at: '2026-01-02T03:04:05.006Z',
    });
  });
});

describe('history of one entity', () => {
  it('pages newest first, with camelCase fields and without the client address', async () => {
    await writeMany(5, (i) => ({ entityId: i % 2 === 0 ? '99' : '42', requestId: `req-${i}` }));
    await writeMany(3, () => ({ entityId: '42' }));
    // records 1, 3, 5, 6, 7, 8 belong to access.user 42

    const first = await auditHistory(db.kysely, {
      entityType: 'access.user',
      entityId: '42',
      page: 1,
      pageSize: 4,
    });
    expect(first.total).toBe(6);
    expect(first.page).toBe(1);
    expect(first.pageSize).toBe(4);
    expect(first.items.map((item) => item.seq)).toEqual([8, 7, 6, 5]);
    const second = await auditHistory(db.kysely, {
      entityType: 'access.user',
      entityId: '42',
      page: 2,
      pageSize: 4,
    });
    expect(second.items.map((item) => item.seq)).toEqual([3, 1]);

    const oldest = second.items[1];
    expect(oldest).toEqual({
      seq: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actorUserId: 7,
      actorLogin: 'sokha',
      assignmentId: 12,
      action: 'access.user.update',
      entityType: 'access.user',
      entityId: '42',
      unitCode: '12',
      before: { displayName: 'Sokha', active: true },
      after: { step: 1 },
      requestId: 'req-1',
    });

    const none = await auditHistory(db.kysely, {
      entityType: 'access.role',
      entityId: '42',
      page: 1,
      pageSize: 4,
    });
    expect(none).toEqual({ items: [], page: 1, pageSize: 4, total: 0 });
  });
});

describe('verification finds tampering', () => {
  beforeEach(async () => {
    await writeMany(6);
  });

  it('accepts the untouched chain and an empty one', async () => {
    expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: true, count: 6 });
    await sql`delete from audit_record`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it.each([
    ['after', sql`update audit_record set after = '{"step": 33}' where seq = 3`],
    ['before', sql`update audit_record set before = null where seq = 3`],
    ['action', sql`update audit_record set action = 'access.user.read' where seq = 3`],
    ['actor', sql`update audit_record set actor_user_id = 8, actor_login = 'someone' where seq = 3`],
    ['time', sql`update audit_record set occurred_at = occurred_at - interval '1 day' where seq = 3`],
    ['client address', sql`update audit_record set ip = null where seq = 3`],
  ])('an UPDATE of one record (%s) breaks that record', async (_field, tamper) => {
    await tamper.execute(k());
    expect(await verifyAuditChain(db.kysely, { batchSize: 2 })).toEqual({
      ok: false,
      count: 2,
      firstBroken: { seq: 3, reason: 'hash_mismatch' },
    });
  });

  it('an UPDATE that also recomputes the edited record hash breaks the record after it', async () => {
    const [row] = (
      await sql<Parameters<typeof computeAuditHash>[0] & { occurred_at: Date }>`
        select seq, prev_hash as "prevHash", occurred_at, actor_user_id as "actorUserId",
          actor_login as "actorLogin", assignment_id as "assignmentId", action,
          entity_type as "entityType", entity_id as "entityId", unit_code as "unitCode", before,
          after, request_id as "requestId", ip
        from audit_record where seq = 3`.execute(k())
    ).rows;
    if (!row) throw new Error('no record 3');
    const { occurred_at: occurredAt, ...fields } = row;
    const forged = { ...fields, occurredAt: occurredAt.toISOString(), after: { step: 33 } };
    await sql`update audit_record set after = '{"step": 33}', hash = ${computeAuditHash(forged)}
      where seq = 3`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toMatchObject({
      ok: false,
      firstBroken: { seq: 4, reason: 'prev_hash_mismatch' },
    });
  });

  it('a DELETE of a middle record is a gap at the record after it', async () => {
    await sql`delete from audit_record where seq = 3`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toEqual({
      ok: false,
      count: 2,
      firstBroken: { seq: 4, reason: 'sequence_gap' },
    });
  });

  it('a DELETE of a middle record hidden by renumbering breaks the link of the record after it', async () => {
    await sql`delete from audit_record where seq = 3`.execute(k());
    // Two steps, because PostgreSQL checks the primary key row by row.
    await sql`update audit_record set seq = -seq where seq > 3`.execute(k());
    await sql`update audit_record set seq = -seq - 1 where seq < 0`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'prev_hash_mismatch' },
    });
  });

  it('a DELETE of the first record shows at the start', async () => {
    await sql`delete from audit_record where seq = 1`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toMatchObject({
      ok: false,
      count: 0,
      firstBroken: { seq: 2, reason: 'sequence_start' },
    });
  });

  it('a DELETE at the tail is invisible to the chain alone: only an anchored last hash reveals it', async () => {
    // Removing the newest records leaves a shorter chain that is intact in itself. Operators
    // detect this by keeping the `lastHash` (and count) of each verification outside the
    // database — printed in a report, sent to another office — and checking that a later
    // chain still contains that hash at that seq.
    const anchored = await verifyAuditChain(db.kysely);
    if (!anchored.ok) throw new Error('the chain should be intact');
    await sql`delete from audit_record where seq = 6`.execute(k());
    const later = await verifyAuditChain(db.kysely);
    expect(later).toMatchObject({ ok: true, count: 5 });
    const anchor = await sql<{
      hash: string;
    }>`select hash from audit_record where seq = ${anchored.count}`.execute(k());
    expect(anchor.rows).toEqual([]); // the anchored record is gone: truncation found
  });

  it('REORDERING two records breaks the first of the swapped positions', async () => {
    await sql`update audit_record set seq = -2 where seq = 2`.execute(k());
    await sql`update audit_record set seq = 2 where seq = 4`.execute(k());
    await sql`update audit_record set seq = 4 where seq = -2`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toEqual({
      ok: false,
      count: 1,
      firstBroken: { seq: 2, reason: 'prev_hash_mismatch' },
    });
  });

  it('an INSERT of a self-consistent forged record in the middle breaks the record after it', async () => {
    const before = await rows();
    const previous = before[2]; // seq 3: the forged record claims to follow it
    if (!previous) throw new Error('no record 3');
    await sql`update audit_record set seq = -seq where seq >= 4`.execute(k());
    await sql`update audit_record set seq = -seq + 1 where seq < 0`.execute(k());
    const forged = {
      seq: 4,
      prevHash: previous.hash,
      occurredAt: new Date().toISOString(),
      actorUserId: 1,
      actorLogin: 'admin',
      assignmentId: 1,
      action: 'access.user.update',
      entityType: 'access.user',
      entityId: '42',
      unitCode: '12',
      before: null,
      after: { role: 'national_admin' },
      requestId: null,
      ip: null,
    };
    await sql`
      insert into audit_record (seq, occurred_at, actor_user_id, actor_login, assignment_id, action,
        entity_type, entity_id, unit_code, before, after, request_id, ip, prev_hash, hash)
      values (4, ${forged.occurredAt}::timestamptz, 1, 'admin', 1, ${forged.action}, ${forged.entityType},
        '42', '12', null, ${JSON.stringify(forged.after)}::jsonb, null, null, ${forged.prevHash},
        ${computeAuditHash(forged)})`.execute(k());

    expect((await rows()).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await verifyAuditChain(db.kysely)).toEqual({
      ok: false,
      count: 4, // 1–3 and the forged record itself are consistent…
      firstBroken: { seq: 5, reason: 'prev_hash_mismatch' }, // …but the old record 4 no longer links
    });
  });

  it('a record moved before seq 1 is seen (the first page has no lower bound)', async () => {
    await sql`update audit_record set seq = 0 where seq = 6`.execute(k());
    expect(await verifyAuditChain(db.kysely)).toMatchObject({
      ok: false,
      firstBroken: { seq: 0, reason: 'sequence_start' },
    });
  });
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runVerifyCli(dataDir: string): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/audit-verify.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// The CLI reads its database from the environment. On PostgreSQL the test's data lives in a
// schema of its own, which the CLI would only find through a search_path in DATABASE_URL; the
// CLI's code is the same either way, so it is tested on a PGlite folder only.
describe.skipIf(usingPostgres)('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 1 naming the first broken record after tampering', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-audit-'));
    try {
      const folder = await createDb<unknown>({ dataDir });
      try {
        await migrate(folder.kysely, allMigrations());
        for (let i = 1; i <= 5; i += 1) {
          await folder.kysely.transaction().execute((trx) => writeAudit(trx, entry({ after: { step: i } })));
        }
      } finally {
        await folder.close();
      }

      const intact = await runVerifyCli(dataDir);
      expect(intact.stderr).toBe('');
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^Audit chain intact: 5 records, last hash [0-9a-f]{64}$/m);

      const again = await createDb<unknown>({ dataDir });
      try {
        await sql`update audit_record set after = '{"step": 99}' where seq = 3`.execute(again.kysely);
      } finally {
        await again.close();
      }

      const broken = await runVerifyCli(dataDir);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('Audit chain BROKEN at record seq=3: hash_mismatch');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
