/**
 * Filings written by group commit, on a real database: filings sent at once share transactions
 * and still each get their application, event, notification and audit record, in an intact
 * chain, with dashboard totals equal to a rebuild; one filing whose write fails fails alone
 * and leaves nothing behind.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import { signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { usingPostgres } from '../../test-support/test-db.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { modules } from '../../modules.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { wireModules } from '../../platform/wiring.ts';
import { checkApplicant } from './applicants.ts';
import { fileApplication } from './applications.service.ts';
import { LocalFolderStore } from './attachments.ts';
import { HolidayCalendar } from './calendar.service.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { rebuildDashboard } from './dashboard/dashboard.maintain.ts';
import { createServicesContext } from './filing-queue.ts';
import { channelThrough, type NotificationChannel } from './notifications.ts';
import type { ServicesTables } from './services.tables.ts';

let t: TestApp;
let district: Client; // district officer at 2302 (the OWSO)
const db = () => tablesOf<ServicesTables>(t.db.kysely);

const counterBody = (phone: string) => ({
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: { business_name: 'Queue shop', business_type: 'retail', workers: 3 },
  applicant: { name: 'សុខ ដារា', sex: 'male', ageGroup: '18-34', disability: false, phone },
});

/** The dashboard's running totals, in a stable order. */
async function runningTotals() {
  const months = await sql`select * from services_dashboard_month
    order by scope_code, month, dimension, value`.execute(t.db.kysely);
  const open = await sql`select * from services_dashboard_open where open_count <> 0
    order by scope_code, month, dimension, value, due_date`.execute(t.db.kysely);
  return { months: months.rows, open: open.rows };
}

/** A services context of its own (its own filing queue), with the given channel. */
async function servicesContext(channel?: NotificationChannel) {
  const moduleCtx = wireModules(t.db.kysely, modules).contextOf(
    'services',
  ) as unknown as ServicesModuleContext;
  return createServicesContext(moduleCtx, {
    calendar: new HolidayCalendar(db()),
    channel,
    attachments: new LocalFolderStore(await mkdtemp(path.join(os.tmpdir(), 'sndd-queue-'))),
  });
}

const fileAtCounter = (ctx: ServicesContext, phone: string) =>
  fileApplication(ctx, SYSTEM_ACTOR, {
    ...counterBody(phone),
    applicant: checkApplicant(counterBody(phone).applicant),
    channel: 'counter',
    applicantUserId: null,
  });

beforeAll(async () => {
  t = await openTestApp();
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

describe('filings sent at once', () => {
  it('share transactions, and each keeps its event, notification and audit record', async () => {
    const phones = Array.from({ length: 24 }, (_, i) => `012 700 ${String(i).padStart(3, '0')}`);
    const answers = await Promise.all(
      phones.map((phone) =>
        district.request('POST', '/api/services/applications/counter', counterBody(phone)),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(phones.map(() => 201));
    const numbers = answers.map((answer) => answer.json<{ trackingNumber: string }>().trackingNumber);
    expect(new Set(numbers).size).toBe(24);

    // Fewer transactions than filings on PostgreSQL: rows written by one transaction share its
    // xmin. (PGlite has one connection: a batch's transaction holds it, the next requests'
    // checks wait behind it, and filings mostly go one at a time; the test below covers it.)
    const written = await sql<{ transactions: number; applications: number; events: number }>`
      select count(distinct a.xmin::text)::int as transactions, count(distinct a.id)::int as applications,
        count(e.id)::int as events
      from services_application a join services_application_event e on e.application_id = a.id
      where a.tracking_number in (${sql.join(numbers)})`.execute(t.db.kysely);
    expect(written.rows[0]).toMatchObject({ applications: 24, events: 24 });
    if (usingPostgres) expect(written.rows[0]!.transactions).toBeLessThan(24);

    const outbox = await t.db.kysely
      .selectFrom('notifications_message')
      .select(['reference', 'recipient_phone'])
      .where('reference', 'in', numbers)
      .execute();
    expect(outbox).toHaveLength(24);
    const audited = await sql<{ entity_id: string; unit_code: string }>`
      select entity_id, unit_code from audit_record
      where action = 'services.application.file' and entity_id in (${sql.join(numbers)})`.execute(
      t.db.kysely,
    );
    expect(audited.rows.map((row) => row.entity_id).sort()).toEqual([...numbers].sort());
    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true });

    // The totals the batches kept are those the base tables give.
    const kept = await runningTotals();
    await rebuildDashboard(t.db.kysely);
    expect(await runningTotals()).toEqual(kept);
  });

  it('handed over together are written together, in order', async () => {
    const ctx = await servicesContext();
    // One filing first, so that the standard and the holidays are in memory and the six below
    // pass their checks at once, without waiting on the database.
    await fileAtCounter(ctx, '012 900 100');
    const phones = Array.from({ length: 6 }, (_, i) => `012 900 00${i}`);
    const filed = await Promise.all(phones.map((phone) => fileAtCounter(ctx, phone)));
    expect(filed.map((application) => application.applicant.phone)).toEqual(
      phones.map((phone) => `+855${phone.replaceAll(' ', '').slice(1)}`),
    );
    const numbers = filed.map((application) => application.trackingNumber);
    const written = await sql<{ transactions: number }>`
      select count(distinct xmin::text)::int as transactions from services_application
      where tracking_number in (${sql.join(numbers)})`.execute(t.db.kysely);
    // The first goes at once, alone; the five that came meanwhile share the next transaction.
    expect(written.rows[0]!.transactions).toBe(2);
    const audited = await sql<{ entity_id: string }>`select entity_id from audit_record
      where entity_id in (${sql.join(numbers)}) order by seq`.execute(t.db.kysely);
    expect(audited.rows.map((row) => row.entity_id)).toEqual(numbers);
  });

  it('fail one by one: a filing whose write fails leaves nothing, and the others are written', async () => {
    const refused = '+85512000666';
    // A channel that cannot take one message (as a real channel's write could fail): the filing
    // fails after its application, event and audit record were written in the batch.
    const outbox = channelThrough(
      (wireModules(t.db.kysely, modules).contextOf('services') as unknown as ServicesModuleContext).ports
        .notifications,
    );
    const picky: NotificationChannel = {
      async send(message, trx) {
        if (message.recipientPhone === refused) throw new Error('the channel refused this message');
        await outbox.send(message, trx);
      },
    };
    const ctx = await servicesContext(picky);
    const before = await verifyAuditChain(t.db.kysely);
    const phones = ['012 800 001', '012 800 002', '012 000 666', '012 800 004', '012 800 005'];
    const settled = await Promise.allSettled(phones.map((phone) => fileAtCounter(ctx, phone)));
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(settled[2]).toMatchObject({ reason: new Error('the channel refused this message') });

    const left = await db()
      .selectFrom('services_application')
      .select('tracking_number')
      .where('applicant_phone', '=', refused)
      .execute();
    expect(left).toEqual([]);
    const after = await verifyAuditChain(t.db.kysely);
    expect(after).toMatchObject({ ok: true });
    // Four filings, four records: none for the failed one, and no gap.
    expect(after.count - before.count).toBe(4);
  });
});
