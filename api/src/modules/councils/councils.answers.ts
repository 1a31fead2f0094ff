/**
 * How the councils module answers and what its audit records keep: rows to the API's shapes,
 * and rows as the audit trail stores them (members' personal details hidden). No I/O.
 */
import type { AgendaItem, Decision, Meeting, Member, Organ, SnaFunction } from './councils.schemas.ts';
import type {
  AgendaItemRow,
  DecisionRow,
  FunctionRow,
  MeetingRow,
  MemberRow,
  OrganRow,
  Vote,
} from './councils.tables.ts';
import type { DecisionWithContext } from './decisions.queries.ts';
import type { MeetingWithOrgan } from './meetings.queries.ts';

export const inOffice = (start: string | null, end: string | null, day: string) =>
  (start === null || start <= day) && (end === null || end >= day);

export const blankToNull = (text: string | null | undefined) =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

export function toMember(row: MemberRow, today: string, personal: boolean): Member {
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
      ? {
          birthYear: row.birth_year,
          hasDisability: row.has_disability,
          isIndigenous: row.is_indigenous,
          phone: row.phone,
          email: row.email,
        }
      : {}),
  };
}

export function toOrgan(row: OrganRow, members: Member[], today: string): Organ {
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
    decisionNumberPattern: row.decision_number_pattern,
    isExample: row.is_example,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members,
  };
}

export function toFunction(row: FunctionRow): SnaFunction {
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

const PERSONAL = '[personal]';

/**
 * A member as the audit trail keeps it. Audit readers (council members among them) are more
 * than those allowed to see personal details, so those are recorded as "set" or null, never
 * their value.
 */
export function auditedMember(row: MemberRow) {
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
    phone: hidden(row.phone),
    email: hidden(row.email),
  };
}

export function auditedOrgan(row: OrganRow) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return rest;
}

export function auditedFunction(row: FunctionRow) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return rest;
}

// ---------------------------------------------------------------------------------- meetings

/** A decision as it is cited: in its organ's pattern when taken (decision-number.ts), else number/year. */
export const decisionReference = (row: { number: number; decision_year: number; reference: string | null }) =>
  row.reference ?? `${row.number}/${row.decision_year}`;

export function toAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    position: row.position,
    titleKm: row.title_km,
    titleEn: row.title_en,
    documentRef: row.document_ref,
  };
}

export function toMeeting(
  row: MeetingWithOrgan,
  agenda: AgendaItemRow[],
  convener: { id: number; name_km: string; name_latin: string } | null,
): Meeting {
  return {
    id: row.id,
    organId: row.organ_id,
    unitCode: row.unit_code,
    organKind: row.organ_kind,
    organNameKm: row.organ_name_km,
    organNameEn: row.organ_name_en,
    kind: row.kind,
    date: row.meeting_date,
    place: row.place,
    isOnline: row.is_online,
    convenedBy: convener
      ? { id: convener.id, nameKm: convener.name_km, nameLatin: convener.name_latin }
      : null,
    status: row.status,
    observersFemale: row.observers_female,
    observersMale: row.observers_male,
    decisionCount: row.decision_count,
    isExample: row.is_example,
    agenda: agenda.filter((item) => item.meeting_id === row.id).map(toAgendaItem),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDecision(
  row: DecisionWithContext,
  votes: { decision_id: number; member_id: number; vote: Vote; name_km: string; name_latin: string }[],
): Decision {
  return {
    id: row.id,
    organId: row.organ_id,
    unitCode: row.unit_code,
    organKind: row.organ_kind,
    organNameKm: row.organ_name_km,
    organNameEn: row.organ_name_en,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    year: row.decision_year,
    number: row.number,
    reference: decisionReference(row),
    date: row.decision_date,
    kind: row.kind,
    kindNameKm: row.kind_name_km,
    kindNameEn: row.kind_name_en,
    titleKm: row.title_km,
    titleEn: row.title_en,
    amendsDecisionId: row.amends_decision_id,
    voteMode: row.vote_mode,
    votesFor: row.votes_for,
    votesAgainst: row.votes_against,
    votesAbstain: row.votes_abstain,
    membersInOffice: row.members_in_office,
    membersPresent: row.members_present,
    quorumMet: row.quorum_met,
    passed: row.passed,
    isFinal: row.meeting_status === 'closed',
    isExample: row.is_example,
    votes: votes
      .filter((vote) => vote.decision_id === row.id)
      .map((vote) => ({
        memberId: vote.member_id,
        nameKm: vote.name_km,
        nameLatin: vote.name_latin,
        vote: vote.vote,
      })),
    createdAt: row.created_at,
  };
}

export function auditedMeeting(row: MeetingRow, agenda?: AgendaItemRow[]) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return agenda
    ? {
        ...rest,
        agenda: agenda.map((item) => ({
          position: item.position,
          titleKm: item.title_km,
          titleEn: item.title_en,
          documentRef: item.document_ref,
        })),
      }
    : rest;
}

export function auditedDecision(row: DecisionRow, votes?: { member_id: number; vote: Vote }[]) {
  const { created_at: _created, updated_at: _updated, id: _id, ...rest } = row;
  return votes
    ? { ...rest, votes: votes.map((vote) => ({ memberId: vote.member_id, vote: vote.vote })) }
    : rest;
}
