/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document: values a schema
 * accepts (`valid`), and the same values mutated into what a careless or hostile client sends
 * (`mutated`): wrong types, nulls, missing and extra fields, huge and non-finite numbers, deep
 * nesting, long, blank and invalid strings, Khmer text, NUL characters.
 *
 * Numbers JSON cannot write (`1e400`) travel as `RawJson`, written as they are by `toJsonText`.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  $ref?: string;
  [key: string]: unknown;
};

/** A number as JSON text, for what JSON.stringify cannot write (1e400, -1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold `RawJson` numbers. */
export function toJsonText(value: unknown): string {
  const marks: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      marks.push(item.text);
      return `\u0001raw${marks.length - 1}\u0001`;
    }
    return item;
  });
  return (text ?? 'null').replace(
    /"\\u0001raw(\d+)\\u0001"/g,
    (_all, index: string) => marks[Number(index)]!,
  );
}

export type Resolve = (schema: JsonSchema) => JsonSchema;

const KHMER = ['ឃុំ', 'សង្កាត់', 'ក្រុង', 'ខេត្ត', 'ការិយាល័យ', 'ព្រះរាជាណាចក្រកម្ពុជា', 'ផ្លូវ ២៧១', '១២៣៤៥'];

/** Text no one should store: blank, NUL, huge, broken surrogates, scripts, markup. */
export const badText = fc.oneof(
  fc.constantFrom('', ' ', '   ', '\t\n', '\u00a0', '\u200b', '\u3000 '),
  fc.constantFrom('a\u0000b', '\u0000', 'ឃុំ\u0000'),
  fc.constantFrom('\ud800', 'x\udfffy', '😀'.repeat(50), '\u202eevil', '<script>alert(1)</script>'),
  fc.constantFrom("' or 1=1 --", '%00', '../../etc/passwd', '${jndi:x}', '{{7*7}}', 'null', 'NaN'),
  fc.constantFrom(...KHMER),
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'ក'.repeat(n)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const badNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324),
  fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'), new RawJson('1E+999')),
  fc.double(),
  fc.integer(),
);

/** Any JSON value, nested a little. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  badNumber,
  badText,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Nesting deeper than any schema expects (arrays or objects), written as JSON text. */
export const deepValue = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

const DATE = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
  if (schema.format === 'date') return DATE.map((iso) => iso.slice(0, 10));
  if (schema.format === 'date-time') return DATE;
  if (schema.format === 'email')
    return fc.emailAddress().filter((email) => email.length >= minLength && email.length <= maxLength);
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity));
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.constantFrom(...KHMER).filter((text) => text.length >= minLength && text.length <= maxLength),
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e9);
  if (integer) {
    const low = Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER));
    const high = Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER));
    return fc.oneof(fc.constantFrom(low, high), fc.integer({ min: low, max: high }));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (or nearly: patterns and formats are followed where known). */
export function valid(schema: JsonSchema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => valid(choice, resolve, depth + 1)));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf.map(resolve)) as JsonSchema, resolve, depth + 1);
  const types = typesOf(s);
  if (types.length === 0) return depth > 3 ? fc.constant(null) : anyJson;
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(s);
        case 'integer':
          return numberArbitrary(s, true);
        case 'number':
          return numberArbitrary(s, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          if (depth > 4) return fc.constant([]);
          const item = s.items ? valid(s.items, resolve, depth + 1) : anyJson;
          return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
        }
        case 'object': {
          if (depth > 4) return fc.constant({});
          const properties = s.properties ?? {};
          const required = new Set(s.required ?? []);
          const model: Record<string, fc.Arbitrary<unknown>> = {};
          for (const [key, child] of Object.entries(properties))
            model[key] = valid(child, resolve, depth + 1);
          return fc.record(model, { requiredKeys: [...required].filter((key) => key in properties) });
        }
        default:
          return anyJson;
      }
    }),
  );
}

type Mutation = (value: Record<string, unknown>) => fc.Arbitrary<unknown>;

/** Replaces the value at one key by a bad one of any kind. */
function replaceOne(keys: string[], bad: fc.Arbitrary<unknown>): Mutation {
  return (value) =>
    fc
      .tuple(keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x'), bad)
      .map(([key, item]) => ({ ...value, [key]: item }));
}

/**
 * A valid value, then one or two mutations of it, or something else entirely: what a broken
 * client, a hand-written curl or a fuzzer sends.
 */
export function mutated(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const keys = Object.keys(s.properties ?? {});
  const required = s.required ?? [];
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
    fc.constantFrom('5', 'true', '', '[]'),
    fc.integer({ min: -5, max: 5 }),
  );
  const mutations: Mutation[] = [
    replaceOne(keys, wrongType),
    replaceOne(keys, badText),
    replaceOne(keys, badNumber),
    replaceOne(keys, deepValue),
    replaceOne(keys, anyJson),
    (value) =>
      fc.constantFrom(...(required.length > 0 ? required : ['x'])).map((key) => {
        const copy = { ...value };
        delete copy[key];
        return copy;
      }),
    (value) =>
      fc
        .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'isExample', 'ក'), anyJson)
        .map(([key, item]) => ({ ...value, [key]: item })),
    () => fc.constant({}),
  ];
  const objectMutations = fc
    .tuple(valid(s, resolve), fc.constantFrom(...mutations), fc.constantFrom(...mutations))
    .chain(([value, first, second]) => {
      const base =
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : {};
      return first(base).chain((once) =>
        once !== null && typeof once === 'object' && !Array.isArray(once)
          ? fc.oneof(fc.constant(once), second(once as Record<string, unknown>))
          : fc.constant(once),
      );
    });
  return fc.oneof(
    { arbitrary: objectMutations, weight: 6 },
    { arbitrary: anyJson, weight: 1 },
    { arbitrary: deepValue, weight: 1 },
  );
}

/** A schema's `$ref`s resolved against the document's `components.schemas`. */
export function resolverOf(document: { components?: { schemas?: Record<string, JsonSchema> } }): Resolve {
  return (schema) => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = document.components?.schemas?.[name];
    if (!found) throw new Error(`unknown schema ${schema.$ref}`);
    return found;
  };
}
