/**
 * The nightly purge of the access module's expired rows: sessions ended more than 7 days ago
 * stale national sign-ins and phone codes expired over a day ago go; a live session, a recently
 * ended one and a recently expired code stay; a second run removes nothing more.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
import { wireModules } from '../../platform/wiring.ts';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';
import type { AccessContext } from './access.context.ts';
import { purgeExpiredAccessRows } from './expired-purge.job.ts';

let db: TestDb;
let ctx: AccessContext;
beforeAll(async () => {
  db = await openTestDb();
  ctx = wireModules(db.kysely, modules).contextOf('access') as unknown as AccessContext;
}, 120_000);
afterAll(async () => db?.close());

describe('access.expired_purge', () => {
  it('removes sessions ended over 7 days ago and stale sign-ins, keeps the others, once', async () => {
    const { rows } = await sql<{ id: number }>`select id from access_user order by id limit 1`.execute(
      db.kysely,
    );
    const userId = rows[0]!.id;
    const session = (id: string, expires: string, revoked: string | null) => sql`
      insert into access_session (id_hash, user_id, csrf_token, expires_at, revoked_at)
      values (${id}, ${userId}, 'x', now() + ${expires}::interval,
              ${revoked === null ? null : sql`now() + ${revoked}::interval`})`;
    await session('old-expired', '-8 days', null).execute(db.kysely);
    await session('old-revoked', '1 day', '-9 days').execute(db.kysely);
    await session('recent-expired', '-2 days', null).execute(db.kysely);
    await session('live', '2 hours', null).execute(db.kysely);
    await sql`insert into access_oidc_pending (state, code_verifier, nonce, next_path, expires_at)
      values ('stale', 'v', 'n', '/', now() - interval '1 minute'),
             ('fresh', 'v', 'n', '/', now() + interval '9 minutes')`.execute(db.kysely);
    // Citizens' one-time codes: expired two days ago (gone), an hour ago (kept a day, so it
    // still answers "expired"), and live.
    await sql`insert into access_phone_code (purpose, phone, code_hash, salt, expires_at)
      values ('sign_up', '+85511900001', 'h', 's', now() - interval '2 days'),
             ('recovery', '+85511900002', 'h', 's', now() - interval '1 hour'),
             ('sign_up', '+85511900003', 'h', 's', now() + interval '9 minutes')`.execute(db.kysely);

    const purged = await purgeExpiredAccessRows(ctx);
    expect(purged).toEqual({ sessions: 2, pendingSignIns: 1, phoneCodes: 1 });
    const codes = await sql<{ phone: string }>`select phone from access_phone_code
      where phone like '+8551190000%' order by phone`.execute(db.kysely);
    expect(codes.rows.map((row) => row.phone)).toEqual(['+85511900002', '+85511900003']);
    const left = await sql<{ id_hash: string }>`select id_hash from access_session
      where id_hash in ('old-expired', 'old-revoked', 'recent-expired', 'live') order by id_hash`.execute(
      db.kysely,
    );
    expect(left.rows.map((row) => row.id_hash)).toEqual(['live', 'recent-expired']);
    const pending = await sql<{ state: string }>`select state from access_oidc_pending`.execute(db.kysely);
    expect(pending.rows).toEqual([{ state: 'fresh' }]);

    expect(await purgeExpiredAccessRows(ctx)).toEqual({ sessions: 0, pendingSignIns: 0, phoneCodes: 0 });
  });
});
