/** The SQL of complaints (services_complaint and its events). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type {
  ComplaintStatus,
  ComplaintSubject,
  ServicesComplaintTable,
  ServicesDb,
} from './services.tables.ts';

export type ComplaintRow = Selectable<ServicesComplaintTable>;
type CodesQuery = ReturnType<GazetteerPort['subtreeCodesQuery']>;

export async function findComplaint(
  db: ServicesDb,
  number: string,
  lock = false,
): Promise<ComplaintRow | undefined> {
  const query = db.selectFrom('services_complaint').selectAll().where('tracking_number', '=', number);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findComplaintHandlingUnit(db: ServicesDb, number: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('services_complaint')
    .select('handling_unit_code')
    .where('tracking_number', '=', number)
    .executeTakeFirst();
  return row?.handling_unit_code;
}

export async function findStandardId(db: ServicesDb, code: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('services_standard')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function findStandardCode(db: ServicesDb, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('services_standard').select('code').where('id', '=', id).executeTakeFirst();
  return row?.code;
}

export async function findApplicationId(db: ServicesDb, trackingNumber: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('services_application')
    .select('id')
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  return row?.id;
}

export async function findApplicationNumber(db: ServicesDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('services_application')
    .select('tracking_number')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.tracking_number;
}

export async function selectComplaintEvents(db: ServicesDb, complaintId: number) {
  return db
    .selectFrom('services_complaint_event')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
}

/** Inserts a complaint; undefined when its tracking number is taken already (draw again). */
export async function insertComplaint(
  db: ServicesDb,
  values: Insertable<ServicesComplaintTable>,
): Promise<ComplaintRow | undefined> {
  return db
    .insertInto('services_complaint')
    .values(values)
    .onConflict((conflict) => conflict.column('tracking_number').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertComplaintEvent(
  db: ServicesDb,
  values: {
    complaint_id: number;
    from_status: ComplaintStatus | null;
    to_status: ComplaintStatus;
    note: string | null;
    actor_user_id: number | null;
  },
): Promise<void> {
  await db.insertInto('services_complaint_event').values(values).execute();
}

export async function updateComplaintStatus(
  db: ServicesDb,
  id: number,
  to: ComplaintStatus,
  changes: {
    decision?: string | null;
    decided_on?: string;
    reply?: string | null;
    replied_on?: string;
    closed_on?: string;
  },
): Promise<ComplaintRow> {
  return db
    .updateTable('services_complaint')
    .set({ status: to, status_changed_at: sql`now()`, updated_at: sql`now()`, ...changes })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ComplaintFilters {
  inScope?: CodesQuery;
  inUnit?: CodesQuery;
  status?: ComplaintStatus;
  subject?: ComplaintSubject;
}

/** The officers' list of complaints, filtered, for fetchPage. */
export function selectComplaintPage(db: ServicesDb, filters: ComplaintFilters) {
  let select = db
    .selectFrom('services_complaint as c')
    .leftJoin('services_standard as s', 's.id', 'c.standard_id')
    .select([
      'c.id',
      'c.tracking_number',
      'c.subject',
      'c.concerned_unit_code',
      'c.handling_unit_code',
      's.code as service_code',
      'c.status',
      'c.filed_on',
      'c.complainant_name',
      'c.is_example',
    ]);
  if (filters.inScope) select = select.where('c.handling_unit_code', 'in', filters.inScope);
  if (filters.inUnit) select = select.where('c.handling_unit_code', 'in', filters.inUnit);
  if (filters.status !== undefined) select = select.where('c.status', '=', filters.status);
  if (filters.subject !== undefined) select = select.where('c.subject', '=', filters.subject);
  return select;
}
