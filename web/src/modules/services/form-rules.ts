/**
 * Pure rules for the service forms: how each Open311 datatype of a standard's form field is
 * shown, what the form holds while it is filled, what is sent to the API, and which files may
 * be attached. The API checks everything again; these rules let a person see a mistake before
 * sending, and keep Khmer digits typed on a phone from being refused.
 */
import { parseNumber } from '../../lib/numbers.ts';

export type FieldDatatype = 'string' | 'text' | 'number' | 'date' | 'singlevaluelist' | 'multivaluelist';

export interface FormFieldOption {
  key: string;
  nameKm: string;
  nameEn: string;
}

export interface FormFieldSpec {
  code: string;
  datatype: FieldDatatype;
  required: boolean;
  variable: boolean;
  order: number;
  descriptionKm: string;
  descriptionEn: string;
  datatypeDescriptionKm?: string | null;
  datatypeDescriptionEn?: string | null;
  values?: FormFieldOption[];
  /** Number fields: the smallest and largest value accepted; null or absent for the defaults. */
  minimum?: number | null;
  maximum?: number | null;
}

/** How a field is shown. */
export type FieldControl =
  'info' | 'text' | 'textarea' | 'number' | 'date' | 'radios' | 'select' | 'checkboxes';

/** A short list reads best as radio buttons (one tap on a phone); a long one as a select. */
export const MAX_RADIOS = 5;

export function controlFor(field: FormFieldSpec): FieldControl {
  if (!field.variable) return 'info';
  switch (field.datatype) {
    case 'string':
      return 'text';
    case 'text':
      return 'textarea';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'singlevaluelist':
      return (field.values?.length ?? 0) <= MAX_RADIOS ? 'radios' : 'select';
    case 'multivaluelist':
      return 'checkboxes';
  }
}

/** The API's limits on text values (form-fields.ts). */
export const MAX_STRING_LENGTH = 500;
export const MAX_TEXT_LENGTH = 4000;

/** What the form holds while it is filled: text, or the keys ticked. */
export type FormState = Record<string, string | string[]>;

export function sortedFields(fields: readonly FormFieldSpec[]): FormFieldSpec[] {
  return [...fields].sort((a, b) => a.order - b.order);
}

export function emptyFormState(fields: readonly FormFieldSpec[]): FormState {
  const state: FormState = {};
  for (const field of fields) {
    if (!field.variable) continue;
    state[field.code] = field.datatype === 'multivaluelist' ? [] : '';
  }
  return state;
}

/** The API's default bounds of a number field (form-fields.ts NUMBER_BOUNDS): no negative counts, no absurd ones. */
export const NUMBER_BOUNDS = { minimum: 0, maximum: 1_000_000_000 } as const;

/** The range a number field accepts: its own bounds, or the defaults. */
export function boundsOf(field: Pick<FormFieldSpec, 'minimum' | 'maximum'>): {
  minimum: number;
  maximum: number;
} {
  return {
    minimum: field.minimum ?? NUMBER_BOUNDS.minimum,
    maximum: field.maximum ?? NUMBER_BOUNDS.maximum,
  };
}

/** "១២" -> 12, "1,500" -> 1500, "2.5" -> 2.5, "-3" -> -3; null when it is not a number. */
export function parseNumberInput(text: string): number | null {
  return parseNumber(text, { decimals: Infinity, min: -Number.MAX_SAFE_INTEGER });
}

export type FieldProblem = 'missing' | 'not_a_number' | 'out_of_range' | 'too_long' | 'not_in_list';

export interface PreparedValues {
  values: Record<string, string | number | string[]>;
  /** By field code: why its value cannot be sent. Empty when the form can be sent. */
  problems: Record<string, FieldProblem>;
}

/** The values to send (empty ones left out, numbers as numbers), or the problems to show. */
export function prepareValues(fields: readonly FormFieldSpec[], state: FormState): PreparedValues {
  const values: PreparedValues['values'] = {};
  const problems: PreparedValues['problems'] = {};
  for (const field of fields) {
    if (!field.variable) continue;
    const raw = state[field.code];
    const keys = new Set((field.values ?? []).map((value) => value.key));
    if (Array.isArray(raw)) {
      const chosen = raw.filter((key) => keys.has(key));
      if (chosen.length !== raw.length) problems[field.code] = 'not_in_list';
      else if (chosen.length > 0) values[field.code] = chosen;
      else if (field.required) problems[field.code] = 'missing';
      continue;
    }
    const text = (raw ?? '').trim();
    if (text === '') {
      if (field.required) problems[field.code] = 'missing';
      continue;
    }
    switch (field.datatype) {
      case 'number': {
        const number = parseNumberInput(text);
        const { minimum, maximum } = boundsOf(field);
        if (number === null) problems[field.code] = 'not_a_number';
        else if (number < minimum || number > maximum) problems[field.code] = 'out_of_range';
        else values[field.code] = number;
        break;
      }
      case 'singlevaluelist':
        if (keys.has(text)) values[field.code] = text;
        else problems[field.code] = 'not_in_list';
        break;
      case 'multivaluelist':
        if (keys.has(text)) values[field.code] = [text];
        else problems[field.code] = 'not_in_list';
        break;
      default: {
        const max = field.datatype === 'text' ? MAX_TEXT_LENGTH : MAX_STRING_LENGTH;
        if (text.length > max) problems[field.code] = 'too_long';
        else values[field.code] = text;
      }
    }
  }
  return { values, problems };
}

/** A stored value as a person reads it: list keys become their names. */
export function displayValue(field: FormFieldSpec | undefined, value: unknown, lang: 'km' | 'en'): string {
  const nameOf = (key: unknown) => {
    const option = field?.values?.find((candidate) => candidate.key === String(key));
    if (!option) return String(key);
    return lang === 'km' ? option.nameKm : option.nameEn;
  };
  if (Array.isArray(value)) return value.map(nameOf).join(', ');
  if (field && (field.datatype === 'singlevaluelist' || field.datatype === 'multivaluelist')) {
    return nameOf(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

// ---------------------------------------------------------------- attachments

/** The API's limit (attachments.ts): 5 MB, PDF, JPEG or PNG, at most 10 per application. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'];

export type AttachmentProblem = 'empty' | 'too_large' | 'type_not_allowed' | 'bad_name';

/** Why a chosen file would be refused, or null. The API also reads the file's first bytes. */
export function attachmentProblem(file: { name: string; size: number }): AttachmentProblem | null {
  if (/[/\\]/.test(file.name) || file.name.includes('..') || file.name.trim() === '') return 'bad_name';
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (!file.name.includes('.') || !ALLOWED_EXTENSIONS.includes(extension)) return 'type_not_allowed';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'too_large';
  return null;
}
