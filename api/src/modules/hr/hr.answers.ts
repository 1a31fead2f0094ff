/** Rows as the API answers them and as the audit trail stores them (personal details hidden). No I/O. */
import type { AgeGroup, Assignment, Employment, Occupant, PersonSummary, Position } from './hr.schemas.ts';
import type { AssignmentRow, EmploymentRow, PersonRow, PositionRow, PositionStatus } from './hr.tables.ts';

export const blankToNull = (text: string | null | undefined) =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

/** The age group reached on `day` (whole years). */
export function ageGroupOn(birthDate: string | null, day: string): AgeGroup {
  if (birthDate === null) return 'unknown';
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 25) return 'under_25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55_and_over';
}

export interface OccupantRow {
  id: number;
  position_id: number;
  person_id: number;
  kind: Occupant['kind'];
  start_date: string;
  end_date: string | null;
  name_km: string;
  name_latin: string;
  sex: Occupant['sex'];
}

export function toOccupant(row: OccupantRow): Occupant {
  return {
    assignmentId: row.id,
    personId: row.person_id,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    sex: row.sex,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

export function toPosition(
  row: PositionRow & { status: PositionStatus },
  occupants: OccupantRow[],
): Position {
  return {
    id: row.id,
    unitCode: row.unit_code,
    organ: row.organ,
    titleKm: row.title_km,
    titleEn: row.title_en,
    categoryCode: row.category_code,
    gradeCode: row.grade_code,
    level: row.level,
    functionCode: row.function_code,
    status: row.status,
    fundingSource: row.funding_source,
    maxOccupants: row.max_occupants,
    isExample: row.is_example,
    occupants: occupants.filter((o) => o.position_id === row.id).map(toOccupant),
  };
}

export function toPersonSummary(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    unitCode: row.unit_code,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    sex: row.sex,
    isExample: row.is_example,
  };
}

export function toEmployment(row: EmploymentRow): Employment {
  return {
    id: row.id,
    unitCode: row.unit_code,
    kind: row.kind,
    categoryCode: row.category_code,
    gradeCode: row.grade_code,
    startDate: row.start_date,
    endDate: row.end_date,
    leavingReason: row.leaving_reason,
  };
}

export function toAssignment(
  row: AssignmentRow & { unit_code: string; title_km: string; title_en: string | null },
): Assignment {
  return {
    id: row.id,
    positionId: row.position_id,
    unitCode: row.unit_code,
    titleKm: row.title_km,
    titleEn: row.title_en,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    endReason: row.end_reason,
  };
}

const PERSONAL = '[personal]';

/**
 * A person as the audit trail keeps them: personal details are recorded as set or not, never
 * their value (the trail is read by more people than may see them).
 */
export function auditedPerson(row: PersonRow) {
  const mark = (value: unknown) => (value === null ? null : PERSONAL);
  return {
    unitCode: row.unit_code,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    sex: row.sex,
    birthDate: mark(row.birth_date),
    hasDisability: mark(row.has_disability),
    ethnicity: mark(row.ethnicity),
    phone: mark(row.phone),
    email: mark(row.email),
    nationalId: mark(row.national_id),
  };
}
