/**
 * The body of POST requests, as the spec sends it (application/x-www-form-urlencoded) or as
 * JSON, read into one shape. Form posts carry the form fields' answers as `attribute[code]=…`,
 * a multivaluelist as `attribute[code][]=a&attribute[code][]=b`; JSON may send those same keys
 * or an `attribute` object `{ "code": value }`.
 */
import { fail } from './open311.errors.ts';

/** A form body: each key with its value, or its values when it is repeated or ends in `[]`. */
export type FormBody = Record<string, string | string[]>;

export function parseFormBody(text: string): FormBody {
  const out: FormBody = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const many = rawKey.endsWith('[]');
    const key = many ? rawKey.slice(0, -2) : rawKey;
    const before = out[key];
    if (before === undefined) out[key] = many ? [value] : value;
    else out[key] = [...(Array.isArray(before) ? before : [before]), value];
  }
  return out;
}

export interface PostInput {
  apiKey: string | null;
  jurisdictionId: string | null;
  serviceCode: string | null;
  description: string | undefined;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  /** Extensions for NP-2's breakdowns (Open311 has none): female | male | unknown, an age group, true | false. */
  sex: string | null;
  ageGroup: string | null;
  disability: boolean | null;
  /** The form fields' answers, by field code. */
  attributes: Record<string, unknown>;
  lat: number | null;
  long: number | null;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\]$/;

function text(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    throw fail('open311.request.repeated_field', key);
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw fail('open311.request.bad_field', key);
  }
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

function coordinate(body: Record<string, unknown>, key: 'lat' | 'long', limit: number): number | null {
  const raw = text(body, key);
  if (raw === null) return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw fail('open311.request.bad_location', {
      title: `${key} is not a coordinate in WGS84 degrees.`,
      detail: raw,
    });
  }
  return value;
}

function flag(body: Record<string, unknown>, key: string): boolean | null {
  const raw = text(body, key);
  if (raw === null) return null;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw fail('open311.request.bad_field', { title: `${key} is true or false.`, detail: raw });
}

/** Reads a parsed form body or a JSON body. */
export function readPostBody(body: unknown): PostInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw fail('open311.request.no_body');
  }
  const fields = body as Record<string, unknown>;
  const attributes: Record<string, unknown> = {};
  const nested = fields.attribute;
  if (nested !== undefined) {
    if (nested === null || typeof nested !== 'object' || Array.isArray(nested)) {
      throw fail('open311.request.bad_field', { title: 'attribute is an object of answers by field code.' });
    }
    Object.assign(attributes, nested);
  }
  for (const [key, value] of Object.entries(fields)) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (match) attributes[match[1] as string] = value;
  }
  return {
    apiKey: text(fields, 'api_key'),
    jurisdictionId: text(fields, 'jurisdiction_id'),
    serviceCode: text(fields, 'service_code'),
    description: text(fields, 'description') ?? undefined,
    firstName: text(fields, 'first_name'),
    lastName: text(fields, 'last_name'),
    phone: text(fields, 'phone'),
    email: text(fields, 'email'),
    sex: text(fields, 'sex'),
    ageGroup: text(fields, 'age_group'),
    disability: flag(fields, 'disability'),
    attributes,
    lat: coordinate(fields, 'lat', 90),
    long: coordinate(fields, 'long', 180),
  };
}
