import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';

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

export const UnitTypeCode = Type.String({
  pattern: '^[a-z_]+$',
  description: 'Only units of this type code.',
});

/** A calendar date, YYYY-MM-DD (checked as a real date: 2024-13-01 and 2024-02-30 are refused). */
export const IsoDate = Type.String({ format: 'date', examples: ['2024-10-14'] });

export const AsOfQuery = Type.Object({
  asOf: Type.Optional(
    Type.String({
      format: 'date',
      description:
        'Read the tree as it was on this date (YYYY-MM-DD). Without it: as it is today, abolished ' +
        'units left out.',
      examples: ['2022-06-05'],
    }),
  ),
});
export type AsOfQuery = Static<typeof AsOfQuery>;

export const UnitListQuery = Type.Composite([
  PageQuery,
  SortQuery(UNIT_SORT_FIELDS, 'code'),
  AsOfQuery,
  Type.Object({
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Only units of this level.' })),
    parent: Type.Optional(UnitCode),
    type: Type.Optional(UnitTypeCode),
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

export const UnitChildrenQuery = Type.Composite([
  PageQuery,
  SortQuery(UNIT_SORT_FIELDS, 'code'),
  AsOfQuery,
  Type.Object({ type: Type.Optional(UnitTypeCode) }),
]);
export type UnitChildrenQuery = Static<typeof UnitChildrenQuery>;

export const UnitAncestors = Type.Object({
  items: Type.Array(Unit, {
    description: 'The province or capital first, down to the unit itself (last).',
  }),
});
export type UnitAncestors = Static<typeof UnitAncestors>;

export const UnitCounts = Type.Object(
  {
    code: Type.Union([UnitCode, Type.Null()], {
      description: 'The unit counted below; null for the whole country.',
    }),
    asOf: Type.Union([IsoDate, Type.Null()], {
      description: 'The date of the tree counted; null for today.',
    }),
    total: Type.Integer({
      description: 'Units below the unit (the unit itself not counted), or in the country.',
    }),
    byLevel: Type.Record(Type.String({ pattern: '^[1-4]$' }), Type.Integer(), {
      description:
        'Units per level ("1" provinces, "2" districts, "3" communes, "4" villages); levels with none left out.',
    }),
    byType: Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.Integer(), {
      description: 'Units per type code (district, municipality, khan, commune, sangkat, village, ...).',
    }),
  },
  { $id: 'GazetteerUnitCounts', title: 'GazetteerUnitCounts' },
);
export type UnitCounts = Static<typeof UnitCounts>;

export const EVENT_KINDS = [
  'created',
  'renamed',
  'moved',
  'retyped',
  'abolished',
  'merged',
  'split',
  'reinstated',
] as const;
export const EventKind = Type.Union(
  EVENT_KINDS.map((kind) => Type.Literal(kind)),
  { description: 'What changed.' },
);

/** The attributes an event changed, camelCase (nameKm, nameLatin, parentCode, typeCode, isUrban). */
const EventAttributes = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);

export const UnitEvent = Type.Object(
  {
    id: Type.Integer(),
    unitCode: UnitCode,
    unitNameKm: Type.String({ description: 'The unit’s Khmer name today (or when it was abolished).' }),
    unitNameLatin: Type.String({
      description: 'The unit’s romanised name today (or when it was abolished).',
    }),
    kind: EventKind,
    effectiveDate: Type.Union([IsoDate, Type.Null()], {
      description: 'When the change took effect; null for a unit known since before our records.',
    }),
    legalReference: Type.Union([Type.String(), Type.Null()], {
      description: 'The legal act behind the change.',
    }),
    before: EventAttributes,
    after: EventAttributes,
    relatedCodes: Type.Array(UnitCode, { description: 'The other units of a merge or a split.' }),
    note: Type.Union([Type.String(), Type.Null()]),
    importId: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The import that recorded it, if any.',
    }),
    recordedAt: Timestamp,
  },
  { $id: 'GazetteerUnitEvent', title: 'GazetteerUnitEvent' },
);
export type UnitEvent = Static<typeof UnitEvent>;

export const UnitHistoryQuery = PageQuery;
export type UnitHistoryQuery = Static<typeof UnitHistoryQuery>;

export const CHANGE_SORT_FIELDS = ['effectiveDate', 'unitCode'] as const;

export const ChangesQuery = Type.Composite([
  PageQuery,
  SortQuery(CHANGE_SORT_FIELDS, 'effectiveDate'),
  Type.Object({
    from: Type.String({ format: 'date', description: 'First effective date included (YYYY-MM-DD).' }),
    to: Type.String({ format: 'date', description: 'Last effective date included (YYYY-MM-DD).' }),
    kind: Type.Optional(EventKind),
    within: Type.Optional(
      Type.String({
        pattern: UnitCode.pattern,
        description: 'Only changes of this unit and the units below it.',
        examples: ['23'],
      }),
    ),
  }),
]);
export type ChangesQuery = Static<typeof ChangesQuery>;

export const UnitUpdateBody = Type.Object(
  {
    nameKm: Type.Optional(Type.String({ maxLength: 200, description: 'New official Khmer name.' })),
    nameLatin: Type.Optional(Type.String({ maxLength: 200, description: 'New romanised name.' })),
    isUrban: Type.Optional(Type.Boolean()),
    legalReference: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'The legal act behind the change (sub-decree, prakas, ...).',
    }),
    effectiveDate: Type.String({
      format: 'date',
      description:
        'When the change took effect (YYYY-MM-DD): not before the unit’s current state began, not after today.',
    }),
  },
  { additionalProperties: false },
);
export type UnitUpdateBody = Static<typeof UnitUpdateBody>;
