/**
 * Signing in and out, sessions, CSRF, throttling, API tokens and passwords, through the real
 * routes on a real database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, withToken } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from './demo-seed.ts';
import { normaliseLogin } from './logins.ts';
import { THROTTLE_RULES } from './sign-in-throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const signIn = (login: string, password: string, ip = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password }, remoteAddress: ip });

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom('audit_record')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.action);
}

describe('logins', () => {
  it('normalises e-mail and Cambodian phone numbers, including Khmer digits', () => {
    expect(normaliseLogin(' Admin@SNDD.example ')).toEqual({ kind: 'email', value: 'admin@sndd.example' });
    for (const typed of ['012 345 678', '+855 12 345 678', '85512345678', '០១២៣៤៥៦៧៨', '(012) 345-678']) {
      expect(normaliseLogin(typed)).toEqual({ kind: 'phone', value: '+85512345678' });
    }
    expect(normaliseLogin('12')).toBeNull();
    expect(normaliseLogin('not an email@')).toBeNull();
  });
});

describe('sign-in', () => {
  it('signs in by e-mail and by phone typed in Khmer digits, and /me returns the assignments', async () => {
    const byPhone = await signIn('០១២ ៣៤៥ ៦៧៨', DEMO_PASSWORD, '10.0.0.2');
    expect(byPhone.statusCode).toBe(200);
    const client = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: {
        email: 'kep.clerk@sndd.example',
        assignments: [{ roleCode: 'commune_clerk', unitCode: '230201' }],
      },
    });
  });

  it('sets an HttpOnly, SameSite cookie', async () => {
    const response = await signIn('kep.council@sndd.example', DEMO_PASSWORD, '10.0.0.3');
    const cookie = response.cookies.find((item) => item.name === 'sndd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers a wrong password and an unknown login the same way, and records both attempts', async () => {
    const wrong = await signIn('officer@sndd.example', 'not-the-password', '10.0.0.4');
    const unknown = await signIn('nobody@sndd.example', 'not-the-password', '10.0.0.4');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'auth.sign_in.failed',
        title: 'The login or the password is wrong.',
      });
      expect(response.cookies).toHaveLength(0);
    }
    expect(await auditActions('officer@sndd.example')).toContain('auth.sign_in.failed');
    expect(await auditActions('nobody@sndd.example')).toContain('auth.sign_in.failed');
  });

  it('locks an account after too many attempts, even against the right password, for existing and unknown logins alike', async () => {
    for (const login of ['auditor@sndd.example', 'ghost@sndd.example']) {
      for (let attempt = 0; attempt < THROTTLE_RULES.account.maxAttempts; attempt += 1) {
        expect((await signIn(login, 'wrong-password-123', `10.2.0.${attempt}`)).statusCode).toBe(401);
      }
      const locked = await signIn(login, DEMO_PASSWORD, '10.2.1.1');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'auth.sign_in.throttled' });
    }
  });

  it('locks an address that tries many accounts', async () => {
    let last = 0;
    for (let attempt = 0; attempt <= THROTTLE_RULES.address.maxAttempts; attempt += 1) {
      last = (await signIn(`spray${attempt}@sndd.example`, 'wrong-password-123', '10.3.3.3')).statusCode;
    }
    expect(last).toBe(429);
    expect((await signIn('kep.district@sndd.example', DEMO_PASSWORD, '10.3.3.3')).statusCode).toBe(429);
    expect((await signIn('kep.district@sndd.example', DEMO_PASSWORD, '10.3.3.4')).statusCode).toBe(200);
  });

  it('holds the limit under a burst of parallel guesses', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        signIn('admin@sndd.example', `guess-${index}-password`, `10.4.0.${index}`),
      ),
    );
    const checked = burst.filter((response) => response.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.account.maxAttempts);
    expect(burst.filter((response) => response.statusCode === 429).length).toBe(20 - checked);
    // Reset the lock so the other tests can use the administrator.
    await t.db.kysely
      .deleteFrom('access_sign_in_throttle')
      .where('key', '=', 'login:admin@sndd.example')
      .execute();
  });
});

describe('sessions', () => {
  it('refuses a write made with the session cookie but without the CSRF token, and changes nothing', async () => {
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    const forged = await admin.request(
      'PATCH',
      '/api/access/users/2',
      { displayName: 'Forged' },
      { 'x-csrf-token': 'forged' },
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'auth.csrf.invalid' });
    const user = await admin.request('GET', '/api/access/users/2');
    expect(user.json()).toMatchObject({ displayName: 'Example national officer' });
    const denied = await t.db.kysely
      .selectFrom('audit_record')
      .select('after')
      .where('action', '=', 'auth.access.denied')
      .execute();
    expect(denied.some((row) => JSON.stringify(row.after).includes('auth.csrf.invalid'))).toBe(true);
  });

  it('ends the session at sign-out', async () => {
    const client = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
    expect((await client.request('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    const after = await client.request('GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'auth.unauthenticated' });
  });

  it('ends a session after its idle time and after its lifetime', async () => {
    const idle = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
    const expired = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
    await t.db.kysely
      .updateTable('access_session')
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where('user_id', '=', 6)
      .execute();
    await t.db.kysely
      .updateTable('access_session')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', 7)
      .execute();
    expect((await idle.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await expired.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('works as a bearer token, is stored hashed, and stops working when revoked', async () => {
    const owner = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
    const created = await owner.request('POST', '/api/auth/tokens', {
      name: 'reporting script',
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: number }>();
    expect(token).toMatch(/^sndd_/);
    const stored = await t.db.kysely
      .selectFrom('access_api_token')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const machine = withToken(t.app, token);
    expect((await machine.request('GET', '/api/access/users')).statusCode).toBe(200);
    // No CSRF token is needed with a bearer token.
    expect((await machine.request('GET', '/api/auth/me')).json()).toMatchObject({
      user: { email: 'officer@sndd.example' },
    });

    expect((await owner.request('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await machine.request('GET', '/api/access/users');
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses an expired token and the token of a disabled user', async () => {
    const owner = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
    const first = (await owner.request('POST', '/api/auth/tokens', { name: 'a', expiresInDays: 1 })).json<{
      token: string;
      id: number;
    }>();
    const second = (await owner.request('POST', '/api/auth/tokens', { name: 'b', expiresInDays: 1 })).json<{
      token: string;
    }>();
    await t.db.kysely
      .updateTable('access_api_token')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', first.id)
      .execute();
    expect((await withToken(t.app, first.token).request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await withToken(t.app, second.token).request('GET', '/api/auth/me')).statusCode).toBe(200);

    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    expect((await admin.request('PATCH', '/api/access/users/5', { isActive: false })).statusCode).toBe(200);
    expect((await withToken(t.app, second.token).request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await signIn('kep.district@sndd.example', DEMO_PASSWORD, '10.9.9.9')).statusCode).toBe(401);
    expect((await admin.request('PATCH', '/api/access/users/5', { isActive: true })).statusCode).toBe(200);
  });

  it('die with a lost password: none is minted while the password must change; a reset and a disabled account revoke them all, and they stay dead', async () => {
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    const created = await admin.request('POST', '/api/access/users', {
      email: 'token.clerk@sndd.example',
      displayName: 'Token clerk',
      homeUnitCode: '230202',
      password: 'first-password-2026',
    });
    const id = created.json<{ id: number }>().id;
    await admin.request('POST', `/api/access/users/${id}/assignments`, {
      roleCode: 'commune_clerk',
      unitCode: '230202',
    });

    // A first password (set by someone else) must be changed before a token can exist.
    const person = await signedIn(t.app, 'token.clerk@sndd.example', 'first-password-2026');
    const early = await person.request('POST', '/api/auth/tokens', { name: 'too early', expiresInDays: 30 });
    expect(early.json()).toMatchObject({ code: 'auth.password.change_required' });
    expect(
      await t.db.kysely.selectFrom('access_api_token').select('id').where('user_id', '=', id).execute(),
    ).toEqual([]);
    await person.request('POST', '/api/auth/password', {
      currentPassword: 'first-password-2026',
      newPassword: 'my-own-passphrase-2026',
    });

    const mint = async (name: string) =>
      (await person.request('POST', '/api/auth/tokens', { name, expiresInDays: 30 })).json<{
        token: string;
      }>().token;
    const [one, two] = [await mint('one'), await mint('two')];
    expect((await withToken(t.app, one).request('GET', '/api/auth/me')).statusCode).toBe(200);

    // An administrator's reset revokes them, and they do not come back when the person sets a
    // new password.
    await admin.request('POST', `/api/access/users/${id}/password-reset`, {
      newPassword: 'reset-by-admin-2026',
    });
    const again = await signedIn(t.app, 'token.clerk@sndd.example', 'reset-by-admin-2026');
    await again.request('POST', '/api/auth/password', {
      currentPassword: 'reset-by-admin-2026',
      newPassword: 'my-second-passphrase-2026',
    });
    for (const token of [one, two]) {
      expect((await withToken(t.app, token).request('GET', '/api/auth/me')).statusCode).toBe(401);
    }
    const revocations = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'after'])
      .where('action', '=', 'auth.token.revoke')
      .where('entity_type', '=', 'access.api_token')
      .execute();
    expect(revocations.filter((row) => (row.after as { userId?: number } | null)?.userId === id)).toEqual([
      expect.objectContaining({ after: { reason: 'password_reset', userId: id } }),
      expect.objectContaining({ after: { reason: 'password_reset', userId: id } }),
    ]);

    // Disabling the account revokes the tokens too (not only hides them while disabled).
    const three = (
      await again.request('POST', '/api/auth/tokens', { name: 'three', expiresInDays: 30 })
    ).json<{
      token: string;
    }>().token;
    await admin.request('PATCH', `/api/access/users/${id}`, { isActive: false });
    await admin.request('PATCH', `/api/access/users/${id}`, { isActive: true });
    expect((await withToken(t.app, three).request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('sign out everywhere ends every session and revokes every token of the person', async () => {
    const first = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
    const second = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
    const token = (
      await first.request('POST', '/api/auth/tokens', { name: 'phone', expiresInDays: 7 })
    ).json<{
      token: string;
    }>().token;
    const everywhere = await second.request('POST', '/api/auth/sign-out-everywhere');
    expect(everywhere.statusCode).toBe(200);
    expect(everywhere.json()).toEqual({ tokensRevoked: 1 });
    for (const client of [first, second, withToken(t.app, token)]) {
      expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    }
  });

  it('answers a malformed Authorization header with 401, not a crash', async () => {
    const response = await anonymous(t.app).request('GET', '/api/auth/me', undefined, {
      authorization: 'Basic abc',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('after a reset by an administrator, the person must change it before doing anything else', async () => {
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    const created = await admin.request('POST', '/api/access/users', {
      email: 'new.clerk@sndd.example',
      displayName: 'New clerk',
      homeUnitCode: '230202',
      password: 'first-password-2026',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(
      (
        await admin.request('POST', `/api/access/users/${id}/assignments`, {
          roleCode: 'commune_clerk',
          unitCode: '230202',
        })
      ).statusCode,
    ).toBe(201);

    const person = await signedIn(t.app, 'new.clerk@sndd.example', 'first-password-2026');
    const blocked = await person.request('GET', '/api/access/users');
    expect(blocked.json()).toMatchObject({ code: 'auth.password.change_required' });

    const weak = await person.request('POST', '/api/auth/password', {
      currentPassword: 'first-password-2026',
      newPassword: 'short',
    });
    expect(weak.json()).toMatchObject({ code: 'access.password.too_short' });
    const wrong = await person.request('POST', '/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-much-better-passphrase',
    });
    expect(wrong.json()).toMatchObject({ code: 'access.password.current_wrong' });
    expect(
      (
        await person.request('POST', '/api/auth/password', {
          currentPassword: 'first-password-2026',
          newPassword: 'a-much-better-passphrase',
        })
      ).statusCode,
    ).toBe(204);
    expect((await person.request('GET', '/api/access/users')).statusCode).toBe(200);

    // A reset ends every session of the person.
    expect(
      (
        await admin.request('POST', `/api/access/users/${id}/password-reset`, {
          newPassword: 'reset-by-admin-2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await person.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await auditActions(String(id))).toEqual(
      expect.arrayContaining([
        'access.user.create',
        'auth.sign_in',
        'access.user.password_change',
        'access.user.password_reset',
      ]),
    );
  });

  it('never stores a password or its hash in the audit trail', async () => {
    const rows = await t.db.kysely.selectFrom('audit_record').select(['before', 'after']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('first-password-2026');
    expect(text).not.toContain('$argon2id$');
  });
});

describe('role assignments refused by the rules', () => {
  it('refuses a role at a unit outside the administrator’s scope or that does not exist; nothing changes; the attempt is recorded', async () => {
    const province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
    // kep.clerk (id 6) works in Kep: the provincial officer may manage them, but not give them
    // a role in another province.
    const before = await t.db.kysely
      .selectFrom('access_assignment')
      .select('id')
      .where('user_id', '=', 6)
      .execute();
    const outside = await province.request('POST', '/api/access/users/6/assignments', {
      roleCode: 'council_member',
      unitCode: '01',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'access.assignment.out_of_scope' });
    const noRole = await province.request('POST', '/api/access/users/6/assignments', {
      roleCode: 'grand_vizier',
      unitCode: '23',
    });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json()).toMatchObject({ code: 'access.role.not_found' });
    const escalation = await province.request('POST', '/api/access/users/6/assignments', {
      roleCode: 'auditor',
      unitCode: '23',
    });
    expect(escalation.json()).toMatchObject({ code: 'access.assignment.escalation' });
    const after = await t.db.kysely
      .selectFrom('access_assignment')
      .select('id')
      .where('user_id', '=', 6)
      .execute();
    expect(after).toEqual(before);
    const denied = await t.db.kysely
      .selectFrom('audit_record')
      .select('after')
      .where('action', '=', 'auth.access.denied')
      .where('actor_login', '=', 'kep.province@sndd.example')
      .execute();
    const codes = denied.map((row) => (row.after as { code: string }).code);
    expect(codes).toEqual(
      expect.arrayContaining(['access.assignment.out_of_scope', 'access.assignment.escalation']),
    );
  });
});
