/**
 * Rules every request meets before any route sees it, whatever its schema says, so that no
 * input can reach the database in a form it refuses (which would be a 5xx):
 *
 * - no NUL character (U+0000) in any text of the query string, the path or the body, keys
 *   included: PostgreSQL cannot store it in text, and no person types it;
 * - numbers are finite and exact: `Infinity` and `1e400` (which JSON.parse and the query-string
 *   coercion both turn into Infinity) are refused after validation, and so is any number beyond
 *   ±(2^53 − 1), which no JSON number holds exactly and no id or amount reaches (an id of
 *   9223372036854775808 passed `minimum: 1` and overflowed the database's bigint); within
 *   that, each schema's own `minimum`/`maximum` apply (page and pageSize are bounded);
 * - JSON bodies are validated strictly (no coercion), query strings leniently (`buildValidator`);
 * - text a schema marks `x-trim` (`RequiredText`, text.ts) is trimmed, and never blank if required;
 * - a request whose headers are too large is answered 431 in problem+json, like every other
 *   refusal (`answerClientError`, Node answers it before Fastify sees the request), and so is a
 *   URL the router refuses (a broken %-escape, a path parameter too long: `answerFrameworkError`).
 */
import type { Socket } from 'node:net';
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { AppError, sendProblem, toProblem } from './problem.ts';
import { trimKeyword } from './text.ts';

const COMMON_VALIDATOR_OPTIONS = { useDefaults: true, removeAdditional: false } as const;

/** Query strings, paths and headers arrive as text: "2" is read as 2, "a" as ["a"]. */
export const TEXT_VALIDATOR_OPTIONS = { ...COMMON_VALIDATOR_OPTIONS, coerceTypes: 'array' } as const;

/**
 * JSON bodies carry their types: `null` is not 0, "5" is not 5, 123 is not "123". (Form posts,
 * where everything is text, are Open311's alone, which reads its form bodies itself.)
 */
export const JSON_VALIDATOR_OPTIONS = { ...COMMON_VALIDATOR_OPTIONS, coerceTypes: false } as const;

type BuildValidator = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * One pool of ajv instances for the process: Fastify asks for a validator in every plugin's
 * context, and a new pool each time made a new ajv (its meta-schemas compiled again) for each,
 * a second of every start. The pool keys its instances by the shared schemas and options.
 */
const fromPool = AjvCompiler();

/** One validator for the text parts of a request (coercing), one for its JSON body (strict). */
export const buildValidator: BuildValidator = (externalSchemas) => {
  // Text a schema marks `x-trim` is trimmed and, if required, never blank (text.ts).
  const onCreate = (ajv: { addKeyword(definition: typeof trimKeyword): unknown }) =>
    ajv.addKeyword(trimKeyword);
  const forText = fromPool(externalSchemas, { customOptions: { ...TEXT_VALIDATOR_OPTIONS }, onCreate });
  const forBody = fromPool(externalSchemas, { customOptions: { ...JSON_VALIDATOR_OPTIONS }, onCreate });
  return (route) => (route.httpPart === 'body' ? forBody(route) : forText(route));
};

const NUL = '\u0000';

/**
 * Parsed JSON and query strings are objects to walk (a query string's has no ordinary
 * prototype); an upload's bytes (a Buffer) or a stream are not text and are not walked.
 */
function isWalkable(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  return typeof (value as { pipe?: unknown }).pipe !== 'function';
}

/**
 * The JSON pointers of every value `isBad` picks (and of every key `badKey` picks, if given),
 * walking without recursion so that a deeply nested body cannot overflow the stack.
 */
function pathsWhere(
  value: unknown,
  root: string,
  isBad: (value: unknown) => boolean,
  badKey?: (key: string) => boolean,
): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (isBad(current)) found.push(path);
    else if (Array.isArray(current)) current.forEach((item, index) => stack.push([item, `${path}/${index}`]));
    else if (isWalkable(current)) {
      for (const [key, item] of Object.entries(current)) {
        const escaped = key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll(NUL, '\\u0000');
        if (badKey?.(key)) found.push(`${path}/${escaped}`);
        stack.push([item, `${path}/${escaped}`]);
      }
    }
  }
  return found.sort();
}

/** Where a text (value or key) holds a NUL character. */
export const pathsWithNul = (value: unknown, root: string): string[] =>
  pathsWhere(
    value,
    root,
    (item) => typeof item === 'string' && item.includes(NUL),
    (key) => key.includes(NUL),
  );

/** Where a number is not finite, or too large to be exact (beyond ±(2^53 − 1)). */
export const pathsWithNonFiniteNumber = (value: unknown, root: string): string[] =>
  pathsWhere(value, root, (item) => typeof item === 'number' && !(Math.abs(item) <= Number.MAX_SAFE_INTEGER));

function refuse(paths: string[], detail: string, message: string): AppError {
  return new AppError(
    400,
    'http.request.invalid',
    'The request has invalid values.',
    detail,
    paths.map((path) => ({ path, message })),
  );
}

export function registerInputRules(app: FastifyInstance): void {
  // preValidation: after the body is parsed, before the schema and before any access check
  // (which may read the path's unit code from the database).
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...pathsWithNul(request.params, '/params'),
      ...pathsWithNul(request.query, '/querystring'),
      ...pathsWithNul(request.body, '/body'),
    ];
    if (paths.length > 0) {
      throw refuse(
        paths,
        'Text must not contain a NUL character (U+0000).',
        'must not contain a NUL character',
      );
    }
  });
  // preHandler: after the schema has turned query-string text into numbers; shared hooks run
  // before a route's own (the access check among them).
  app.addHook('preHandler', async (request) => {
    const paths = [
      ...pathsWithNonFiniteNumber(request.params, '/params'),
      ...pathsWithNonFiniteNumber(request.query, '/querystring'),
      ...pathsWithNonFiniteNumber(request.body, '/body'),
    ];
    if (paths.length > 0) {
      throw refuse(
        paths,
        'Numbers must be finite and within ±9007199254740991.',
        'must be a finite number within ±9007199254740991',
      );
    }
  });
}

/** Answers, in problem+json, a URL the router refuses before any route or error handler. */
export const answerFrameworkError: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  request,
  reply,
) => {
  void sendProblem(reply, toProblem(error, request));
};

/** Answers a request Node could not parse (headers too large, a malformed request line). */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `urn:sndd:problem:${tooLarge ? 'http.headers.too_large' : 'http.request.rejected'}`,
    title: tooLarge ? 'The request headers are too large.' : 'The request was rejected.',
    status,
    code: tooLarge ? 'http.headers.too_large' : 'http.request.rejected',
  });
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
