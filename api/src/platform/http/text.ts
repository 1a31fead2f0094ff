/**
 * The platform's rule for text a person types: where a schema says `x-trim`, the validator
 * trims the value (leading and trailing white space, Unicode's included) before the route sees
 * it, and a required text (`minLength`) must still be that long once trimmed, so a name of
 * spaces is refused with 400 `http.request.invalid` ("must not be blank") instead of reaching
 * the database's `btrim(name) <> ''` check (a 500).
 *
 * Modules declare such fields with `RequiredText(maxLength)`; the keyword is registered on both
 * validators (JSON bodies and query strings) by `buildValidator` (input-rules.ts).
 */
import { Type, type StringOptions } from '@sinclair/typebox';
import type { KeywordDefinition, SchemaValidateFunction } from 'ajv';

export const TRIM_KEYWORD = 'x-trim';

/** White space, and the zero-width characters Khmer typing leaves behind (`trim()` keeps them). */
const EDGE = String.raw`(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+`;
const INVISIBLE_EDGES = new RegExp(`^${EDGE}|${EDGE}$`, 'g');

export function trimText(value: string): string {
  return value.replace(INVISIBLE_EDGES, '');
}

const validateTrim: SchemaValidateFunction = function validate(
  this: unknown,
  trim: unknown,
  data: unknown,
  parentSchema,
  context,
): boolean {
  if (trim !== true || typeof data !== 'string') return true;
  const trimmed = trimText(data);
  const minLength = Number((parentSchema as { minLength?: number } | undefined)?.minLength ?? 0);
  if ([...trimmed].length < minLength) {
    (validate as SchemaValidateFunction).errors = [
      {
        keyword: TRIM_KEYWORD,
        message:
          minLength <= 1 ? 'must not be blank' : `must have at least ${minLength} characters besides spaces`,
        params: { minLength },
      },
    ];
    return false;
  }
  if (context && trimmed !== data)
    (context.parentData as Record<string | number, unknown>)[context.parentDataProperty] = trimmed;
  return true;
};

export const trimKeyword: KeywordDefinition = {
  keyword: TRIM_KEYWORD,
  type: 'string',
  schemaType: 'boolean',
  modifying: true,
  errors: true,
  validate: validateTrim,
};

/** Required text a person types (a name, a title, a reason): trimmed, never blank. */
export function RequiredText(maxLength: number | undefined, options: StringOptions = {}) {
  return Type.String({
    minLength: 1,
    ...(maxLength === undefined ? {} : { maxLength }),
    ...options,
    [TRIM_KEYWORD]: true,
  });
}
