/**
 * One fuzz run over a set of routes on one application: the sessions, the demo data's real
 * codes and numbers, and the per-route loop with its checks (see fuzz-harness.ts).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import {
  answerProblem,
  auditMark,
  auditWritesSince,
  caseArbitrary,
  countChanges,
  describeCase,
  FUZZ_RUNS,
  replayHint,
  routeSeed,
  rowCounts,
  send,
  signIn,
  type FuzzTarget,
  type Known,
  type Route,
  type Session,
} from './fuzz-harness.ts';

/** The national administrator: every request reaches validation and the services. */
const ADMIN = 'admin@sndd.example';
/** The account whose session the /api/auth routes may end (sign-out, sign-out everywhere). */
const AUTH_USER = 'auditor@sndd.example';
const CLIENT_ADDRESS = '198.51.100.7';
const SIGN_IN_ADDRESS = '203.0.113.9';
/** Refused requests between two row-count checks (the audit chain is checked after each). */
const ROW_CHECK_BATCH = 10;

export interface RouteReport {
  route: string;
  cases: number;
  statuses: Record<string, number>;
  failures: string[];
}

export interface Fuzzer {
  run(route: Route): Promise<RouteReport>;
  reports: RouteReport[];
}

export async function fuzzer(t: FuzzTarget): Promise<Fuzzer> {
  const { rows: units } = await sql<{ code: string }>`
    select code from gazetteer_unit where code like '23%' or code in ('01', '12', '1201')
    order by length(code), code limit 40`.execute(t.db.kysely);
  const { rows: services } = await sql<{ code: string }>`
    select code from services_standard order by code limit 20`.execute(t.db.kysely);
  const { rows: numbers } = await sql<{ n: string }>`
    (select tracking_number as n from services_application order by id limit 20)
    union all (select tracking_number as n from services_complaint order by id limit 10)`.execute(
    t.db.kysely,
  );
  const { rows: mine } = await sql<{ id: number }>`
    select u.id::int as id from access_user u where u.email in (${ADMIN}, ${AUTH_USER})
    union select a.id::int from access_assignment a join access_user u on u.id = a.user_id
    where u.email in (${ADMIN}, ${AUTH_USER})`.execute(t.db.kysely);
  const known: Known = {
    unitCodes: [...units.map((row) => row.code), '99', '2399'],
    serviceCodes: services.length > 0 ? services.map((row) => row.code) : ['BIRTH'],
    trackingNumbers: [...numbers.map((row) => row.n), 'AAAAAAAA', '00000000'],
    protectedIds: new Set(mine.map((row) => row.id)),
  };
  const sessions: Record<string, Session> = {
    [ADMIN]: await signIn(t.app, ADMIN),
    [AUTH_USER]: await signIn(t.app, AUTH_USER),
  };
  // The sessions as stored (newest of each account): a sign-out the fuzz makes is undone by
  // clearing revoked_at, not by signing in again (argon2 at every case would take minutes).
  const { rows: stored } = await sql<{ login: string; idHash: string }>`
    select distinct on (u.email) u.email as login, s.id_hash as "idHash"
    from access_session s join access_user u on u.id = s.user_id
    where u.email in (${ADMIN}, ${AUTH_USER}) and s.revoked_at is null
    order by u.email, s.created_at desc`.execute(t.db.kysely);
  const sessionHash = new Map(stored.map((row) => [row.login, row.idHash]));
  async function reopen(login: string): Promise<void> {
    const idHash = sessionHash.get(login);
    const { numAffectedRows } = idHash
      ? await sql`update access_session set revoked_at = null where id_hash = ${idHash}`.execute(t.db.kysely)
      : { numAffectedRows: 0n };
    if (!numAffectedRows) sessions[login] = await signIn(t.app, login);
  }
  const reports: RouteReport[] = [];

  async function run(route: Route): Promise<RouteReport> {
    const login = route.path.startsWith('/api/auth/') ? AUTH_USER : ADMIN;
    const signingIn = route.path === '/api/auth/sign-in';
    const cases = fc.sample(caseArbitrary(route, known), { seed: routeSeed(route), numRuns: FUZZ_RUNS });
    const report: RouteReport = {
      route: `${route.method} ${route.path}`,
      cases: 0,
      statuses: {},
      failures: [],
    };
    const fail = (index: number, what: string) =>
      report.failures.push(`case ${index}: ${what}\n    ${describeCase(cases[index]!)}`);

    let mark = await auditMark(t.db);
    let counts = await rowCounts(t.db);
    let unchecked = 0;
    let foreign = false;
    for (const [index, fuzzCase] of cases.entries()) {
      const response = await send(
        t.app,
        route,
        fuzzCase,
        signingIn ? undefined : sessions[login],
        signingIn ? SIGN_IN_ADDRESS : CLIENT_ADDRESS,
      );
      report.cases += 1;
      const status = response.statusCode;
      const statusClass = `${Math.floor(status / 100)}xx`;
      report.statuses[statusClass] = (report.statuses[statusClass] ?? 0) + 1;
      const problem = answerProblem(route, response);
      if (problem) fail(index, problem);

      // A GET writes nothing, whatever its answer; a refused write writes nothing either.
      const expectNoChange = route.method === 'GET' || status >= 400;
      const after = await auditMark(t.db);
      if (expectNoChange && after.hash !== mark.hash) {
        const requestId = String(response.headers['x-request-id']);
        const writes = await auditWritesSince(t.db, mark, requestId);
        if (writes.mine.length > 0) fail(index, `${status} but audited ${writes.mine.join(', ')}`);
        // Work of an earlier request that finished late: the row counts cannot tell them apart.
        if (writes.others > 0) foreign = true;
      }
      mark = after;
      if (expectNoChange) {
        unchecked += 1;
        if (unchecked >= ROW_CHECK_BATCH || index === cases.length - 1) {
          const now = await rowCounts(t.db);
          const changes = countChanges(counts, now);
          if (changes.length > 0 && !foreign)
            fail(index, `rows changed over refused requests: ${changes.join('; ')}`);
          foreign = false;
          counts = now;
          unchecked = 0;
        }
      } else {
        counts = await rowCounts(t.db);
        unchecked = 0;
        foreign = false;
      }

      // A session the route itself ended (sign-out) is opened again for the next case.
      const ended =
        (!signingIn && fuzzCase.sender === 'session' && status === 401) ||
        (route.path.startsWith('/api/auth/sign-out') && status < 400);
      if (ended) {
        await reopen(login);
        mark = await auditMark(t.db);
        counts = await rowCounts(t.db);
        unchecked = 0;
      }
    }
    if (report.failures.length > 0) report.failures.push(`replay: ${replayHint(route)}`);
    reports.push(report);
    return report;
  }

  return { run, reports };
}

/** Runs `work`, printing how long it took under `label` (the fuzz files time their set-up). */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await work();
  console.log(`${label} ${Date.now() - started} ms`);
  return value;
}

/** The closing table: cases and answers by status class, per route. */
export function summary(reports: RouteReport[], title: string): string {
  const total = reports.reduce((sum, report) => sum + report.cases, 0);
  const fives = reports.reduce((sum, report) => sum + (report.statuses['5xx'] ?? 0), 0);
  const lines = reports.map(
    (report) =>
      `  ${report.route.padEnd(60)} ${String(report.cases).padStart(5)}  ` +
      Object.entries(report.statuses)
        .sort()
        .map(([key, value]) => `${key}:${value}`)
        .join(' '),
  );
  return `${title}: ${reports.length} routes, ${total} cases, ${fives} 5xx\n${lines.join('\n')}`;
}
