/**
 * A transfer formula is a JSON document (described for people in docs/transfer-formula.md):
 * which program and fiscal year it is for, its legal reference, the pool, the components the
 * pool is split into, the criteria each component is shared by, who is eligible, floors and
 * caps, and the rounding unit.
 *
 * `FormulaSchema` checks the shape (and serves the HTTP API as is); `parseFormula` then checks
 * what a schema cannot say: percents that add up to exactly 100, unique codes, floors below
 * caps. Percents are read as exact decimals (at most 4 places) and added as integers, never as
 * floating-point numbers, so 33.3333 + 33.3333 + 33.3334 is exactly 100.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../../platform/http/problem.ts';
import { PERCENT_ONE_HUNDRED, percentUnits } from './exact.ts';

export const FORMULA_FORMAT = 'sndd.transfer-formula.v1';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const Percent = (description: string) =>
  Type.Number({ minimum: 0, maximum: 100, description: `${description} Percent, at most 4 decimals.` });
const Riel = (description: string) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `${description} Whole riel.` });
const Code = Type.String({
  pattern: '^[a-z0-9]+([-_][a-z0-9]+)*$',
  maxLength: 64,
  description: 'Lower-case letters, digits, - and _.',
});
const UnitCodePrefix = Type.String({
  pattern: '^[0-9]{1,8}$',
  description: 'A zero-padded NCDD code; it also stands for every unit below it (`12` = all of Phnom Penh).',
});

export const EqualCriterionSchema = Type.Object(
  {
    kind: Type.Literal('equal'),
    weightPercent: Percent('Share of the component.'),
  },
  { additionalProperties: false, description: 'The same amount for every eligible unit.' },
);

export const IndicatorCriterionSchema = Type.Object(
  {
    kind: Type.Literal('indicator'),
    indicator: Type.String({
      pattern: '^[a-z][a-z0-9_]*$',
      maxLength: 64,
      description:
        'Name of a per-unit figure: population, poor_households, villages, area_km2, councillors, staff, or any other.',
    }),
    weightPercent: Percent('Share of the component.'),
    inverse: Type.Optional(
      Type.Boolean({
        description:
          'Share in proportion to 1/value (less capacity, more money). Every value must be above 0.',
      }),
    ),
  },
  { additionalProperties: false, description: "In proportion to the unit's value of the indicator." },
);

export const CriterionSchema = Type.Union([EqualCriterionSchema, IndicatorCriterionSchema]);

export const ComponentSchema = Type.Object(
  {
    code: Code,
    nameKm: Text(200),
    nameEn: Text(200),
    sharePercent: Percent('Share of the pool.'),
    criteria: Type.Array(CriterionSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const PoolSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('share_of_base'),
      percent: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Percent of the base.' }),
      base: Type.Object(
        {
          label: Text(300, "What the base is, e.g. the previous year's current revenue."),
          amount: Riel('The base.'),
          isExample: Type.Optional(
            Type.Boolean({ description: 'True when the amount is not an official figure.' }),
          ),
          source: Type.Optional(Text(1000)),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('fixed'),
      amount: Riel('The pool.'),
      isExample: Type.Optional(Type.Boolean()),
      source: Type.Optional(Text(1000)),
    },
    { additionalProperties: false },
  ),
]);

export const EligibilitySchema = Type.Object(
  {
    levels: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 4 }), {
        minItems: 1,
        description: '1 capital/province, 2 municipality/district/khan, 3 commune/sangkat, 4 village.',
      }),
    ),
    types: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
        minItems: 1,
        description: 'Unit types, e.g. commune, sangkat.',
      }),
    ),
    includeCodes: Type.Optional(
      Type.Array(UnitCodePrefix, {
        minItems: 1,
        description: 'Only these units (and the units below them).',
      }),
    ),
    excludeCodes: Type.Optional(
      Type.Array(UnitCodePrefix, { description: 'Never these units, nor those below them.' }),
    ),
  },
  { additionalProperties: false },
);

export const FormulaSchema = Type.Object(
  {
    format: Type.Literal(FORMULA_FORMAT),
    program: Type.Object(
      { code: Code, nameKm: Text(300), nameEn: Text(300) },
      { additionalProperties: false },
    ),
    fiscalYear: Type.Integer({ minimum: 1993, maximum: 2200 }),
    version: Type.Integer({ minimum: 1, description: 'Each change to a year’s formula is a new version.' }),
    legalReference: Type.Object(
      {
        text: Text(1000, 'The instrument, e.g. a sub-decree with its number.'),
        date: Type.Optional(
          Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' }),
        ),
        url: Type.Optional(Text(1000)),
        note: Type.Optional(Text(2000)),
      },
      { additionalProperties: false },
    ),
    pool: PoolSchema,
    components: Type.Array(ComponentSchema, { minItems: 1, maxItems: 20 }),
    eligibility: EligibilitySchema,
    floorPerUnit: Type.Optional(Riel('No eligible unit gets less (a multiple of the rounding unit).')),
    capPerUnit: Type.Optional(Riel('No eligible unit gets more (a multiple of the rounding unit).')),
    rounding: Type.Object(
      {
        unit: Type.Integer({
          minimum: 1,
          maximum: 1_000_000_000,
          description: 'Amounts are multiples of it (riel).',
        }),
      },
      { additionalProperties: false },
    ),
    notes: Type.Optional(Text(4000)),
  },
  { additionalProperties: false, title: 'TransferFormula' },
);

export type Formula = Static<typeof FormulaSchema>;
export type FormulaComponent = Static<typeof ComponentSchema>;
export type Criterion = Static<typeof CriterionSchema>;

export interface FieldError {
  /** JSON pointer to the bad value, e.g. `/components/1/criteria`. */
  path: string;
  message: string;
}

export const FORMULA_ERROR = {
  invalid: 'transfers.formula.invalid',
  weightsNot100: 'transfers.formula.weights_not_100',
} as const;

/** A formula that cannot be used; `errors` says where and why. Answers 400 through the HTTP API. */
export class FormulaError extends AppError {
  declare readonly errors: FieldError[];
  constructor(
    code: (typeof FORMULA_ERROR)[keyof typeof FORMULA_ERROR],
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(400, code, message, undefined, fieldErrors);
    this.name = 'FormulaError';
  }
}

/** Checks a parsed JSON value and returns it as a formula, or throws FormulaError listing every problem. */
/** The value at a JSON pointer (`/components/0/criteria/1`). */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/**
 * The shape errors, said precisely. TypeBox says only "Expected union value" for a criterion or
 * a pool that matches neither of its kinds: the `kind` tells which one was meant, so its own
 * errors are given (an extra property, a bad indicator name); an unknown kind gets the kinds
 * allowed.
 */
function shapeErrors(schema: TSchema, value: unknown, prefix = ''): FieldError[] {
  return [...Value.Errors(schema, value)].flatMap((error): FieldError[] => {
    const path = `${prefix}${error.path}`;
    const members = (error.schema as { anyOf?: TSchema[] }).anyOf;
    if (!members) return [{ path: path || '/', message: error.message }];
    const found = valueAt(value, error.path);
    const kinds = members
      .map((member) => (member as { properties?: { kind?: { const?: unknown } } }).properties?.kind?.const)
      .filter((kind): kind is string => typeof kind === 'string');
    const kind = typeof found === 'object' && found !== null ? (found as { kind?: unknown }).kind : undefined;
    const meant = members[kinds.indexOf(kind as string)];
    if (kinds.length === members.length && meant) return shapeErrors(meant, found, path);
    if (kinds.length === members.length)
      return [{ path: `${path}/kind`, message: `Must be one of ${kinds.map((k) => `"${k}"`).join(', ')}.` }];
    return [{ path: path || '/', message: error.message }];
  });
}

export function parseFormula(json: unknown): Formula {
  if (!Value.Check(FormulaSchema, json)) {
    const errors = shapeErrors(FormulaSchema, json);
    throw new FormulaError(
      FORMULA_ERROR.invalid,
      'The formula does not have the expected shape.',
      dedupe(errors),
    );
  }
  const formula = json;
  const sumErrors: FieldError[] = [];
  const otherErrors: FieldError[] = [];

  const percentOf = (value: number, path: string): bigint | undefined => {
    const units = percentUnits(value);
    if (units === undefined) otherErrors.push({ path, message: 'A percent has at most 4 decimals.' });
    return units;
  };
  const checkHundred = (values: (bigint | undefined)[], path: string, what: string) => {
    if (values.some((value) => value === undefined)) return;
    const sum = values.reduce<bigint>((total, value) => total + (value as bigint), 0n);
    if (sum !== PERCENT_ONE_HUNDRED)
      sumErrors.push({
        path,
        message: `${what} add up to ${formatPercent(sum)} %, not 100 %.`,
      });
  };

  if (formula.pool.kind === 'share_of_base') percentOf(formula.pool.percent, '/pool/percent');
  const shares = formula.components.map((component, index) =>
    percentOf(component.sharePercent, `/components/${index}/sharePercent`),
  );
  checkHundred(shares, '/components', 'The components’ shares');
  duplicates(formula.components.map((component) => component.code)).forEach((index) =>
    otherErrors.push({ path: `/components/${index}/code`, message: 'Two components have the same code.' }),
  );
  formula.components.forEach((component, index) => {
    const weights = component.criteria.map((criterion, position) =>
      percentOf(criterion.weightPercent, `/components/${index}/criteria/${position}/weightPercent`),
    );
    checkHundred(weights, `/components/${index}/criteria`, `The weights of component ${component.code}`);
    duplicates(component.criteria.map(criterionKey)).forEach((position) =>
      otherErrors.push({
        path: `/components/${index}/criteria/${position}`,
        message: 'The same criterion twice in one component: give it one weight.',
      }),
    );
  });

  const unit = formula.rounding.unit;
  const limits: [number | undefined, string][] = [
    [formula.floorPerUnit, '/floorPerUnit'],
    [formula.capPerUnit, '/capPerUnit'],
  ];
  for (const [amount, path] of limits)
    if (amount !== undefined && amount % unit !== 0)
      otherErrors.push({ path, message: `Must be a multiple of the rounding unit (${unit} riel).` });
  if (
    formula.floorPerUnit !== undefined &&
    formula.capPerUnit !== undefined &&
    formula.floorPerUnit > formula.capPerUnit
  )
    otherErrors.push({ path: '/floorPerUnit', message: 'The floor is above the cap.' });
  if (formula.pool.kind === 'fixed' && formula.pool.amount === 0)
    otherErrors.push({ path: '/pool/amount', message: 'The pool is empty.' });

  if (otherErrors.length > 0)
    throw new FormulaError(FORMULA_ERROR.invalid, 'The formula is not usable.', [
      ...otherErrors,
      ...sumErrors,
    ]);
  if (sumErrors.length > 0)
    throw new FormulaError(
      FORMULA_ERROR.weightsNot100,
      'Shares or weights do not add up to 100 %.',
      sumErrors,
    );
  return formula;
}

/** parseFormula for text (a file, a request body): malformed JSON is `transfers.formula.invalid` too. */
export function parseFormulaText(text: string): Formula {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormulaError(FORMULA_ERROR.invalid, 'The formula is not valid JSON.', [
      { path: '/', message: (error as Error).message },
    ]);
  }
  return parseFormula(json);
}

/** The indicator names a formula reads, in formula order, each once. */
export function formulaIndicators(formula: Formula): string[] {
  const names = new Set<string>();
  for (const component of formula.components)
    for (const criterion of component.criteria)
      if (criterion.kind === 'indicator') names.add(criterion.indicator);
  return [...names];
}

/** How a criterion is named in explanations: `equal`, `population`, `revenue_capacity (inverse)`. */
export function criterionKey(criterion: Criterion): string {
  if (criterion.kind === 'equal') return 'equal';
  return criterion.inverse ? `${criterion.indicator} (inverse)` : criterion.indicator;
}

function formatPercent(units: bigint): string {
  const whole = units / 10_000n;
  const fraction = (units % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path} ${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
