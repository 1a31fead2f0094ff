import { Type, type Static } from '@sinclair/typebox';
import { RequiredText } from '../../platform/http/text.ts';
import { Unit, UnitCode } from './gazetteer.schemas.ts';

const EffectiveDate = Type.String({
  format: 'date',
  description:
    'When the change took effect (YYYY-MM-DD): not before the unit’s current state began, not after today (Cambodia).',
});

const LegalReference = RequiredText(500, {
  description: 'The legal act behind the change (sub-decree, prakas, ...).',
});

// Unit carries an $id: a response that holds it twice would define that id twice.
const UnitState = Type.Object(Unit.properties);

export const UnitMergeBody = Type.Object(
  {
    intoCode: UnitCode,
    effectiveDate: EffectiveDate,
    legalReference: LegalReference,
  },
  { additionalProperties: false },
);
export type UnitMergeBody = Static<typeof UnitMergeBody>;

export const UnitMergeResult = Type.Object({
  absorbed: UnitState,
  into: UnitState,
});
export type UnitMergeResult = Static<typeof UnitMergeResult>;

export const SplitPart = Type.Object(
  {
    code: UnitCode,
    nameKm: RequiredText(200),
    nameLatin: RequiredText(200),
    typeCode: Type.Optional(
      Type.String({
        pattern: '^[a-z_]+$',
        description: 'The new unit’s type; the original’s when left out.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UnitSplitBody = Type.Object(
  {
    effectiveDate: EffectiveDate,
    legalReference: LegalReference,
    parts: Type.Array(SplitPart, {
      minItems: 2,
      maxItems: 20,
      description:
        'The new units: unused codes of the same length as the original, starting with its parent’s code; ' +
        'the type defaults to the original’s.',
    }),
    keepOriginal: Type.Boolean({
      description: 'false: the original is abolished on the effective date (it must have no live children).',
    }),
  },
  { additionalProperties: false },
);
export type UnitSplitBody = Static<typeof UnitSplitBody>;

export const UnitSplitResult = Type.Object({
  original: UnitState,
  parts: Type.Array(UnitState),
});
export type UnitSplitResult = Static<typeof UnitSplitResult>;
