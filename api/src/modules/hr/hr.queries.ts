/** Kysely functions of the hr module: (db, args) -> rows, no rules. Every SQL statement lives here. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type {
  HrAssignmentTable,
  HrDb,
  HrEmploymentTable,
  HrPersonTable,
  HrPositionTable,
  PositionStatus,
} from './hr.tables.ts';

const FAR = '9999-12-31';

// ---------------------------------------------------------------------------------- code lists

export function selectCategories(db: HrDb) {
  return db.selectFrom('hr_category').selectAll().orderBy('sort_order').execute();
}

export function selectGrades(db: HrDb) {
  return db.selectFrom('hr_grade').selectAll().orderBy('rank').execute();
}

// ---------------------------------------------------------------------------------- positions

export function insertPosition(db: HrDb, row: Insertable<HrPositionTable>) {
  return db.insertInto('hr_position').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findPosition(db: HrDb, id: number) {
  return db.selectFrom('hr_position').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockPosition(db: HrDb, id: number) {
  return db.selectFrom('hr_position').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updatePosition(db: HrDb, id: number, change: Updateable<HrPositionTable>) {
  return db
    .updateTable('hr_position')
    .set({ ...change, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A position's status on `day`: what a person decided (frozen, closed), else from its assignments. */
const statusOf = (day: string) => sql<PositionStatus>`case
  when p.state = 'closed' then 'closed'
  when p.state = 'frozen' then 'frozen'
  when exists (
    select 1 from hr_assignment a
    where a.position_id = p.id and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})
  ) then 'occupied'
  else 'vacant' end`;

export async function selectPositionsPage(
  db: HrDb,
  args: {
    unitCode: string;
    day: string;
    status?: PositionStatus | undefined;
    page: number;
    pageSize: number;
  },
) {
  let query = db.selectFrom('hr_position as p').where('p.unit_code', '=', args.unitCode);
  if (args.status !== undefined) query = query.where(statusOf(args.day), '=', args.status);
  const [rows, counted] = await Promise.all([
    query
      .selectAll('p')
      .select(statusOf(args.day).as('status'))
      // Newest first: the position just created is on the first page.
      .orderBy('p.id', 'desc')
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export function selectPositionWithStatus(db: HrDb, id: number, day: string) {
  return db
    .selectFrom('hr_position as p')
    .selectAll('p')
    .select(statusOf(day).as('status'))
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** The assignments in force on `day` of the given positions, with their holders. */
export function selectOccupants(db: HrDb, positionIds: readonly number[], day: string) {
  if (positionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hr_assignment as a')
    .innerJoin('hr_person as pe', 'pe.id', 'a.person_id')
    .select([
      'a.id',
      'a.position_id',
      'a.person_id',
      'a.kind',
      'a.start_date',
      'a.end_date',
      'pe.name_km',
      'pe.name_latin',
      'pe.sex',
    ])
    .where('a.position_id', 'in', [...positionIds])
    .where('a.start_date', '<=', day)
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', day)]))
    .orderBy('a.start_date')
    .orderBy('a.id')
    .execute();
}

/** Assignments of a position that overlap [start, end] (end null: open-ended). */
export async function countOverlappingAssignments(
  db: HrDb,
  positionId: number,
  start: string,
  end: string | null,
): Promise<number> {
  const row = await db
    .selectFrom('hr_assignment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('position_id', '=', positionId)
    .where('start_date', '<=', end ?? FAR)
    .where(sql<boolean>`coalesce(end_date, ${FAR}::date) >= ${start}::date`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The figures of a unit's establishment on a day: positions by status, holders by sex. */
export async function selectEstablishmentCounts(db: HrDb, unitCode: string, day: string) {
  const { rows } = await sql<{ status: PositionStatus; n: number }>`
    select s.status, count(*)::int as n from (
      select ${statusOf(day)} as status from hr_position p where p.unit_code = ${unitCode}
    ) s group by s.status`.execute(db);
  const staff = await db
    .selectFrom('hr_assignment as a')
    .innerJoin('hr_position as p', 'p.id', 'a.position_id')
    .innerJoin('hr_person as pe', 'pe.id', 'a.person_id')
    .select(['pe.sex', sql<number>`count(distinct pe.id)::int`.as('n')])
    .where('p.unit_code', '=', unitCode)
    .where('a.start_date', '<=', day)
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', day)]))
    .groupBy('pe.sex')
    .execute();
  return { byStatus: rows, bySex: staff };
}

export function selectApprovedEstablishment(db: HrDb, unitTypeCode: string, year: number) {
  return db
    .selectFrom('hr_establishment')
    .selectAll()
    .where('unit_type_code', '=', unitTypeCode)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function selectApprovedEstablishments(db: HrDb, year: number | undefined) {
  let query = db.selectFrom('hr_establishment').selectAll();
  if (year !== undefined) query = query.where('year', '=', year);
  return query.orderBy('year', 'desc').orderBy('unit_type_code').execute();
}

export function upsertApprovedEstablishment(
  db: HrDb,
  row: {
    unit_type_code: string;
    year: number;
    approved_count: number;
    source: string | null;
    is_example?: boolean;
  },
) {
  return db
    .insertInto('hr_establishment')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['unit_type_code', 'year']).doUpdateSet({
        approved_count: row.approved_count,
        source: row.source,
        is_example: row.is_example ?? false,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------- persons

export function insertPerson(db: HrDb, row: Insertable<HrPersonTable>) {
  return db.insertInto('hr_person').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findPerson(db: HrDb, id: number) {
  return db.selectFrom('hr_person').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockPerson(db: HrDb, id: number) {
  return db.selectFrom('hr_person').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function isNationalIdTaken(db: HrDb, nationalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hr_person')
    .select('id')
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
  return row !== undefined;
}

export function updatePersonUnit(db: HrDb, id: number, unitCode: string) {
  return db
    .updateTable('hr_person')
    .set({ unit_code: unitCode, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectPersonsPage(
  db: HrDb,
  args: { unitCode: string; page: number; pageSize: number },
) {
  const query = db.selectFrom('hr_person').where('unit_code', '=', args.unitCode);
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy('name_latin')
      .orderBy('id')
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

// ---------------------------------------------------------------------------------- employments

export function insertEmployment(db: HrDb, row: Insertable<HrEmploymentTable>) {
  return db.insertInto('hr_employment').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findEmployment(db: HrDb, id: number) {
  return db.selectFrom('hr_employment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectEmploymentsOfPerson(db: HrDb, personId: number) {
  return db
    .selectFrom('hr_employment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function endEmployment(
  db: HrDb,
  id: number,
  endDate: string,
  reason: HrEmploymentTable['leaving_reason'],
) {
  return db
    .updateTable('hr_employment')
    .set({ end_date: endDate, leaving_reason: reason })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Employments of a person overlapping [start, end]. */
export function selectOverlappingEmployments(db: HrDb, personId: number, start: string, end: string | null) {
  return db
    .selectFrom('hr_employment')
    .selectAll()
    .where('person_id', '=', personId)
    .where('start_date', '<=', end ?? FAR)
    .where(sql<boolean>`coalesce(end_date, ${FAR}::date) >= ${start}::date`)
    .execute();
}

/** Employments of a category at a unit in force on `day` (the contract-assistant rule). */
export async function countEmploymentsInForce(
  db: HrDb,
  unitCode: string,
  categoryCode: string,
  day: string,
): Promise<number> {
  const row = await db
    .selectFrom('hr_employment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('unit_code', '=', unitCode)
    .where('category_code', '=', categoryCode)
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---------------------------------------------------------------------------------- assignments

export function insertAssignment(db: HrDb, row: Insertable<HrAssignmentTable>) {
  return db.insertInto('hr_assignment').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findAssignment(db: HrDb, id: number) {
  return db.selectFrom('hr_assignment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findAssignmentUnit(db: HrDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('hr_assignment as a')
    .innerJoin('hr_position as p', 'p.id', 'a.position_id')
    .select('p.unit_code')
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function findEmploymentUnit(db: HrDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('hr_employment as e')
    .innerJoin('hr_person as p', 'p.id', 'e.person_id')
    .select('p.unit_code')
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export function endAssignment(db: HrDb, id: number, endDate: string, reason: string | null) {
  return db
    .updateTable('hr_assignment')
    .set({ end_date: endDate, end_reason: reason })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends every assignment of a person still open after `day` (a move between SNAs). */
export function endOpenAssignmentsOfPerson(db: HrDb, personId: number, day: string, reason: string) {
  return db
    .updateTable('hr_assignment')
    .set({ end_date: day, end_reason: reason })
    .where('person_id', '=', personId)
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', day)]))
    .returningAll()
    .execute();
}

export function selectAssignmentsOfPerson(db: HrDb, personId: number) {
  return db
    .selectFrom('hr_assignment as a')
    .innerJoin('hr_position as p', 'p.id', 'a.position_id')
    .selectAll('a')
    .select(['p.unit_code', 'p.title_km', 'p.title_en'])
    .where('a.person_id', '=', personId)
    .orderBy('a.start_date', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------- leadership

export interface StaffFigureRow {
  group_code: string;
  sex: 'female' | 'male';
  grade_code: string | null;
  level: 'leadership' | 'management' | 'staff';
  age_group: string;
  disability: 'yes' | 'no' | 'unknown';
  n: number;
}

/**
 * Holders of positions on `day` (each person once per group, grade and level) by sex, grade,
 * position level, age group and disability, for each group of units (the provinces for the
 * nation): one pass over the assignments in force, each position's unit mapped to its group by
 * a list of (unit, group) pairs the caller took from the gazetteer's subtrees.
 */
export async function selectStaffFigures(
  db: HrDb,
  groupOf: { unitCodes: readonly string[]; groupCodes: readonly string[] },
  day: string,
): Promise<StaffFigureRow[]> {
  if (groupOf.unitCodes.length === 0) return [];
  const { rows } = await sql<StaffFigureRow>`
    select m.group_code, pe.sex, p.grade_code, p.level,
      case
        when pe.birth_date is null then 'unknown'
        when pe.birth_date > ${day}::date - interval '25 years' then 'under_25'
        when pe.birth_date > ${day}::date - interval '35 years' then '25-34'
        when pe.birth_date > ${day}::date - interval '45 years' then '35-44'
        when pe.birth_date > ${day}::date - interval '55 years' then '45-54'
        else '55_and_over' end as age_group,
      case when pe.has_disability is null then 'unknown' when pe.has_disability then 'yes' else 'no' end
        as disability,
      count(distinct pe.id)::int as n
    from hr_assignment a
    join hr_position p on p.id = a.position_id
    join unnest(${[...groupOf.unitCodes]}::text[], ${[...groupOf.groupCodes]}::text[]) as m(unit_code, group_code)
      on m.unit_code = p.unit_code
    join hr_person pe on pe.id = a.person_id
    where a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})
    group by 1, 2, 3, 4, 5, 6`.execute(db);
  return rows;
}

export function selectTargets(db: HrDb) {
  return db.selectFrom('hr_leadership_target').selectAll().orderBy('year', 'desc').execute();
}

export function selectTarget(db: HrDb, year: number) {
  return db.selectFrom('hr_leadership_target').selectAll().where('year', '=', year).executeTakeFirst();
}

export function upsertTarget(db: HrDb, year: number, targetPercent: number, source: string | null) {
  return db
    .insertInto('hr_leadership_target')
    .values({ year, target_percent: String(targetPercent), source })
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ target_percent: String(targetPercent), source, updated_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
