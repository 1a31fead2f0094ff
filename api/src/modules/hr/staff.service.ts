/**
 * Staff records: persons, their employment (civil servant or contract, with the rule of commune
 * contract assistants checked against the council's size through the councils port), their
 * assignments to positions with the history kept, and moves between SNAs. Personal details are
 * answered only on request to an HR manager in scope, and each such read is audited.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import {
  ageGroupOn,
  auditedPerson,
  blankToNull,
  toAssignment,
  toEmployment,
  toPersonSummary,
} from './hr.answers.ts';
import { managesStaffAt, snaUnit, type HrContext } from './hr.context.ts';
import { fail } from './hr.errors.ts';
import {
  countEmploymentsInForce,
  countOverlappingAssignments,
  endAssignment as endAssignmentRow,
  endEmployment as endEmploymentRow,
  endOpenAssignmentsOfPerson,
  findAssignment,
  findAssignmentUnit,
  findEmployment,
  findEmploymentUnit,
  findPerson,
  insertAssignment,
  insertEmployment,
  insertPerson,
  isNationalIdTaken,
  lockPerson,
  lockPosition,
  selectAssignmentsOfPerson,
  selectEmploymentsOfPerson,
  selectOverlappingEmployments,
  selectPersonsPage,
  updatePersonUnit,
} from './hr.queries.ts';
import type {
  Assignment,
  CreateAssignmentBody,
  CreateEmploymentBody,
  CreatePersonBody,
  Employment,
  EndAssignmentBody,
  EndEmploymentBody,
  MovePersonBody,
  Person,
  PersonalDetails,
  PersonListQuery,
  PersonSummary,
} from './hr.schemas.ts';
import type { EmploymentRow, HrDb } from './hr.tables.ts';
import { checkCategory } from './positions.service.ts';

/** The category of commune/sangkat contract assistants (hr_category). */
export const CONTRACT_ASSISTANT = 'commune_contract_assistant';

/**
 * How many contract assistants a commune may hire for its council's size: 2 for councils of
 * 5-7 members, 3 for 9-11 (issue #18). A council between or beyond counts with the nearer band.
 */
export const contractAssistantLimit = (councilSize: number): number => (councilSize <= 8 ? 2 : 3);

// ---------------------------------------------------------------------------------- locators

export async function unitOfPerson(db: HrDb, id: number): Promise<string> {
  const row = await findPerson(db, id);
  if (row === undefined) throw fail('hr.person.not_found');
  return row.unit_code;
}

export async function unitOfAssignment(db: HrDb, id: number): Promise<string> {
  const unit = await findAssignmentUnit(db, id);
  if (unit === undefined) throw fail('hr.assignment.not_found');
  return unit;
}

export async function unitOfEmployment(db: HrDb, id: number): Promise<string> {
  const unit = await findEmploymentUnit(db, id);
  if (unit === undefined) throw fail('hr.person.not_found', 'No such employment.');
  return unit;
}

const dayBefore = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

// ---------------------------------------------------------------------------------- employment

/**
 * Checks and writes one employment: category of the right kind, no other employment in force
 * then, and for a commune contract assistant the limit of the commune's council size.
 */
async function addEmploymentRow(
  ctx: HrContext,
  trx: HrDb,
  input: { personId: number; unitCode: string; body: CreateEmploymentBody; isExample: boolean },
): Promise<EmploymentRow> {
  const { body } = input;
  const category = await checkCategory(trx, body.categoryCode, body.gradeCode);
  if (category.kind !== body.kind) throw fail('hr.employment.kind_mismatch');
  if ((await selectOverlappingEmployments(trx, input.personId, body.startDate, null)).length > 0)
    throw fail('hr.employment.overlap');
  if (body.categoryCode === CONTRACT_ASSISTANT) {
    const unit = await snaUnit(ctx, trx, input.unitCode);
    if (unit.level !== 3) throw fail('hr.employment.not_commune');
    const size = await ctx.ports.councilSeats.councilSize(trx, input.unitCode, body.startDate);
    if (size === null || size === 0) throw fail('hr.employment.council_unknown');
    const limit = contractAssistantLimit(size);
    const hired = await countEmploymentsInForce(trx, input.unitCode, CONTRACT_ASSISTANT, body.startDate);
    if (hired >= limit)
      throw fail(
        'hr.employment.contract_assistant_limit',
        `A council of ${size} members allows ${limit} contract assistants; ${hired} are employed on ${body.startDate}.`,
      );
  }
  return insertEmployment(trx, {
    person_id: input.personId,
    unit_code: input.unitCode,
    kind: body.kind,
    category_code: body.categoryCode,
    grade_code: body.gradeCode ?? null,
    start_date: body.startDate,
    is_example: input.isExample,
  });
}

// ---------------------------------------------------------------------------------- persons

export async function createPerson(
  ctx: HrContext,
  actor: Actor,
  input: { unitCode: string; body: CreatePersonBody; isExample?: boolean },
): Promise<Person> {
  const { body } = input;
  const isExample = input.isExample ?? false;
  return ctx.inTransaction(async (trx) => {
    await snaUnit(ctx, trx, input.unitCode);
    if (body.birthDate && body.birthDate > ctx.today()) throw fail('hr.person.future_birth');
    const nationalId = blankToNull(body.nationalId);
    if (nationalId !== null && (await isNationalIdTaken(trx, nationalId)))
      throw fail('hr.person.national_id_taken');
    const person = await insertPerson(trx, {
      unit_code: input.unitCode,
      name_km: body.nameKm,
      name_latin: body.nameLatin,
      sex: body.sex,
      birth_date: body.birthDate ?? null,
      has_disability: body.hasDisability ?? null,
      ethnicity: blankToNull(body.ethnicity),
      phone: blankToNull(body.phone),
      email: blankToNull(body.email),
      national_id: nationalId,
      is_example: isExample,
    });
    const employment = await addEmploymentRow(ctx, trx, {
      personId: person.id,
      unitCode: input.unitCode,
      body: body.employment,
      isExample,
    });
    await ctx.audit.writeMany(trx, actor, [
      {
        action: 'hr.person.create',
        entityType: 'hr.person',
        entityId: String(person.id),
        unitCode: person.unit_code,
        after: auditedPerson(person),
      },
      {
        action: 'hr.employment.create',
        entityType: 'hr.employment',
        entityId: String(employment.id),
        unitCode: employment.unit_code,
        after: { personId: person.id, ...toEmployment(employment) },
      },
    ]);
    return personAnswer(trx, person.id, true);
  });
}

async function personAnswer(db: HrDb, id: number, canSeePersonal: boolean): Promise<Person> {
  const person = await findPerson(db, id);
  if (person === undefined) throw fail('hr.person.not_found');
  const [employments, assignments] = await Promise.all([
    selectEmploymentsOfPerson(db, id),
    selectAssignmentsOfPerson(db, id),
  ]);
  return {
    ...toPersonSummary(person),
    employments: employments.map(toEmployment),
    assignments: assignments.map(toAssignment),
    canSeePersonal,
  };
}

/** A person with their whole history; `canSeePersonal` tells the page whether to offer the details. */
export async function getPerson(ctx: HrContext, actor: Actor, id: number): Promise<Person> {
  const person = await findPerson(ctx.db, id);
  if (person === undefined) throw fail('hr.person.not_found');
  return personAnswer(ctx.db, id, await managesStaffAt(ctx, ctx.db, actor, person.unit_code));
}

export async function listPersons(
  ctx: HrContext,
  input: { unitCode: string; query: PersonListQuery },
): Promise<PageResult<PersonSummary>> {
  await snaUnit(ctx, ctx.db, input.unitCode);
  const { rows, total } = await selectPersonsPage(ctx.db, { unitCode: input.unitCode, ...input.query });
  return { items: rows.map(toPersonSummary), page: input.query.page, pageSize: input.query.pageSize, total };
}

/**
 * A person's personal details, for an HR manager of the unit that holds the record (the route
 * checks hr.staff.manage there); the read itself is recorded in the audit trail.
 */
export async function readPersonalDetails(
  ctx: HrContext,
  actor: Actor,
  id: number,
): Promise<PersonalDetails> {
  return ctx.inTransaction(async (trx) => {
    const person = await findPerson(trx, id);
    if (person === undefined) throw fail('hr.person.not_found');
    await ctx.audit.write(trx, actor, {
      action: 'hr.person.personal_read',
      entityType: 'hr.person',
      entityId: String(person.id),
      unitCode: person.unit_code,
    });
    return {
      birthDate: person.birth_date,
      ageGroup: ageGroupOn(person.birth_date, ctx.today()),
      hasDisability: person.has_disability,
      ethnicity: person.ethnicity,
      phone: person.phone,
      email: person.email,
      nationalId: person.national_id,
    };
  });
}

export async function addEmployment(
  ctx: HrContext,
  actor: Actor,
  input: { personId: number; body: CreateEmploymentBody },
): Promise<Employment> {
  return ctx.inTransaction(async (trx) => {
    const person = await lockPerson(trx, input.personId);
    if (person === undefined) throw fail('hr.person.not_found');
    const row = await addEmploymentRow(ctx, trx, {
      personId: person.id,
      unitCode: person.unit_code,
      body: input.body,
      isExample: false,
    });
    await ctx.audit.write(trx, actor, {
      action: 'hr.employment.create',
      entityType: 'hr.employment',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: { personId: person.id, ...toEmployment(row) },
    });
    return toEmployment(row);
  });
}

export async function endEmployment(
  ctx: HrContext,
  actor: Actor,
  input: { id: number; body: EndEmploymentBody },
): Promise<Employment> {
  return ctx.inTransaction(async (trx) => {
    const before = await findEmployment(trx, input.id);
    if (before === undefined) throw fail('hr.person.not_found', 'No such employment.');
    if (before.end_date !== null)
      throw fail('hr.assignment.already_ended', 'The employment has already ended.');
    if (input.body.endDate < before.start_date) throw fail('hr.assignment.bad_dates');
    const after = await endEmploymentRow(trx, input.id, input.body.endDate, input.body.reason);
    await ctx.audit.write(trx, actor, {
      action: 'hr.employment.end',
      entityType: 'hr.employment',
      entityId: String(after.id),
      unitCode: after.unit_code,
      before: toEmployment(before),
      after: toEmployment(after),
    });
    return toEmployment(after);
  });
}

// ---------------------------------------------------------------------------------- assignments

/**
 * Assigns a person to a position. Refused when it ends before it starts, when the person is on
 * the staff of a unit outside the officer's scope, when the position is frozen or closed, and
 * when the position already has as many holders over those dates as it allows.
 */
export async function createAssignment(
  ctx: HrContext,
  actor: Actor,
  input: { positionId: number; body: CreateAssignmentBody; isExample?: boolean },
): Promise<Assignment> {
  const { body } = input;
  const endDate = body.endDate ?? null;
  if (endDate !== null && endDate < body.startDate) throw fail('hr.assignment.bad_dates');
  return ctx.inTransaction(async (trx) => {
    // The lock on the position serialises assignments to it: two officers cannot both fill it.
    const position = await lockPosition(trx, input.positionId);
    if (position === undefined) throw fail('hr.position.not_found');
    const person = await findPerson(trx, body.personId);
    if (person === undefined) throw fail('hr.person.not_found');
    if (!(await managesStaffAt(ctx, trx, actor, person.unit_code))) throw fail('hr.person.outside_scope');
    if (position.state !== 'open') throw fail('hr.position.not_open');
    const held = await countOverlappingAssignments(trx, position.id, body.startDate, endDate);
    if (held >= position.max_occupants)
      throw fail(
        'hr.position.occupied',
        position.max_occupants > 1 ? `The position allows ${position.max_occupants} holders.` : undefined,
      );
    const row = await insertAssignment(trx, {
      person_id: person.id,
      position_id: position.id,
      kind: body.kind,
      start_date: body.startDate,
      end_date: endDate,
      is_example: input.isExample ?? false,
    });
    const answer = toAssignment({
      ...row,
      unit_code: position.unit_code,
      title_km: position.title_km,
      title_en: position.title_en,
    });
    await ctx.audit.write(trx, actor, {
      action: 'hr.assignment.create',
      entityType: 'hr.assignment',
      entityId: String(row.id),
      unitCode: position.unit_code,
      after: { personId: person.id, ...answer },
    });
    return answer;
  });
}

export async function endAssignment(
  ctx: HrContext,
  actor: Actor,
  input: { id: number; body: EndAssignmentBody },
): Promise<{ id: number; endDate: string }> {
  return ctx.inTransaction(async (trx) => {
    const before = await findAssignment(trx, input.id);
    if (before === undefined) throw fail('hr.assignment.not_found');
    if (before.end_date !== null && before.end_date <= input.body.endDate)
      throw fail('hr.assignment.already_ended');
    if (input.body.endDate < before.start_date) throw fail('hr.assignment.bad_dates');
    const after = await endAssignmentRow(trx, input.id, input.body.endDate, blankToNull(input.body.reason));
    await ctx.audit.write(trx, actor, {
      action: 'hr.assignment.end',
      entityType: 'hr.assignment',
      entityId: String(after.id),
      unitCode: await unitOfAssignment(trx, after.id),
      before: { endDate: before.end_date, endReason: before.end_reason },
      after: { endDate: after.end_date, endReason: after.end_reason },
    });
    return { id: after.id, endDate: input.body.endDate };
  });
}

// ---------------------------------------------------------------------------------- moves

/**
 * Moves a person to the staff of another SNA on `date`: the employment and assignments in force
 * end the day before (reason: transfer), a new employment starts at the destination, and the
 * record goes with the person: its history stays whole. The officer must manage both units.
 */
export async function movePerson(
  ctx: HrContext,
  actor: Actor,
  input: { id: number; body: MovePersonBody },
): Promise<Person> {
  const { body } = input;
  return ctx.inTransaction(async (trx) => {
    const person = await lockPerson(trx, input.id);
    if (person === undefined) throw fail('hr.person.not_found');
    await snaUnit(ctx, trx, body.toUnitCode);
    if (person.unit_code === body.toUnitCode) throw fail('hr.person.same_unit');
    if (!(await managesStaffAt(ctx, trx, actor, body.toUnitCode))) throw fail('hr.move.outside_scope');
    const current = (await selectOverlappingEmployments(trx, person.id, body.date, body.date))[0];
    if (current === undefined || current.start_date >= body.date) throw fail('hr.person.not_employed');
    const lastDay = dayBefore(body.date);
    const ended = await endEmploymentRow(trx, current.id, lastDay, 'transfer');
    const endedAssignments = await endOpenAssignmentsOfPerson(trx, person.id, lastDay, 'transfer');
    const employment = await addEmploymentRow(ctx, trx, {
      personId: person.id,
      unitCode: body.toUnitCode,
      body: {
        kind: current.kind,
        categoryCode: body.categoryCode ?? current.category_code,
        gradeCode: body.gradeCode === undefined ? current.grade_code : body.gradeCode,
        startDate: body.date,
      },
      isExample: person.is_example,
    });
    await updatePersonUnit(trx, person.id, body.toUnitCode);
    await ctx.audit.writeMany(trx, actor, [
      {
        action: 'hr.person.move',
        entityType: 'hr.person',
        entityId: String(person.id),
        unitCode: body.toUnitCode,
        before: { unitCode: person.unit_code, employmentId: ended.id },
        after: {
          unitCode: body.toUnitCode,
          employmentId: employment.id,
          date: body.date,
          assignmentsEnded: endedAssignments.map((row) => row.id),
        },
      },
    ]);
    return personAnswer(trx, person.id, true);
  });
}
