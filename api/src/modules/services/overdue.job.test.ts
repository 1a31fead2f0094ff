/**
 * The daily overdue job on the real database: an application whose due date has passed with
 * the clock running is flagged once, with an audit record at its unit; a second run (or a
 * retry) flags nothing more; a decided application is never flagged.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
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
    const { rows } = await sql<{ tracking_number: string; status: string }>`
      select tracking_number, status from services_application order by id`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(1);
    const open = rows[0]!;
    const decided = rows[1]!;
    await sql`update services_application set status = 'under_review', due_date = '2031-01-10'
      where tracking_number = ${open.tracking_number}`.execute(db.kysely);
    await sql`update services_application set status = 'approved', due_date = '2031-01-10'
      where tracking_number = ${decided.tracking_number}`.execute(db.kysely);

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

    // Idempotent: the same day again (a retry), or the next day, flags nothing already flagged.
    expect(await flagOverdueApplications(ctx, today)).toEqual([]);
    expect(
      (await flagOverdueApplications(ctx, '2031-01-16')).map((application) => application.trackingNumber),
    ).not.toContain(open.tracking_number);
    const again = await sql`select 1 from audit_record where entity_id = ${open.tracking_number}
      and action = 'services.application.overdue'`.execute(db.kysely);
    expect(again.rows).toHaveLength(1);
  });
});
