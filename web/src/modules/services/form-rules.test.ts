import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  boundsOf,
  controlFor,
  displayValue,
  emptyFormState,
  MAX_ATTACHMENT_BYTES,
  MAX_STRING_LENGTH,
  NUMBER_BOUNDS,
  parseNumberInput,
  prepareValues,
  sortedFields,
  type FormFieldSpec,
} from './form-rules.ts';

const option = (key: string, nameKm: string, nameEn: string) => ({ key, nameKm, nameEn });
const field = (spec: Partial<FormFieldSpec> & Pick<FormFieldSpec, 'code' | 'datatype'>): FormFieldSpec => ({
  required: false,
  variable: true,
  order: 1,
  descriptionKm: spec.code,
  descriptionEn: spec.code,
  ...spec,
});

// The demo business licence's form (api/src/modules/services/demo-seed.ts), in another order.
const FIELDS: FormFieldSpec[] = [
  field({ code: 'workers', datatype: 'number', required: true, order: 3 }),
  field({ code: 'business_name', datatype: 'string', required: true, order: 1 }),
  field({
    code: 'business_type',
    datatype: 'singlevaluelist',
    required: true,
    order: 2,
    values: [option('retail', 'លក់រាយ', 'Retail shop'), option('food', 'ភោជនីយដ្ឋាន', 'Food and drink')],
  }),
  field({ code: 'opening_date', datatype: 'date', order: 4 }),
  field({
    code: 'extras',
    datatype: 'multivaluelist',
    order: 5,
    values: [option('alcohol', 'លក់គ្រឿងស្រវឹង', 'Sells alcohol'), option('music', 'ចាក់តន្ត្រី', 'Plays music')],
  }),
  field({ code: 'notice', datatype: 'string', variable: false, order: 6 }),
];

describe('form field rendering rules', () => {
  it('shows each datatype with its control; a short list as radios, a long one as a select', () => {
    const long = field({
      code: 'long',
      datatype: 'singlevaluelist',
      values: ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => option(key, key, key)),
    });
    expect(FIELDS.map((f) => [f.code, controlFor(f)])).toEqual([
      ['workers', 'number'],
      ['business_name', 'text'],
      ['business_type', 'radios'],
      ['opening_date', 'date'],
      ['extras', 'checkboxes'],
      ['notice', 'info'],
    ]);
    expect(controlFor(long)).toBe('select');
    expect(controlFor(field({ code: 'story', datatype: 'text' }))).toBe('textarea');
  });

  it('orders fields by their order and starts them empty (a list of keys for multi-value lists)', () => {
    expect(sortedFields(FIELDS).map((f) => f.code)).toEqual([
      'business_name',
      'business_type',
      'workers',
      'opening_date',
      'extras',
      'notice',
    ]);
    expect(emptyFormState(FIELDS)).toEqual({
      workers: '',
      business_name: '',
      business_type: '',
      opening_date: '',
      extras: [],
    });
  });

  it('names every missing required field and sends nothing empty', () => {
    const { values, problems } = prepareValues(FIELDS, emptyFormState(FIELDS));
    expect(values).toEqual({});
    expect(problems).toEqual({ workers: 'missing', business_name: 'missing', business_type: 'missing' });
  });

  it('sends numbers as numbers (Khmer digits and thousands commas accepted), text trimmed, keys as chosen', () => {
    const { values, problems } = prepareValues(FIELDS, {
      workers: '១,២០០',
      business_name: '  ហាងកាហ្វេ  ',
      business_type: 'food',
      opening_date: '2026-12-01',
      extras: ['music'],
    });
    expect(problems).toEqual({});
    expect(values).toEqual({
      workers: 1200,
      business_name: 'ហាងកាហ្វេ',
      business_type: 'food',
      opening_date: '2026-12-01',
      extras: ['music'],
    });
  });

  it('refuses a value that is not a number, too long, or not in the list', () => {
    const { problems } = prepareValues(FIELDS, {
      workers: 'three',
      business_name: 'x'.repeat(MAX_STRING_LENGTH + 1),
      business_type: 'bakery',
      extras: ['music', 'karaoke'],
    });
    expect(problems).toEqual({
      workers: 'not_a_number',
      business_name: 'too_long',
      business_type: 'not_in_list',
      extras: 'not_in_list',
    });
  });

  it('refuses a number outside the field’s bounds, or outside the defaults when it has none', () => {
    const copies = field({ code: 'copies', datatype: 'number', minimum: 1, maximum: 10 });
    const workers = field({ code: 'workers', datatype: 'number' });
    const check = (text: string, spec: FormFieldSpec) => prepareValues([spec], { [spec.code]: text });
    expect(check('0', copies).problems).toEqual({ copies: 'out_of_range' });
    expect(check('១១', copies).problems).toEqual({ copies: 'out_of_range' });
    expect(check('១០', copies).values).toEqual({ copies: 10 });
    expect(check('-5', workers).problems).toEqual({ workers: 'out_of_range' });
    expect(check('1e308', workers).problems).toEqual({ workers: 'not_a_number' });
    expect(check('1,000,000,001', workers).problems).toEqual({ workers: 'out_of_range' });
    expect(boundsOf(copies)).toEqual({ minimum: 1, maximum: 10 });
    expect(boundsOf(workers)).toEqual(NUMBER_BOUNDS);
  });

  it('parses numbers as typed on a phone', () => {
    expect(parseNumberInput('៣')).toBe(3);
    expect(parseNumberInput(' 2.5 ')).toBe(2.5);
    expect(parseNumberInput('1 500')).toBe(1500);
    expect(parseNumberInput('12a')).toBeNull();
    expect(parseNumberInput('')).toBeNull();
  });

  it('shows stored list keys by their names in the reader’s language', () => {
    const type = FIELDS[2];
    const extras = FIELDS[4];
    expect(displayValue(type, 'food', 'km')).toBe('ភោជនីយដ្ឋាន');
    expect(displayValue(type, 'food', 'en')).toBe('Food and drink');
    expect(displayValue(extras, ['alcohol', 'music'], 'en')).toBe('Sells alcohol, Plays music');
    expect(displayValue(FIELDS[0], 3, 'en')).toBe('3');
  });
});

describe('attachments', () => {
  it('accepts PDF, JPEG and PNG up to the limit', () => {
    expect(attachmentProblem({ name: 'plan.pdf', size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: 'PHOTO.JPG', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(attachmentProblem({ name: 'id.png', size: 10 })).toBeNull();
  });

  it('refuses other types, large or empty files and names with a folder', () => {
    expect(attachmentProblem({ name: 'plan.docx', size: 1000 })).toBe('type_not_allowed');
    expect(attachmentProblem({ name: 'plan', size: 1000 })).toBe('type_not_allowed');
    expect(attachmentProblem({ name: 'plan.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('too_large');
    expect(attachmentProblem({ name: 'plan.pdf', size: 0 })).toBe('empty');
    expect(attachmentProblem({ name: '../plan.pdf', size: 10 })).toBe('bad_name');
    expect(attachmentProblem({ name: 'C:\\docs\\plan.pdf', size: 10 })).toBe('bad_name');
  });
});
