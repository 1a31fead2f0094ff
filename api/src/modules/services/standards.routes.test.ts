/** The catalogue: standards, versions, offerings, search, and the working-day calendar. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { DEMO_STANDARDS } from './demo-seed.ts';

let t: TestApp;
let officer: Client; // national officer
let province: Client; // provincial officer at 23 (Kep)
let district: Client; // district officer at 2302 (no standard.manage)
let publicClient: Client;

const standard = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  sector: 'administration',
  nameKm: 'លិខិតបញ្ជាក់ទីលំនៅ',
  nameEn: 'Proof of residence',
  legalBasis: 'Test prakas',
  providerTier: 'commune',
  timeLimitDays: 3,
  feeTiers: [{ code: 'standard', labelKm: 'ធម្មតា', labelEn: 'Standard', amountRiel: 5000 }],
  requiredDocuments: [{ nameKm: 'អត្តសញ្ញាណប័ណ្ណ', nameEn: 'Identity card' }],
  formFields: [
    {
      code: 'purpose',
      datatype: 'singlevaluelist',
      required: true,
      order: 2,
      descriptionKm: 'គោលបំណង',
      descriptionEn: 'Purpose',
      values: [
        { key: 'bank', nameKm: 'ធនាគារ', nameEn: 'Bank' },
        { key: 'school', nameKm: 'សាលា', nameEn: 'School' },
      ],
    },
    {
      code: 'years',
      datatype: 'number',
      required: false,
      order: 1,
      descriptionKm: 'ឆ្នាំ',
      descriptionEn: 'Years lived there',
    },
  ],
  ...overrides,
});

const auditCount = async (entityType: string, entityId: string) =>
  (
    await t.db.kysely
      .selectFrom('audit_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await openTestApp();
  officer = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
  province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  publicClient = anonymous(t.app);
}, 120_000);
afterAll(async () => t.close());

describe('the demo catalogue', () => {
  it('holds the example OWSO and commune services, offered in Kep, khan Chamkar Mon and Chey Saen', async () => {
    const page = (await publicClient.request('GET', '/api/services/standards?pageSize=100')).json<{
      items: { code: string; isExample: boolean; offerings: { unitCode: string }[] }[];
      total: number;
    }>();
    expect(page.total).toBe(DEMO_STANDARDS.length);
    expect(page.items.every((item) => item.isExample)).toBe(true);
    expect(page.items.every((item) => item.offerings.length === 0)).toBe(true); // lists: only with unitCode
    const licence = (
      await publicClient.request('GET', '/api/services/standards/owso.business_licence_small')
    ).json<{ offerings: { unitCode: string }[] }>();
    expect(licence.offerings.map((offering) => offering.unitCode)).toEqual(['1201', '1301', '2302']);
    const birth = (
      await publicClient.request('GET', '/api/services/standards/commune.birth_certificate')
    ).json<{ offerings: { unitCode: string }[] }>();
    expect(birth.offerings.map((offering) => offering.unitCode)).toEqual([
      '120101',
      '130101',
      '230201',
      '230202',
      '230203',
    ]);
    const atUnit = (
      await publicClient.request('GET', '/api/services/standards?unitCode=230202&q=birth')
    ).json<{ items: { offerings: { unitCode: string }[] }[] }>();
    expect(atUnit.items[0]!.offerings.map((offering) => offering.unitCode)).toEqual(['230202']);
  });

  it('filters by unit offering it, by sector and tier, and finds names in Khmer and English', async () => {
    const atSangkat = (
      await publicClient.request('GET', '/api/services/standards?unitCode=230201&pageSize=100')
    ).json<{ items: { code: string }[] }>();
    expect(atSangkat.items.map((item) => item.code).sort()).toEqual([
      'commune.birth_certificate',
      'commune.certification',
      'commune.family_book',
    ]);
    const atOtherDistrict = (
      await publicClient.request('GET', '/api/services/standards?unitCode=2301')
    ).json<{ total: number }>();
    expect(atOtherDistrict.total).toBe(0);
    const bySector = (
      await publicClient.request('GET', '/api/services/standards?sector=civil_registration')
    ).json<{ total: number }>();
    expect(bySector.total).toBe(2);
    const byTier = (await publicClient.request('GET', '/api/services/standards?providerTier=district')).json<{
      total: number;
    }>();
    expect(byTier.total).toBe(3);
    // Khmer: the query typed with a zero-width space and the marks of a syllable reordered.
    const khmer = (
      await publicClient.request('GET', `/api/services/standards?q=${encodeURIComponent('សំបុត្រ\u200bកំណើត')}`)
    ).json<{ items: { code: string }[] }>();
    expect(khmer.items.map((item) => item.code)).toEqual(['commune.birth_certificate']);
    const english = (await publicClient.request('GET', '/api/services/standards?q=MOTORBIKE')).json<{
      items: { code: string }[];
    }>();
    expect(english.items.map((item) => item.code)).toEqual(['owso.motorbike_transfer']);
    const none = (await publicClient.request('GET', '/api/services/standards?q=%25%25')).json<{
      total: number;
    }>();
    expect(none.total).toBe(0);
  });
});

describe('standards', () => {
  it('creates, revises as a new version, and keeps every version readable', async () => {
    const created = await officer.request('POST', '/api/services/standards', standard('test.residence'));
    expect(created.statusCode, created.body).toBe(201);
    const v1 = created.json<{
      version: number;
      formFields: { code: string }[];
      ownerUnitCode: string | null;
    }>();
    expect(v1.version).toBe(1);
    expect(v1.ownerUnitCode).toBeNull();
    expect(v1.formFields.map((item) => item.code)).toEqual(['years', 'purpose']); // by order
    expect(await auditCount('services.standard', 'test.residence')).toBe(1);

    const revised = await officer.request('PUT', '/api/services/standards/test.residence', {
      ...standard('x'),
      code: undefined,
      timeLimitDays: 2,
      feeTiers: [{ code: 'standard', labelKm: 'ធម្មតា', labelEn: 'Standard', amountRiel: 6000 }],
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ version: 2, currentVersion: 2, timeLimitDays: 2 });

    const current = (await publicClient.request('GET', '/api/services/standards/test.residence')).json<{
      version: number;
      feeTiers: { amountRiel: number }[];
    }>();
    expect(current.version).toBe(2);
    expect(current.feeTiers[0]!.amountRiel).toBe(6000);
    const first = (
      await publicClient.request('GET', '/api/services/standards/test.residence?version=1')
    ).json<{ version: number; currentVersion: number; feeTiers: { amountRiel: number }[] }>();
    expect(first).toMatchObject({ version: 1, currentVersion: 2 });
    expect(first.feeTiers[0]!.amountRiel).toBe(5000);
    const versions = (
      await publicClient.request('GET', '/api/services/standards/test.residence/versions')
    ).json<{ items: { version: number }[] }>();
    expect(versions.items.map((item) => item.version)).toEqual([2, 1]);
    expect(
      (await publicClient.request('GET', '/api/services/standards/test.residence?version=9')).json(),
    ).toMatchObject({ code: 'services.standard.version_not_found' });
    expect(await auditCount('services.standard', 'test.residence')).toBe(2);
  });

  it('refuses bad standards with stable codes and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [standard('test.dup'), 409, 'services.standard.duplicate_code'],
      [
        standard('test.badlist', {
          formFields: [
            {
              code: 'a',
              datatype: 'singlevaluelist',
              required: true,
              order: 1,
              descriptionKm: 'ក',
              descriptionEn: 'A',
            },
          ],
        }),
        400,
        'services.standard.bad_field',
      ],
      [
        standard('test.badorder', {
          formFields: [
            {
              code: 'a',
              datatype: 'string',
              required: true,
              order: 1,
              descriptionKm: 'ក',
              descriptionEn: 'A',
            },
            {
              code: 'b',
              datatype: 'string',
              required: true,
              order: 1,
              descriptionKm: 'ខ',
              descriptionEn: 'B',
            },
          ],
        }),
        400,
        'services.standard.bad_field',
      ],
      [
        standard('test.badtier', {
          feeTiers: [
            { code: 'a', labelKm: 'ក', labelEn: 'A', amountRiel: 1 },
            { code: 'a', labelKm: 'ក', labelEn: 'A', amountRiel: 2 },
          ],
        }),
        400,
        'services.standard.duplicate_fee_tier',
      ],
      [standard('test.nofee', { feeTiers: [] }), 400, 'http.request.invalid'],
      [
        standard('test.fraction', { feeTiers: [{ code: 'a', labelKm: 'ក', labelEn: 'A', amountRiel: 1.5 }] }),
        400,
        'http.request.invalid',
      ],
      [standard('test.owner', { ownerUnitCode: '23010101' }), 400, 'http.request.invalid'],
    ];
    await officer.request('POST', '/api/services/standards', standard('test.dup'));
    for (const [body, status, code] of cases) {
      const response = await officer.request('POST', '/api/services/standards', body);
      expect(response.statusCode, `${body.code as string}: ${response.body}`).toBe(status);
      expect(response.json<{ code: string }>().code).toBe(code);
    }
    const stored = await t.db.kysely
      .selectFrom('services_standard' as never)
      .select('code' as never)
      .where('code' as never, 'like', 'test.%' as never)
      .execute();
    expect((stored as { code: string }[]).map((row) => row.code).sort()).toEqual([
      'test.dup',
      'test.residence',
    ]);
  });

  it('lets a provincial officer manage standards of the province, not the national ones', async () => {
    const own = await province.request(
      'POST',
      '/api/services/standards',
      standard('kep.local', { ownerUnitCode: '23' }),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(
      (
        await province.request('PUT', '/api/services/standards/kep.local', {
          ...standard('x'),
          code: undefined,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await province.request('POST', '/api/services/standards', standard('kep.national'))).statusCode,
    ).toBe(403);
    expect(
      (
        await province.request('PUT', '/api/services/standards/test.residence', {
          ...standard('x'),
          code: undefined,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await province.request(
          'POST',
          '/api/services/standards',
          standard('kep.other', { ownerUnitCode: '01' }),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await district.request(
          'POST',
          '/api/services/standards',
          standard('kep.district', { ownerUnitCode: '2302' }),
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('offerings', () => {
  it('offers a standard at units of its tier, without overlaps, and ends an offering', async () => {
    const added = await province.request('POST', '/api/services/standards/kep.local/offerings', {
      unitCode: '230202',
      validFrom: '2025-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const offering = added.json<{ offerings: { id: number; unitCode: string; isCurrent: boolean }[] }>()
      .offerings[0]!;
    expect(offering).toMatchObject({ unitCode: '230202', isCurrent: true });

    const overlap = await province.request('POST', '/api/services/standards/kep.local/offerings', {
      unitCode: '230202',
      validFrom: '2026-01-01',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'services.offering.overlap' });
    const wrongTier = await province.request('POST', '/api/services/standards/kep.local/offerings', {
      unitCode: '2302',
      validFrom: '2026-01-01',
    });
    expect(wrongTier.json()).toMatchObject({ code: 'services.offering.wrong_tier' });
    const retier = await province.request('PUT', '/api/services/standards/kep.local', {
      ...standard('x'),
      code: undefined,
      providerTier: 'district',
    });
    expect(retier.json()).toMatchObject({ code: 'services.standard.tier_in_use' });
    const outside = await province.request('POST', '/api/services/standards/kep.local/offerings', {
      unitCode: '010201',
      validFrom: '2026-01-01',
    });
    expect(outside.statusCode).toBe(403);

    const ended = await province.request('PATCH', `/api/services/offerings/${offering.id}`, {
      validTo: '2025-12-31',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: '2025-12-31', isCurrent: false });
    const backwards = await province.request('PATCH', `/api/services/offerings/${offering.id}`, {
      validTo: '2024-12-31',
    });
    expect(backwards.json()).toMatchObject({ code: 'services.offering.end_before_start' });
    const atUnit = (
      await publicClient.request('GET', '/api/services/standards?unitCode=230202&pageSize=100')
    ).json<{ items: { code: string }[] }>();
    expect(atUnit.items.map((item) => item.code)).not.toContain('kep.local');
    const thatYear = (
      await publicClient.request(
        'GET',
        '/api/services/standards?unitCode=230202&onDate=2025-06-01&pageSize=100',
      )
    ).json<{ items: { code: string }[] }>();
    expect(thatYear.items.map((item) => item.code)).toContain('kep.local');
  });
});

describe('calendar', () => {
  it('serves the example holidays of 2026 and 2027 with their source', async () => {
    const year = (await publicClient.request('GET', '/api/services/calendar/2026')).json<{
      holidays: { date: string; isExample: boolean; source: string }[];
      defined: boolean;
      workingDays: number;
    }>();
    expect(year.defined).toBe(true);
    expect(year.holidays.map((holiday) => holiday.date)).toEqual(
      expect.arrayContaining(['2026-04-14', '2026-04-15', '2026-04-16', '2026-11-09']),
    );
    expect(year.holidays.every((holiday) => holiday.isExample && holiday.source.startsWith('Example'))).toBe(
      true,
    );
    expect(year.workingDays).toBeGreaterThan(230);
    expect(year.workingDays).toBeLessThan(261);
    expect((await publicClient.request('GET', '/api/services/calendar/2027')).json()).toMatchObject({
      defined: true,
    });
    expect((await publicClient.request('GET', '/api/services/calendar/2030')).json()).toMatchObject({
      defined: false,
      holidays: [],
    });
  });

  it('is edited nationally, and due dates follow the edit at once', async () => {
    const before = (
      await publicClient.request('GET', '/api/services/calendar/due-date?from=2028-03-06&days=5')
    ).json<{ dueDate: string }>();
    expect(before.dueDate).toBe('2028-03-13');
    expect(
      (await province.request('PUT', '/api/services/calendar/2028', { holidays: [], source: 'x' }))
        .statusCode,
    ).toBe(403);
    const edited = await officer.request('PUT', '/api/services/calendar/2028', {
      holidays: [{ date: '2028-03-08', nameKm: 'ទិវានារីអន្តរជាតិ', nameEn: 'International Women’s Day' }],
      source: 'Test sub-decree',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      defined: true,
      holidays: [{ date: '2028-03-08', source: 'Test sub-decree', isExample: false }],
    });
    const after = (
      await publicClient.request('GET', '/api/services/calendar/due-date?from=2028-03-06&days=5')
    ).json<{ dueDate: string }>();
    expect(after.dueDate).toBe('2028-03-14');
    expect(await auditCount('services.calendar', '2028')).toBe(1);
    const outside = await officer.request('PUT', '/api/services/calendar/2028', {
      holidays: [{ date: '2029-01-01', nameKm: 'ក', nameEn: 'A' }],
      source: 'x',
    });
    expect(outside.json()).toMatchObject({ code: 'services.calendar.date_outside_year' });
    const twice = await officer.request('PUT', '/api/services/calendar/2028', {
      holidays: [
        { date: '2028-01-01', nameKm: 'ក', nameEn: 'A' },
        { date: '2028-01-01', nameKm: 'ក', nameEn: 'A' },
      ],
      source: 'x',
    });
    expect(twice.json()).toMatchObject({ code: 'services.calendar.duplicate_date' });
    expect(
      (await publicClient.request('GET', '/api/services/calendar/2028')).json<{ holidays: unknown[] }>()
        .holidays,
    ).toHaveLength(1);
  });
});
