import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/http/problem.ts';
import { checkFormFields, validateFieldValues, type FormField } from './form-fields.ts';

const fields: FormField[] = [
  {
    code: 'name',
    datatype: 'string',
    required: true,
    variable: true,
    order: 1,
    descriptionKm: 'ឈ្មោះ',
    descriptionEn: 'Name',
  },
  {
    code: 'count',
    datatype: 'number',
    required: false,
    variable: true,
    order: 2,
    descriptionKm: 'ចំនួន',
    descriptionEn: 'Count',
  },
  {
    code: 'day',
    datatype: 'date',
    required: false,
    variable: true,
    order: 3,
    descriptionKm: 'ថ្ងៃ',
    descriptionEn: 'Day',
  },
  {
    code: 'kind',
    datatype: 'singlevaluelist',
    required: true,
    variable: true,
    order: 4,
    descriptionKm: 'ប្រភេទ',
    descriptionEn: 'Kind',
    values: [
      { key: 'a', nameKm: 'ក', nameEn: 'A' },
      { key: 'b', nameKm: 'ខ', nameEn: 'B' },
    ],
  },
  {
    code: 'extras',
    datatype: 'multivaluelist',
    required: false,
    variable: true,
    order: 5,
    descriptionKm: 'បន្ថែម',
    descriptionEn: 'Extras',
    values: [
      { key: 'x', nameKm: 'x', nameEn: 'X' },
      { key: 'y', nameKm: 'y', nameEn: 'Y' },
    ],
  },
  {
    code: 'info',
    datatype: 'text',
    required: false,
    variable: false,
    order: 6,
    descriptionKm: 'ព័ត៌មាន',
    descriptionEn: 'Read this',
  },
];

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

describe('validateFieldValues', () => {
  it('returns values in their stored form, from JSON or Open311 text', () => {
    expect(
      validateFieldValues(fields, {
        name: ' Sok ',
        count: '3',
        day: '2026-02-28',
        kind: 'a',
        extras: 'x,y,x',
      }),
    ).toEqual({
      name: 'Sok',
      count: 3,
      day: '2026-02-28',
      kind: 'a',
      extras: ['x', 'y'],
    });
    expect(validateFieldValues(fields, { name: 'Sok', kind: 'b', extras: [] })).toEqual({
      name: 'Sok',
      kind: 'b',
    });
  });

  it('refuses with a stable code for each kind of mistake', () => {
    expect(codeOf(() => validateFieldValues(fields, { kind: 'a' }))).toBe(
      'services.application.missing_field',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: '  ', kind: 'a' }))).toBe(
      'services.application.missing_field',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'c' }))).toBe(
      'services.application.value_not_in_list',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'a', extras: ['x', 'z'] }))).toBe(
      'services.application.value_not_in_list',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'a', other: 1 }))).toBe(
      'services.application.unknown_field',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'a', info: 'typed' }))).toBe(
      'services.application.unknown_field',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'a', count: 'three' }))).toBe(
      'services.application.bad_field_value',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'S', kind: 'a', day: '2026-02-30' }))).toBe(
      'services.application.bad_field_value',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: 'x'.repeat(501), kind: 'a' }))).toBe(
      'services.application.bad_field_value',
    );
    expect(codeOf(() => validateFieldValues(fields, { name: { a: 1 }, kind: 'a' }))).toBe(
      'services.application.bad_field_value',
    );
  });
});

describe('checkFormFields', () => {
  it('sorts by order and refuses malformed definitions', () => {
    expect(checkFormFields([...fields].reverse()).map((field) => field.code)).toEqual([
      'name',
      'count',
      'day',
      'kind',
      'extras',
      'info',
    ]);
    const base = fields[0]!;
    expect(codeOf(() => checkFormFields([base, { ...base, order: 9 }]))).toBe('services.standard.bad_field');
    expect(codeOf(() => checkFormFields([{ ...base, code: 'a b' }]))).toBe('services.standard.bad_field');
    expect(codeOf(() => checkFormFields([{ ...base, datatype: 'singlevaluelist' }]))).toBe(
      'services.standard.bad_field',
    );
    expect(
      codeOf(() => checkFormFields([{ ...base, values: [{ key: 'a', nameKm: 'ក', nameEn: 'A' }] }])),
    ).toBe('services.standard.bad_field');
    expect(codeOf(() => checkFormFields([{ ...base, variable: false }]))).toBe('services.standard.bad_field');
  });
});
