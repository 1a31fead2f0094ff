/**
 * How the councils module answers and what its audit records keep: rows to the API's shapes,
 * and rows as the audit trail stores them (members' personal details hidden). No I/O.
 */
import type { Member, Organ, SnaFunction } from './councils.schemas.ts';
import type { FunctionRow, MemberRow, OrganRow } from './councils.tables.ts';

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
      ? { birthYear: row.birth_year, hasDisability: row.has_disability, isIndigenous: row.is_indigenous }
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
