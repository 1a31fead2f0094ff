import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';

export const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,4}$',
  description: 'NCDD code, zero-padded: 2 digits (province), 4 (district), 6 (commune), 8 (village).',
  examples: ['12', '0102', '010201'],
});

export const Unit = Type.Object(
  {
    code: UnitCode,
    level: Type.Integer({ minimum: 1, maximum: 4 }),
    parentCode: Type.Union([UnitCode, Type.Null()]),
    typeCode: Type.String({ examples: ['province', 'capital', 'district', 'commune'] }),
    nameKm: Type.String({ description: 'Official Khmer name.' }),
    nameLatin: Type.String({ description: 'Romanised name.' }),
    isUrban: Type.Boolean(),
    validFrom: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    source: Type.String({ description: 'Where this fact comes from.' }),
  },
  { $id: 'GazetteerUnit', title: 'GazetteerUnit' },
);
export type Unit = Static<typeof Unit>;

export const UNIT_SORT_FIELDS = ['code', 'nameLatin', 'nameKm'] as const;

export const UnitListQuery = Type.Composite([
  PageQuery,
  SortQuery(UNIT_SORT_FIELDS, 'code'),
  Type.Object({
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Only units of this level.' })),
    parent: Type.Optional(UnitCode),
    type: Type.Optional(Type.String({ pattern: '^[a-z_]+$', description: 'Only units of this type code.' })),
    within: Type.Optional(
      Type.String({
        pattern: UnitCode.pattern,
        description:
          'Only units below this unit, at any depth (its children, their children, ...). The unit ' +
          'itself is not listed. An unknown code gives an empty page.',
        examples: ['23', '2302'],
      }),
    ),
  }),
]);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const UnitCodeParams = Type.Object({ code: UnitCode });

export const UnitAncestors = Type.Object({
  items: Type.Array(Unit, {
    description: 'The province or capital first, down to the unit itself (last).',
  }),
});
export type UnitAncestors = Static<typeof UnitAncestors>;
