/** Kysely functions over citizens' requests to councils: (db, args) -> rows. */
import { sql, type Updateable } from 'kysely';
import type {
  CouncilsDb,
  CouncilsRequestTable,
  OrganRow,
  RequestRow,
  RequestStatus,
  RequestTopic,
} from './councils.tables.ts';

/** The council of a unit sitting on `day` (the latest, should the data hold two). */
export async function findSittingCouncil(
  db: CouncilsDb,
  unitCode: string,
  day: string,
): Promise<OrganRow | undefined> {
  return db
    .selectFrom('councils_organ')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('kind', '=', 'council')
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', day)]))
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findRequestByNumber(db: CouncilsDb, number: string): Promise<RequestRow | undefined> {
  return db.selectFrom('councils_request').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function lockRequest(db: CouncilsDb, number: string): Promise<RequestRow | undefined> {
  return db
    .selectFrom('councils_request')
    .selectAll()
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertRequest(
  db: CouncilsDb,
  values: Omit<
    RequestRow,
    | 'id'
    | 'status'
    | 'created_at'
    | 'updated_at'
    | 'is_example'
    | 'meeting_id'
    | 'agenda_item_id'
    | 'answered_by'
    | 'decision_id'
    | 'answer_km'
    | 'answer_en'
    | 'referred_to'
    | 'answered_on'
  > & { is_example?: boolean },
): Promise<RequestRow> {
  return db.insertInto('councils_request').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateRequest(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsRequestTable>,
): Promise<RequestRow> {
  return db
    .updateTable('councils_request')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectRequests(
  db: CouncilsDb,
  filter: {
    unitCode: string;
    statuses: RequestStatus[];
    topic?: RequestTopic;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: RequestRow[]; total: number }> {
  // No status is no row (an empty `in ()` is not SQL).
  if (filter.statuses.length === 0) return { rows: [], total: 0 };
  let query = db
    .selectFrom('councils_request')
    .where('unit_code', '=', filter.unitCode)
    .where('status', 'in', filter.statuses);
  if (filter.topic !== undefined) query = query.where('topic', '=', filter.topic);
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const counted = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  return { rows, total: counted?.total ?? 0 };
}

/** Counts of a unit's requests by one column (sex: null counted as not_said). */
export async function countRequestsBy(
  db: CouncilsDb,
  filter: { unitCode: string; from?: string; to?: string },
  column: 'sex' | 'topic' | 'status',
): Promise<{ key: string; count: number }[]> {
  let query = db.selectFrom('councils_request').where('unit_code', '=', filter.unitCode);
  if (filter.from !== undefined)
    query = query.where(sql`((created_at at time zone 'UTC') + interval '7 hours')::date`, '>=', filter.from);
  if (filter.to !== undefined)
    query = query.where(sql`((created_at at time zone 'UTC') + interval '7 hours')::date`, '<=', filter.to);
  const rows = await query
    .select([
      sql<string>`coalesce(${sql.ref(column)}, 'not_said')`.as('key'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .groupBy(sql.ref(column))
    .orderBy('key')
    .execute();
  return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}

/** Appends an item to a meeting's agenda (after its last). */
export async function appendAgendaItem(
  db: CouncilsDb,
  meetingId: number,
  item: { title_km: string; title_en: string; document_ref: string | null },
): Promise<{ id: number; position: number }> {
  return db
    .insertInto('councils_agenda_item')
    .values({
      meeting_id: meetingId,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from councils_agenda_item where meeting_id = ${meetingId})`,
      ...item,
    })
    .returning(['id', 'position'])
    .executeTakeFirstOrThrow();
}
