/** Kysely functions over decisions, their votes and the kinds of decision: (db, args) -> rows. */
import { sql, type Updateable } from 'kysely';
import type {
  CouncilsDb,
  CouncilsDecisionTable,
  DecisionKindRow,
  DecisionRow,
  OrganKind,
  Vote,
  VoteRow,
} from './councils.tables.ts';

/** A decision with its organ, its kind's names and whether its meeting is closed. */
export type DecisionWithContext = DecisionRow & {
  unit_code: string;
  organ_kind: OrganKind;
  organ_name_km: string;
  organ_name_en: string;
  kind_name_km: string;
  kind_name_en: string;
  meeting_status: string;
};

const decisionsWithContext = (db: CouncilsDb) =>
  db
    .selectFrom('councils_decision as d')
    .innerJoin('councils_organ as o', 'o.id', 'd.organ_id')
    .innerJoin('councils_decision_kind as k', 'k.code', 'd.kind')
    .innerJoin('councils_meeting as m', 'm.id', 'd.meeting_id')
    .selectAll('d')
    .select([
      'o.unit_code',
      'o.kind as organ_kind',
      'o.name_km as organ_name_km',
      'o.name_en as organ_name_en',
      'k.name_km as kind_name_km',
      'k.name_en as kind_name_en',
      'm.status as meeting_status',
    ]);

export async function findDecision(db: CouncilsDb, id: number): Promise<DecisionWithContext | undefined> {
  return decisionsWithContext(db).where('d.id', '=', id).executeTakeFirst();
}

export async function findDecisionUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_decision as d')
    .innerJoin('councils_organ as o', 'o.id', 'd.organ_id')
    .select('o.unit_code')
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function selectDecisionsOfMeeting(
  db: CouncilsDb,
  meetingId: number,
): Promise<DecisionWithContext[]> {
  return decisionsWithContext(db)
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.number')
    .orderBy('d.id')
    .execute();
}

export async function selectDecisions(
  db: CouncilsDb,
  filter: {
    unitCode?: string;
    organId?: number;
    organKind?: string;
    meetingId?: number;
    kind?: string;
    passed?: boolean;
    q?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: DecisionWithContext[]; total: number }> {
  let query = decisionsWithContext(db);
  if (filter.unitCode !== undefined) query = query.where('o.unit_code', '=', filter.unitCode);
  if (filter.organId !== undefined) query = query.where('d.organ_id', '=', filter.organId);
  if (filter.organKind !== undefined) query = query.where('o.kind', '=', filter.organKind as OrganKind);
  if (filter.passed !== undefined) query = query.where('d.passed', '=', filter.passed);
  const words = (filter.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('d.title_km', 'like', pattern), eb(sql`lower(d.title_en)`, 'like', pattern.toLowerCase())]),
    );
  }
  if (filter.meetingId !== undefined) query = query.where('d.meeting_id', '=', filter.meetingId);
  if (filter.kind !== undefined) query = query.where('d.kind', '=', filter.kind);
  if (filter.from !== undefined) query = query.where('d.decision_date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('d.decision_date', '<=', filter.to);
  const rows = await query
    .orderBy('d.decision_date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const counted = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirst();
  return { rows, total: counted?.total ?? 0 };
}

export async function selectVotes(
  db: CouncilsDb,
  decisionIds: number[],
): Promise<(VoteRow & { name_km: string; name_latin: string })[]> {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('councils_vote as v')
    .innerJoin('councils_member as p', 'p.id', 'v.member_id')
    .select(['v.decision_id', 'v.member_id', 'v.vote', 'p.name_km', 'p.name_latin'])
    .where('v.decision_id', 'in', decisionIds)
    .orderBy('v.decision_id')
    .orderBy('v.member_id')
    .execute();
}

export async function insertVotes(
  db: CouncilsDb,
  decisionId: number,
  votes: { member_id: number; vote: Vote }[],
): Promise<void> {
  if (votes.length === 0) return;
  await db
    .insertInto('councils_vote')
    .values(votes.map((vote) => ({ ...vote, decision_id: decisionId })))
    .execute();
}

export async function insertDecision(
  db: CouncilsDb,
  values: Omit<DecisionRow, 'id' | 'created_at' | 'updated_at' | 'is_example'> & { is_example?: boolean },
): Promise<DecisionRow> {
  return db.insertInto('councils_decision').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateDecision(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsDecisionTable>,
): Promise<DecisionRow> {
  return db
    .updateTable('councils_decision')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks the organ's row: numbering a decision of the organ runs one at a time. */
export async function lockOrgan(db: CouncilsDb, organId: number): Promise<void> {
  await db.selectFrom('councils_organ').select('id').where('id', '=', organId).forUpdate().execute();
}

export async function nextDecisionNumber(db: CouncilsDb, organId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('councils_decision')
    .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('next'))
    .where('organ_id', '=', organId)
    .where('decision_year', '=', year)
    .executeTakeFirst();
  return row?.next ?? 1;
}

export async function isNumberTaken(
  db: CouncilsDb,
  organId: number,
  year: number,
  number: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('councils_decision')
    .select('id')
    .where('organ_id', '=', organId)
    .where('decision_year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findDecisionKind(db: CouncilsDb, code: string): Promise<DecisionKindRow | undefined> {
  return db.selectFrom('councils_decision_kind').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function selectDecisionKinds(db: CouncilsDb): Promise<DecisionKindRow[]> {
  return db.selectFrom('councils_decision_kind').selectAll().orderBy('sort_order').orderBy('code').execute();
}
