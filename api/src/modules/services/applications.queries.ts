/** Kysely functions over the application tables: (db, args) -> rows, no rules. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type {
  ApplicationStatus,
  ServicesApplicationEventTable,
  ServicesApplicationTable,
  ServicesAttachmentTable,
  ServicesDb,
  ServicesFeePaymentTable,
} from './services.tables.ts';
import type { GazetteerPort } from '../gazetteer/index.ts';
import { jsonb } from './transactions.ts';

export type ApplicationRow = Selectable<ServicesApplicationTable>;
export type FeeRow = Selectable<ServicesFeePaymentTable>;
export type AttachmentRow = Selectable<ServicesAttachmentTable>;
export type EventRow = Selectable<ServicesApplicationEventTable>;

/** Statuses in which the clock runs towards the due date (not decided, not waiting for the applicant). */
export const CLOCK_RUNNING: readonly ApplicationStatus[] = ['received', 'under_review'];

/** Overdue: the clock runs and the due date has passed (the SQL twin of isOverdue in the service). */
export const overdueSql = (today: string) =>
  sql<boolean>`(status in ('received', 'under_review') and due_date < ${today})`;

const applicationByNumber = (db: ServicesDb, trackingNumber: string) =>
  db.selectFrom('services_application').selectAll().where('tracking_number', '=', trackingNumber);

export async function findApplication(
  db: ServicesDb,
  trackingNumber: string,
): Promise<ApplicationRow | undefined> {
  return applicationByNumber(db, trackingNumber).executeTakeFirst();
}

/** The application, locked for the rest of the transaction. */
export async function lockApplication(
  db: ServicesDb,
  trackingNumber: string,
): Promise<ApplicationRow | undefined> {
  return applicationByNumber(db, trackingNumber).forUpdate().executeTakeFirst();
}

export async function findApplicationUnit(
  db: ServicesDb,
  trackingNumber: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('services_application')
    .select('unit_code')
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  return row?.unit_code;
}

/** New applications, in one statement; a row whose tracking number is taken is skipped (not returned). */
export async function insertApplications(
  db: ServicesDb,
  rows: (Omit<Insertable<ServicesApplicationTable>, 'field_values'> & {
    field_values: ApplicationRow['field_values'];
  })[],
): Promise<ApplicationRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('services_application')
    .values(rows.map((row) => ({ ...row, field_values: jsonb(row.field_values) })))
    .onConflict((conflict) => conflict.column('tracking_number').doNothing())
    .returningAll()
    .execute();
}

export async function updateApplication(
  db: ServicesDb,
  id: number,
  values: Updateable<ServicesApplicationTable>,
): Promise<ApplicationRow> {
  return db
    .updateTable('services_application')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEvent(
  db: ServicesDb,
  values: {
    application_id: number;
    from_status: ApplicationStatus | null;
    to_status: ApplicationStatus;
    note: string | null;
    due_date: string;
    actor_user_id: number | null;
    occurred_at?: Date;
  },
): Promise<EventRow> {
  return db.insertInto('services_application_event').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Several events, in one statement. */
export async function insertEvents(
  db: ServicesDb,
  rows: Parameters<typeof insertEvent>[1][],
): Promise<EventRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('services_application_event').values(rows).returningAll().execute();
}

export async function selectEvents(db: ServicesDb, applicationId: number) {
  return db
    .selectFrom('services_application_event')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function findFee(db: ServicesDb, applicationId: number): Promise<FeeRow | undefined> {
  return db
    .selectFrom('services_fee_payment')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function findFeeByReceipt(
  db: ServicesDb,
  unitCode: string,
  receiptNumber: string,
): Promise<FeeRow | undefined> {
  return db
    .selectFrom('services_fee_payment')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('receipt_number', '=', receiptNumber)
    .executeTakeFirst();
}

export async function insertFee(
  db: ServicesDb,
  values: Insertable<ServicesFeePaymentTable>,
): Promise<FeeRow> {
  return db.insertInto('services_fee_payment').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function selectAttachments(db: ServicesDb, applicationId: number): Promise<AttachmentRow[]> {
  return db
    .selectFrom('services_attachment')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function insertAttachment(
  db: ServicesDb,
  values: Insertable<ServicesAttachmentTable>,
): Promise<AttachmentRow> {
  return db.insertInto('services_attachment').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Applications joined to the names of the standard version they were filed under, for lists. */
export function selectApplicationList(db: ServicesDb) {
  return db
    .selectFrom('services_application as a')
    .innerJoin('services_standard_version as v', 'v.id', 'a.standard_version_id')
    .select([
      'a.id',
      'a.tracking_number',
      'a.service_code',
      'a.unit_code',
      'a.status',
      'a.channel',
      'a.applicant_name',
      'a.applicant_sex',
      'a.applicant_phone',
      'a.filed_at',
      'a.filed_on',
      'a.due_date',
      'a.decided_on',
      'a.is_example',
      'v.name_km',
      'v.name_en',
      sql<boolean>`exists (select 1 from services_fee_payment f where f.application_id = a.id)`.as(
        'fee_paid',
      ),
    ]);
}

/** A subquery of unit codes (the gazetteer port's subtreeCodesQuery), for `unit_code in (…)`. */
type CodesQuery = ReturnType<GazetteerPort['subtreeCodesQuery']>;

export interface ApplicationFilters {
  today: string;
  /** The caller's scope; undefined for a national caller. */
  inScope?: CodesQuery;
  /** The subtree asked for. */
  inUnit?: CodesQuery;
  status?: ApplicationStatus;
  serviceCode?: string;
  filedFrom?: string;
  filedTo?: string;
  overdue?: boolean;
}

/** The officers' list: applications filtered as asked, for fetchPage. */
export function selectApplicationPage(db: ServicesDb, filters: ApplicationFilters) {
  let select = selectApplicationList(db);
  if (filters.inScope) select = select.where('a.unit_code', 'in', filters.inScope);
  if (filters.inUnit) select = select.where('a.unit_code', 'in', filters.inUnit);
  if (filters.status !== undefined) select = select.where('a.status', '=', filters.status);
  if (filters.serviceCode !== undefined) select = select.where('a.service_code', '=', filters.serviceCode);
  if (filters.filedFrom !== undefined) select = select.where('a.filed_on', '>=', filters.filedFrom);
  if (filters.filedTo !== undefined) select = select.where('a.filed_on', '<=', filters.filedTo);
  if (filters.overdue !== undefined) {
    const overdue = overdueSql(filters.today);
    select = filters.overdue ? select.where(overdue) : select.where((eb) => eb.not(overdue));
  }
  return select;
}

/** The citizen's own applications, for fetchPage. */
export function selectApplicationsOf(db: ServicesDb, userId: number) {
  return selectApplicationList(db).where('a.applicant_user_id', '=', userId);
}

/** Own-source revenue from service fees of one unit in one calendar year, in riel. */
export async function sumFees(
  db: ServicesDb,
  unitCode: string,
  year: number,
): Promise<{ total: number; payments: number }> {
  const row = await db
    .selectFrom('services_fee_payment')
    .select([
      sql<number>`coalesce(sum(amount_riel), 0)::bigint`.as('total'),
      sql<number>`count(*)::int`.as('payments'),
    ])
    .where('unit_code', '=', unitCode)
    .where('paid_on', '>=', `${year}-01-01`)
    .where('paid_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return { total: Number(row?.total ?? 0), payments: row?.payments ?? 0 };
}
