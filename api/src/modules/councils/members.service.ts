/**
 * Members and their mandates: adding a member to an organ and correcting or ending a
 * membership (members are never deleted). Every rule about one membership is checked on the
 * whole record as it would be stored; each change runs in one transaction with its audit record.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import { auditedMember, blankToNull, toMember } from './councils.answers.ts';
import type { CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type { CreateMemberBody, Member, UpdateMemberBody } from './councils.schemas.ts';
import {
  MEMBER_ROLES,
  SEXES,
  type CouncilsDb,
  type CouncilsMemberTable,
  type MemberRole,
  type OrganKind,
  type OrganRow,
  type Sex,
} from './councils.tables.ts';
import {
  findMember,
  findMemberUnit,
  findOverlappingHolder,
  insertMember,
  updateMember as updateMemberRow,
} from './members.queries.ts';
import { HEAD_ROLE } from './member-stats.ts';
import { findOrgan } from './organs.queries.ts';
import { normaliseCambodianPhone } from '../../platform/phone.ts';

/** The roles each kind of organ knows. */
export const ROLES_OF_KIND: Record<OrganKind, readonly MemberRole[]> = {
  council: ['chief', 'deputy', 'member'],
  board_of_governors: ['governor', 'deputy_governor', 'member'],
  committee: ['head', 'deputy', 'secretary', 'member'],
  office: ['head', 'deputy', 'member'],
};

/** The youngest age at which anyone sits in an organ; a later birth year is a typing error. */
const MIN_AGE = 18;

/** Unit locator for the access check: the unit of the member a path names. */
export async function unitOfMember(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findMemberUnit(db, id);
  if (unit === undefined) throw fail('councils.member.not_found');
  return unit;
}

interface MemberFacts {
  role: string;
  sex: string;
  birth_year: number | null;
  party: string | null;
  start_date: string;
  end_date: string | null;
}

const closedError = (organ: OrganRow) =>
  fail('councils.organ.closed', { title: `The organ sat for the last time on ${organ.closed_on}.` });

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
  if (organ.closed_on !== null && member.start_date > organ.closed_on) throw closedError(organ);
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

/** A member's contact as stored: a phone in one form, an e-mail address trimmed; blank is none. */
function contact(phone: string | null | undefined, email: string | null | undefined) {
  const out: { phone?: string | null; email?: string | null } = {};
  if (phone !== undefined) {
    const given = blankToNull(phone);
    out.phone = given === null ? null : normaliseCambodianPhone(given);
    if (given !== null && out.phone === null) throw fail('councils.member.bad_phone');
  }
  if (email !== undefined) {
    out.email = blankToNull(email);
    if (out.email !== null && !/^[^@\s]+@[^@\s]+$/.test(out.email)) throw fail('councils.member.bad_email');
  }
  return out;
}

export async function addMember(
  ctx: CouncilsContext,
  actor: Actor,
  input: { organId: number; body: CreateMemberBody },
): Promise<Member> {
  const { body } = input;
  const contacts = contact(body.phone, body.email);
  const row = await ctx.inTransaction(async (trx) => {
    const organ = await findOrgan(trx, input.organId);
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
      ...contacts,
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.member.create',
      entityType: 'councils.member',
      entityId: String(inserted.id),
      unitCode: organ.unit_code,
      after: auditedMember(inserted),
    });
    return inserted;
  });
  // The writer manages this organ (the access check said so): they see what they entered.
  return toMember(row, ctx.today(), true);
}

export async function updateMember(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateMemberBody },
): Promise<Member> {
  const { id, body } = input;
  const row = await ctx.inTransaction(async (trx) => {
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
    Object.assign(changes, contact(body.phone, body.email));
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
      throw closedError(organ);
    }
    if (body.role !== undefined) changes.role = checked.role;
    if (body.sex !== undefined) changes.sex = checked.sex;
    const after = await updateMemberRow(trx, id, changes);
    const ending = before.end_date === null && after.end_date !== null;
    await ctx.audit.write(trx, actor, {
      action: ending ? 'councils.member.end' : 'councils.member.update',
      entityType: 'councils.member',
      entityId: String(id),
      unitCode: organ.unit_code,
      before: auditedMember(before),
      after: auditedMember(after),
    });
    return after;
  });
  return toMember(row, ctx.today(), true);
}
