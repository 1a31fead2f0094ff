/**
 * The body of POST requests, as the spec sends it (application/x-www-form-urlencoded) or as
 * JSON, read into one shape. Form posts carry the form fields' answers as `attribute[code]=…`,
 * a multivaluelist as `attribute[code][]=a&attribute[code][]=b`; JSON may send those same keys
 * or an `attribute` object `{ "code": value }`.
 */
import type { FilingLocation } from '../filing.types.ts';
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
  /** Where the request is about: both coordinates (inside Cambodia) or neither; an address; its id. */
  location: FilingLocation;
  /** A picture or document about the request: an http(s) URL, stored and given back, never fetched. */
  mediaUrl: string | null;
}

/**
 * Cambodia's extent with its islands (WGS84 degrees), a little wider than the land: a point
 * outside it is a mistake (swapped coordinates, another country), never a place we serve.
 */
export const CAMBODIA_EXTENT = { minLat: 9.8, maxLat: 14.8, minLong: 102.1, maxLong: 107.8 } as const;

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

function limited(body: Record<string, unknown>, key: string, max: number): string | null {
  const value = text(body, key);
  if (value !== null && value.length > max) {
    throw fail('open311.request.bad_field', { title: `${key} has at most ${max} characters.`, detail: key });
  }
  return value;
}

/** lat and long both or neither, inside Cambodia; address_string and address_id as given. */
function location(body: Record<string, unknown>): FilingLocation {
  const lat = coordinate(body, 'lat', 90);
  const long = coordinate(body, 'long', 180);
  if ((lat === null) !== (long === null)) {
    throw fail('open311.request.bad_location', {
      title: 'Send lat and long together (or neither, with address_string or address_id).',
      detail: lat === null ? 'long without lat' : 'lat without long',
    });
  }
  const { minLat, maxLat, minLong, maxLong } = CAMBODIA_EXTENT;
  if (lat !== null && long !== null && (lat < minLat || lat > maxLat || long < minLong || long > maxLong)) {
    throw fail('open311.request.outside_cambodia', {
      title: `The point is outside Cambodia (latitude ${minLat} to ${maxLat}, longitude ${minLong} to ${maxLong}).`,
      detail: `lat=${lat} long=${long}`,
    });
  }
  return {
    lat,
    long,
    addressString: limited(body, 'address_string', 500),
    addressId: limited(body, 'address_id', 200),
  };
}

function mediaUrl(body: Record<string, unknown>): string | null {
  const raw = limited(body, 'media_url', 2000);
  if (raw === null) return null;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw fail('open311.request.bad_media_url', raw);
  }
  return raw;
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
    location: location(fields),
    mediaUrl: mediaUrl(fields),
  };
}
