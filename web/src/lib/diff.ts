/**
 * What an audit record changed, field by field, for people: the values before and after,
 * without the bookkeeping fields every record carries.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export const IGNORED_FIELDS: ReadonlySet<string> = new Set(['id', 'userId', 'createdAt', 'updatedAt']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changesOf(before: unknown, after: unknown, ignored = IGNORED_FIELDS): FieldChange[] {
  const empty = (value: unknown) => value === null || value === undefined;
  if ((isRecord(before) || empty(before)) && (isRecord(after) || empty(after))) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return fields
      .filter((field) => !ignored.has(field) && !same(b[field], a[field]))
      .map((field) => ({ field, before: b[field], after: a[field] }));
  }
  return same(before, after) ? [] : [{ field: '', before, after }];
}
