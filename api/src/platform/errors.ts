/**
 * One way to fail, for every module. A module declares the errors it can answer in one
 * registry (`defineErrors`, in its `<name>.errors.ts`), each with its HTTP status and a short
 * English title; services throw `fail(code, detail?)` and nothing else builds an `AppError` by
 * hand. The manifest carries the registry, so the set of codes the API can return is known
 * without running it: `npm run check` holds it against the web's Khmer and English texts, and
 * the OpenAPI document lists it.
 *
 * Row-level problems of an import (a bad cell, an unknown code) are not HTTP answers but are
 * shown to people all the same: they are declared here too, with `status: 'problem'`.
 */
import { AppError } from './http/problem.ts';

export { AppError } from './http/problem.ts';

export interface ErrorDefinition {
  /** The HTTP status of the answer, or 'problem' for a row-level problem of an import or a check. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 431 | 503 | 'problem';
  /** A short English sentence for people; the web shows its own Khmer and English text by code. */
  title: string;
}

export type ErrorRegistry<Code extends string = string> = Readonly<Record<Code, ErrorDefinition>>;

/** The values a refused request named (JSON pointers or row numbers), shown beside the title. */
export interface ErrorItem {
  path: string;
  message: string;
}

export interface FailOptions {
  /** One sentence more about this case (which code, which date). */
  detail?: string;
  /** The values that were wrong, each with a pointer. */
  errors?: ErrorItem[];
  /** Replaces the registry's title when the case needs a more exact sentence. */
  title?: string;
}

export type Fail<Code extends string> = (code: Code, detailOrOptions?: string | FailOptions) => AppError;

/**
 * Declares a module's errors; every code must start with the module's name and a dot (checked
 * by `checkErrorRegistry` when the platform starts and by the contract test).
 */
export function defineErrors<const Code extends string>(
  registry: Record<Code, ErrorDefinition>,
): ErrorRegistry<Code> {
  return registry;
}

/** The one function a module's services throw with: `throw fail('councils.organ.not_found')`. */
export function failWith<Code extends string>(registry: ErrorRegistry<Code>): Fail<Code> {
  return (code, detailOrOptions) => {
    const definition = registry[code];
    const options: FailOptions =
      typeof detailOrOptions === 'string' ? { detail: detailOrOptions } : (detailOrOptions ?? {});
    const status = definition.status === 'problem' ? 422 : definition.status;
    return new AppError(status, code, options.title ?? definition.title, options.detail, options.errors);
  };
}

/** The codes of a registry whose name does not start with `<module>.` (empty when all is well). */
export function misplacedCodes(module: string, registry: ErrorRegistry): string[] {
  return Object.keys(registry).filter((code) => !code.startsWith(`${module}.`));
}

/**
 * The platform's own codes: those the HTTP layer answers for any route (see problem.ts), and
 * the few a module answers through the platform (a unit that does not exist is the gazetteer's
 * `gazetteer.unit.unknown`, declared there).
 */
export const PLATFORM_ERRORS = defineErrors({
  'http.request.invalid': { status: 400, title: 'The request has invalid values.' },
  'http.body.malformed_json': { status: 400, title: 'The request body is not valid JSON.' },
  'http.body.empty_json': { status: 400, title: 'The request body is empty but its content type says JSON.' },
  'http.body.bad_length': { status: 400, title: 'The Content-Length header does not match the body.' },
  'http.body.too_large': { status: 413, title: 'The request body is too large.' },
  'http.headers.too_large': { status: 431, title: 'The request headers are too large.' },
  'http.content_type.unsupported': { status: 415, title: 'This content type is not accepted here.' },
  'http.url.invalid': { status: 400, title: 'The URL is not valid.' },
  'http.request.rejected': { status: 400, title: 'The request was rejected.' },
  'http.route_not_found': { status: 404, title: 'No such route.' },
  'http.rate_limited': { status: 429, title: 'Too many requests. Try again in a moment.' },
  'http.request.timeout': { status: 400, title: 'The request took too long.' },
  'http.sort.invalid': { status: 400, title: 'The list cannot be sorted by that field.' },
  // Idempotency-Key on POSTs (platform/http/idempotency.ts).
  'idempotency.key.invalid': { status: 400, title: 'The Idempotency-Key header is not valid.' },
  'idempotency.key.in_progress': {
    status: 409,
    title: 'The first request with this Idempotency-Key is still being served.',
  },
  'idempotency.key.reused': {
    status: 422,
    title: 'This Idempotency-Key was already used for another request.',
  },
  'auth.unauthenticated': { status: 401, title: 'Sign in to do this.' },
  'auth.forbidden': { status: 403, title: 'You may not do this here.' },
  'auth.csrf.invalid': { status: 403, title: 'The form is out of date: reload the page and try again.' },
  'auth.password.change_required': { status: 403, title: 'Change your password before you go on.' },
  // Signing in and API tokens (the access module answers them; every client knows them as auth.*).
  'auth.sign_in.failed': { status: 401, title: 'The login or the password is wrong.' },
  'auth.sign_in.throttled': { status: 429, title: 'Too many attempts. Wait a few minutes, then try again.' },
  'auth.token.not_found': { status: 404, title: 'No such token.' },
  'platform.database.unavailable': { status: 503, title: 'The database cannot be reached right now.' },
  'platform.migrations.pending': { status: 503, title: 'The database is being brought up to date.' },
  'platform.unavailable': { status: 503, title: 'The service is not available right now.' },
  'platform.internal_error': { status: 503, title: 'Something went wrong on our side.' },
  // GET /api/metrics (platform/http/metrics.ts), for the operators' monitoring.
  'platform.metrics.off': { status: 404, title: 'Metrics are off: set METRICS_TOKEN to serve them.' },
  'platform.metrics.token': { status: 401, title: 'Give the metrics token as a bearer token.' },
  // Row-level problems of any CSV an import reads (platform/csv/read-csv.ts).
  'import.csv.not_text': { status: 'problem', title: 'The file is not UTF-8 text.' },
  'import.csv.malformed': { status: 'problem', title: 'The file is not valid CSV.' },
  'import.csv.empty': { status: 'problem', title: 'The file has no rows.' },
  'import.csv.no_header': { status: 'problem', title: 'No header row with the expected columns.' },
  'import.csv.misaligned_row': {
    status: 'problem',
    title: 'The row has more or fewer cells than the header.',
  },
});
