/**
 * The fuzz suite's machinery: the routes of `openapi/openapi.json`, a request generator per
 * route (path parameters, query string, body, who sends it), and the checks every answer must
 * pass: no 5xx; a 4xx is problem+json (Open311: its own envelope) with a code of the registries;
 * a refused request wrote nothing (the audit chain's length and last hash, and every table's
 * row count, are the same before and after a run of refused requests).
 *
 * Seeds: FUZZ_SEED if given, a fixed one when CI=true, a random one otherwise; FUZZ_RUNS cases
 * per route (200 by default). A failure names the seed and the command that replays it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { modules, type Database } from '../modules.ts';
import { PLATFORM_ERRORS } from '../platform/errors.ts';
import {
  anyJson,
  badNumber,
  badText,
  deepValue,
  mutated,
  RawJson,
  resolverOf,
  toJsonText,
  valid,
  type JsonSchema,
} from './schema-arbitrary.ts';

export const DEMO_PASSWORD = 'sndd-demo-2026';

/** The test database as the fuzz reads it (test-support's TestDb, which only *.test.ts import). */
export interface FuzzDb {
  kysely: Kysely<Database>;
}

/** The application under test and its database (test-support's TestApp). */
export interface FuzzTarget {
  app: FastifyInstance;
  db: FuzzDb;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operation: Operation;
}

export const document = JSON.parse(
  readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;
const resolve = resolverOf(document);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function routes(): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase() as Route['method'], path, operation })),
  );
}
export const writeRoutes = (): Route[] => routes().filter((route) => WRITE_METHODS.has(route.method));
export const readRoutes = (): Route[] => routes().filter((route) => route.method === 'GET');
export const isList = (route: Route): boolean =>
  (route.operation.parameters ?? []).some((p) => p.in === 'query' && /^page(_?size|Size)?$/.test(p.name));

// --- seeds ------------------------------------------------------------------------------------

export const FUZZ_SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.CI === 'true'
    ? 20_261_207
    : Math.floor(Math.random() * 2 ** 31);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Each route's own seed, so that one route replays alone (vitest -t) with the same cases. */
export function routeSeed(route: Route): number {
  let hash = FUZZ_SEED | 0;
  for (const char of `${route.method} ${route.path}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash >>> 0;
}

export function replayHint(route: Route): string {
  return (
    `FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx vitest run --project api api/src/fuzz ` +
    `-t '${route.method} ${route.path}'`
  );
}

// --- requests ---------------------------------------------------------------------------------

export type Sender = 'session' | 'anonymous' | 'no-csrf';

export type Body =
  { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };

export interface FuzzCase {
  url: string;
  body: Body;
  sender: Sender;
}

/** Real values for path parameters (codes, ids, numbers of the demo data), by name. */
export interface Known {
  unitCodes: string[];
  serviceCodes: string[];
  trackingNumbers: string[];
  /** Ids never used in a path: the fuzzing accounts' own users and assignments. */
  protectedIds: Set<number>;
}

const BAD_SEGMENTS = [
  '',
  ' ',
  '0',
  '-1',
  'abc',
  '1e400',
  'Infinity',
  'NaN',
  '1.5',
  '99999999999999999999',
  '9223372036854775808',
  '\u0000',
  'a\u0000',
  'ក',
  '..',
  "'",
  '%',
  'x'.repeat(3000),
];

/** A generated value as URL text. */
const asSegment = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function pathValue(parameter: Parameter, known: Known, calm: boolean): fc.Arbitrary<string> {
  const schema = resolve(parameter.schema);
  const plausible: fc.Arbitrary<string>[] = [];
  if (parameter.name === 'code' && schema.pattern?.startsWith('^([0-9]{2})'))
    plausible.push(fc.constantFrom(...known.unitCodes));
  if (parameter.name === 'code' && schema.pattern?.startsWith('^[A-Za-z0-9]'))
    plausible.push(fc.constantFrom(...known.serviceCodes));
  if (parameter.name === 'number') plausible.push(fc.constantFrom(...known.trackingNumbers));
  if (parameter.name === 'id')
    plausible.push(
      fc
        .integer({ min: 1, max: 60 })
        .filter((id) => !known.protectedIds.has(id))
        .map(String),
    );
  if (parameter.name === 'year') plausible.push(fc.constantFrom('2025', '2026', '2027'));
  const generated = valid(schema, resolve)
    .map(asSegment)
    .filter((value) => parameter.name !== 'id' || !known.protectedIds.has(Number(value)));
  if (parameter.name === 'file')
    plausible.push(
      fc
        .tuple(
          fc.constantFrom(...known.serviceCodes, 'discovery', 'budget-lines'),
          fc.constantFrom('.json', '.xml', '.csv'),
        )
        .map(([name, extension]) => `${name}${extension}`),
    );
  const likely = plausible.length > 0 ? fc.oneof(...plausible) : generated;
  if (calm) return likely;
  return fc.oneof(
    { arbitrary: likely, weight: 6 },
    { arbitrary: generated, weight: 2 },
    { arbitrary: fc.constantFrom(...BAD_SEGMENTS), weight: 2 },
  );
}

/** A query parameter's value as text: what the schema wants, or not at all, or worse. */
function queryValue(parameter: Parameter, calm: boolean): fc.Arbitrary<string | string[] | undefined> {
  const schema = resolve(parameter.schema);
  const asText = valid(schema, resolve).map(asSegment);
  const numeric = ['integer', 'number'].includes(String(schema.type));
  const badNumbers = fc.constantFrom(
    'Infinity',
    '-Infinity',
    '1e400',
    '-1e400',
    'NaN',
    '0',
    '-1',
    '1.5',
    '1e308',
    '99999999999999999999',
    '0x10',
    '',
  );
  if (calm)
    return parameter.required
      ? asText
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: asText, weight: 1 });
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: parameter.required ? 1 : 4 },
    { arbitrary: asText, weight: 4 },
    {
      arbitrary: numeric ? badNumbers : badNumber.map((n) => (n instanceof RawJson ? n.text : String(n))),
      weight: 2,
    },
    { arbitrary: badText, weight: 2 },
    { arbitrary: fc.array(asText, { minLength: 2, maxLength: 3 }), weight: 1 },
  );
}

const FORM_KEYS = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'description',
  'email',
  'phone',
  'first_name',
  'last_name',
  'jurisdiction_id',
  'api_key',
  'media_url',
  'attribute[workers]',
];

const textBody: fc.Arbitrary<Body> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('text/csv', 'text/plain', 'application/octet-stream', 'application/xml'),
      fc.oneof(
        badText,
        fc.constantFrom('code,value\n230101,5\n', 'a,b\n1,2,3\n', '\ufeffcode;x\n"unterminated\n', ''),
      ),
    )
    .map(([contentType, text]): Body => ({ kind: 'raw', contentType, text })),
  fc
    .dictionary(
      fc.constantFrom(...FORM_KEYS),
      fc.oneof(
        badText,
        badNumber.map((n) => (n instanceof RawJson ? n.text : String(n))),
        fc.constantFrom('230101', 'BIRTH', '10.6', '104.2'),
      ),
      { maxKeys: 6 },
    )
    .map((form): Body => ({
      kind: 'raw',
      contentType: 'application/x-www-form-urlencoded',
      text: new URLSearchParams(form).toString(),
    })),
  fc.constantFrom<Body>(
    { kind: 'raw', contentType: 'application/json', text: '{"a":' },
    { kind: 'raw', contentType: 'application/json', text: '' },
    { kind: 'raw', contentType: 'application/json', text: '[' + '['.repeat(20_000) },
    { kind: 'raw', contentType: 'multipart/form-data; boundary=x', text: '--x\r\nbroken' },
  ),
);

function bodyArbitrary(route: Route): fc.Arbitrary<Body> {
  const schema = route.operation.requestBody?.content['application/json']?.schema;
  if (!schema)
    return fc.oneof(
      { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 3 },
      { arbitrary: fc.oneof(anyJson, deepValue).map((value): Body => ({ kind: 'json', value })), weight: 2 },
      { arbitrary: textBody, weight: 4 },
    );
  return fc.oneof(
    { arbitrary: valid(schema, resolve).map((value): Body => ({ kind: 'json', value })), weight: 3 },
    { arbitrary: mutated(schema, resolve).map((value): Body => ({ kind: 'json', value })), weight: 6 },
    { arbitrary: textBody, weight: 1 },
  );
}

function senderArbitrary(route: Route): fc.Arbitrary<Sender> {
  if (route.method === 'GET')
    return fc.oneof(
      { arbitrary: fc.constant<Sender>('session'), weight: 3 },
      { arbitrary: fc.constant<Sender>('anonymous'), weight: 1 },
    );
  return fc.oneof(
    { arbitrary: fc.constant<Sender>('session'), weight: 18 },
    { arbitrary: fc.constantFrom<Sender>('anonymous', 'no-csrf'), weight: 1 },
  );
}

/** A URL component; lone surrogates (which no URL can carry) become U+FFFD. */
const encode = (value: string): string =>
  encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/**
 * One request to a route: "calm" ones (two in five) have plausible path values and a query
 * string the schema accepts, so that they reach the services (the body still varies); the
 * others have bad values anywhere.
 */
export function caseArbitrary(route: Route, known: Known): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { arbitrary: caseOf(route, known, true), weight: 2 },
    { arbitrary: caseOf(route, known, false), weight: 3 },
  );
}

function caseOf(route: Route, known: Known, calm: boolean): fc.Arbitrary<FuzzCase> {
  const parameters = route.operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParameters.map((p) => pathValue(p, known, calm)));
  const queryArb = fc.tuple(...queryParameters.map((p) => queryValue(p, calm)));
  const extraQuery = fc.oneof(
    { arbitrary: fc.constant(''), weight: calm ? 1_000 : 8 },
    {
      arbitrary: fc.constantFrom(
        'extra=1',
        'page=1e400',
        '__proto__=x',
        '%00=1',
        'a[b]=c',
        'q=%FF%FE',
        '%E0%A4%A=1',
      ),
      weight: 1,
    },
  );
  return fc
    .record({
      path: pathArb,
      query: queryArb,
      extra: extraQuery,
      body: route.method === 'GET' ? fc.constant<Body>({ kind: 'none' }) : bodyArbitrary(route),
      sender: senderArbitrary(route),
    })
    .map(({ path, query, extra, body, sender }) => {
      let url = route.path;
      pathParameters.forEach((p, index) => {
        url = url.replace(`{${p.name}}`, encode(path[index]!));
      });
      const pairs: string[] = [];
      queryParameters.forEach((p, index) => {
        const value = query[index];
        for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value])
          pairs.push(`${encode(p.name)}=${encode(item)}`);
      });
      if (extra) pairs.push(extra);
      return { url: pairs.length > 0 ? `${url}?${pairs.join('&')}` : url, body, sender };
    });
}

// --- sending ----------------------------------------------------------------------------------

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, login: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${login}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'sndd_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: cookie.value, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
}

export async function send(
  app: FastifyInstance,
  route: Route,
  fuzzCase: FuzzCase,
  session: Session | undefined,
  remoteAddress: string,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (fuzzCase.body.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = toJsonText(fuzzCase.body.value);
  } else if (fuzzCase.body.kind === 'raw') {
    headers['content-type'] = fuzzCase.body.contentType;
    payload = fuzzCase.body.text;
  }
  const signedIn = session && fuzzCase.sender !== 'anonymous';
  if (signedIn && fuzzCase.sender === 'session') headers['x-csrf-token'] = session.csrfToken;
  return app.inject({
    method: route.method,
    url: fuzzCase.url,
    headers,
    remoteAddress,
    ...(signedIn ? { cookies: { sndd_session: session.cookie } } : {}),
    ...(payload === undefined ? {} : { payload }),
  });
}

// --- checks -----------------------------------------------------------------------------------

export const KNOWN_CODES = new Set<string>([
  ...Object.keys(PLATFORM_ERRORS),
  ...modules.flatMap((module) => Object.keys(module.errors ?? {})),
]);

/** Records a refusal may write: the refusal itself, for the security officer. */
export const REFUSAL_RECORDS = new Set([
  'auth.sign_in.failed',
  'auth.sign_in.throttled',
  'auth.access.denied',
]);

/** What is wrong with an answer, or undefined. */
export function answerProblem(route: Route, response: LightMyRequestResponse): string | undefined {
  const status = response.statusCode;
  if (status >= 500) return `${status} ${response.body.slice(0, 300)}`;
  if (status < 400) return undefined;
  // Open311 answers in its own envelope, our code in x-error-code (a URL the router refuses
  // before any Open311 route is answered in problem+json, as everywhere).
  const openCode = response.headers['x-error-code'];
  if (route.path.startsWith('/open311/') && typeof openCode === 'string')
    return KNOWN_CODES.has(openCode) ? undefined : `${status} with unknown x-error-code ${openCode}`;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `${status} as ${type || 'no content type'}`;
  let code: unknown;
  try {
    code = (JSON.parse(response.body) as { code?: unknown }).code;
  } catch {
    return `${status} problem+json that is not JSON`;
  }
  return typeof code === 'string' && KNOWN_CODES.has(code)
    ? undefined
    : `${status} with unknown code ${String(code)}`;
}

/** The audit chain's length (its last sequence number: the chain has no gaps) and last hash. */
export interface AuditMark {
  seq: string;
  hash: string | null;
}

export async function auditMark(db: FuzzDb): Promise<AuditMark> {
  const { rows } = await sql<AuditMark>`
    select seq::text as seq, hash from audit_record order by seq desc limit 1`.execute(db.kysely);
  return rows[0] ?? { seq: '0', hash: null };
}

/**
 * The audit records a request wrote (found by its request id among those since a mark), less
 * refusal records; and whether records of other work (a request still running) came in too.
 */
export async function auditWritesSince(
  db: FuzzDb,
  mark: AuditMark,
  requestId: string,
): Promise<{ mine: string[]; others: number }> {
  const { rows } = await sql<{ action: string; requestId: string | null }>`
    select action, request_id as "requestId" from audit_record
    where seq > ${mark.seq}::bigint order by seq`.execute(db.kysely);
  const mine = rows.filter((row) => row.requestId === requestId).map((row) => row.action);
  return {
    mine: mine.filter((action) => !REFUSAL_RECORDS.has(action)),
    others: rows.length - mine.length,
  };
}

/**
 * Tables a refused request may touch without changing anything that matters: sessions (last
 * seen), the sign-in throttle, the audit chain (checked record by record above).
 */
const VOLATILE_TABLE = /session|throttle|audit_record|rate/;

/** The row count of every table, by name. */
export async function rowCounts(db: FuzzDb): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db.kysely,
  );
  const names = tables.map((table) => table.name).filter((name) => !VOLATILE_TABLE.test(name));
  if (names.length === 0) return {};
  const { rows } = await sql<Record<string, number>>`select ${sql.join(
    names.map((name) => sql`(select count(*) from ${sql.table(name)})::int as ${sql.ref(name)}`),
  )}`.execute(db.kysely);
  return rows[0]!;
}

export function countChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name]} → ${after[name]}`);
}

export function describeCase(fuzzCase: FuzzCase): string {
  const body =
    fuzzCase.body.kind === 'json'
      ? toJsonText(fuzzCase.body.value)
      : fuzzCase.body.kind === 'raw'
        ? `${fuzzCase.body.contentType}: ${JSON.stringify(fuzzCase.body.text)}`
        : '(no body)';
  return `${fuzzCase.sender} ${fuzzCase.url.slice(0, 300)} ${body.slice(0, 400)}`;
}
