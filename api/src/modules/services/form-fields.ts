/**
 * The form fields of a service standard, in exactly the shape of an Open311 GeoReport v2
 * service definition's attributes (code, datatype, required, order, description, values with
 * key and name), with Khmer and English texts. Two pure checks: that a standard's fields are
 * well formed (when a standard is written), and that an application's values fit them (when
 * one is filed). Both throw the module's errors (services.errors.ts) with a stable code; the Open311 endpoints translate the
 * same errors into Open311's error format.
 */
import { fail } from './services.errors.ts';

export const FIELD_DATATYPES = [
  'string',
  'text',
  'number',
  'date',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type FieldDatatype = (typeof FIELD_DATATYPES)[number];

export interface FieldValueOption {
  key: string;
  nameKm: string;
  nameEn: string;
}

export interface FormField {
  /** Open311 `code`: unique within the standard. */
  code: string;
  datatype: FieldDatatype;
  required: boolean;
  /** Open311 `variable`: false for a line of information the applicant only reads. */
  variable: boolean;
  /** Open311 `order`: the fields are shown in this order. */
  order: number;
  descriptionKm: string;
  descriptionEn: string;
  /** Open311 `datatype_description`: a hint on how to fill the field. */
  datatypeDescriptionKm?: string | null;
  datatypeDescriptionEn?: string | null;
  /** Only for singlevaluelist and multivaluelist: at least one. */
  values?: FieldValueOption[];
  /** Only for number: the bounds, inclusive (by default NUMBER_BOUNDS). */
  minimum?: number | null;
  maximum?: number | null;
}

/**
 * The bounds of a number field that states none: counts, areas and copies are never negative,
 * and no answer on a form needs more than a thousand million. A field may state others.
 */
export const NUMBER_BOUNDS = { minimum: 0, maximum: 1_000_000_000 } as const;

/** A number field's bounds, its own or the default ones. */
export function boundsOf(field: Pick<FormField, 'minimum' | 'maximum'>): {
  minimum: number;
  maximum: number;
} {
  return {
    minimum: field.minimum ?? NUMBER_BOUNDS.minimum,
    maximum: field.maximum ?? NUMBER_BOUNDS.maximum,
  };
}

/** A value as stored: text for string, text, date and singlevaluelist; a number; keys for multivaluelist. */
export type FieldValue = string | number | string[];
export type FieldValues = Record<string, FieldValue>;

const FIELD_CODE = /^[A-Za-z0-9_-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_STRING_LENGTH = 500;
export const MAX_TEXT_LENGTH = 4000;

const badField = (detail: string) => fail('services.standard.bad_field', detail);

const isList = (datatype: FieldDatatype) => datatype === 'singlevaluelist' || datatype === 'multivaluelist';

/** Checks a standard's fields and returns them sorted by `order`. */
export function checkFormFields(fields: readonly FormField[]): FormField[] {
  const codes = new Set<string>();
  const orders = new Set<number>();
  for (const field of fields) {
    if (!FIELD_CODE.test(field.code))
      badFieldThrow(`Field code "${field.code}" must be 1-40 letters, digits, _ or -.`);
    if (codes.has(field.code)) badFieldThrow(`Two fields have the code "${field.code}".`);
    codes.add(field.code);
    if (!(FIELD_DATATYPES as readonly string[]).includes(field.datatype))
      badFieldThrow(`Field "${field.code}": unknown datatype "${field.datatype}".`);
    if (orders.has(field.order)) badFieldThrow(`Two fields have the order ${field.order}.`);
    orders.add(field.order);
    const values = field.values ?? [];
    if (isList(field.datatype)) {
      if (values.length === 0) badFieldThrow(`Field "${field.code}" is a list but has no values.`);
      const keys = new Set<string>();
      for (const value of values) {
        if (keys.has(value.key)) badFieldThrow(`Field "${field.code}" has the key "${value.key}" twice.`);
        keys.add(value.key);
      }
    } else if (values.length > 0) {
      badFieldThrow(`Field "${field.code}" is a ${field.datatype} and cannot have values.`);
    }
    const bounded = (field.minimum ?? null) !== null || (field.maximum ?? null) !== null;
    if (bounded && field.datatype !== 'number') {
      badFieldThrow(
        `Field "${field.code}" is a ${field.datatype}: only number fields have a minimum and maximum.`,
      );
    }
    if (field.datatype === 'number') {
      const { minimum, maximum } = boundsOf(field);
      if (!Number.isFinite(minimum) || !Number.isFinite(maximum) || minimum > maximum) {
        badFieldThrow(`Field "${field.code}": the minimum ${minimum} is above the maximum ${maximum}.`);
      }
    }
    if (!field.variable && field.required)
      badFieldThrow(`Field "${field.code}" is information only and cannot be required.`);
  }
  return [...fields].sort((a, b) => a.order - b.order);
}

function badFieldThrow(detail: string): never {
  throw badField(detail);
}

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Checks an application's values against the fields of the standard version it is filed
 * under and returns them in their stored form. Values may arrive as JSON types or as text
 * (Open311 form posts send text): "12" for a number, "a,b" or ["a","b"] for a multivaluelist.
 *
 *   services.application.unknown_field      a value for a field the standard does not have
 *   services.application.missing_field      a required field without a value
 *   services.application.value_not_in_list  a key the field's value list does not hold
 *   services.application.bad_field_value    a value of the wrong type or too long
 *   services.application.value_out_of_range a number outside the field's bounds (boundsOf)
 */
export function validateFieldValues(
  fields: readonly FormField[],
  values: Readonly<Record<string, unknown>>,
): FieldValues {
  const byCode = new Map(fields.map((field) => [field.code, field]));
  for (const code of Object.keys(values)) {
    const field = byCode.get(code);
    if (!field || !field.variable) {
      throw fail('services.application.unknown_field', `No field "${code}" in this service's form.`);
    }
  }
  const out: FieldValues = {};
  for (const field of fields) {
    if (!field.variable) continue;
    const raw = values[field.code];
    const empty =
      raw === undefined ||
      raw === null ||
      (typeof raw === 'string' && raw.trim() === '') ||
      (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (field.required) {
        throw fail('services.application.missing_field', `The field "${field.code}" is required.`);
      }
      continue;
    }
    out[field.code] = fieldValue(field, raw);
  }
  return out;
}

function fieldValue(field: FormField, raw: unknown): FieldValue {
  const wrongValue = (why: string) =>
    fail('services.application.bad_field_value', `Field "${field.code}": ${why}`);
  const keys = new Set((field.values ?? []).map((value) => value.key));
  const inList = (key: string) => {
    if (!keys.has(key)) {
      throw fail(
        'services.application.value_not_in_list',
        `Field "${field.code}": "${key}" is not one of ${[...keys].join(', ')}.`,
      );
    }
    return key;
  };
  switch (field.datatype) {
    case 'string':
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw wrongValue('expected text.');
      const text = String(raw).trim();
      const max = field.datatype === 'string' ? MAX_STRING_LENGTH : MAX_TEXT_LENGTH;
      if (text.length > max) throw wrongValue(`at most ${max} characters.`);
      return text;
    }
    case 'number': {
      const number =
        typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
      if (!Number.isFinite(number)) throw wrongValue('expected a number.');
      const { minimum, maximum } = boundsOf(field);
      if (number < minimum || number > maximum) {
        throw fail('services.application.value_out_of_range', {
          title: `The field "${field.code}" takes a number from ${minimum} to ${maximum}.`,
          detail: `Field "${field.code}": ${String(raw)}`,
          errors: [{ path: `/values/${field.code}`, message: `from ${minimum} to ${maximum}` }],
        });
      }
      return number;
    }
    case 'date': {
      if (typeof raw !== 'string' || !isRealDate(raw.trim())) throw wrongValue('expected a date YYYY-MM-DD.');
      return raw.trim();
    }
    case 'singlevaluelist': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw wrongValue('expected one key.');
      return inList(String(raw).trim());
    }
    case 'multivaluelist': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
      const chosen: string[] = [];
      for (const item of items) {
        if (typeof item !== 'string' && typeof item !== 'number') throw wrongValue('expected keys.');
        const key = inList(String(item).trim());
        if (!chosen.includes(key)) chosen.push(key);
      }
      return chosen;
    }
  }
}
