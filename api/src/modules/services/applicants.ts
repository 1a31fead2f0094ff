/**
 * The person behind an application or a complaint, as typed at a counter or online: checked
 * and put in one form. Sex, age group and disability are asked so that every figure can be
 * broken down by them (unknown is an answer); the phone number is how people are told of
 * progress, and how someone without an account proves an application is theirs.
 */
import { normaliseCambodianPhone } from '../../platform/phone.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { fail } from './services.errors.ts';
import { AGE_GROUPS, SEXES, type AgeGroup, type Sex } from './services.tables.ts';

export interface ApplicantInput {
  name?: string | null;
  sex?: string | null;
  ageGroup?: string | null;
  disability?: boolean | null;
  phone?: string | null;
  email?: string | null;
}

export interface Applicant {
  name: string | null;
  sex: Sex;
  ageGroup: AgeGroup;
  disability: boolean | null;
  phone: string | null;
  email: string | null;
}

/** Kept under its old name: the platform's one reading of a Cambodian number. */
export const normalisePhone = normaliseCambodianPhone;

export function checkApplicant(input: ApplicantInput): Applicant {
  const name = input.name?.trim() || null;
  const sex = input.sex ?? 'unknown';
  if (!(SEXES as readonly string[]).includes(sex)) {
    throw fail('services.applicant.bad_sex', { title: `Sex is one of: ${SEXES.join(', ')}.`, detail: sex });
  }
  const ageGroup = input.ageGroup ?? 'unknown';
  if (!(AGE_GROUPS as readonly string[]).includes(ageGroup)) {
    throw fail('services.applicant.bad_age_group', {
      title: `The age group is one of: ${AGE_GROUPS.join(', ')}.`,
      detail: ageGroup,
    });
  }
  let phone: string | null = null;
  if (input.phone !== undefined && input.phone !== null && input.phone.trim() !== '') {
    phone = normalisePhone(input.phone);
    if (phone === null) throw fail('services.applicant.bad_phone', input.phone);
  }
  let email: string | null = null;
  if (input.email !== undefined && input.email !== null && input.email.trim() !== '') {
    email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail('services.applicant.bad_email', input.email);
  }
  return {
    name,
    sex: sex as Sex,
    ageGroup: ageGroup as AgeGroup,
    disability: input.disability ?? null,
    phone,
    email,
  };
}

/** A signed-in citizen's own details, filling what the form left out: the account's name, and its login when it is a phone. */
export function applicantFromAccount(principal: Principal, input: ApplicantInput = {}): Applicant {
  const loginPhone = principal.login.startsWith('+855') ? principal.login : null;
  const loginEmail = principal.login.includes('@') ? principal.login : null;
  return checkApplicant({
    ...input,
    name: input.name ?? principal.displayName,
    phone: input.phone ?? loginPhone,
    email: input.email ?? loginEmail,
  });
}
