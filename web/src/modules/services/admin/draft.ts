/**
 * Pure: the form's state (every number still text, every row with a key for React) and its
 * way to and from the API's body. The checks here are only the obvious ones (a required text
 * is empty, a number is not a whole number); the API decides the rest. Problems are keyed by
 * the JSON pointer the API would use (`/feeTiers/1/amountRiel`), so that the API's own
 * pointers land on the same inputs.
 */
import { parseNumber } from '../../../lib/numbers.ts';
import { holdsAt } from '../../../lib/scope.ts';
import type { Standard } from '../api.ts';
import type { CreateStandardBody, Offering, ReviseStandardBody } from './api.ts';

export const PROVIDER_TIERS = ['province', 'district', 'commune'] as const;
export type ProviderTier = (typeof PROVIDER_TIERS)[number];

export const FIELD_DATATYPES = [
  'string',
  'text',
  'number',
  'date',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type FieldDatatype = (typeof FIELD_DATATYPES)[number];

export const isListType = (datatype: FieldDatatype) =>
  datatype === 'singlevaluelist' || datatype === 'multivaluelist';

/** The deepest level of the unit picker for a tier: the units that may offer the standard. */
export const TIER_LEVEL: Record<ProviderTier, 1 | 2 | 3> = { province: 1, district: 2, commune: 3 };

export interface FeeRow {
  key: string;
  code: string;
  labelKm: string;
  labelEn: string;
  amount: string;
}
export interface DocumentRow {
  key: string;
  nameKm: string;
  nameEn: string;
}
export interface ValueRow {
  key: string;
  code: string;
  nameKm: string;
  nameEn: string;
}
export interface FieldRow {
  key: string;
  code: string;
  datatype: FieldDatatype;
  required: boolean;
  variable: boolean;
  descriptionKm: string;
  descriptionEn: string;
  /** Kept as they were: the form does not edit them. */
  datatypeDescriptionKm: string | null;
  datatypeDescriptionEn: string | null;
  values: ValueRow[];
  /** Number fields: the bounds as typed; empty for the API's defaults (0 and 1,000,000,000). */
  minimum: string;
  maximum: string;
}

export interface Draft {
  code: string;
  /** Create only. null: the national catalogue; undefined: not chosen yet. */
  ownerUnitCode: string | null | undefined;
  sector: string;
  nameKm: string;
  nameEn: string;
  descriptionKm: string;
  descriptionEn: string;
  legalBasis: string;
  providerTier: ProviderTier | '';
  timeLimitDays: string;
  source: string;
  feeTiers: FeeRow[];
  requiredDocuments: DocumentRow[];
  formFields: FieldRow[];
}

export type Problem = 'required' | 'wholeNumber' | 'number' | 'boundsOrder';
export type Problems = Record<string, Problem>;

let lastKey = 0;
export const newKey = () => `row-${++lastKey}`;

export const emptyFee = (): FeeRow => ({ key: newKey(), code: '', labelKm: '', labelEn: '', amount: '' });
export const emptyDocument = (): DocumentRow => ({ key: newKey(), nameKm: '', nameEn: '' });
export const emptyValue = (): ValueRow => ({ key: newKey(), code: '', nameKm: '', nameEn: '' });
export const emptyField = (): FieldRow => ({
  key: newKey(),
  code: '',
  datatype: 'string',
  required: false,
  variable: true,
  descriptionKm: '',
  descriptionEn: '',
  datatypeDescriptionKm: null,
  datatypeDescriptionEn: null,
  values: [],
  minimum: '',
  maximum: '',
});

export function emptyDraft(ownerUnitCode: string | null | undefined): Draft {
  return {
    code: '',
    ownerUnitCode,
    sector: '',
    nameKm: '',
    nameEn: '',
    descriptionKm: '',
    descriptionEn: '',
    legalBasis: '',
    providerTier: '',
    timeLimitDays: '',
    source: '',
    feeTiers: [emptyFee()],
    requiredDocuments: [],
    formFields: [],
  };
}

/** The form filled with a standard's current version, to revise it. */
export function draftFromStandard(standard: Standard): Draft {
  return {
    code: standard.code,
    ownerUnitCode: standard.ownerUnitCode,
    sector: standard.sector,
    nameKm: standard.nameKm,
    nameEn: standard.nameEn,
    descriptionKm: standard.descriptionKm,
    descriptionEn: standard.descriptionEn,
    legalBasis: standard.legalBasis,
    providerTier: standard.providerTier,
    timeLimitDays: String(standard.timeLimitDays),
    source: standard.source ?? '',
    feeTiers: standard.feeTiers.map((tier) => ({
      key: newKey(),
      code: tier.code,
      labelKm: tier.labelKm,
      labelEn: tier.labelEn,
      amount: String(tier.amountRiel),
    })),
    requiredDocuments: standard.requiredDocuments.map((doc) => ({ key: newKey(), ...doc })),
    formFields: [...standard.formFields]
      .sort((a, b) => a.order - b.order)
      .map((field) => ({
        key: newKey(),
        code: field.code,
        datatype: field.datatype,
        required: field.required,
        variable: field.variable ?? true,
        descriptionKm: field.descriptionKm,
        descriptionEn: field.descriptionEn,
        datatypeDescriptionKm: field.datatypeDescriptionKm ?? null,
        datatypeDescriptionEn: field.datatypeDescriptionEn ?? null,
        values: (field.values ?? []).map((value) => ({
          key: newKey(),
          code: value.key,
          nameKm: value.nameKm,
          nameEn: value.nameEn,
        })),
        // Kept through a revision: dropping them would quietly let any number through again.
        minimum: field.minimum == null ? '' : String(field.minimum),
        maximum: field.maximum == null ? '' : String(field.maximum),
      })),
  };
}

/** A bound as typed: a number (negative and decimals allowed, Khmer digits too), or null when empty. */
export function parseBound(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseNumber(text, { decimals: 6, min: -1e12, max: 1e12 }) ?? 'invalid';
}

/** A whole number typed with Latin or Khmer digits and thousands separators (at most ten digits); else null. */
export function parseWhole(text: string): number | null {
  return parseNumber(text, { max: 9_999_999_999 });
}

/** Moves the item at `index` by `delta` places; the list unchanged when it would leave it. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Replaces the item at `index` with a changed copy. */
export function update<T>(list: readonly T[], index: number, change: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}

export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

type Content = ReviseStandardBody;

/** The body to send, or the problems to fix first (keyed by JSON pointer). */
export function toContent(draft: Draft): { content: Content | null; problems: Problems } {
  const problems: Problems = {};
  const text = (pointer: string, value: string, required = true) => {
    const trimmed = value.trim();
    if (required && trimmed === '') problems[pointer] = 'required';
    return trimmed;
  };
  const whole = (pointer: string, value: string) => {
    if (value.trim() === '') {
      problems[pointer] = 'required';
      return 0;
    }
    const number = parseWhole(value);
    if (number === null) problems[pointer] = 'wholeNumber';
    return number ?? 0;
  };
  const bounds = (base: string, field: FieldRow) => {
    const minimum = parseBound(field.minimum);
    const maximum = parseBound(field.maximum);
    if (minimum === 'invalid') problems[`${base}/minimum`] = 'number';
    if (maximum === 'invalid') problems[`${base}/maximum`] = 'number';
    if (typeof minimum === 'number' && typeof maximum === 'number' && minimum > maximum)
      problems[`${base}/maximum`] = 'boundsOrder';
    return {
      minimum: typeof minimum === 'number' ? minimum : null,
      maximum: typeof maximum === 'number' ? maximum : null,
    };
  };
  if (draft.providerTier === '') problems['/providerTier'] = 'required';
  const descriptionKm = draft.descriptionKm.trim();
  const descriptionEn = draft.descriptionEn.trim();
  const source = draft.source.trim();
  const content: Content = {
    sector: text('/sector', draft.sector),
    nameKm: text('/nameKm', draft.nameKm),
    nameEn: text('/nameEn', draft.nameEn),
    ...(descriptionKm ? { descriptionKm } : {}),
    ...(descriptionEn ? { descriptionEn } : {}),
    legalBasis: text('/legalBasis', draft.legalBasis),
    providerTier: draft.providerTier || 'district',
    timeLimitDays: whole('/timeLimitDays', draft.timeLimitDays),
    feeTiers: draft.feeTiers.map((tier, i) => ({
      code: text(`/feeTiers/${i}/code`, tier.code),
      labelKm: text(`/feeTiers/${i}/labelKm`, tier.labelKm),
      labelEn: text(`/feeTiers/${i}/labelEn`, tier.labelEn),
      amountRiel: whole(`/feeTiers/${i}/amountRiel`, tier.amount),
    })),
    requiredDocuments: draft.requiredDocuments.map((doc, i) => ({
      nameKm: text(`/requiredDocuments/${i}/nameKm`, doc.nameKm),
      nameEn: text(`/requiredDocuments/${i}/nameEn`, doc.nameEn),
    })),
    formFields: draft.formFields.map((field, i) => ({
      code: text(`/formFields/${i}/code`, field.code),
      datatype: field.datatype,
      required: field.variable ? field.required : false,
      variable: field.variable,
      // The order is the place in the list, with room between.
      order: (i + 1) * 10,
      descriptionKm: text(`/formFields/${i}/descriptionKm`, field.descriptionKm),
      descriptionEn: text(`/formFields/${i}/descriptionEn`, field.descriptionEn),
      datatypeDescriptionKm: field.datatypeDescriptionKm,
      datatypeDescriptionEn: field.datatypeDescriptionEn,
      ...(field.datatype === 'number' ? bounds(`/formFields/${i}`, field) : {}),
      ...(isListType(field.datatype)
        ? {
            values: field.values.map((value, j) => ({
              key: text(`/formFields/${i}/values/${j}/key`, value.code),
              nameKm: text(`/formFields/${i}/values/${j}/nameKm`, value.nameKm),
              nameEn: text(`/formFields/${i}/values/${j}/nameEn`, value.nameEn),
            })),
          }
        : {}),
    })),
    source: source || null,
  };
  return { content: Object.keys(problems).length === 0 ? content : null, problems };
}

/** The create body: the content with the code and the owner. */
export function toCreateBody(draft: Draft): { body: CreateStandardBody | null; problems: Problems } {
  const { content, problems } = toContent(draft);
  const code = draft.code.trim();
  if (code === '') problems['/code'] = 'required';
  if (draft.ownerUnitCode === undefined) problems['/ownerUnitCode'] = 'required';
  if (!content || Object.keys(problems).length > 0) return { body: null, problems };
  return { body: { code, ownerUnitCode: draft.ownerUnitCode ?? null, ...content }, problems };
}

/** The lowest and highest fee, for the list. */
export function feeRange(tiers: readonly { amountRiel: number }[]): { min: number; max: number } | null {
  if (tiers.length === 0) return null;
  const amounts = tiers.map((tier) => tier.amountRiel);
  return { min: Math.min(...amounts), max: Math.max(...amounts) };
}

/**
 * Whether the person may write a new version: a national standard needs a national
 * assignment; a unit's standard an assignment at that unit or above it.
 */
export function mayRevise(ownerUnitCode: string | null, unitsWhere: readonly (string | null)[]): boolean {
  return holdsAt(unitsWhere, ownerUnitCode);
}

export type OfferingState = 'current' | 'future' | 'ended';

export function offeringState(
  offering: Pick<Offering, 'validFrom' | 'validTo'>,
  today: string,
): OfferingState {
  if (offering.validTo !== null && offering.validTo < today) return 'ended';
  if (offering.validFrom > today) return 'future';
  return 'current';
}

/** An offering may still be ended when it has no last day, or a last day after today. */
export const mayEnd = (offering: Pick<Offering, 'validTo'>, today: string) =>
  offering.validTo === null || offering.validTo > today;

/** Which problems of a pointer's subtree there are: the API may name `/feeTiers/0` or deeper. */
export function problemAt(
  pointer: string,
  local: Problems,
  api: readonly { path: string }[],
): Problem | 'api' | undefined {
  if (local[pointer]) return local[pointer];
  return api.some((item) => item.path === pointer) ? 'api' : undefined;
}
