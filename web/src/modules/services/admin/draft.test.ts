import { describe, expect, it } from 'vitest';
import type { Standard } from '../api.ts';
import {
  draftFromStandard,
  emptyDraft,
  emptyField,
  emptyValue,
  feeRange,
  mayEnd,
  mayRevise,
  move,
  offeringState,
  parseBound,
  parseWhole,
  problemAt,
  toContent,
  toCreateBody,
  type Draft,
} from './draft.ts';
import { problemDetails } from './api.ts';

function filled(): Draft {
  return {
    ...emptyDraft(null),
    code: ' test.service ',
    sector: 'commerce',
    nameKm: 'សេវាសាកល្បង',
    nameEn: 'Test service',
    legalBasis: 'Prakas 1',
    providerTier: 'district',
    timeLimitDays: '១៥',
    feeTiers: [{ key: 'a', code: 'small', labelKm: 'តូច', labelEn: 'Small', amount: '50,000' }],
    requiredDocuments: [{ key: 'd', nameKm: 'អត្តសញ្ញាណប័ណ្ណ', nameEn: 'ID card' }],
    formFields: [
      {
        ...emptyField(),
        code: 'kind',
        datatype: 'singlevaluelist',
        required: true,
        descriptionKm: 'ប្រភេទ',
        descriptionEn: 'Kind',
        values: [{ key: 'v', code: 'shop', nameKm: 'ហាង', nameEn: 'Shop' }],
      },
      {
        ...emptyField(),
        code: 'note',
        descriptionKm: 'កំណត់ចំណាំ',
        descriptionEn: 'Note',
        values: [emptyValue()],
      },
    ],
  };
}

describe('the standard form’s draft', () => {
  it('reads whole numbers in Latin or Khmer digits, with separators, and nothing else', () => {
    expect(parseWhole('១៥')).toBe(15);
    expect(parseWhole('50,000')).toBe(50000);
    expect(parseWhole(' 0 ')).toBe(0);
    expect(parseWhole('-1')).toBeNull();
    expect(parseWhole('1.5e3x')).toBeNull();
    expect(parseWhole('')).toBeNull();
  });

  it('makes the create body: trimmed, numbers, order by place, values only for lists', () => {
    const { body, problems } = toCreateBody(filled());
    expect(problems).toEqual({});
    expect(body).toMatchObject({
      code: 'test.service',
      ownerUnitCode: null,
      timeLimitDays: 15,
      source: null,
      feeTiers: [{ code: 'small', labelKm: 'តូច', labelEn: 'Small', amountRiel: 50000 }],
    });
    expect(body?.formFields.map((field) => [field.code, field.order, field.values?.length])).toEqual([
      ['kind', 10, 1],
      ['note', 20, undefined],
    ]);
    expect(body && 'descriptionKm' in body).toBe(false);
  });

  it('names each missing or bad value by the pointer the API would use', () => {
    const draft = filled();
    draft.code = '';
    draft.ownerUnitCode = undefined;
    draft.providerTier = '';
    draft.feeTiers = [{ key: 'a', code: 'x', labelKm: '', labelEn: 'X', amount: 'ten' }];
    const { body, problems } = toCreateBody(draft);
    expect(body).toBeNull();
    expect(problems).toEqual({
      '/code': 'required',
      '/ownerUnitCode': 'required',
      '/providerTier': 'required',
      '/feeTiers/0/labelKm': 'required',
      '/feeTiers/0/amountRiel': 'wholeNumber',
    });
    expect(toContent(draft).content).toBeNull();
  });

  it('round-trips a standard, keeping what the form does not edit', () => {
    const { body } = toCreateBody(filled());
    const standard = {
      ...body,
      formFields: body?.formFields.map((field) => ({ ...field, datatypeDescriptionKm: 'ជំនួយ' })),
      version: 1,
      currentVersion: 1,
      descriptionKm: '',
      descriptionEn: '',
      isExample: false,
      versionCreatedAt: '2026-01-01T00:00:00Z',
      offerings: [],
    } as unknown as Standard;
    const again = toContent(draftFromStandard(standard)).content;
    expect(again?.formFields[0]?.datatypeDescriptionKm).toBe('ជំនួយ');
    expect(again?.feeTiers).toEqual(body?.feeTiers);
    expect(again?.timeLimitDays).toBe(15);
  });

  it('keeps a number field’s bounds through a revision, and checks them as typed', () => {
    const draft = filled();
    draft.formFields = [
      {
        ...emptyField(),
        code: 'copies',
        datatype: 'number',
        descriptionKm: 'ចំនួនច្បាប់',
        descriptionEn: 'Copies',
        minimum: '១',
        maximum: '10',
      },
      { ...emptyField(), code: 'note', descriptionKm: 'កំណត់ចំណាំ', descriptionEn: 'Note', minimum: '5' },
    ];
    const { body, problems } = toCreateBody(draft);
    expect(problems).toEqual({});
    expect(body?.formFields.map((field) => [field.code, field.minimum, field.maximum])).toEqual([
      ['copies', 1, 10],
      // Only number fields carry bounds (the API refuses them on others).
      ['note', undefined, undefined],
    ]);
    const stored = { ...body, descriptionKm: '', descriptionEn: '', offerings: [] };
    const again = draftFromStandard(stored as unknown as Standard);
    expect(again.formFields[0]).toMatchObject({ minimum: '1', maximum: '10' });
    expect(toContent(again).content?.formFields[0]).toMatchObject({ minimum: 1, maximum: 10 });

    const unbounded = draftFromStandard({
      ...stored,
      formFields: [{ ...body?.formFields[0], minimum: null, maximum: null }],
    } as unknown as Standard);
    expect(toContent(unbounded).content?.formFields[0]).toMatchObject({ minimum: null, maximum: null });

    const copies = draft.formFields[0]!;
    draft.formFields = [{ ...copies, minimum: 'ten', maximum: '' }];
    expect(toContent(draft).problems).toEqual({ '/formFields/0/minimum': 'number' });
    draft.formFields = [{ ...copies, minimum: '20', maximum: '10' }];
    expect(toContent(draft).problems).toEqual({ '/formFields/0/maximum': 'boundsOrder' });
    expect(parseBound('-2.5')).toBe(-2.5);
    expect(parseBound(' ')).toBeNull();
  });

  it('moves rows within the list only', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('summarises fees, scopes revisions and tells an offering’s state', () => {
    expect(feeRange([{ amountRiel: 5 }, { amountRiel: 0 }])).toEqual({ min: 0, max: 5 });
    expect(feeRange([])).toBeNull();
    expect(mayRevise(null, [null])).toBe(true);
    expect(mayRevise(null, ['08'])).toBe(false);
    expect(mayRevise('0801', ['08'])).toBe(true);
    expect(mayRevise('0901', ['08'])).toBe(false);
    const today = '2026-11-26';
    expect(offeringState({ validFrom: '2026-01-01', validTo: null }, today)).toBe('current');
    expect(offeringState({ validFrom: '2026-12-01', validTo: null }, today)).toBe('future');
    expect(offeringState({ validFrom: '2026-01-01', validTo: '2026-11-25' }, today)).toBe('ended');
    expect(offeringState({ validFrom: '2026-01-01', validTo: today }, today)).toBe('current');
    expect(mayEnd({ validTo: today }, today)).toBe(false);
    expect(mayEnd({ validTo: null }, today)).toBe(true);
  });

  it('places the API’s pointers (without /body) on the inputs', () => {
    const details = problemDetails({
      errors: [{ path: '/body/feeTiers/1/code', message: 'must match pattern' }, { nope: 1 }],
    });
    expect(details).toEqual([{ path: '/feeTiers/1/code', message: 'must match pattern' }]);
    expect(problemAt('/feeTiers/1/code', {}, details)).toBe('api');
    expect(problemAt('/feeTiers/0/code', { '/feeTiers/0/code': 'required' }, details)).toBe('required');
    expect(problemAt('/nameKm', {}, details)).toBeUndefined();
  });
});
