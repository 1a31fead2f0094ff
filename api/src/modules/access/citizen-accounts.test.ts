/**
 * Citizens' accounts by phone, through the real routes on a real database: the code goes out
 * through the notifications outbox (read here with SQL, as only a test may), sign-up, password
 * recovery and deleting one's account; and every bad input of issue #19: a phone in any
 * typing, a wrong, expired or reused code, twenty wrong codes in a row, a sign-up for a number
 * that has an account, a recovery for one that has none, with nothing half-created.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { signedIn } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from './demo-seed.ts';
import { CODE_MAX_ATTEMPTS, CODE_THROTTLE_RULES } from './phone-codes.ts';

// A shared machine under load: the demo database and argon2 hashes take their time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const PASSWORD = 'rice-field-2026';
let ipCounter = 0;
/** A new client address, so that one test's throttle does not touch another's. */
const newIp = () => `10.19.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const post = (url: string, payload: object, ip: string) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

/** The code of the latest SMS to a phone (+855…), as the person reads it. */
async function sentCode(phone: string): Promise<string | undefined> {
  const row = await t.db.kysely
    .selectFrom('notifications_message')
    .select(['text_en', 'text_km'])
    .where('recipient_phone', '=', phone)
    .where('topic', '=', 'account.code')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.text_en.match(/code is (\d{6})/)?.[1];
}

async function messagesTo(phone: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('notifications_message')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_phone', '=', phone)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function accountsWith(phone: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('access_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('phone', '=', phone)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom('audit_record')
    .select('action')
    .where('entity_type', '=', 'access.user')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.action);
}

/** Signs up a new citizen at `phone` (+855…) end to end; the account's id. */
async function signUpCitizen(phone: string, typed = phone, name = 'សុខ ចាន់ (គំរូ)'): Promise<number> {
  const ip = newIp();
  expect((await post('/api/auth/sign-up/code', { phone: typed }, ip)).statusCode).toBe(202);
  const code = await sentCode(phone);
  const created = await post(
    '/api/auth/sign-up',
    { phone: typed, code: code!, displayName: name, password: PASSWORD },
    ip,
  );
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ user: { id: number } }>().user.id;
}

describe('signing up by phone', () => {
  it('sends a code to a number typed in Khmer digits and creates a citizen account, signed in', async () => {
    const ip = newIp();
    const asked = await post('/api/auth/sign-up/code', { phone: '០៩៧ ២២២ ៣៣៣' }, ip);
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toEqual({ expiresInSeconds: 600 });
    const code = await sentCode('+85597222333');
    expect(code).toMatch(/^\d{6}$/);
    // Hashed at rest: the code table holds no code.
    const stored = await t.db.kysely
      .selectFrom('access_phone_code')
      .selectAll()
      .where('phone', '=', '+85597222333')
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code!);
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The code typed in Khmer digits with a space, the number typed another way.
    const khmerCode = code!.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
    const created = await post(
      '/api/auth/sign-up',
      {
        phone: '+855 97 222 333',
        code: `${khmerCode.slice(0, 3)} ${khmerCode.slice(3)}`,
        displayName: 'ស្រី មុំ (គំរូ)',
        password: PASSWORD,
      },
      ip,
    );
    expect(created.statusCode, created.body).toBe(201);
    const me = created.json<{
      user: { id: number; phone: string; email: null; assignments: { roleCode: string; unitCode: null }[] };
    }>();
    expect(me.user).toMatchObject({ phone: '+85597222333', email: null, displayName: 'ស្រី មុំ (គំរូ)' });
    expect(me.user.assignments.map((a) => [a.roleCode, a.unitCode])).toEqual([['citizen', null]]);
    expect(created.cookies.find((cookie) => cookie.name === 'sndd_session')).toBeTruthy();
    expect(await auditActions(String(me.user.id))).toEqual(['access.user.sign_up', 'auth.sign_in']);

    // The password works: sign in with the number as typed another way.
    const client = await signedIn(t.app, '097222333', PASSWORD);
    const mine = await client.request('GET', '/api/services/my/applications');
    expect(mine.statusCode).toBe(200);
  });

  it('refuses a number that is not Cambodian, in any step, with nothing written', async () => {
    const ip = newIp();
    for (const phone of ['12', '+1 202 555 0100', '0012345678', 'abc', '០០០']) {
      const asked = await post('/api/auth/sign-up/code', { phone }, ip);
      expect(asked.statusCode).toBe(400);
      expect(asked.json()).toMatchObject({ code: 'access.user.phone_invalid' });
      const recovery = await post('/api/auth/recovery/code', { phone }, ip);
      expect(recovery.json()).toMatchObject({ code: 'access.user.phone_invalid' });
    }
    const signUp = await post(
      '/api/auth/sign-up',
      { phone: '12', code: '123456', displayName: 'x', password: PASSWORD },
      ip,
    );
    expect(signUp.json()).toMatchObject({ code: 'access.user.phone_invalid' });
  });

  it('refuses a sign-up for a number that has an account, with a stable code and no SMS', async () => {
    const before = await messagesTo('+85512345678');
    const asked = await post('/api/auth/sign-up/code', { phone: '012 345 678' }, newIp());
    expect(asked.statusCode).toBe(409);
    expect(asked.json()).toMatchObject({ code: 'access.sign_up.phone_taken' });
    expect(await messagesTo('+85512345678')).toBe(before);
  });

  it('refuses a wrong code, an expired code and a reused code; creates nothing', async () => {
    const phone = '+85511200300';
    const ip = newIp();
    await post('/api/auth/sign-up/code', { phone }, ip);
    const code = (await sentCode(phone))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const body = { phone, displayName: 'ឧទាហរណ៍', password: PASSWORD };
    const refused = await post('/api/auth/sign-up', { ...body, code: wrong }, ip);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'access.code.wrong' });
    const notDigits = await post('/api/auth/sign-up', { ...body, code: 'abcdef' }, ip);
    expect(notDigits.json()).toMatchObject({ code: 'access.code.wrong' });

    await t.db.kysely
      .updateTable('access_phone_code')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('phone', '=', phone)
      .execute();
    const expired = await post('/api/auth/sign-up', { ...body, code }, ip);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'access.code.expired' });
    expect(await accountsWith(phone)).toBe(0);

    // A new code works once; the same code again is used (the account is not made twice).
    await post('/api/auth/sign-up/code', { phone }, ip);
    const fresh = (await sentCode(phone))!;
    expect((await post('/api/auth/sign-up', { ...body, code: fresh }, ip)).statusCode).toBe(201);
    const reused = await post('/api/auth/sign-up', { ...body, code: fresh }, ip);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'access.code.used' });
    expect(await accountsWith(phone)).toBe(1);
  });

  it('only the latest code counts', async () => {
    const phone = '+85511200301';
    const ip = newIp();
    await post('/api/auth/sign-up/code', { phone }, ip);
    const first = (await sentCode(phone))!;
    await post('/api/auth/sign-up/code', { phone }, ip);
    const second = (await sentCode(phone))!;
    const body = { phone, displayName: 'ឧទាហរណ៍', password: PASSWORD };
    if (first !== second) {
      expect((await post('/api/auth/sign-up', { ...body, code: first }, ip)).json()).toMatchObject({
        code: 'access.code.wrong',
      });
    }
    expect((await post('/api/auth/sign-up', { ...body, code: second }, ip)).statusCode).toBe(201);
  });

  it('a weak password is refused before the code is tried, so it spends no try', async () => {
    const phone = '+85511200302';
    const ip = newIp();
    await post('/api/auth/sign-up/code', { phone }, ip);
    const code = (await sentCode(phone))!;
    const weak = await post('/api/auth/sign-up', { phone, code, displayName: 'ក', password: 'short' }, ip);
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'access.password.too_short' });
    const blank = await post(
      '/api/auth/sign-up',
      { phone, code, displayName: '   ', password: PASSWORD },
      ip,
    );
    expect(blank.json()).toMatchObject({ code: 'http.request.invalid' });
    const row = await t.db.kysely
      .selectFrom('access_phone_code')
      .select('attempts')
      .where('phone', '=', phone)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(0);
    expect(await accountsWith(phone)).toBe(0);
  });

  it('twenty wrong codes in a row: the code dies after five tries, the number is locked after ten', async () => {
    const phone = '+85511200303';
    const ip = newIp();
    await post('/api/auth/sign-up/code', { phone }, ip);
    const code = (await sentCode(phone))!;
    const wrong = code === '999999' ? '888888' : '999999';
    const answers: string[] = [];
    let retryAfter: string | undefined;
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await post(
        '/api/auth/sign-up',
        { phone, code: wrong, displayName: 'ឧទាហរណ៍', password: PASSWORD },
        // Several addresses: the number's own limit is what stops them.
        `10.20.${attempt}.1`,
      );
      answers.push(`${response.statusCode} ${response.json<{ code: string }>().code}`);
      if (response.statusCode === 429) retryAfter = String(response.headers['retry-after']);
    }
    const limit = CODE_THROTTLE_RULES.checkPerPhone.maxFailures;
    expect(answers.slice(0, CODE_MAX_ATTEMPTS - 1)).toEqual(
      Array(CODE_MAX_ATTEMPTS - 1).fill('400 access.code.wrong'),
    );
    expect(answers.slice(CODE_MAX_ATTEMPTS - 1, limit)).toEqual(
      Array(limit - CODE_MAX_ATTEMPTS + 1).fill('400 access.code.too_many_attempts'),
    );
    expect(answers.slice(limit)).toEqual(Array(20 - limit).fill('429 access.code.throttled'));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right code is refused now, and nothing was created.
    const right = await post(
      '/api/auth/sign-up',
      { phone, code, displayName: 'ឧទាហរណ៍', password: PASSWORD },
      newIp(),
    );
    expect(right.statusCode).toBe(429);
    expect(await accountsWith(phone)).toBe(0);
  });

  it('a dead code stays dead even with the right digits', async () => {
    const phone = '+85511200304';
    const ip = newIp();
    await post('/api/auth/sign-up/code', { phone }, ip);
    const code = (await sentCode(phone))!;
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i += 1) {
      await post('/api/auth/sign-up', { phone, code: wrong, displayName: 'ក', password: PASSWORD }, ip);
    }
    const right = await post('/api/auth/sign-up', { phone, code, displayName: 'ក', password: PASSWORD }, ip);
    expect(right.json()).toMatchObject({ code: 'access.code.too_many_attempts' });
    expect(await accountsWith(phone)).toBe(0);
  });

  it('throttles asking for codes per number, with Retry-After', async () => {
    const phone = '+85511200305';
    const limit = CODE_THROTTLE_RULES.sendPerPhone.maxFailures;
    for (let i = 0; i < limit; i += 1) {
      expect((await post('/api/auth/sign-up/code', { phone }, newIp())).statusCode).toBe(202);
    }
    const over = await post('/api/auth/sign-up/code', { phone }, newIp());
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'access.code.throttled' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(await messagesTo(phone)).toBe(limit);
  });

  it('throttles asking for codes per address', async () => {
    const ip = newIp();
    const limit = CODE_THROTTLE_RULES.sendPerAddress.maxFailures;
    for (let i = 0; i < limit; i += 1) {
      const phone = `+8551130${String(i).padStart(4, '0')}`;
      expect((await post('/api/auth/sign-up/code', { phone }, ip)).statusCode).toBe(202);
    }
    const over = await post('/api/auth/sign-up/code', { phone: '+85511309999' }, ip);
    expect(over.json()).toMatchObject({ code: 'access.code.throttled' });
  });
});

describe('recovering a password by phone', () => {
  it('answers a number with an account and one without the same way, and sends only to the first', async () => {
    const phone = '+85511400500';
    await signUpCitizen(phone);
    const before = await messagesTo(phone);
    const known = await post('/api/auth/recovery/code', { phone: '011 400 500' }, newIp());
    const unknown = await post('/api/auth/recovery/code', { phone: '011 400 501' }, newIp());
    for (const response of [known, unknown]) expect(response.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(await messagesTo(phone)).toBe(before + 1);
    expect(await messagesTo('+85511400501')).toBe(0);
    // Trying codes for the number without an account answers as a wrong code does.
    const tried = await post(
      '/api/auth/recovery',
      { phone: '+85511400501', code: '123456', newPassword: PASSWORD },
      newIp(),
    );
    expect(tried.json()).toMatchObject({ code: 'access.code.wrong' });
    const never = await post(
      '/api/auth/recovery',
      { phone: '+85511400599', code: '123456', newPassword: PASSWORD },
      newIp(),
    );
    expect(never.json()).toMatchObject({ code: 'access.code.wrong' });
  });

  it('sets a new password with the code, ends every session, and the code cannot be used again', async () => {
    const phone = '+85511400600';
    const id = await signUpCitizen(phone);
    const old = await signedIn(t.app, phone, PASSWORD);
    const ip = newIp();
    await post('/api/auth/recovery/code', { phone }, ip);
    const code = (await sentCode(phone))!;
    const newPassword = 'mango-tree-2027';
    const weak = await post('/api/auth/recovery', { phone, code, newPassword: 'short' }, ip);
    expect(weak.json()).toMatchObject({ code: 'access.password.too_short' });
    const done = await post('/api/auth/recovery', { phone, code, newPassword }, ip);
    expect(done.statusCode, done.body).toBe(204);
    expect((await old.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await signedIn(t.app, phone, newPassword);
    const again = await post('/api/auth/recovery', { phone, code, newPassword: 'another-pass-2028' }, ip);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'access.code.used' });
    expect(await auditActions(String(id))).toContain('access.user.password_recover');
  });

  it('sends no code to an officer’s number: officers ask their administrator', async () => {
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    const made = await admin.request('POST', '/api/access/users', {
      phone: '011 400 700',
      displayName: 'Example officer with a phone',
      homeUnitCode: '230201',
      password: 'officer-password-2026',
    });
    expect(made.statusCode, made.body).toBe(201);
    await admin.request('POST', `/api/access/users/${made.json<{ id: number }>().id}/assignments`, {
      roleCode: 'commune_clerk',
      unitCode: '230201',
    });
    const asked = await post('/api/auth/recovery/code', { phone: '011 400 700' }, newIp());
    expect(asked.statusCode).toBe(202);
    expect(await messagesTo('+85511400700')).toBe(0);
  });
});

describe('deleting one’s account', () => {
  it('clears the personal fields, ends sessions, keeps the filings with the office, audited', async () => {
    const phone = '+85511500800';
    const id = await signUpCitizen(phone);
    const client = await signedIn(t.app, phone, PASSWORD);
    const filed = await client.request('POST', '/api/services/applications', {
      serviceCode: 'commune.certification',
      unitCode: '230201',
      values: { document_kind: 'copy', copies: 1 },
      applicant: { sex: 'female', ageGroup: '18-34' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const number = filed.json<{ trackingNumber: string }>().trackingNumber;
    // Contacts for messages, kept by the notifications module.
    const chosen = await client.request('PUT', '/api/notifications/preferences', {
      channel: 'telegram',
      phone,
      email: 'mum@example.org',
      telegramChatId: '555111',
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const messagesOfAccount = () =>
      t.db.kysely
        .selectFrom('notifications_message')
        .select(['recipient_phone', 'recipient_email', 'recipient_telegram_chat_id', 'state'])
        .where('recipient_account_id', '=', id)
        .execute();
    expect((await messagesOfAccount()).some((message) => message.recipient_phone === phone)).toBe(true);

    const wrong = await client.request('POST', '/api/auth/account/delete', { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'access.password.current_wrong' });
    expect(await accountsWith(phone)).toBe(1);

    const deleted = await client.request('POST', '/api/auth/account/delete', { password: PASSWORD });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const row = await t.db.kysely
      .selectFrom('access_user')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ phone: null, email: null, display_name: '', is_active: false });
    expect(row.deleted_at).not.toBeNull();
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const signIn = await post('/api/auth/sign-in', { login: phone, password: PASSWORD }, newIp());
    expect(signIn.statusCode).toBe(401);
    expect(await auditActions(String(id))).toContain('access.user.delete');
    // The contacts for messages are gone with it, in the same transaction: the preference, and
    // the addresses of the messages to the account (none is left to send).
    const preference = await t.db.kysely
      .selectFrom('notifications_preference')
      .selectAll()
      .where('account_id', '=', id)
      .executeTakeFirst();
    expect(preference).toBeUndefined();
    const messages = await messagesOfAccount();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).toMatchObject({
        recipient_phone: null,
        recipient_email: null,
        recipient_telegram_chat_id: null,
      });
      expect(['sent', 'undeliverable']).toContain(message.state);
    }
    // The filing stays with the office.
    const kept = await t.db.kysely
      .selectFrom('services_application')
      .select(['applicant_user_id', 'tracking_number'])
      .where('tracking_number', '=', number)
      .executeTakeFirstOrThrow();
    expect(kept.applicant_user_id).toBe(id);
    // The number may sign up again as a new person.
    expect((await post('/api/auth/sign-up/code', { phone }, newIp())).statusCode).toBe(202);
  });

  it('an officer cannot delete their own account here', async () => {
    const clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
    const refused = await clerk.request('POST', '/api/auth/account/delete', { password: DEMO_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'access.account.not_citizen' });
  });
});
