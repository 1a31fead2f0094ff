/**
 * The daily overdue job on the real database: an application whose due date has passed with
 * the clock running is flagged once, with an audit record at its unit; a second run (or a
 * retry) flags nothing more; a decided application is never flagged. Its officers (who filed
 * it for the applicant or acted on it) each get one message through the notifications outbox,
 * with its delivery job; an application no officer touched yet gets one message to its unit.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
import { jobsSchemaOf } from '../../platform/jobs/job-queue.ts';
import { wireModules } from '../../platform/wiring.ts';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';
import { flagOverdueApplications, type OverdueContext } from './overdue.job.ts';

let db: TestDb;
let ctx: OverdueContext;
beforeAll(async () => {
  db = await openTestDb();
  ctx = wireModules(db.kysely, modules).contextOf('services') as unknown as OverdueContext;
}, 120_000);
afterAll(async () => db?.close());

describe('services.overdue_flag', () => {
  it('flags each overdue application once, with an audit record, and ignores decided ones', async () => {
    const today = '2031-01-15';
    const { rows } = await sql<{ id: number; tracking_number: string; status: string }>`
      select id, tracking_number, status from services_application order by id`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(2);
    const open = rows[0]!;
    const decided = rows[1]!;
    const untouched = rows[2]!;
    await sql`update services_application set status = 'under_review', due_date = '2031-01-10'
      where tracking_number = ${open.tracking_number}`.execute(db.kysely);
    await sql`update services_application set status = 'approved', due_date = '2031-01-10'
      where tracking_number = ${decided.tracking_number}`.execute(db.kysely);
    await sql`update services_application set status = 'received', due_date = '2031-01-11',
      filed_by_user_id = null where tracking_number = ${untouched.tracking_number}`.execute(db.kysely);
    await sql`delete from services_application_event where application_id = ${untouched.id}`.execute(
      db.kysely,
    );
    // Two officers acted on the open application (one of them twice).
    const accounts = await sql<{ id: number }>`select id from access_user order by id limit 2`.execute(
      db.kysely,
    );
    const [officerA, officerB] = accounts.rows.map((row) => Number(row.id));
    await sql`delete from services_application_event where application_id = ${open.id}`.execute(db.kysely);
    await sql`update services_application set filed_by_user_id = ${officerA}, applicant_user_id = null
      where id = ${open.id}`.execute(db.kysely);
    for (const actor of [officerA, officerB, officerB])
      await sql`insert into services_application_event (application_id, from_status, to_status, due_date, actor_user_id)
        values (${open.id}, 'received', 'under_review', '2031-01-10', ${actor})`.execute(db.kysely);
    const messagesAbout = async (trackingNumber: string) =>
      (
        await sql<{
          recipient_account_id: number | null;
          topic: string;
          text_km: string;
          text_en: string;
          unit_code: string;
        }>`
          select recipient_account_id, topic, text_km, text_en, unit_code from notifications_message
          where entity_id = ${trackingNumber} and topic = 'application.overdue'
          order by recipient_account_id nulls first`.execute(db.kysely)
      ).rows;

    const first = await flagOverdueApplications(ctx, today);
    const numbers = first.map((application) => application.trackingNumber);
    expect(numbers).toContain(open.tracking_number);
    expect(numbers).not.toContain(decided.tracking_number);
    expect(first.find((application) => application.trackingNumber === open.tracking_number)).toMatchObject({
      dueDate: '2031-01-10',
      status: 'under_review',
    });
    const audit = await sql<{ action: string; unit_code: string | null }>`
      select action, unit_code from audit_record
      where entity_type = 'services.application' and entity_id = ${open.tracking_number}
        and action = 'services.application.overdue'`.execute(db.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.unit_code).not.toBeNull();

    // One message to each of its officers, in Khmer and English, each with its delivery job.
    const toOfficers = await messagesAbout(open.tracking_number);
    expect(toOfficers.map((message) => Number(message.recipient_account_id))).toEqual([officerA, officerB]);
    expect(toOfficers[0]).toMatchObject({ topic: 'application.overdue' });
    expect(toOfficers[0]!.text_km).toContain('ហួសថ្ងៃកំណត់');
    expect(toOfficers[0]!.text_en).toContain('is overdue (due 2031-01-10)');
    // No officer touched the other one: one message to its unit (its officers' outbox).
    expect(numbers).toContain(untouched.tracking_number);
    const toUnit = await messagesAbout(untouched.tracking_number);
    expect(toUnit).toHaveLength(1);
    expect(toUnit[0]!.recipient_account_id).toBeNull();
    expect(await messagesAbout(decided.tracking_number)).toEqual([]);
    const schema = await jobsSchemaOf(db.kysely);
    const jobs = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${schema}.job`)}
      where name = 'notifications.deliver' and (data->>'messageId')::bigint in (
        select id from notifications_message where topic = 'application.overdue'
          and entity_id in (${open.tracking_number}, ${untouched.tracking_number}))`.execute(db.kysely);
    expect(jobs.rows[0]!.n).toBe(3);

    // Idempotent: the same day again (a retry), or the next day, flags nothing already flagged.
    expect(await flagOverdueApplications(ctx, today)).toEqual([]);
    expect(
      (await flagOverdueApplications(ctx, '2031-01-16')).map((application) => application.trackingNumber),
    ).not.toContain(open.tracking_number);
    const again = await sql`select 1 from audit_record where entity_id = ${open.tracking_number}
      and action = 'services.application.overdue'`.execute(db.kysely);
    expect(again.rows).toHaveLength(1);
    expect(await messagesAbout(open.tracking_number)).toHaveLength(2);
    expect(await messagesAbout(untouched.tracking_number)).toHaveLength(1);
  });
});
