/**
 * The councils module's rules: which organ a unit may have, which roles each organ knows, the
 * dates of office, who sees members' personal details, and the register of functions. Every
 * change runs in one transaction together with its audit record.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely, Updateable } from 'kysely';
import { auditActor } from '../../platform/audit/audit-context.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Authenticator } from '../../platform/auth/principal.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { getUnit, isUnitWithin, unitExists, type GazetteerTables } from '../gazetteer/index.ts';
import {
  findFunction,
  findFunctionByHolder,
  findMember,
  findMemberUnit,
  findOrgan,
  findOrganUnit,
  findOverlappingHolder,
  insertFunction,
  insertMember,
  insertOrgan,
  selectFunctions,
  selectGroupedMembers,
  selectMembers,
  selectMembersSittingAfter,
  selectOrgansOfUnit,
  snaTypeExists,
  updateFunction as updateFunctionRow,
  updateMember as updateMemberRow,
  updateOrgan as updateOrganRow,
  type CouncilsDb,
  type FunctionRow,
  type MemberRow,
  type OrganRow,
} from './councils.queries.ts';
import type {
  CreateFunctionBody,
  CreateMemberBody,
  CreateOrganBody,
  FunctionListQuery,
  Member,
  MemberStats,
  Organ,
  OrganListQuery,
  SnaFunction,
  StatsQuery,
  UpdateFunctionBody,
  UpdateMemberBody,
  UpdateOrganBody,
} from './councils.schemas.ts';
import {
  MEMBER_ROLES,
  ORGAN_KINDS,
  SEXES,
  type CouncilsFunctionTable,
  type CouncilsMemberTable,
  type CouncilsOrganTable,
  type MemberRole,
  type OrganKind,
  type Sex,
} from './councils.tables.ts';
import { breakdowns, HEAD_ROLE } from './member-stats.ts';
import { fail } from './councils.errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const anyDb = (db: CouncilsDb) => db as unknown as Kysely<any>;
const gazetteerDb = (db: CouncilsDb) => db as unknown as Kysely<GazetteerTables>;

export const MANAGE_ORGANS = 'councils.organ.manage';

/** The roles each kind of organ knows. */
export const ROLES_OF_KIND: Record<OrganKind, readonly MemberRole[]> = {
  council: ['chief', 'deputy', 'member'],
  board_of_governors: ['governor', 'deputy_governor', 'member'],
  committee: ['head', 'deputy', 'secretary', 'member'],
  office: ['head', 'deputy', 'member'],
};

/** The youngest age at which anyone sits in an organ; a later birth year is a typing error. */
const MIN_AGE = 18;

/** Today in Cambodia (one time zone, UTC+07:00), as YYYY-MM-DD. */
export function todayInCambodia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Phnom_Penh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const inOffice = (start: string | null, end: string | null, day: string) =>
  (start === null || start <= day) && (end === null || end >= day);

// ---------------------------------------------------------------------------------- access

/** Unit locators for the access check: the unit of the organ or member a path names. */
export async function unitOfOrgan(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findOrganUnit(db, id);
  if (unit === undefined) throw fail('councils.organ.not_found');
  return unit;
}

export async function unitOfMember(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findMemberUnit(db, id);
  if (unit === undefined) throw fail('councils.member.not_found');
  return unit;
}

export interface Readers {
  db: CouncilsDb;
  /** Public routes run no access check: the caller, if any, is looked up here when it matters. */
  authenticator: Authenticator;
}

/**
 * Birth year, disability and indigenous identity are personal: only a signed-in caller who
 * may manage the organs of this unit sees them. Everyone else (the public included) gets the
 * public facts and the aggregates of /stats.
 */
async function seesPersonalDetails(readers: Readers, request: FastifyRequest, unitCode: string) {
  const principal = request.principal ?? (await readers.authenticator.authenticate(request));
  if (!principal || principal.mustChangePassword) return false;
  for (const assignment of principal.assignments) {
    if (!assignment.permissions.has(MANAGE_ORGANS)) continue;
    if (assignment.unitCode === null) return true;
    if (await isUnitWithin(anyDb(readers.db), unitCode, assignment.unitCode)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------- answers

function toMember(row: MemberRow, today: string, personal: boolean): Member {
  return {
    id: row.id,
    organId: row.organ_id,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    role: row.role,
    sex: row.sex,
    party: row.party,
    startDate: row.start_date,
    endDate: row.end_date,
    isCurrent: inOffice(row.start_date, row.end_date, today),
    source: row.source,
    isExample: row.is_example,
    ...(personal
      ? { birthYear: row.birth_year, hasDisability: row.has_disability, isIndigenous: row.is_indigenous }
      : {}),
  };
}

function toOrgan(row: OrganRow, members: Member[], today: string): Organ {
  return {
    id: row.id,
    unitCode: row.unit_code,
    kind: row.kind,
    nameKm: row.name_km,
    nameEn: row.name_en,
    termStart: row.term_start,
    termEnd: row.term_end,
    closedOn: row.closed_on,
    isCurrent: row.closed_on === null || row.closed_on >= today,
    legalReference: row.legal_reference,
    source: row.source,
    isExample: row.is_example,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members,
  };
}

const PERSONAL = '[personal]';

/**
 * A member as the audit trail keeps it. Audit readers (council members among them) are more
 * than those allowed to see personal details, so those are recorded as "set" or null, never
 * their value.
 */
function auditedMember(row: MemberRow) {
  const hidden = (value: unknown) => (value === null ? null : PERSONAL);
  return {
    organId: row.organ_id,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    role: row.role,
    sex: row.sex,
    party: row.party,
    startDate: row.start_date,
    endDate: row.end_date,
    source: row.source,
    isExample: row.is_example,
    birthYear: hidden(row.birth_year),
    hasDisability: hidden(row.has_disability),
    isIndigenous: hidden(row.is_indigenous),
  };
}

function auditedOrgan(row: OrganRow) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return rest;
}

// ---------------------------------------------------------------------------------- organs

export async function listUnitOrgans(
  readers: Readers,
  request: FastifyRequest,
  unitCode: string,
  query: OrganListQuery,
): Promise<PageResult<Organ>> {
  const { db } = readers;
  await getUnit(gazetteerDb(db), unitCode); // 404 gazetteer.unit.not_found
  const today = todayInCambodia();
  const { rows, total } = await selectOrgansOfUnit(db, unitCode, {
    kind: query.kind,
    sittingOn: query.includeClosed ? undefined : today,
    page: query.page,
    pageSize: query.pageSize,
  });
  const personal = await seesPersonalDetails(readers, request, unitCode);
  const members = await selectMembers(
    db,
    rows.map((row) => row.id),
    today,
  );
  return {
    items: rows.map((row) =>
      toOrgan(
        row,
        members
          .filter((member) => member.organ_id === row.id)
          .map((member) => toMember(member, today, personal)),
        today,
      ),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getOrgan(readers: Readers, request: FastifyRequest, id: number): Promise<Organ> {
  const row = await findOrgan(readers.db, id);
  if (!row) throw fail('councils.organ.not_found');
  const today = todayInCambodia();
  const personal = await seesPersonalDetails(readers, request, row.unit_code);
  const members = await selectMembers(readers.db, [row.id]);
  return toOrgan(
    row,
    members.map((member) => toMember(member, today, personal)),
    today,
  );
}

function checkKind(kind: string): OrganKind {
  if (!(ORGAN_KINDS as readonly string[]).includes(kind)) {
    throw fail('councils.organ.bad_kind', {
      title: `An organ is one of: ${ORGAN_KINDS.join(', ')}.`,
      detail: `Not a kind of organ: ${kind}.`,
    });
  }
  return kind as OrganKind;
}

function checkOrganDates(organ: {
  term_start: string | null;
  term_end: string | null;
  closed_on: string | null;
}) {
  if (organ.term_start !== null && organ.term_end !== null && organ.term_end < organ.term_start) {
    throw fail('councils.organ.end_before_start');
  }
  if (organ.term_start !== null && organ.closed_on !== null && organ.closed_on < organ.term_start) {
    throw fail('councils.organ.closed_before_start');
  }
}

export async function createOrgan(
  db: CouncilsDb,
  request: FastifyRequest,
  unitCode: string,
  body: CreateOrganBody,
): Promise<Organ> {
  const kind = checkKind(body.kind);
  const unit = await getUnit(gazetteerDb(db), unitCode); // 404 gazetteer.unit.not_found
  const today = todayInCambodia();
  // Villages are not administrations; a commune is run by its chief and deputies, who sit in
  // the council, so boards of governors exist from the district level up.
  if (unit.level > 3) {
    throw fail('councils.organ.unit_not_sna');
  }
  if (unit.validTo !== null && unit.validTo <= today) {
    throw fail('councils.organ.unit_abolished', { title: `The unit ${unitCode} no longer exists.` });
  }
  if (kind === 'board_of_governors' && unit.level === 3) {
    throw fail('councils.organ.kind_not_for_unit', {
      title: 'Communes and sangkats have no board of governors: their chief and deputies sit in the council.',
    });
  }
  const values = {
    unit_code: unitCode,
    kind,
    name_km: body.nameKm.trim(),
    name_en: body.nameEn.trim(),
    term_start: body.termStart ?? null,
    term_end: body.termEnd ?? null,
    closed_on: null,
    legal_reference: body.legalReference ?? null,
    source: body.source ?? null,
  };
  checkOrganDates(values);
  return db.transaction().execute(async (trx) => {
    const row = await insertOrgan(trx, values);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'councils.organ.create',
      entityType: 'councils.organ',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: auditedOrgan(row),
    });
    return toOrgan(row, [], today);
  });
}

export async function updateOrgan(
  readers: Readers,
  request: FastifyRequest,
  id: number,
  body: UpdateOrganBody,
): Promise<Organ> {
  const { db } = readers;
  await db.transaction().execute(async (trx) => {
    const before = await findOrgan(trx, id);
    if (!before) throw fail('councils.organ.not_found');
    const changes: Updateable<CouncilsOrganTable> = {};
    if (body.nameKm !== undefined) changes.name_km = body.nameKm.trim();
    if (body.nameEn !== undefined) changes.name_en = body.nameEn.trim();
    if (body.termStart !== undefined) changes.term_start = body.termStart;
    if (body.termEnd !== undefined) changes.term_end = body.termEnd;
    if (body.closedOn !== undefined) changes.closed_on = body.closedOn;
    if (body.legalReference !== undefined) changes.legal_reference = body.legalReference;
    if (body.source !== undefined) changes.source = body.source;
    checkOrganDates({ ...before, ...changes });

    // Closing an organ ends the mandates still running on its last day.
    const closing = body.closedOn !== undefined && body.closedOn !== null ? body.closedOn : null;
    const ended: { before: MemberRow; after: MemberRow }[] = [];
    if (closing !== null) {
      const sitting = await selectMembersSittingAfter(trx, id, closing);
      const late = sitting.find((member) => member.start_date > closing);
      if (late) {
        throw fail('councils.organ.members_after_close', {
          title: 'Some members start after the day the organ would close.',
          detail: `Member ${late.id} starts on ${late.start_date}.`,
        });
      }
      for (const member of sitting) {
        ended.push({ before: member, after: await updateMemberRow(trx, member.id, { end_date: closing }) });
      }
    }

    const after = await updateOrganRow(trx, id, changes);
    const actor = auditActor(request);
    for (const change of ended) {
      await writeAudit(trx, {
        ...actor,
        action: 'councils.member.end',
        entityType: 'councils.member',
        entityId: String(change.after.id),
        unitCode: after.unit_code,
        before: auditedMember(change.before),
        after: auditedMember(change.after),
      });
    }
    await writeAudit(trx, {
      ...actor,
      action:
        closing !== null && before.closed_on === null ? 'councils.organ.close' : 'councils.organ.update',
      entityType: 'councils.organ',
      entityId: String(id),
      unitCode: after.unit_code,
      before: auditedOrgan(before),
      after: auditedOrgan(after),
    });
  });
  return getOrgan(readers, request, id);
}

// ---------------------------------------------------------------------------------- members

interface MemberFacts {
  role: string;
  sex: string;
  birth_year: number | null;
  party: string | null;
  start_date: string;
  end_date: string | null;
}

/** Every rule about one membership, checked on the whole record as it would be stored. */
async function checkMember(
  db: CouncilsDb,
  organ: OrganRow,
  member: MemberFacts,
  exceptMemberId?: number,
): Promise<{ role: MemberRole; sex: Sex }> {
  if (!(MEMBER_ROLES as readonly string[]).includes(member.role)) {
    throw fail('councils.member.bad_role', {
      title: `A role is one of: ${MEMBER_ROLES.join(', ')}.`,
      detail: `Not a role: ${member.role}.`,
    });
  }
  const role = member.role as MemberRole;
  if (!ROLES_OF_KIND[organ.kind].includes(role)) {
    throw fail('councils.member.role_not_for_organ', {
      title: `A ${organ.kind} knows the roles ${ROLES_OF_KIND[organ.kind].join(', ')}.`,
      detail: `Not a role in a ${organ.kind}: ${role}.`,
    });
  }
  if (!(SEXES as readonly string[]).includes(member.sex)) {
    throw fail('councils.member.bad_sex', { title: `Sex is one of: ${SEXES.join(', ')}.` });
  }
  if (member.end_date !== null && member.end_date < member.start_date) {
    throw fail('councils.member.end_before_start');
  }
  if (member.party !== null && member.party.trim() !== '' && organ.kind !== 'council') {
    throw fail('councils.member.party_not_for_organ');
  }
  if (member.birth_year !== null && Number(member.start_date.slice(0, 4)) - member.birth_year < MIN_AGE) {
    throw fail('councils.member.bad_birth_year', {
      title: `A member is at least ${MIN_AGE} years old when the mandate starts.`,
    });
  }
  if (organ.closed_on !== null && member.start_date > organ.closed_on) {
    throw fail('councils.organ.closed', { title: `The organ sat for the last time on ${organ.closed_on}.` });
  }
  // One head at a time (one chief, one governor, one head): deputies and members are many.
  if (role === HEAD_ROLE[organ.kind]) {
    const other = await findOverlappingHolder(db, {
      organId: organ.id,
      role,
      start: member.start_date,
      end: member.end_date,
      exceptMemberId,
    });
    if (other) {
      throw fail('councils.member.head_taken', {
        title: `Another member is ${role} during that time; end that mandate first.`,
        detail: `Member ${other.id} from ${other.start_date}.`,
      });
    }
  }
  return { role, sex: member.sex as Sex };
}

const blankToNull = (text: string | null | undefined) =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

export async function addMember(
  readers: Readers,
  request: FastifyRequest,
  organId: number,
  body: CreateMemberBody,
): Promise<Member> {
  const { db } = readers;
  const row = await db.transaction().execute(async (trx) => {
    const organ = await findOrgan(trx, organId);
    if (!organ) throw fail('councils.organ.not_found');
    const facts = {
      role: body.role,
      sex: body.sex,
      birth_year: body.birthYear ?? null,
      party: blankToNull(body.party),
      start_date: body.startDate,
      end_date: body.endDate ?? null,
    };
    const { role, sex } = await checkMember(trx, organ, facts);
    const inserted = await insertMember(trx, {
      ...facts,
      role,
      sex,
      organ_id: organ.id,
      name_km: body.nameKm.trim(),
      name_latin: body.nameLatin.trim(),
      has_disability: body.hasDisability ?? null,
      is_indigenous: body.isIndigenous ?? null,
      source: blankToNull(body.source),
    });
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'councils.member.create',
      entityType: 'councils.member',
      entityId: String(inserted.id),
      unitCode: organ.unit_code,
      after: auditedMember(inserted),
    });
    return inserted;
  });
  // The writer manages this organ (the access check said so): they see what they entered.
  return toMember(row, todayInCambodia(), true);
}

export async function updateMember(
  readers: Readers,
  request: FastifyRequest,
  id: number,
  body: UpdateMemberBody,
): Promise<Member> {
  const { db } = readers;
  const row = await db.transaction().execute(async (trx) => {
    const before = await findMember(trx, id);
    if (!before) throw fail('councils.member.not_found');
    const organ = await findOrgan(trx, before.organ_id);
    if (!organ) throw fail('councils.organ.not_found');
    const changes: Updateable<CouncilsMemberTable> = {};
    if (body.nameKm !== undefined) changes.name_km = body.nameKm.trim();
    if (body.nameLatin !== undefined) changes.name_latin = body.nameLatin.trim();
    if (body.birthYear !== undefined) changes.birth_year = body.birthYear;
    if (body.hasDisability !== undefined) changes.has_disability = body.hasDisability;
    if (body.isIndigenous !== undefined) changes.is_indigenous = body.isIndigenous;
    if (body.party !== undefined) changes.party = blankToNull(body.party);
    if (body.startDate !== undefined) changes.start_date = body.startDate;
    if (body.endDate !== undefined) changes.end_date = body.endDate;
    if (body.source !== undefined) changes.source = blankToNull(body.source);
    const facts: MemberFacts = {
      role: body.role ?? before.role,
      sex: body.sex ?? before.sex,
      birth_year: changes.birth_year !== undefined ? changes.birth_year : before.birth_year,
      party: changes.party !== undefined ? changes.party : before.party,
      start_date: changes.start_date ?? before.start_date,
      end_date: changes.end_date !== undefined ? changes.end_date : before.end_date,
    };
    // Ending a mandate on a closed organ is always allowed; only new time in office is checked
    // against the organ's last day.
    const checked = await checkMember(trx, { ...organ, closed_on: null }, facts, id);
    if (organ.closed_on !== null && (facts.end_date === null || facts.end_date > organ.closed_on)) {
      throw fail('councils.organ.closed', {
        title: `The organ sat for the last time on ${organ.closed_on}.`,
      });
    }
    if (body.role !== undefined) changes.role = checked.role;
    if (body.sex !== undefined) changes.sex = checked.sex;
    const after = await updateMemberRow(trx, id, changes);
    const ending = before.end_date === null && after.end_date !== null;
    await writeAudit(trx, {
      ...auditActor(request),
      action: ending ? 'councils.member.end' : 'councils.member.update',
      entityType: 'councils.member',
      entityId: String(id),
      unitCode: organ.unit_code,
      before: auditedMember(before),
      after: auditedMember(after),
    });
    return after;
  });
  return toMember(row, todayInCambodia(), true);
}

// ---------------------------------------------------------------------------------- stats

export async function memberStats(db: CouncilsDb, query: StatsQuery): Promise<MemberStats> {
  if (query.within !== undefined && !(await unitExists(anyDb(db), query.within))) {
    throw fail('councils.unit.unknown', { title: `No administrative unit has the code ${query.within}.` });
  }
  const day = query.asOf ?? todayInCambodia();
  const { organs, groups } = await selectGroupedMembers(db, {
    kind: query.kind,
    day,
    within: query.within,
    level: query.level,
  });
  return {
    within: query.within ?? null,
    kind: query.kind,
    level: query.level ?? null,
    asOf: day,
    organs,
    ...breakdowns(groups, query.kind, Number(day.slice(0, 4))),
  };
}

// ---------------------------------------------------------------------------------- functions

const FUNCTION_SORT_COLUMNS = {
  code: 'code',
  nameEn: 'name_en',
  sector: 'sector',
  dateAssigned: 'date_assigned',
};

function toFunction(row: FunctionRow): SnaFunction {
  return {
    id: row.id,
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    sector: row.sector,
    holderTypeCode: row.holder_type_code,
    holderUnitCode: row.holder_unit_code,
    legalInstrument: row.legal_instrument,
    dateAssigned: row.date_assigned,
    transferredFrom: row.transferred_from,
    source: row.source,
    isExample: row.is_example,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const isUnitCode = (holder: string) => /^[0-9]+$/.test(holder);

/** A holder as typed (a type code or a unit code), checked against the gazetteer. */
async function resolveHolder(db: CouncilsDb, holder: string) {
  if (isUnitCode(holder)) {
    const exists = await unitExists(anyDb(db), holder);
    if (!exists)
      throw fail('councils.unit.unknown', { title: `No administrative unit has the code ${holder}.` });
    const unit = await getUnit(gazetteerDb(db), holder);
    if (unit.level > 3) {
      throw fail('councils.function.unknown_holder', { title: 'Villages hold no functions.' });
    }
    return { typeCode: null, unitCode: holder, unitTypeCode: unit.typeCode };
  }
  if (!(await snaTypeExists(db, holder))) {
    throw fail('councils.function.unknown_holder', {
      title: `${holder} is not a type of sub-national administration (commune, sangkat, district, municipality, khan, province, capital).`,
    });
  }
  return { typeCode: holder, unitCode: null, unitTypeCode: holder };
}

export async function listFunctions(
  db: CouncilsDb,
  query: FunctionListQuery,
): Promise<PageResult<SnaFunction>> {
  let filters: { typeCode?: string; unitCode?: string; sector?: string } = { sector: query.sector };
  if (query.holder !== undefined) {
    const holder = await resolveHolder(db, query.holder);
    // A unit holds what its type holds and what was assigned to it alone.
    filters =
      holder.unitCode !== null
        ? { ...filters, typeCode: holder.unitTypeCode, unitCode: holder.unitCode }
        : { ...filters, typeCode: holder.typeCode };
  }
  const page = await fetchPage(selectFunctions(db, filters), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: FUNCTION_SORT_COLUMNS,
    tieBreak: 'id',
  });
  return { ...page, items: page.items.map(toFunction) };
}

function auditedFunction(row: FunctionRow) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return rest;
}

export async function createFunction(
  db: CouncilsDb,
  request: FastifyRequest,
  body: CreateFunctionBody,
): Promise<SnaFunction> {
  const holder = await resolveHolder(db, body.holder);
  return db.transaction().execute(async (trx) => {
    if (await findFunctionByHolder(trx, body.code, holder)) {
      throw fail('councils.function.duplicate');
    }
    const row = await insertFunction(trx, {
      code: body.code,
      name_km: body.nameKm.trim(),
      name_en: body.nameEn.trim(),
      sector: body.sector,
      holder_type_code: holder.typeCode,
      holder_unit_code: holder.unitCode,
      legal_instrument: body.legalInstrument.trim(),
      date_assigned: body.dateAssigned,
      transferred_from: blankToNull(body.transferredFrom),
      source: body.source.trim(),
    });
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'councils.function.create',
      entityType: 'councils.function',
      entityId: String(row.id),
      unitCode: row.holder_unit_code,
      after: auditedFunction(row),
    });
    return toFunction(row);
  });
}

export async function updateFunction(
  db: CouncilsDb,
  request: FastifyRequest,
  id: number,
  body: UpdateFunctionBody,
): Promise<SnaFunction> {
  return db.transaction().execute(async (trx) => {
    const before = await findFunction(trx, id);
    if (!before) throw fail('councils.function.not_found');
    const changes: Updateable<CouncilsFunctionTable> = {};
    if (body.nameKm !== undefined) changes.name_km = body.nameKm.trim();
    if (body.nameEn !== undefined) changes.name_en = body.nameEn.trim();
    if (body.sector !== undefined) changes.sector = body.sector;
    if (body.legalInstrument !== undefined) changes.legal_instrument = body.legalInstrument.trim();
    if (body.dateAssigned !== undefined) changes.date_assigned = body.dateAssigned;
    if (body.transferredFrom !== undefined) changes.transferred_from = blankToNull(body.transferredFrom);
    if (body.source !== undefined) changes.source = body.source.trim();
    const after = await updateFunctionRow(trx, id, changes);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'councils.function.update',
      entityType: 'councils.function',
      entityId: String(id),
      unitCode: after.holder_unit_code,
      before: auditedFunction(before),
      after: auditedFunction(after),
    });
    return toFunction(after);
  });
}
