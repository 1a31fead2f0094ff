/**
 * Delivery through real channels, on a real database: an SMTP server, an HTTP SMS gateway and
 * a Telegram Bot API, each a local server the test starts. A message written by a real
 * filing (the services' counter) reaches the person by the channel their preference names (phone
 * first without one), in Khmer with English beside; a gateway that answers 500 or nothing at
 * all leaves an attempt on record and the message pending for a later round, until it goes
 * (or, after the last attempt, is marked failed); nothing is lost.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readNotificationSettings, type NotificationSettings } from '../../config.ts';
import { modules } from '../../modules.ts';
import { jobsSchemaOf, startJobRunner } from '../../platform/jobs/job-queue.ts';
import { wireModules } from '../../platform/wiring.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import {
  createNotificationsContext,
  deliverDue,
  deliverNotification,
  DeliveryError,
  type NotificationsContext,
} from './index.ts';
import type { NotificationsModuleContext } from './context.ts';

let t: TestApp;
let district: Client;
let citizen: Client;

// ------------------------------------------------------------------ the local services

interface Received {
  mails: ParsedMail[];
  envelopes: string[][];
  sms: { headers: IncomingMessage['headers']; body: string }[];
  telegram: { url: string; body: { chat_id: string; text: string } }[];
}
const received: Received = { mails: [], envelopes: [], sms: [], telegram: [] };
/** How the SMS gateway answers next: ok, 500, or not at all (a timeout). */
let smsMode: 'ok' | 'error' | 'silent' = 'ok';

let smtp: SMTPServer;
let smsGateway: Server;
let botApi: Server;
const hanging: ServerResponse[] = [];

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

async function startServices(): Promise<{ smtpPort: number; smsPort: number; botPort: number }> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      received.envelopes.push(session.envelope.rcptTo.map((to) => to.address));
      simpleParser(stream)
        .then((mail) => {
          received.mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const smtpPort = await new Promise<number>((resolve) =>
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
  );
  smsGateway = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      if (smsMode === 'silent') {
        hanging.push(response);
        return;
      }
      received.sms.push({ headers: request.headers, body });
      if (smsMode === 'error') {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('gateway down');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
  });
  botApi = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      if (request.url !== '/bot123456:test-token/sendMessage') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end('{"ok":false,"error_code":404,"description":"Not Found"}');
        return;
      }
      received.telegram.push({
        url: request.url,
        body: JSON.parse(body) as { chat_id: string; text: string },
      });
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"ok":true,"result":{"message_id":1}}');
    });
  });
  return { smtpPort, smsPort: await listen(smsGateway), botPort: await listen(botApi) };
}

// ------------------------------------------------------------------ the set-up

const NOTIFY_SETTINGS = [
  'SMTP_URL',
  'SMTP_FROM',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TOKEN',
  'SMS_GATEWAY_HEADERS',
  'TELEGRAM_API_URL',
  'TELEGRAM_BOT_TOKEN',
  'NOTIFY_TIMEOUT_SECONDS',
  'NOTIFY_MAX_ATTEMPTS',
];

let settings: NotificationSettings;
let ctx: NotificationsContext;
let moduleCtx: NotificationsModuleContext;

const message = (id: number) =>
  t.db.kysely.selectFrom('notifications_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const attempts = (id: number) =>
  t.db.kysely
    .selectFrom('notifications_attempt')
    .selectAll()
    .where('message_id', '=', id)
    .orderBy('id')
    .execute();
const makeDue = (id: number) =>
  t.db.kysely
    .updateTable('notifications_message')
    .set({ next_attempt_at: sql`now()` })
    .where('id', '=', id)
    .execute();

/** Files an application at Kaeb municipality's counter; the id of the message it wrote. */
async function fileAtCounter(applicant: { phone?: string | null; email?: string | null }): Promise<number> {
  const response = await district.request('POST', '/api/services/applications/counter', {
    serviceCode: 'owso.business_licence_small',
    unitCode: '2302',
    values: { business_name: 'Notified shop', business_type: 'retail', workers: 2 },
    applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', disability: false, ...applicant },
  });
  expect(response.statusCode, response.body).toBe(201);
  const number = response.json<{ trackingNumber: string }>().trackingNumber;
  const row = await t.db.kysely
    .selectFrom('notifications_message')
    .select('id')
    .where('reference', '=', number)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  const ports = await startServices();
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${ports.smtpPort}`,
    SMTP_FROM: 'SNDD <no-reply@sndd.example>',
    SMS_GATEWAY_URL: `http://127.0.0.1:${ports.smsPort}/send`,
    SMS_GATEWAY_TOKEN: 'sms-secret',
    SMS_GATEWAY_HEADERS: '{"X-Sender":"SNDD"}',
    TELEGRAM_API_URL: `http://127.0.0.1:${ports.botPort}/`,
    TELEGRAM_BOT_TOKEN: '123456:test-token',
    NOTIFY_TIMEOUT_SECONDS: '1',
    NOTIFY_MAX_ATTEMPTS: '3',
  };
  // The app's own notifications module reads them too (its routes, its jobs).
  Object.assign(process.env, env);
  const read = readNotificationSettings(env);
  expect(read.problems).toEqual([]);
  settings = read.settings;
  t = await openTestApp();
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  citizen = await signedIn(t.app, '+85512345678', DEMO_PASSWORD);
  moduleCtx = wireModules(t.db.kysely, modules).contextOf(
    'notifications',
  ) as unknown as NotificationsModuleContext;
  ctx = createNotificationsContext(moduleCtx, { settings });
}, 120_000);

afterAll(async () => {
  for (const name of NOTIFY_SETTINGS) delete process.env[name];
  for (const response of hanging) response.destroy();
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  smsGateway?.closeAllConnections();
  botApi?.closeAllConnections();
  await Promise.all([smsGateway, botApi].map((server) => new Promise((resolve) => server?.close(resolve))));
});

beforeEach(() => {
  smsMode = 'ok';
  received.mails.length = 0;
  received.envelopes.length = 0;
  received.sms.length = 0;
  received.telegram.length = 0;
});

// ------------------------------------------------------------------ the tests

describe('delivery through real channels', () => {
  it('sends by SMS first: the gateway gets the phone, the token, its headers and the Khmer and English text', async () => {
    const id = await fileAtCounter({ phone: '012 777 001', email: 'sophea@example.org' });
    expect(await message(id)).toMatchObject({ state: 'pending', attempts: 0 });

    expect(await deliverNotification(ctx, id)).toBe('sent');

    expect(received.sms).toHaveLength(1);
    const [sms] = received.sms;
    expect(sms!.headers.authorization).toBe('Bearer sms-secret');
    expect(sms!.headers['x-sender']).toBe('SNDD');
    expect(sms!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(sms!.body) as { to: string; text: string };
    expect(body.to).toBe('+85512777001');
    expect(body.text).toMatch(/^ពាក្យស្នើសុំ .*បានទទួល.*\nApplication .*received/s);
    expect(received.mails).toHaveLength(0);
    expect(await message(id)).toMatchObject({ state: 'sent', channel: 'sms', attempts: 1, last_error: null });
    expect(await attempts(id)).toMatchObject([{ channel: 'sms', ok: true, error: null }]);

    // Delivered once: a second call (a job retried, the sweep) sends nothing more.
    expect(await deliverNotification(ctx, id)).toBe('not_due');
    expect(received.sms).toHaveLength(1);
  });

  it('sends by e-mail over SMTP when there is no phone: recipient, subject and both languages', async () => {
    const id = await fileAtCounter({ phone: null, email: 'dara@example.org' });
    expect(await deliverNotification(ctx, id)).toBe('sent');
    expect(received.envelopes).toEqual([['dara@example.org']]);
    const mail = received.mails[0]!;
    expect(mail.from?.text).toContain('no-reply@sndd.example');
    const row = await message(id);
    expect(mail.subject).toBe(`ពាក្យស្នើសុំរបស់អ្នក ${row.reference} / Your application ${row.reference}`);
    expect(mail.text).toContain(row.text_km);
    expect(mail.text).toContain(row.text_en);
    expect(mail.text).toMatch(/បានទទួល[\s\S]*received/);
    expect(row).toMatchObject({ state: 'sent', channel: 'email' });
  });

  it('follows the person’s preference: Telegram once the citizen chose it, at their chat', async () => {
    const chosen = await citizen.request('PUT', '/api/notifications/preferences', {
      channel: 'telegram',
      phone: '012 345 678',
      email: null,
      telegramChatId: '987654321',
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({
      channel: 'telegram',
      phone: '+85512345678',
      telegramChatId: '987654321',
      channelsOn: ['sms', 'telegram', 'email'],
    });
    // A counter filing with the citizen's phone: the preference of the account with that phone applies.
    const id = await fileAtCounter({ phone: '012 345 678' });
    expect(await deliverNotification(ctx, id)).toBe('sent');
    expect(received.sms).toHaveLength(0);
    expect(received.telegram).toHaveLength(1);
    expect(received.telegram[0]!.body.chat_id).toBe('987654321');
    expect(received.telegram[0]!.body.text).toMatch(/បានទទួល[\s\S]*\nApplication .* received/);
    expect(await message(id)).toMatchObject({ state: 'sent', channel: 'telegram' });

    // Back to the default (phone first): the next message goes by SMS.
    const back = await citizen.request('PUT', '/api/notifications/preferences', {
      channel: null,
      phone: '+85512345678',
      email: null,
      telegramChatId: '987654321',
    });
    expect(back.statusCode, back.body).toBe(200);
    const next = await fileAtCounter({ phone: '012 345 678' });
    expect(await deliverNotification(ctx, next)).toBe('sent');
    expect(received.sms).toHaveLength(1);
    expect(received.telegram).toHaveLength(1);
  });

  it('a gateway that answers 500: the attempt is recorded, retried later, then sent', async () => {
    const onlySms = createNotificationsContext(moduleCtx, {
      settings: { ...settings, smtp: undefined, telegram: undefined },
    });
    const id = await fileAtCounter({ phone: '012 777 002', email: 'x@example.org' });
    smsMode = 'error';
    await expect(deliverNotification(onlySms, id)).rejects.toThrow(DeliveryError);
    const failed = await message(id);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, channel: null });
    expect(failed.last_error).toContain('SMS gateway answered 500: gateway down');
    // Not before its next attempt (30 s later), whoever asks.
    expect(failed.next_attempt_at!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverNotification(onlySms, id)).toBe('not_due');
    expect(await deliverDue(onlySms)).toMatchObject({ sent: 0 });

    smsMode = 'ok';
    await makeDue(id);
    const swept = await deliverDue(onlySms);
    expect(swept.sent).toBeGreaterThanOrEqual(1);
    expect(await message(id)).toMatchObject({ state: 'sent', channel: 'sms', attempts: 2, last_error: null });
    expect((await attempts(id)).map((attempt) => [attempt.ok, attempt.error])).toEqual([
      [false, 'SMS gateway answered 500: gateway down'],
      [true, null],
    ]);
  });

  it('a gateway that never answers: the attempt ends at the timeout, and after the last attempt the message is failed', async () => {
    const onlySms = createNotificationsContext(moduleCtx, {
      settings: { ...settings, smtp: undefined, telegram: undefined },
    });
    const id = await fileAtCounter({ phone: '012 777 003' });
    smsMode = 'silent';
    const started = Date.now();
    await expect(deliverNotification(onlySms, id)).rejects.toThrow(/no answer in time/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await message(id)).toMatchObject({ state: 'pending', attempts: 1 });
    for (const round of [2, 3]) {
      await makeDue(id);
      await expect(deliverNotification(onlySms, id)).rejects.toThrow(`attempt ${round}`);
    }
    // NOTIFY_MAX_ATTEMPTS=3: failed for good, kept with its attempts.
    const failed = await message(id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, next_attempt_at: null });
    expect(failed.last_error).toBe('sms: SMS gateway: no answer in time');
    expect(await attempts(id)).toHaveLength(3);
    await makeDue(id);
    expect(await deliverNotification(onlySms, id)).toBe('not_due');
  });

  it('falls back to the next channel when the first fails', async () => {
    const id = await fileAtCounter({ phone: '012 777 004', email: 'fallback@example.org' });
    smsMode = 'error';
    expect(await deliverNotification(ctx, id)).toBe('sent');
    expect(received.envelopes).toEqual([['fallback@example.org']]);
    expect((await attempts(id)).map((attempt) => [attempt.channel, attempt.ok])).toEqual([
      ['sms', false],
      ['email', true],
    ]);
  });

  it('no channel on for the person: undeliverable, said once, not retried', async () => {
    const none = createNotificationsContext(moduleCtx, {
      settings: { ...settings, smtp: undefined, sms: undefined, telegram: undefined },
    });
    const id = await fileAtCounter({ phone: '012 777 005' });
    expect(await deliverNotification(none, id)).toBe('undeliverable');
    expect(await message(id)).toMatchObject({ state: 'undeliverable', next_attempt_at: null });
    expect(await attempts(id)).toHaveLength(0);
  });

  it('the officers’ outbox shows each message’s delivery', async () => {
    const id = await fileAtCounter({ phone: '012 777 006' });
    smsMode = 'error';
    await expect(deliverNotification(ctx, id)).rejects.toThrow(DeliveryError);
    const row = await message(id);
    const outbox = await district.request('GET', `/api/services/outbox?trackingNumber=${row.reference}`);
    expect(outbox.statusCode, outbox.body).toBe(200);
    expect(outbox.json()).toMatchObject({
      total: 1,
      items: [{ id, deliveryState: 'pending', attempts: 1, channel: null, sentAt: null }],
    });
    expect(outbox.json<{ items: { deliveryError: string }[] }>().items[0]!.deliveryError).toContain('500');
  });
});

describe('through the job queue', () => {
  it('a filing’s message reaches the local SMTP server: the job is written with it and run after commit', async () => {
    const wired = wireModules(t.db.kysely, modules);
    const errors: unknown[] = [];
    const runner = await startJobRunner({
      db: t.db.kysely as never,
      definitions: wired.jobs,
      log: { info: () => {}, error: (error) => errors.push(error) },
      pollingIntervalSeconds: 0.5,
    });
    try {
      const id = await fileAtCounter({ phone: null, email: 'queued@example.org' });
      const schema = await jobsSchemaOf(t.db.kysely);
      const job = await sql<{ state: string }>`select state::text from ${sql.table(`${schema}.job`)}
        where name = 'notifications.deliver' and data->>'messageId' = ${String(id)}`.execute(t.db.kysely);
      expect(job.rows).toHaveLength(1);
      const deadline = Date.now() + 30_000;
      // The envelope is recorded before the mail is parsed, and the message marked sent after
      // the server's answer: wait for all three, not the first.
      while ((received.mails.length === 0 || (await message(id)).state !== 'sent') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received.envelopes).toEqual([['queued@example.org']]);
      expect(received.mails[0]!.text).toContain((await message(id)).text_km);
      expect(await message(id)).toMatchObject({ state: 'sent', channel: 'email', attempts: 1 });
    } finally {
      await runner.stop(5_000);
    }
    expect(errors).toEqual([]);
  });
});

describe('an operator’s retry from the dead-letter list', () => {
  const jobsTable = async () => sql.table(`${await jobsSchemaOf(t.db.kysely)}.job`);
  /** The delivery job of a message, as pg-boss leaves it after its last retry failed. */
  async function deadLetter(messageId: number): Promise<string> {
    const { rows } = await sql<{ id: string }>`update ${await jobsTable()}
      set state = 'failed', retry_count = retry_limit, completed_on = now(),
        output = '{"message":"not delivered"}'::jsonb
      where name = 'notifications.deliver' and data->>'messageId' = ${String(messageId)}
      returning id`.execute(t.db.kysely);
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  }
  async function runUntilCompleted(jobId: string): Promise<void> {
    const runner = await startJobRunner({
      db: t.db.kysely as never,
      definitions: wireModules(t.db.kysely, modules).jobs,
      log: { info: () => {}, error: () => {} },
      pollingIntervalSeconds: 0.5,
    });
    try {
      let state = '';
      for (let i = 0; i < 150 && state !== 'completed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const { rows } = await sql<{ state: string }>`select state::text as state
          from ${await jobsTable()} where id = ${jobId}::uuid`.execute(t.db.kysely);
        state = rows[0]?.state ?? '';
      }
      expect(state).toBe('completed');
    } finally {
      await runner.stop(5_000);
    }
  }
  const smsTo = (phone: string) =>
    received.sms.filter((sms) => (JSON.parse(sms.body) as { to: string }).to === phone).length;

  it('sends a message its last attempt marked failed, once; a retry of a sent message sends nothing', async () => {
    const onlySms = createNotificationsContext(moduleCtx, {
      settings: { ...settings, smtp: undefined, telegram: undefined },
    });
    const id = await fileAtCounter({ phone: '012 777 010' });
    smsMode = 'error';
    for (let round = 1; round <= 3; round += 1) {
      await makeDue(id);
      await expect(deliverNotification(onlySms, id)).rejects.toThrow(DeliveryError);
    }
    expect(await message(id)).toMatchObject({ state: 'failed', attempts: 3 });
    const jobId = await deadLetter(id);
    expect(smsTo('+85512777010')).toBe(3);

    smsMode = 'ok';
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    const retried = await admin.request('POST', `/api/jobs/failed/${jobId}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    // Due again in the retry's transaction, with its rounds kept.
    expect(await message(id)).toMatchObject({ state: 'pending', attempts: 3 });
    await runUntilCompleted(jobId);
    expect(smsTo('+85512777010')).toBe(4);
    expect(await message(id)).toMatchObject({ state: 'sent', channel: 'sms', attempts: 4, last_error: null });

    // The same job dead-lettered again after the message went (a process that lost the
    // database between the send and the job's completion): its retry sends nothing more.
    const again = await deadLetter(id);
    expect(again).toBe(jobId);
    const second = await admin.request('POST', `/api/jobs/failed/${jobId}/retry`);
    expect(second.statusCode, second.body).toBe(200);
    expect(await message(id)).toMatchObject({ state: 'sent', attempts: 4 });
    await runUntilCompleted(jobId);
    expect(smsTo('+85512777010')).toBe(4);
    expect(await message(id)).toMatchObject({ state: 'sent', attempts: 4 });
  }, 90_000);
});

describe('a person’s contact and channel', () => {
  it('starts from the sign-in name, phone first', async () => {
    const officer = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
    const answer = await officer.request('GET', '/api/notifications/preferences');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ channel: null, phone: null, email: 'kep.clerk@sndd.example' });
  });

  it('refuses bad input with its code, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { channel: 'sms', phone: '12', email: null, telegramChatId: null },
        'notifications.preference.bad_phone',
      ],
      [
        { channel: null, phone: null, email: 'not-an-address', telegramChatId: null },
        'notifications.preference.bad_email',
      ],
      [
        { channel: null, phone: null, email: null, telegramChatId: 'chat me' },
        'notifications.preference.bad_telegram_chat_id',
      ],
      [
        { channel: 'telegram', phone: '012 345 678', email: null, telegramChatId: null },
        'notifications.preference.no_address',
      ],
      [{ channel: 'fax', phone: null, email: null, telegramChatId: null }, 'http.request.invalid'],
    ];
    const officer = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
    for (const [body, code] of cases) {
      const answer = await officer.request('PUT', '/api/notifications/preferences', body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({ code });
    }
    expect((await officer.request('GET', '/api/notifications/preferences')).json<unknown>()).toMatchObject({
      channel: null,
    });
    const audited = await t.db.kysely
      .selectFrom('audit_record')
      .select('action')
      .where('action', '=', 'notifications.preference.update')
      .execute();
    // Only the citizen's two changes above.
    expect(audited).toHaveLength(2);
  });

  it('is for the signed-in only', async () => {
    expect((await anonymous(t.app).request('GET', '/api/notifications/preferences')).statusCode).toBe(401);
  });
});

describe('settings', () => {
  it('refuse malformed values by name, never repeating a secret', () => {
    const { problems } = readNotificationSettings({
      SMTP_URL: 'smtp://user:hunter2@mail.example.org',
      SMS_GATEWAY_URL: 'ftp://gateway',
      SMS_GATEWAY_HEADERS: '{"X-Key": 12}',
      TELEGRAM_BOT_TOKEN: 'not a token',
      NOTIFY_TIMEOUT_SECONDS: '0',
    });
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems).toEqual([
      expect.stringContaining('NOTIFY_TIMEOUT_SECONDS'),
      'Setting SMTP_URL is refused: it needs SMTP_FROM too.',
      expect.stringContaining('SMS_GATEWAY_URL is refused'),
      expect.stringContaining('SMS_GATEWAY_HEADERS is refused'),
      expect.stringContaining('TELEGRAM_BOT_TOKEN is refused'),
    ]);
  });

  it('need {phone} and {text} in the gateway template', () => {
    const { problems } = readNotificationSettings({
      SMS_GATEWAY_URL: 'https://sms.example.org/send',
      SMS_GATEWAY_BODY: 'to={phone}',
      SMS_GATEWAY_CONTENT_TYPE: 'application/x-www-form-urlencoded',
    });
    expect(problems).toEqual(['Setting SMS_GATEWAY_BODY is refused: it must hold {phone} and {text}.']);
  });
});
