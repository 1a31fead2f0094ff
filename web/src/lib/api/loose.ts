/**
 * The same client as `api`, typed loosely, for endpoints that other teams are adding to the API
 * while the web app is built: their generated types may not be in schema.d.ts yet. Callers give
 * the answer's type themselves; the CSRF middleware and error handling are those of `api`.
 */
import { api, call } from './client.ts';

type QueryValue = string | number | boolean | undefined;

export interface LooseInit {
  params?: { path?: Record<string, string>; query?: Record<string, QueryValue> };
  body?: unknown;
  headers?: Record<string, string>;
  bodySerializer?: (body: unknown) => BodyInit;
  signal?: AbortSignal;
}

type LooseAnswer = Promise<{ data?: unknown; error?: unknown; response: Response }>;

interface LooseClient {
  GET: (url: string, init?: LooseInit) => LooseAnswer;
  POST: (url: string, init?: LooseInit) => LooseAnswer;
  PATCH: (url: string, init?: LooseInit) => LooseAnswer;
}

const loose = api as unknown as LooseClient;

/** Drops empty values so that an unset filter is not sent as `?asOf=`. */
function cleanQuery(query: Record<string, QueryValue> | undefined): Record<string, QueryValue> | undefined {
  if (!query) return undefined;
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
}

function clean(init: LooseInit): LooseInit {
  return { ...init, params: { ...init.params, query: cleanQuery(init.params?.query) } };
}

export function looseGet<T>(url: string, init: LooseInit = {}): Promise<T> {
  return call(loose.GET(url, clean(init))) as Promise<T>;
}

export function loosePost<T>(url: string, init: LooseInit = {}): Promise<T> {
  return call(loose.POST(url, clean(init))) as Promise<T>;
}

export function loosePatch<T>(url: string, init: LooseInit = {}): Promise<T> {
  return call(loose.PATCH(url, clean(init))) as Promise<T>;
}
