/**
 * The results module on a real database (PGlite, and PostgreSQL with DATABASE_URL): NP-2's
 * framework as data, a batch of figures recorded whole or refused whole with a stable code,
 * one audit record per batch, the pre-aggregation equal to a recount of the values after
 * writes and rewrites, and the analytics route's roll-ups (by level, by sex, ratios as sums of
 * numerators over sums of denominators, a zero denominator as no value) and access rules.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';

let t: TestApp;
let admin: Client;
/** A commune clerk at sangkat 230201 (the demo account). */
let clerk: Client;
let anon: Client;

const DATA_SET = 'EX.COMMUNE_MONTHLY';
const MONTH = '202607';

async function call<T>(client: Client, method: 'GET' | 'POST', url: string, body?: unknown, status = 200) {
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function problem(client: Client, body: unknown) {
  const response = await client.request('POST', '/api/results/data-values', body);
  return {
    status: response.statusCode,
    ...response.json<{ code: string; errors?: { path: string; message: string }[] }>(),
  };
}

const valueCount = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from results_data_value`.execute(t.db.kysely)).rows[0]?.n,
  );
const aggTotal = async () =>
  (await sql<{ s: string | null }>`select sum(value)::text as s from results_value_agg`.execute(t.db.kysely))
    .rows[0]?.s;

/** Cells of the pre-aggregation that differ from a recount of the values (monthly here: month, quarter, year) over the closure (0 when sound). */
async function drift(): Promise<number> {
  const result = await sql<{ n: string }>`
    with recount as (
      select v.data_element_code, c.ancestor_code as unit_code, p.period, v.coc_id,
             sum(v.value) as value, count(*)::int as value_count
      from results_data_value v join gazetteer_unit_closure c on c.descendant_code = v.unit_code
      cross join lateral (values (v.period), (left(v.period, 4) || 'Q' || ((substr(v.period, 5, 2)::int + 2) / 3)),
        (left(v.period, 4))) as p (period)
      group by 1, 2, 3, 4)
    select count(*) as n from recount r
    full join results_value_agg g on g.data_element_code = r.data_element_code and g.unit_code = r.unit_code
      and g.period = r.period and g.coc_id = r.coc_id
    where r.value is distinct from g.value or r.value_count is distinct from g.value_count`.execute(
    t.db.kysely,
  );
  return Number(result.rows[0]?.n);
}

const served = (unit: string, sex: string, age: string, disability: string, value: number | string) => ({
  dataElement: 'EX.CITIZENS_SERVED',
  unit,
  period: MONTH,
  categoryOptions: { sex, age, disability },
  value,
});
const requests = (unit: string, sex: string, received: number, answered: number, period = MONTH) => [
  { dataElement: 'EX.REQUESTS_RECEIVED', unit, period, categoryOptions: { sex }, value: received },
  { dataElement: 'EX.REQUESTS_ANSWERED', unit, period, categoryOptions: { sex }, value: answered },
];

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  anon = anonymous(t.app);
}, 180_000);
afterAll(async () => t.close());

describe('the framework as data', () => {
  it('holds NP-2’s five components and their outcomes (official), with examples below them marked', async () => {
    const framework = await call<{
      isExample: boolean;
      source: string;
      elements: {
        code: string;
        kind: string;
        parentCode: string | null;
        isExample: boolean;
        nameKm: string;
      }[];
    }>(anon, 'GET', '/api/results/frameworks/np2');
    expect(framework.isExample).toBe(false);
    expect(framework.source).toContain('NP-2');
    const official = framework.elements.filter((element) => !element.isExample);
    expect(official.filter((e) => e.kind === 'component').map((e) => e.code)).toEqual([
      'C1',
      'C2',
      'C3',
      'C4',
      'C5',
    ]);
    expect(official.filter((e) => e.kind === 'outcome').map((e) => e.parentCode)).toEqual([
      'C1',
      'C2',
      'C3',
      'C4',
      'C5',
    ]);
    const examples = framework.elements.filter((element) => element.isExample);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example.nameKm).toContain('គំរូ');
    // Parents come before their children.
    const seen = new Set<string>();
    for (const element of framework.elements) {
      if (element.parentCode !== null) expect(seen.has(element.parentCode)).toBe(true);
      seen.add(element.code);
    }
    expect((await anon.request('GET', '/api/results/frameworks/nope')).json<{ code: string }>().code).toBe(
      'results.framework.not_found',
    );
  });

  it('lists indicators with formula, targets and breakdowns, paged', async () => {
    const page = await call<{
      items: { code: string; denominator: string[] | null; targets: unknown[] }[];
      total: number;
    }>(anon, 'GET', '/api/results/indicators?framework=np2&pageSize=1');
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const ratio = await call<{
      numerator: string[];
      denominator: string[];
      factor: number;
      targets: { year: number; kind: string; unitCode: string | null }[];
    }>(anon, 'GET', '/api/results/indicators/EX.IND.ANSWERED_PCT');
    expect(ratio.denominator).toEqual(['EX.REQUESTS_RECEIVED']);
    expect(ratio.factor).toBe(100);
    expect(ratio.targets.some((target) => target.unitCode === '23' && target.kind === 'target')).toBe(true);
    const dataSet = await call<{
      periodType: string;
      unitTypes: string[];
      elements: { code: string; cells: unknown[] }[];
    }>(anon, 'GET', `/api/results/data-sets/${DATA_SET}`);
    expect(dataSet.periodType).toBe('monthly');
    expect(dataSet.unitTypes).toEqual(['commune', 'sangkat']);
    expect(dataSet.elements.find((e) => e.code === 'EX.CITIZENS_SERVED')?.cells).toHaveLength(16);
  });
});

describe('recording figures', () => {
  it('records a batch, keeps the pre-aggregation equal to a recount, and writes one audit record', async () => {
    expect(await drift()).toBe(0); // the demo's six months
    const before = await valueCount();
    const answer = await call<{ inserted: number; updated: number; unchanged: number }>(
      clerk,
      'POST',
      '/api/results/data-values',
      {
        dataSet: DATA_SET,
        values: [
          served('230201', 'female', '18_34', 'without', 12),
          served('230201', 'male', '18_34', 'without', '7'),
          ...requests('230201', 'female', 10, 9),
          ...requests('230201', 'male', 6, 3),
        ],
      },
    );
    expect(answer).toEqual({ dataSet: DATA_SET, values: 6, inserted: 6, updated: 0, unchanged: 0 });
    expect(await valueCount()).toBe(before + 6);
    expect(await drift()).toBe(0);
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'after', 'unit_code'])
      .where('action', '=', 'results.values.record')
      .where('unit_code', '=', '230201')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]?.after).toMatchObject({ values: 6, inserted: 6, updated: 0 });
  });

  it('changes a value by the difference: the roll-up moves, the count does not', async () => {
    const answer = await call<{ inserted: number; updated: number; unchanged: number }>(
      clerk,
      'POST',
      '/api/results/data-values',
      {
        dataSet: DATA_SET,
        values: [
          served('230201', 'female', '18_34', 'without', 20),
          served('230201', 'male', '18_34', 'without', 7),
        ],
      },
    );
    expect(answer).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await drift()).toBe(0);
  });

  it('refuses a whole batch with a stable code and writes nothing', async () => {
    const values = await valueCount();
    const agg = await aggTotal();
    const recorded = () =>
      t.db.kysely
        .selectFrom('audit_record')
        .select('seq')
        .where('action', '=', 'results.values.record')
        .execute();
    const recordsBefore = (await recorded()).length;
    const good = served('230201', 'female', '0_17', 'with', 1);
    const cases: [unknown[], string, number][] = [
      [[good, served('230201', 'male', '0_17', 'with', -3)], 'results.value.bad_value', 400],
      [[good, served('230201', 'male', '0_17', 'with', '2.5')], 'results.value.bad_value', 400],
      [
        [good, { ...served('230201', 'male', '0_17', 'with', 1), period: '2026Q3' }],
        'results.value.wrong_period_type',
        400,
      ],
      [
        [good, { ...served('230201', 'male', '0_17', 'with', 1), period: '2026-07' }],
        'results.value.bad_period',
        400,
      ],
      [[good, served('2302', 'male', '0_17', 'with', 1)], 'results.value.unit_not_assigned', 400],
      [[good, served('230299', 'male', '0_17', 'with', 1)], 'results.value.unit_unknown', 400],
      [[good, served('230202', 'male', '0_17', 'with', 1)], 'results.value.outside_scope', 403],
      [
        [good, { ...served('230201', 'male', '0_17', 'with', 1), categoryOptions: { sex: 'male' } }],
        'results.value.bad_category_options',
        400,
      ],
      [[good, { ...good, value: 2 }], 'results.value.duplicate', 400],
      [[good, { ...good, dataElement: 'EX.NOPE' }], 'results.value.element_not_in_data_set', 400],
    ];
    for (const [batch, code, status] of cases) {
      const refused = await problem(clerk, { dataSet: DATA_SET, values: batch });
      expect({ code: refused.code, status: refused.status }, JSON.stringify(batch)).toEqual({ code, status });
      expect(refused.errors?.[0]?.path).toMatch(/^\/values\/1\//);
    }
    expect((await problem(clerk, { dataSet: 'EX.NOPE', values: [good] })).code).toBe(
      'results.data_set.not_found',
    );
    expect(await valueCount()).toBe(values);
    expect(await aggTotal()).toBe(agg);
    // Refusals write no record of values (a 403 leaves the access check's denial record only).
    expect((await recorded()).length).toBe(recordsBefore);
  });

  it('refuses figures of an approved data set, unit and period (409) and lists every problem', async () => {
    await sql`insert into results_data_set_status (data_set_code, unit_code, period, status)
      values (${DATA_SET}, '230201', '202608', 'approved')`.execute(t.db.kysely);
    const refused = await problem(clerk, {
      dataSet: DATA_SET,
      values: [{ ...served('230201', 'female', '0_17', 'with', 1), period: '202608' }],
    });
    expect(refused).toMatchObject({ status: 409, code: 'results.value.locked' });
    const many = await problem(clerk, {
      dataSet: DATA_SET,
      values: [served('230201', 'male', '0_17', 'with', -1), served('230202', 'male', '0_17', 'with', 1)],
    });
    expect(many.code).toBe('results.value.outside_scope');
    expect(many.errors?.map((error) => error.path)).toEqual(['/values/0/value', '/values/1/unit']);
  });
});

interface Analytics {
  level: number;
  rows: {
    items: {
      unitCode: string;
      categories: Record<string, string | null>;
      numerator: number | null;
      denominator: number | null;
      value: number | null;
    }[];
    total: number;
  };
  totals: { categories: Record<string, string | null>; numerator: number | null; value: number | null }[];
  total: { numerator: number | null; denominator: number | null; value: number | null };
}

describe('analytics', () => {
  it('rolls a sum up to provinces and breaks it down by sex, equal to the values below', async () => {
    const national = await call<Analytics>(
      admin,
      'GET',
      '/api/results/analytics?indicator=EX.IND.SERVED&period=2026&by=sex',
    );
    expect(national.level).toBe(1);
    const raw = await sql<{ sex: string; s: string }>`
      select c.options->>'sex' as sex, sum(v.value)::text as s from results_data_value v
      join results_category_option_combo c on c.id = v.coc_id
      where v.data_element_code = 'EX.CITIZENS_SERVED' and v.year = 2026 group by 1 order by 1`.execute(
      t.db.kysely,
    );
    const kep = national.rows.items.filter((row) => row.unitCode === '23');
    expect(kep.map((row) => [row.categories.sex, row.numerator])).toEqual(
      raw.rows.map((row) => [row.sex, Number(row.s)]),
    );
    expect(national.total.numerator).toBe(raw.rows.reduce((sum, row) => sum + Number(row.s), 0));
    expect(national.totals.map((row) => row.categories.sex)).toEqual(['female', 'male']);
    // By commune within Kep: the communes' rows add up to the province's.
    const communes = await call<Analytics>(
      admin,
      'GET',
      '/api/results/analytics?indicator=EX.IND.SERVED&unit=23&level=3&period=2026',
    );
    expect(
      communes.rows.items.every((row) => row.unitCode.startsWith('23') && row.unitCode.length === 6),
    ).toBe(true);
    expect(communes.rows.items.reduce((sum, row) => sum + (row.numerator ?? 0), 0)).toBe(
      national.total.numerator,
    );
    // One month, a quarter: only the periods inside.
    const july = await call<Analytics>(
      admin,
      'GET',
      '/api/results/analytics?indicator=EX.IND.SERVED&unit=230201&level=3&period=202607',
    );
    expect(july.total.numerator).toBe(27);
    const q3 = await call<Analytics>(
      admin,
      'GET',
      '/api/results/analytics?indicator=EX.IND.SERVED&unit=230201&level=3&period=2026Q3',
    );
    expect(q3.total.numerator).toBe(27);
  });

  it('computes a ratio as the sum of numerators over the sum of denominators; zero denominator → null', async () => {
    const july = await call<Analytics>(
      admin,
      'GET',
      `/api/results/analytics?indicator=EX.IND.ANSWERED_PCT&unit=230201&level=3&period=${MONTH}&by=sex`,
    );
    const bySex = Object.fromEntries(july.rows.items.map((row) => [row.categories.sex, row.value]));
    expect(bySex.female).toBeCloseTo(90);
    expect(bySex.male).toBeCloseTo(50);
    // (9 + 3) / (10 + 6), not the average of 90 % and 50 %.
    expect(july.total.value).toBeCloseTo(75);
    await call(clerk, 'POST', '/api/results/data-values', {
      dataSet: DATA_SET,
      values: [
        ...requests('230201', 'female', 0, 0, '202609'),
        ...requests('230201', 'male', 0, 0, '202609'),
      ],
    });
    const empty = await call<Analytics>(
      admin,
      'GET',
      '/api/results/analytics?indicator=EX.IND.ANSWERED_PCT&unit=230201&level=3&period=202609',
    );
    expect(empty.total).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(await drift()).toBe(0);
  });

  it('answers stable codes for bad questions and follows the tree for access', async () => {
    const bad = async (client: Client, query: string) => {
      const response = await client.request('GET', `/api/results/analytics?${query}`);
      return [response.statusCode, response.json<{ code: string }>().code];
    };
    expect(await bad(admin, 'indicator=EX.NOPE&period=2026')).toEqual([404, 'results.indicator.not_found']);
    expect(await bad(admin, 'indicator=EX.IND.SERVED&period=2026W01')).toEqual([
      400,
      'results.analytics.bad_period',
    ]);
    expect(await bad(admin, 'indicator=EX.IND.ANSWERED_PCT&period=2026&by=age')).toEqual([
      400,
      'results.analytics.bad_by',
    ]);
    expect(await bad(admin, 'indicator=EX.IND.SERVED&unit=230201&level=2&period=2026')).toEqual([
      400,
      'results.analytics.bad_level',
    ]);
    expect(await bad(admin, 'indicator=EX.IND.SERVED&unit=239999&period=2026')).toEqual([
      404,
      'results.analytics.unit_unknown',
    ]);
    expect(await bad(clerk, 'indicator=EX.IND.SERVED&unit=23&period=2026')).toEqual([403, 'auth.forbidden']);
    expect(await bad(clerk, 'indicator=EX.IND.SERVED&period=2026')).toEqual([403, 'auth.forbidden']);
    expect(await bad(anon, 'indicator=EX.IND.SERVED&unit=230201&period=2026')).toEqual([
      401,
      'auth.unauthenticated',
    ]);
    await call(clerk, 'GET', '/api/results/analytics?indicator=EX.IND.SERVED&unit=230201&period=2026');
  });

  it('gives an entry form its recorded values and whether they are locked', async () => {
    const form = await call<{ locked: boolean; values: { dataElement: string; value: string }[] }>(
      clerk,
      'GET',
      `/api/results/form-values?dataSet=${DATA_SET}&unit=230201&period=${MONTH}`,
    );
    expect(form.locked).toBe(false);
    expect(form.values).toHaveLength(6);
    const locked = await call<{ locked: boolean }>(
      clerk,
      'GET',
      `/api/results/form-values?dataSet=${DATA_SET}&unit=230201&period=202608`,
    );
    expect(locked.locked).toBe(true);
    expect(
      (await clerk.request('GET', `/api/results/form-values?dataSet=${DATA_SET}&unit=230202&period=${MONTH}`))
        .statusCode,
    ).toBe(403);
  });
});

/** Cells of the approved pre-aggregation that differ from a recount of the approved cells' values (0 when sound). */
async function approvedDrift(): Promise<number> {
  const result = await sql<{ n: string }>`
    with recount as (
      select v.data_element_code, c.ancestor_code as unit_code, p.period, v.coc_id,
             sum(v.value) as value, count(*)::int as value_count
      from results_data_value v
      join results_data_set_status s on s.data_set_code = v.data_set_code and s.unit_code = v.unit_code
        and s.period = v.period and s.status in ('approved', 'locked')
      join gazetteer_unit_closure c on c.descendant_code = v.unit_code
      cross join lateral (values (v.period), (left(v.period, 4) || 'Q' || ((substr(v.period, 5, 2)::int + 2) / 3)),
        (left(v.period, 4))) as p (period)
      group by 1, 2, 3, 4)
    select count(*) as n from recount r
    full join results_value_agg_approved g on g.data_element_code = r.data_element_code
      and g.unit_code = r.unit_code and g.period = r.period and g.coc_id = r.coc_id
    where r.value is distinct from g.value or r.value_count is distinct from g.value_count`.execute(
    t.db.kysely,
  );
  return Number(result.rows[0]?.n);
}

/** A new account holding one role at one unit. */
async function accountAt(role: string, unit: string, label: string): Promise<Client> {
  const user = await call<{ id: number }>(
    admin,
    'POST',
    '/api/access/users',
    {
      email: `${label}@results.example`,
      displayName: `Results ${label}`,
      homeUnitCode: unit,
      password: 'results-password-2026',
    },
    201,
  );
  await t.db.kysely
    .updateTable('access_user')
    .set({ must_change_password: false })
    .where('id', '=', user.id)
    .execute();
  const assigned = await admin.request('POST', `/api/access/users/${user.id}/assignments`, {
    roleCode: role,
    unitCode: unit,
  });
  expect(assigned.statusCode, assigned.body).toBeLessThan(300);
  return signedIn(t.app, `${label}@results.example`, 'results-password-2026');
}

describe('approval', () => {
  const OCTOBER = '202610';
  const cell = { dataSet: DATA_SET, unit: '230201', period: OCTOBER };
  const state = (client: Client, period = OCTOBER, unit = '230201') =>
    call<{ status: string; comment: string | null; may: Record<string, boolean> }>(
      client,
      'GET',
      `/api/results/approvals?dataSet=${DATA_SET}&unit=${unit}&period=${period}`,
    );
  const decide = async (client: Client, body: Record<string, unknown>) => {
    const response = await client.request('POST', '/api/results/approvals/decide', { ...cell, ...body });
    return [response.statusCode, response.json<{ code?: string; status?: string }>()] as const;
  };
  const approvedServed = (period: string) =>
    call<{ approvedOnly: boolean; total: { numerator: number | null } }>(
      admin,
      'GET',
      `/api/results/analytics?indicator=EX.IND.SERVED&unit=230201&level=3&period=${period}&approved=true`,
    );
  let district: Client;

  beforeAll(async () => {
    district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  });

  it('goes submitted → approved by the level above → locked, freezes the figures, and is audited', async () => {
    const october = (value: number, sex = 'female') => ({
      ...served('230201', sex, '35_59', 'without', value),
      period: OCTOBER,
    });
    await call(clerk, 'POST', '/api/results/data-values', {
      dataSet: DATA_SET,
      values: [october(4), october(6, 'male')],
    });
    expect(await state(clerk)).toMatchObject({ status: 'open', may: { submit: true, approve: false } });
    expect((await approvedServed(OCTOBER)).total.numerator).toBeNull();

    await call(clerk, 'POST', '/api/results/approvals/submit', cell);
    // Submitted figures can still be corrected until they are approved.
    await call(clerk, 'POST', '/api/results/data-values', { dataSet: DATA_SET, values: [october(5)] });
    // The clerk holds no approval permission; the district does, above the sangkat.
    expect(
      (await clerk.request('POST', '/api/results/approvals/decide', { ...cell, action: 'approve' }))
        .statusCode,
    ).toBe(403);
    expect(await state(district)).toMatchObject({
      status: 'submitted',
      may: { approve: true, return: true, submit: false },
    });
    expect(await decide(district, { action: 'return' })).toMatchObject([
      400,
      { code: 'results.approval.comment_required' },
    ]);
    expect(await decide(district, { action: 'lock' })).toMatchObject([
      409,
      { code: 'results.approval.bad_transition' },
    ]);
    expect(await decide(district, { action: 'approve' })).toMatchObject([200, { status: 'approved' }]);
    expect(await approvedDrift()).toBe(0);
    const approved = await approvedServed(OCTOBER);
    expect(approved).toMatchObject({ approvedOnly: true, total: { numerator: 11 } });

    // Frozen: a change is refused whole (409) and nothing moves.
    const refused = await problem(clerk, { dataSet: DATA_SET, values: [october(50)] });
    expect(refused).toMatchObject({ status: 409, code: 'results.value.locked' });
    expect((await approvedServed(OCTOBER)).total.numerator).toBe(11);

    expect(await decide(district, { action: 'lock' })).toMatchObject([200, { status: 'locked' }]);
    // Locked: un-approved only nationally, with a reason.
    expect(await decide(district, { action: 'unapprove', comment: 'typo' })).toMatchObject([
      403,
      { code: 'results.approval.unlock_national' },
    ]);
    expect(await decide(admin, { action: 'unapprove', comment: 'Female count to check' })).toMatchObject([
      200,
      { status: 'returned' },
    ]);
    expect(await state(clerk)).toMatchObject({
      status: 'returned',
      comment: 'Female count to check',
      may: { submit: true },
    });
    expect((await approvedServed(OCTOBER)).total.numerator).toBeNull();
    expect(await approvedDrift()).toBe(0);
    // Returned: the unit corrects and submits again; the province (above too) approves.
    await call(clerk, 'POST', '/api/results/data-values', { dataSet: DATA_SET, values: [october(7)] });
    await call(clerk, 'POST', '/api/results/approvals/submit', cell);
    const province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
    expect(await decide(province, { action: 'approve' })).toMatchObject([200, { status: 'approved' }]);
    expect((await approvedServed(OCTOBER)).total.numerator).toBe(13);
    // Figures not approved are not counted with approved=true, and are without it.
    await call(clerk, 'POST', '/api/results/data-values', {
      dataSet: DATA_SET,
      values: [{ ...october(3), period: '202611' }],
    });
    expect((await approvedServed('2026Q4')).total.numerator).toBe(13);
    expect(await approvedDrift()).toBe(0);

    const steps = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'results.data_set_status')
      .where('entity_id', '=', `${DATA_SET}:230201:${OCTOBER}`)
      .orderBy('seq')
      .execute();
    expect(steps.map((step) => step.action)).toEqual([
      'results.approval.submit',
      'results.approval.approve',
      'results.approval.lock',
      'results.approval.unapprove',
      'results.approval.submit',
      'results.approval.approve',
    ]);
    expect(steps[3]).toMatchObject({
      before: { status: 'locked' },
      after: { status: 'returned', comment: 'Female count to check' },
    });
  });

  it('lets only the level above decide, within its area, and the unit submit its own', async () => {
    const september = { ...cell, period: '202609' };
    // Nothing submitted yet: nothing to approve.
    expect(await decide(district, { ...september, action: 'approve' })).toMatchObject([
      409,
      { code: 'results.approval.bad_transition' },
    ]);
    // A clerk submits only their own unit's figures.
    const other = await clerk.request('POST', '/api/results/approvals/submit', {
      ...september,
      unit: '230202',
    });
    expect([other.statusCode, other.json<{ code: string }>().code]).toEqual([
      403,
      'results.value.outside_scope',
    ]);
    // The clerk submits; the clerk's side cannot decide (roles are given by level: the
    // permission to approve belongs to districts, provinces and the nation).
    await call(clerk, 'POST', '/api/results/approvals/submit', september);
    expect(await state(clerk, '202609')).toMatchObject({ status: 'submitted', may: { approve: false } });
    // Another district's officer is outside.
    const elsewhere = await accountAt('district_officer', '2301', 'district-elsewhere');
    expect(await decide(elsewhere, { ...september, action: 'approve' })).toMatchObject([
      403,
      { code: 'results.approval.not_above' },
    ]);
    // A unit of a type that does not report the data set; a period of another type.
    expect(await decide(district, { ...september, unit: '2302', action: 'approve' })).toMatchObject([
      400,
      { code: 'results.value.unit_not_assigned' },
    ]);
    expect(await decide(district, { ...september, period: '2026Q3', action: 'approve' })).toMatchObject([
      400,
      { code: 'results.value.wrong_period_type' },
    ]);
    expect(
      await decide(district, { ...september, action: 'return', comment: 'Missing the male figures' }),
    ).toMatchObject([200, { status: 'returned' }]);
  });
});

describe('DHIS2 data value sets', () => {
  const upload = (body: string, query: string, type = 'application/json', name = 'set.json') =>
    clerk.request('POST', `/api/results/data-value-sets?${query}`, body, {
      'content-type': type,
      'x-file-name': name,
    });
  interface Report {
    dryRun: boolean;
    applied: boolean;
    rowsRead: number;
    rowsValid: number;
    rowsApplied: number;
    inserted: number;
    problems: { code: string; row: number | null; column: string | null; value: string | null }[];
  }

  it('exports a unit’s figures for a period by code, and imports them back unchanged', async () => {
    const set = await call<{
      orgUnit: string;
      dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[];
    }>(clerk, 'GET', `/api/results/data-value-sets?dataSet=${DATA_SET}&unit=230201&period=${MONTH}`);
    expect(set.orgUnit).toBe('230201');
    expect(set.dataValues).toContainEqual(
      expect.objectContaining({
        dataElement: 'EX.CITIZENS_SERVED',
        categoryOptionCombo: 'female.18_34.without',
        value: '20',
      }),
    );
    expect(set.dataValues).toContainEqual(
      expect.objectContaining({ dataElement: 'EX.REQUESTS_RECEIVED', categoryOptionCombo: 'male' }),
    );
    const response = await upload(JSON.stringify({ ...set, dataSet: DATA_SET }), 'dryRun=false');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Report>()).toMatchObject({
      applied: true,
      rowsRead: set.dataValues.length,
      inserted: 0,
      problems: [],
    });
  });

  it('reports every problem with its row in a dry run, refuses to apply them, applies the valid rows if asked', async () => {
    const values = [
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '202612',
        orgUnit: '230201',
        categoryOptionCombo: 'female',
        value: '8',
      },
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '202612',
        orgUnit: '230201',
        categoryOptionCombo: 'woman',
        value: '1',
      },
      {
        dataElement: 'EX.NOPE',
        period: '202612',
        orgUnit: '230201',
        categoryOptionCombo: 'female',
        value: '1',
      },
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '202612',
        orgUnit: '23999999',
        categoryOptionCombo: 'male',
        value: '1',
      },
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '2026Q4',
        orgUnit: '230201',
        categoryOptionCombo: 'male',
        value: '1',
      },
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '202612',
        orgUnit: '230202',
        categoryOptionCombo: 'male',
        value: '1',
      },
      {
        dataElement: 'EX.REQUESTS_RECEIVED',
        period: '202612',
        orgUnit: '230201',
        categoryOptionCombo: 'male',
        value: '-2',
      },
    ];
    const file = JSON.stringify({ dataSet: DATA_SET, dataValues: values });
    const before = await valueCount();
    const dry = await upload(file, 'dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json<Report>();
    expect(report).toMatchObject({ dryRun: true, applied: false, rowsRead: 7, rowsValid: 1 });
    expect(report.problems.map((problem) => [problem.row, problem.code, problem.column])).toEqual([
      [2, 'results.import.unknown_category_option_combo', 'categoryOptionCombo'],
      [3, 'results.value.element_not_in_data_set', 'dataElement'],
      [4, 'results.value.unit_unknown', 'orgUnit'],
      [5, 'results.value.wrong_period_type', 'period'],
      [6, 'results.value.outside_scope', 'orgUnit'],
      [7, 'results.value.bad_value', 'value'],
    ]);
    expect(await valueCount()).toBe(before);
    const refused = await upload(file, 'dryRun=false');
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([
      422,
      'results.import.has_problems',
    ]);
    expect(await valueCount()).toBe(before);
    const partly = await upload(file, 'dryRun=false&applyValid=true');
    expect(partly.json<Report>()).toMatchObject({ applied: true, rowsApplied: 1, inserted: 1 });
    expect(await valueCount()).toBe(before + 1);
    expect(await drift()).toBe(0);
    // DHIS2's CSV, the data set named in the query.
    const csv =
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value\n' +
      'EX.REQUESTS_RECEIVED,202612,230201,male,,5\n' +
      'EX.REQUESTS_ANSWERED,202612,230201,female,,4\n';
    const fromCsv = await upload(csv, `dryRun=false&dataSet=${DATA_SET}`, 'text/csv', 'set.csv');
    expect(fromCsv.json<Report>()).toMatchObject({
      applied: true,
      rowsApplied: 2,
      inserted: 2,
      problems: [],
    });
    const noSet = await upload(csv, 'dryRun=true', 'text/csv', 'set.csv');
    expect(noSet.json<Report>().problems.map((problem) => problem.code)).toEqual([
      'results.import.no_data_set',
    ]);
    expect(await drift()).toBe(0);
  });
});
