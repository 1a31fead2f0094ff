/** Kysely functions over decisions, their votes and the kinds of decision: (db, args) -> rows. */
import { sql, type RawBuilder, type Updateable } from 'kysely';
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

/** What the register filters by. */
export interface DecisionFilter {
  unitCode?: string;
  organId?: number;
  organKind?: string;
  meetingId?: number;
  kind?: string;
  passed?: boolean;
  q?: string;
  from?: string;
  to?: string;
}

/**
 * The register's conditions on the decisions alone (`d`): the organ's unit and kind through a
 * subquery, so that counting the matches reads no other table (over 377,000 decisions, joining
 * the meetings only to count cost more than the search itself; bench/councils-register.bench.ts).
 */
function decisionConditions(filter: DecisionFilter) {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filter.unitCode !== undefined)
    parts.push(sql`d.organ_id in (select id from councils_organ where unit_code = ${filter.unitCode})`);
  if (filter.organId !== undefined) parts.push(sql`d.organ_id = ${filter.organId}`);
  if (filter.organKind !== undefined)
    parts.push(sql`d.organ_id in (select id from councils_organ where kind = ${filter.organKind})`);
  if (filter.passed !== undefined) parts.push(sql`d.passed = ${filter.passed}`);
  const words = (filter.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    parts.push(sql`(d.title_km like ${pattern} or lower(d.title_en) like ${pattern.toLowerCase()})`);
  }
  if (filter.meetingId !== undefined) parts.push(sql`d.meeting_id = ${filter.meetingId}`);
  if (filter.kind !== undefined) parts.push(sql`d.kind = ${filter.kind}`);
  if (filter.from !== undefined) parts.push(sql`d.decision_date >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`d.decision_date <= ${filter.to}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function selectDecisions(
  db: CouncilsDb,
  filter: DecisionFilter & { page: number; pageSize: number },
): Promise<{ rows: DecisionWithContext[]; total: number }> {
  const conditions = decisionConditions(filter);
  const count = db
    .selectFrom('councils_decision as d')
    .where(conditions)
    .select(sql<number>`count(*)::int`.as('total'));
  // One round trip: the page and the total (computed once, on the decisions alone).
  const rows = await decisionsWithContext(db)
    .select(count.as('total'))
    .where(conditions)
    .orderBy('d.decision_date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  if (rows.length > 0) {
    return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]!.total) };
  }
  // A page past the end: the total alone.
  const counted = await count.executeTakeFirst();
  return { rows: [], total: counted?.total ?? 0 };
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
/** Locks the organ (one number at a time); its numbering pattern (null: the default). */
export async function lockOrgan(db: CouncilsDb, organId: number): Promise<string | null> {
  const row = await db
    .selectFrom('councils_organ')
    .select('decision_number_pattern')
    .where('id', '=', organId)
    .forUpdate()
    .executeTakeFirst();
  return row?.decision_number_pattern ?? null;
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
