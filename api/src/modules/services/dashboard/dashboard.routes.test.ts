/**
 * The office dashboard end to end: applications are filed, processed, paid and rated through
 * the API (and a few back-dated through the same service functions, for late decisions and
 * overdue cases), and every figure the API gives is checked against a direct computation
 * over the applications table, for several units and periods; the rebuild from the base
 * tables gives the same running totals as the upkeep; access; bad input; CSV and XLSX.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablesOf } from '../../../platform/db/tables-of.ts';
import { anonymous, signedIn, type Client } from '../../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../../access/index.ts';
import { checkApplicant } from '../applicants.ts';
import { changeStatus, fileApplication } from '../applications.service.ts';
import { LocalFolderStore } from '../attachments.ts';
import { HolidayCalendar } from '../calendar.service.ts';
import { modules } from '../../../modules.ts';
import { SYSTEM_ACTOR } from '../../../platform/actor.ts';
import { wireModules } from '../../../platform/wiring.ts';
import type { ServicesContext, ServicesModuleContext } from '../context.ts';
import { createServicesContext } from '../filing-queue.ts';
import { dayNumber, dayText, todayInCambodia } from '../working-days.ts';
import { subtreeCodesQuery } from '../../gazetteer/index.ts';
import { directDashboard } from './dashboard.direct.ts';
import type { Dashboard } from './dashboard.figures.ts';
import { medianOfHistogram } from './dashboard.figures.ts';
import { rebuildDashboard, scopesOf } from './dashboard.maintain.ts';
import type { ServicesTables } from '../services.tables.ts';
import type { DashboardTables } from './dashboard.tables.ts';

let t: TestApp;
let admin: Client;
let district: Client; // 2302, the OWSO
let clerk: Client; // 230201
let council: Client; // council member at 230201
let auditor: Client; // national auditor
let citizen: Client;
const db = () => tablesOf<DashboardTables>(t.db.kysely);
const today = todayInCambodia();
const daysAgo = (n: number) => dayText(dayNumber(today) - n);
const thisMonth = today.slice(0, 7);

const licence = (sex: string, ageGroup: string, disability: boolean | null, phone: string) => ({
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: { business_name: 'Dashboard shop', business_type: 'retail', workers: 2 },
  applicant: { name: 'ចាន់ សុភា', sex, ageGroup, disability, phone },
});
const certification = (sex: string, ageGroup: string, disability: boolean | null, phone: string) => ({
  serviceCode: 'commune.certification',
  unitCode: '230201',
  values: { document_kind: 'copy', copies: 2 },
  applicant: { name: 'លី ម៉េង', sex, ageGroup, disability, phone },
});

async function ok<T>(promise: ReturnType<Client['request']>, status = 200): Promise<T> {
  const response = await promise;
  if (response.statusCode !== status) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json<T>();
}

const file = (client: Client, body: unknown) =>
  ok<{ trackingNumber: string }>(
    client.request('POST', '/api/services/applications/counter', body),
    201,
  ).then((application) => application.trackingNumber);
const move = (client: Client, number: string, to: string, note?: string) =>
  ok(
    client.request('POST', `/api/services/applications/${number}/transitions`, {
      to,
      ...(note ? { note } : {}),
    }),
  );
const pay = (client: Client, number: string, body: Record<string, unknown>) =>
  ok(client.request('POST', `/api/services/applications/${number}/fee`, body));
const rate = (number: string, stars: number, phone: string) =>
  ok(anonymous(t.app).request('POST', `/api/services/applications/${number}/rating`, { stars, phone }));

const dashboard = (client: Client, query: string) =>
  ok<Dashboard>(client.request('GET', `/api/services/dashboard${query}`));

/** Both tables without the rows the upkeep leaves at zero, in one order. */
async function runningTotals() {
  const months = await db()
    .selectFrom('services_dashboard_month')
    .selectAll()
    .orderBy(['scope_code', 'month', 'dimension', 'value'])
    .execute();
  const open = await db()
    .selectFrom('services_dashboard_open')
    .selectAll()
    .where('open_count', '<>', 0)
    .orderBy(['scope_code', 'month', 'dimension', 'value', 'due_date'])
    .execute();
  return { months, open };
}

let before: Dashboard;

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  council = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
  auditor = await signedIn(t.app, 'auditor@sndd.example', DEMO_PASSWORD);
  citizen = await signedIn(t.app, '+85512345678', DEMO_PASSWORD);
  before = await dashboard(admin, `?from=${thisMonth}&to=${thisMonth}`);

  // Through the API, today: the OWSO's business licences and the commune's certifications.
  const a1 = await file(district, licence('female', '35-49', true, '012 900 001'));
  const a2 = await file(district, licence('male', '18-34', false, '012 900 002'));
  const a3 = await file(district, licence('female', '65+', null, '012 900 003'));
  await file(district, licence('unknown', 'unknown', false, '012 900 004'));
  const c1 = await file(clerk, certification('female', '0-17', false, '012 900 011'));
  const c2 = await file(clerk, certification('male', '50-64', true, '012 900 012'));
  const c3 = await file(clerk, certification('female', '18-34', false, '012 900 013'));

  // a1: approved and collected, paid, rated 5. a2: more information, then approved, rated 2.
  // a3: rejected and closed, rated 1. a4: left received. c1: approved, closed, rated 4.
  // c2: under review. c3: rejected (with its fee paid last month).
  for (const number of [a1, a2, a3, c1, c2, c3]) await move(district, number, 'under_review');
  await pay(district, a1, { tierCode: 'micro', amountRiel: 100_000, receiptNumber: 'D-1' });
  await move(district, a1, 'approved');
  await move(district, a1, 'ready_for_collection');
  await move(district, a1, 'closed');
  await rate(a1, 5, '012 900 001');
  await move(district, a2, 'more_info_needed', 'Bring the lease.');
  await move(district, a2, 'under_review');
  await pay(district, a2, { tierCode: 'small', amountRiel: 200_000, receiptNumber: 'D-2' });
  await move(district, a2, 'approved');
  await move(district, a2, 'ready_for_collection');
  await move(district, a2, 'closed');
  await rate(a2, 2, '012 900 002');
  await move(district, a3, 'rejected', 'Not a small enterprise.');
  await move(district, a3, 'closed');
  await rate(a3, 1, '012 900 003');
  await pay(clerk, c1, { tierCode: 'per_document', amountRiel: 2_000, receiptNumber: 'C-1' });
  await move(clerk, c1, 'approved');
  await move(clerk, c1, 'ready_for_collection');
  await move(clerk, c1, 'closed');
  await rate(c1, 4, '012 900 011');
  await pay(clerk, c3, {
    tierCode: 'per_document',
    amountRiel: 2_000,
    receiptNumber: 'C-3',
    paidOn: daysAgo(35),
  });
  await move(clerk, c3, 'rejected', 'Original missing.');

  // Back-dated through the same service functions: late and on-time decisions, overdue cases.
  const servicesDb = tablesOf<ServicesTables>(t.db.kysely);
  const moduleCtx = wireModules(t.db.kysely, modules).contextOf(
    'services',
  ) as unknown as ServicesModuleContext;
  const ctx: ServicesContext = createServicesContext(moduleCtx, {
    calendar: new HolidayCalendar(servicesDb),
    attachments: new LocalFolderStore(await mkdtemp(path.join(os.tmpdir(), 'sndd-dashboard-'))),
  });
  const person = (sex: string, ageGroup: string, disability: boolean | null) =>
    checkApplicant({ name: 'ហេង សុភា', sex, ageGroup, disability, phone: null });
  const backdated = async (
    body: ReturnType<typeof certification> | ReturnType<typeof licence>,
    filedOn: string,
  ) =>
    (
      await fileApplication(ctx, SYSTEM_ACTOR, {
        ...body,
        applicant: person(body.applicant.sex, body.applicant.ageGroup, body.applicant.disability),
        channel: 'counter',
        applicantUserId: null,
        filedOn,
      })
    ).trackingNumber;
  const late = await backdated(certification('male', '35-49', false, ''), daysAgo(50));
  await changeStatus(ctx, SYSTEM_ACTOR, late, { to: 'under_review' }, { on: daysAgo(49) });
  await changeStatus(ctx, SYSTEM_ACTOR, late, { to: 'approved' }, { on: daysAgo(30) });
  const onTime = await backdated(certification('female', '35-49', null, ''), daysAgo(48));
  await changeStatus(ctx, SYSTEM_ACTOR, onTime, { to: 'under_review' }, { on: daysAgo(48) });
  await changeStatus(ctx, SYSTEM_ACTOR, onTime, { to: 'rejected', note: 'No.' }, { on: daysAgo(48) });
  await backdated(certification('female', '18-34', true, ''), daysAgo(40)); // overdue, received
  const reviewed = await backdated(licence('male', '50-64', false, ''), daysAgo(70));
  await changeStatus(ctx, SYSTEM_ACTOR, reviewed, { to: 'under_review' }, { on: daysAgo(69) }); // overdue
  const paused = await backdated(licence('female', '50-64', false, ''), daysAgo(70));
  await changeStatus(ctx, SYSTEM_ACTOR, paused, { to: 'under_review' }, { on: daysAgo(69) });
  await changeStatus(
    ctx,
    SYSTEM_ACTOR,
    paused,
    { to: 'more_info_needed', note: 'Plans.' },
    { on: daysAgo(68) },
  );
  await changeStatus(ctx, SYSTEM_ACTOR, paused, { to: 'under_review' }, { on: daysAgo(40) });
  await changeStatus(ctx, SYSTEM_ACTOR, paused, { to: 'approved' }, { on: daysAgo(38) });
  // As the other route tests: a database with the demo takes more than a minute on a loaded machine.
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the median of a histogram', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(medianOfHistogram(new Map())).toBeNull();
    expect(medianOfHistogram(new Map([[4, 1]]))).toBe(4);
    expect(
      medianOfHistogram(
        new Map([
          [1, 1],
          [3, 1],
        ]),
      ),
    ).toBe(2);
    expect(
      medianOfHistogram(
        new Map([
          [9, 2],
          [1, 3],
          [5, 0],
        ]),
      ),
    ).toBe(1);
    expect(
      medianOfHistogram(
        new Map([
          [1, 2],
          [7, 2],
        ]),
      ),
    ).toBe(4);
    expect(
      medianOfHistogram(
        new Map([
          [2, 1],
          [3, 5],
          [10, 1],
        ]),
      ),
    ).toBe(3);
  });
  it('scopes are the unit, the units above it and the country', () => {
    expect(scopesOf('230201')).toEqual(['', '23', '2302', '230201']);
    expect(scopesOf('23')).toEqual(['', '23']);
  });
});

describe('GET /api/services/dashboard', () => {
  const wide = `from=${daysAgo(400).slice(0, 7)}&to=${thisMonth}`;
  const cases: [string, string | null, string][] = [
    ['the country, this month', null, `from=${thisMonth}&to=${thisMonth}`],
    ['the country, over a year', null, wide],
    ['the province', '23', wide],
    ['the OWSO district', '2302', wide],
    ['a commune', '230201', wide],
    [
      'a commune, last months only',
      '230201',
      `from=${daysAgo(75).slice(0, 7)}&to=${daysAgo(32).slice(0, 7)}`,
    ],
    ['another district (nothing there)', '2301', wide],
    ['the default period', '2302', ''],
  ];
  it.each(cases)(
    'matches the direct computation over the applications table: %s',
    async (_name, unit, period) => {
      const query = [unit ? `unit=${unit}` : '', period].filter(Boolean).join('&');
      const answer = await dashboard(admin, `?${query}`);
      const direct = await directDashboard(
        db(),
        { subtreeCodesQuery },
        {
          unitCode: unit,
          from: answer.from,
          to: answer.to,
          today: answer.today,
        },
      );
      expect(answer).toEqual(direct);
    },
  );

  it('counts what was done through the API (this month, the whole country)', async () => {
    const after = await dashboard(admin, `?from=${thisMonth}&to=${thisMonth}`);
    const diff = (pick: (d: Dashboard) => number) => pick(after) - pick(before);
    expect(diff((d) => d.total.received)).toBe(7);
    expect(diff((d) => d.total.completed)).toBeGreaterThanOrEqual(5); // a1 a2 a3 c1 c3 (+ back-dated ones if this month)
    expect(diff((d) => d.total.satisfaction.count)).toBe(4);
    expect(
      after.total.satisfaction.distribution.map((n, i) => n - before.total.satisfaction.distribution[i]!),
    ).toEqual([1, 1, 0, 1, 1]);
    expect(diff((d) => d.bySex.find((row) => row.key === 'unknown')!.received)).toBe(1);
    expect(diff((d) => d.byDisability.find((row) => row.key === 'yes')!.received)).toBe(2);
    expect(diff((d) => d.byAgeGroup.find((row) => row.key === '0-17')!.received)).toBe(1);
    expect(
      diff((d) => d.byService.find((row) => row.key === 'owso.business_licence_small')?.received ?? 0),
    ).toBe(4);
    expect(after.byService.find((row) => row.key === 'owso.business_licence_small')!.labelEn).toBe(
      'Business licence for a small enterprise',
    );
  });

  it('shows late decisions, medians and overdue cases of the back-dated applications', async () => {
    const answer = await dashboard(clerk, `?unit=230201&from=${daysAgo(75).slice(0, 7)}&to=${thisMonth}`);
    expect(answer.total.overdueNow).toBeGreaterThanOrEqual(1);
    expect(answer.total.onTime).toBeLessThan(answer.total.completed);
    expect(answer.total.medianDays).not.toBeNull();
    const province = await dashboard(admin, `?unit=23&from=${daysAgo(75).slice(0, 7)}&to=${thisMonth}`);
    expect(province.total.overdueNow).toBeGreaterThanOrEqual(2);
    expect(province.byMonth.map((row) => row.key)).toContain(thisMonth);
    expect(province.bySex.map((row) => row.key)).toEqual(['female', 'male', 'unknown']);
  });

  it('the rebuild from the base tables gives the running totals the upkeep keeps', async () => {
    const kept = await runningTotals();
    expect(kept.months.length).toBeGreaterThan(0);
    await rebuildDashboard(t.db.kysely);
    const rebuilt = await runningTotals();
    expect(rebuilt).toEqual(kept);
    // And the rebuild itself is what the dashboard then reads.
    await sql`delete from services_dashboard_month`.execute(t.db.kysely);
    await sql`delete from services_dashboard_open`.execute(t.db.kysely);
    await rebuildDashboard(t.db.kysely);
    expect(await runningTotals()).toEqual(kept);
  });

  it('lets officers, auditors and council members see their subtree only', async () => {
    expect((await district.request('GET', '/api/services/dashboard?unit=2302')).statusCode).toBe(200);
    expect((await district.request('GET', '/api/services/dashboard?unit=230201')).statusCode).toBe(200);
    expect((await council.request('GET', '/api/services/dashboard?unit=230201')).statusCode).toBe(200);
    expect((await auditor.request('GET', '/api/services/dashboard')).statusCode).toBe(200);
    for (const [client, query] of [
      [district, '?unit=23'],
      [district, ''],
      [council, '?unit=2302'],
      [clerk, '?unit=230202'],
      [citizen, '?unit=230201'],
    ] as const) {
      const response = await client.request('GET', `/api/services/dashboard${query}`);
      expect(response.statusCode).toBe(403);
      expect(response.json<{ code: string }>().code).toBe('auth.forbidden');
    }
    expect((await anonymous(t.app).request('GET', '/api/services/dashboard')).statusCode).toBe(401);
  });

  it('refuses a bad period or an unknown unit with a stable code', async () => {
    for (const query of ['?from=2026-13', '?from=2026-05&to=2026-04', '?from=2000-01&to=2026-01']) {
      const response = await admin.request('GET', `/api/services/dashboard${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe('services.dashboard.bad_period');
    }
    const unknown = await admin.request('GET', '/api/services/dashboard?unit=99');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ code: string }>().code).toBe('gazetteer.unit.unknown');
    expect((await admin.request('GET', '/api/services/dashboard?unit=23x')).statusCode).toBe(400);
  });
});

describe('exports', () => {
  const query = `?unit=2302&from=${daysAgo(75).slice(0, 7)}&to=${thisMonth}`;

  it('CSV: every breakdown, Khmer and English headers, the same figures', async () => {
    const json = await dashboard(district, query);
    const response = await district.request('GET', `/api/services/dashboard.csv${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain(`services-dashboard-2302-`);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('ពាក្យស្នើសុំបានទទួល / Received');
    expect(lines[0]).toContain('Median working days');
    const expected =
      1 +
      json.byService.length +
      json.byMonth.length +
      json.bySex.length +
      json.byAgeGroup.length +
      json.byDisability.length;
    expect(lines.length - 1).toBe(expected);
    const female = lines.find((line) => line.startsWith('By sex,female,'))!.split(',');
    expect(Number(female[4])).toBe(json.bySex.find((row) => row.key === 'female')!.received);
    const total = lines.find((line) => line.startsWith('Total,total,'))!.split(',');
    expect(Number(total[10])).toBe(json.total.feesRiel);
  });

  it('XLSX: one sheet per breakdown with the same figures', async () => {
    const json = await dashboard(district, query);
    const response = await district.request('GET', `/api/services/dashboard.xlsx${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Total',
      'By service',
      'By month',
      'By sex',
      'By age group',
      'By disability',
    ]);
    const bySex = workbook.getWorksheet('By sex')!;
    expect(bySex.getRow(2).getCell(4).text).toBe('ពាក្យស្នើសុំបានទទួល / Received');
    expect(bySex.getRow(3).getCell(1).value).toBe('female');
    expect(bySex.getRow(3).getCell(4).value).toBe(json.bySex[0]!.received);
    const byMonth = workbook.getWorksheet('By month')!;
    expect(byMonth.rowCount).toBe(2 + json.byMonth.length);
  });

  it('refuses a caller outside the unit', async () => {
    expect((await clerk.request('GET', `/api/services/dashboard.xlsx${query}`)).statusCode).toBe(403);
    expect((await clerk.request('GET', `/api/services/dashboard.csv${query}`)).statusCode).toBe(403);
  });
});
