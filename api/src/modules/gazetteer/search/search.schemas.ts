import { Type, type Static } from '@sinclair/typebox';
import { UnitCode } from '../gazetteer.schemas.ts';

export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;

export const UnitSearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 100,
    description:
      'What was typed: a Khmer name (any code-point order, with or without zero-width spaces), ' +
      'a romanised name (any case, with or without diacritics, spaces, apostrophes or hyphens; ' +
      'the official Latin name or the UNGEGN romanisation of the Khmer name, with the common ' +
      'variants folded: Kompong/Kg./Kâmpóng, Prah/Preah, Chh/Ch, ou/o, ae/e, doubled letters), ' +
      'or a code (ASCII or Khmer digits, with or without its leading zero). Matches names and ' +
      'codes that start with it. From 2 characters on, a Khmer syllable or a romanised word ' +
      'inside a name that starts with it matches too, listed after the names that start with it; ' +
      'when no name matches exactly and fewer than 5 units are found, the romanised names nearest by trigrams (a typo) come last.',
    examples: ['កែប', 'kampot', "Damnak Chang'aeur", '០៧', '2302'],
  }),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Only units of this level.' })),
  within: Type.Optional(
    Type.String({
      pattern: UnitCode.pattern,
      description:
        'Only units below this unit, at any depth; the unit itself is not listed (as in ' +
        '/units?within=). An unknown code gives no items.',
      examples: ['23'],
    }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: MAX_SEARCH_LIMIT,
    default: DEFAULT_SEARCH_LIMIT,
    description: `At most this many items (at most ${MAX_SEARCH_LIMIT}).`,
  }),
});
export type UnitSearchQuery = Static<typeof UnitSearchQuery>;

export const UnitPathItem = Type.Object({
  code: UnitCode,
  nameKm: Type.String(),
  nameLatin: Type.String(),
});

export const UnitSearchItem = Type.Object({
  code: UnitCode,
  level: Type.Integer({ minimum: 1, maximum: 4 }),
  typeCode: Type.String({ examples: ['province', 'district', 'sangkat', 'village'] }),
  nameKm: Type.String({ description: 'Official Khmer name, as stored.' }),
  nameLatin: Type.String({ description: 'Romanised name, as stored.' }),
  parentCode: Type.Union([UnitCode, Type.Null()]),
  romanised: Type.Optional(
    Type.String({
      description:
        'The UNGEGN romanisation of the Khmer name (with its diacritics), present when the ' +
        'query matched it rather than the official Latin name: "Kâmpóngchhnăng" for "kompong chhnang".',
      examples: ['Kâmpóngchhnăng'],
    }),
  ),
  path: Type.Array(UnitPathItem, {
    description:
      'The ancestors of the unit, the province or capital first, the parent last (empty for a ' +
      'province): enough to show "កែប › ព្រៃធំ" beside a village of the same name elsewhere.',
  }),
});
export type UnitSearchItem = Static<typeof UnitSearchItem>;

export const UnitSearchResult = Type.Object({
  items: Type.Array(UnitSearchItem, {
    description:
      'Exact matches first, then by level (provinces first), then by name; names that match ' +
      'only at a later syllable or word come after those that start with it, and names that ' +
      'are only similar (trigrams) after those. Abolished units are left out.',
  }),
});
export type UnitSearchResult = Static<typeof UnitSearchResult>;
