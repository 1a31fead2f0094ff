/**
 * Open311 POST requests: form posts (the spec) and JSON, by an officer of the office (files for
 * the person named) and by a citizen (files as themselves), with the api_key a personal API
 * token; and the refusals — a bad or missing key, a token of an officer elsewhere, a missing
 * required attribute, a value outside the list, an unknown service — each in Open311's error
 * format with its status, and nothing written.
 */
import { sql } from 'kysely';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../../access/index.ts';
import { DEMO_STANDARDS } from '../demo-seed.ts';
import { addWorkingDays, dayNumber, dayText, isWeekendDay, todayInCambodia } from '../working-days.ts';
import { keysOf, parseXml, readFixture } from './open311-test-support.ts';

let t: TestApp;
let officerKey: string; // district officer at 2302 (the OWSO): services.application.file there
let citizenKey: string;
let auditorKey: string; // national auditor: no filing permission, not a citizen

async function tokenOf(login: string): Promise<string> {
  const client = await signedIn(t.app, login, DEMO_PASSWORD);
  const response = await client.request('POST', '/api/auth/tokens', {
    name: 'open311 test',
    expiresInDays: 1,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ token: string }>().token;
}

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const postForm = (fields: [string, string][], format: 'json' | 'xml' = 'json') =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}?lang=en`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
const postJson = (body: Record<string, unknown>, format: 'json' | 'xml' = 'json') =>
  t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: body });

const licenceForm = (key: string, overrides: [string, string][] = []): [string, string][] => [
  ['api_key', key],
  ['jurisdiction_id', '2302'],
  ['service_code', 'owso.business_licence_small'],
  ['first_name', 'Sok'],
  ['last_name', 'Dara'],
  ['phone', '012 888 123'],
  ['sex', 'female'],
  ['age_group', '35-49'],
  ['disability', 'false'],
  ['description', 'A small noodle shop'],
  ['attribute[business_name]', 'Kep noodles'],
  ['attribute[business_type]', 'food'],
  ['attribute[workers]', '3'],
  ['attribute[opening_date]', '2026-12-01T00:00:00+07:00'],
  ['attribute[extras][]', 'music'],
  ['attribute[extras][]', 'signboard'],
  ...overrides,
];

/** Rows an application touches and the services' audit records: "nothing written" means none moved. */
async function footprint() {
  const count = async (table: string, where = sql`true`) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(
        t.db.kysely,
      )
    ).rows[0]!.n;
  return {
    applications: await count('services_application'),
    events: await count('services_application_event'),
    outbox: await count('notifications_message'),
    audit: await count('audit_record', sql`entity_type like 'services.%'`),
  };
}

async function applicationRow(number: string) {
  return (
    await sql<
      Record<string, unknown>
    >`select * from services_application where tracking_number = ${number}`.execute(t.db.kysely)
  ).rows[0]!;
}

async function userId(login: string): Promise<number> {
  const row = (
    await sql<{ id: number }>`select id from access_user where email = ${login} or phone = ${login}`.execute(
      t.db.kysely,
    )
  ).rows[0]!;
  return Number(row.id);
}

beforeAll(async () => {
  t = await openTestApp();
  officerKey = await tokenOf('kep.district@sndd.example');
  citizenKey = await tokenOf('+85512345678');
  auditorKey = await tokenOf('auditor@sndd.example');
}, 120_000);
afterAll(async () => t.close());

describe('POST requests', () => {
  it('files a form post by the office’s officer, for the person named, with the channel open311', async () => {
    const before = await footprint();
    const response = await postForm(licenceForm(officerKey));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const [created] =
      response.json<{ service_request_id: string; service_notice: string; account_id: null }[]>();
    expect(created!.service_request_id).toMatch(/^[0-9A-Z]{8}$/);
    expect(created!.service_notice).toBe(
      'Time limit: 10 working days. Fee: Micro enterprise (under 5 workers) 100,000 riel; Small enterprise (5 to 49 workers) 200,000 riel.',
    );
    expect(created!.account_id).toBeNull();

    const row = await applicationRow(created!.service_request_id);
    expect(row).toMatchObject({
      channel: 'open311',
      unit_code: '2302',
      status: 'received',
      applicant_name: 'Sok Dara',
      applicant_sex: 'female',
      applicant_age_group: '35-49',
      applicant_disability: false,
      applicant_phone: '+85512888123',
      applicant_user_id: null,
      description: 'A small noodle shop',
      field_values: {
        business_name: 'Kep noodles',
        business_type: 'food',
        workers: 3,
        opening_date: '2026-12-01',
        extras: ['music', 'signboard'],
      },
    });
    expect(Number(row.filed_by_user_id)).toBe(await userId('kep.district@sndd.example'));
    const after = await footprint();
    expect(after).toEqual({
      applications: before.applications + 1,
      events: before.events + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
    });
    // Readable at once, publicly, without the person.
    const read = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${created!.service_request_id}.json`,
    });
    expect(read.json()).toEqual([
      expect.objectContaining({ status: 'open', status_notes: 'បានទទួល។', detailed_status: 'received' }),
    ]);
    expect(read.body).not.toContain('Sok Dara');
  });

  it('answers in XML shaped like the fixture', async () => {
    const response = await postForm(licenceForm(officerKey), 'xml');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const ours = parseXml(response.body);
    const fixture = parseXml(readFixture('post_service_request.xml'));
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    expect(keysOf(ours.service_requests.request)).toEqual(keysOf(fixture.service_requests.request));
    expect(ours.service_requests.request.service_request_id).toMatch(/^[0-9A-Z]{8}$/);
  });

  it('files a JSON post by a citizen as themselves (attribute object, account name and phone)', async () => {
    const response = await postJson({
      api_key: citizenKey,
      jurisdiction_id: '230201',
      service_code: 'commune.certification',
      attribute: { document_kind: 'residence', copies: 2 },
    });
    expect(response.statusCode, response.body).toBe(201);
    const [created] = response.json<{ service_request_id: string; service_notice: string }[]>();
    // Khmer by default.
    expect(created!.service_notice).toContain('ថ្ងៃធ្វើការ');
    const row = await applicationRow(created!.service_request_id);
    expect(row).toMatchObject({
      channel: 'open311',
      applicant_name: 'Example citizen',
      applicant_phone: '+85512345678',
      field_values: { document_kind: 'residence', copies: 2 },
    });
    expect(Number(row.applicant_user_id)).toBe(await userId('+85512345678'));
    // JSON with the form's flat keys works too, and the key may come as a bearer token.
    const flat = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { authorization: `Bearer ${citizenKey}` },
      payload: {
        jurisdiction_id: '230201',
        service_code: 'commune.certification',
        'attribute[document_kind]': 'copy',
        'attribute[copies]': '1',
      },
    });
    expect(flat.statusCode, flat.body).toBe(201);
  });

  it('refuses a bad or missing api_key with 403 in Open311’s format, and writes nothing', async () => {
    const before = await footprint();
    const bad = await postForm(licenceForm('sndd_not-a-real-token'));
    expect(bad.statusCode).toBe(403);
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
    expect(bad.json()).toEqual([
      { code: 403, description: expect.stringMatching(/^open311\.api_key\.invalid: /) },
    ]);

    const badXml = await postForm(licenceForm('sndd_not-a-real-token'), 'xml');
    expect(badXml.statusCode).toBe(403);
    expect(XMLValidator.validate(badXml.body)).toBe(true);
    const ours = parseXml(badXml.body);
    expect(ours.errors.error.code).toBe('403');
    expect(ours.errors.error.description).toMatch(/api_key/);
    // The fixture of a 403 is not well-formed XML (an HTTP status line before the declaration)
    // and uses a bare <error>; ours is well-formed and in the spec's <errors><error> form.
    const fixtureText = readFixture('403.xml');
    expect(XMLValidator.validate(fixtureText)).not.toBe(true);
    const fixture = parseXml(fixtureText.slice(fixtureText.indexOf('<?xml')));
    expect(fixture.error).toMatch(/Invalid api_key/);
    expect(keysOf(ours.errors)).toEqual(['error']);

    const missing = await postForm(licenceForm('').filter(([key]) => key !== 'api_key'));
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['x-error-code']).toBe('open311.api_key.missing');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a token whose owner may not file at that office (403 auth.forbidden)', async () => {
    const before = await footprint();
    const response = await postForm(licenceForm(auditorKey));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual([
      { code: 403, description: expect.stringMatching(/^auth\.forbidden: /) },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses bad input with 400 and its stable code, and writes nothing', async () => {
    const before = await footprint();
    const cases: { fields: [string, string][]; code: string }[] = [
      {
        fields: licenceForm(officerKey).filter(([key]) => key !== 'attribute[business_name]'),
        code: 'services.application.missing_field',
      },
      {
        fields: licenceForm(officerKey).map(([key, value]): [string, string] =>
          key === 'attribute[business_type]' ? [key, 'casino'] : [key, value],
        ),
        code: 'services.application.value_not_in_list',
      },
      {
        fields: licenceForm(officerKey).map(([key, value]): [string, string] =>
          key === 'service_code' ? [key, 'no.such_service'] : [key, value],
        ),
        code: 'services.standard.unknown',
      },
      {
        fields: licenceForm(officerKey).map(([key, value]): [string, string] =>
          key === 'jurisdiction_id' ? [key, '230201'] : [key, value],
        ),
        // The district officer may file at the district's communes, but this service is not offered there.
        code: 'services.standard.not_offered',
      },
      {
        fields: licenceForm(officerKey, [['attribute[no_such_field]', 'x']]),
        code: 'services.application.unknown_field',
      },
      {
        fields: licenceForm(officerKey).filter(([key]) => key !== 'jurisdiction_id'),
        code: 'open311.jurisdiction.required',
      },
      { fields: licenceForm(officerKey, [['lat', '123']]), code: 'open311.request.bad_location' },
      // One coordinate alone.
      { fields: licenceForm(officerKey, [['lat', '10.48']]), code: 'open311.request.bad_location' },
      { fields: licenceForm(officerKey, [['long', '104.3']]), code: 'open311.request.bad_location' },
      // Valid degrees, but in Bangkok, or with latitude and longitude swapped.
      {
        fields: licenceForm(officerKey, [
          ['lat', '13.75'],
          ['long', '100.5'],
        ]),
        code: 'open311.request.outside_cambodia',
      },
      {
        fields: licenceForm(officerKey, [
          ['lat', '104.3'],
          ['long', '10.48'],
        ]),
        code: 'open311.request.bad_location',
      },
      {
        fields: licenceForm(officerKey, [['media_url', 'javascript:alert(1)']]),
        code: 'open311.request.bad_media_url',
      },
      {
        fields: licenceForm(officerKey, [['address_string', 'x'.repeat(501)]]),
        code: 'open311.request.bad_field',
      },
      {
        fields: licenceForm(officerKey).map(([key, value]): [string, string] =>
          key === 'sex' ? [key, 'x'] : [key, value],
        ),
        code: 'services.applicant.bad_sex',
      },
      { fields: licenceForm(officerKey, [['sex', 'male']]), code: 'open311.request.repeated_field' },
    ];
    for (const item of cases) {
      const response = await postForm(item.fields);
      const status = 400;
      expect(response.statusCode, `${item.code}: ${response.body}`).toBe(status);
      expect(response.headers['x-error-code']).toBe(item.code);
      expect(response.json()).toEqual([
        { code: status, description: expect.stringContaining(`${item.code}: `) },
      ]);
    }
    // Also in XML.
    const xmlResponse = await postForm(
      licenceForm(officerKey).filter(([key]) => key !== 'attribute[workers]'),
      'xml',
    );
    expect(xmlResponse.statusCode).toBe(400);
    expect(parseXml(xmlResponse.body).errors.error.description).toMatch(
      /^services\.application\.missing_field: /,
    );
    expect(await footprint()).toEqual(before);
  });

  it('files under a standard’s new version at once after a revision (the remembered version is forgotten)', async () => {
    const certification = () =>
      postJson({
        api_key: citizenKey,
        jurisdiction_id: '230201',
        service_code: 'commune.certification',
        attribute: { document_kind: 'copy', copies: 1 },
      });
    const before = await certification(); // remembers the current version
    expect(before.statusCode, before.body).toBe(201);
    const national = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
    const { code: _code, ...content } = DEMO_STANDARDS.find((item) => item.code === 'commune.certification')!;
    const revised = await national.request('PUT', '/api/services/standards/commune.certification', {
      ...content,
      timeLimitDays: 3,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const after = await certification();
    expect(after.statusCode, after.body).toBe(201);
    const [created] = after.json<{ service_request_id: string; service_notice: string }[]>();
    expect(created!.service_notice).toContain('3 ថ្ងៃធ្វើការ');
    const row = await applicationRow(created!.service_request_id);
    const version = (
      await sql<{
        version: number;
      }>`select version from services_standard_version where id = ${row.standard_version_id}`.execute(
        t.db.kysely,
      )
    ).rows[0]!;
    expect(version.version).toBe(revised.json<{ version: number }>().version);
  });

  it('moves its due dates at once when a holiday is added through /api/services (one calendar)', async () => {
    const dueOf = async () => {
      const filed = await postJson({
        api_key: citizenKey,
        jurisdiction_id: '230201',
        service_code: 'commune.certification',
        attribute: { document_kind: 'copy', copies: 1 },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const [created] = filed.json<{ service_request_id: string }[]>();
      const read = await t.app.inject({
        method: 'GET',
        url: `/open311/v2/requests/${created!.service_request_id}.json`,
      });
      return read.json<{ expected_datetime: string }[]>()[0]!.expected_datetime.slice(0, 10);
    };
    const before = await dueOf(); // Open311 now holds the holidays in memory
    // The next working day becomes a holiday: every due date counted from today moves one day on.
    const national = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
    const today = todayInCambodia();
    const holidays = async (year: string) =>
      (await national.request('GET', `/api/services/calendar/${year}`)).json<{
        holidays: { date: string; nameKm: string; nameEn: string }[];
      }>().holidays;
    let next = dayNumber(today) + 1;
    const known = new Set(
      [
        ...(await holidays(today.slice(0, 4))),
        ...(await holidays(String(Number(today.slice(0, 4)) + 1))),
      ].map((day) => day.date),
    );
    while (isWeekendDay(next) || known.has(dayText(next))) next += 1;
    const added = dayText(next);
    const year = added.slice(0, 4);
    const edited = await national.request('PUT', `/api/services/calendar/${year}`, {
      holidays: [
        ...(await holidays(year)).map(({ date, nameKm, nameEn }) => ({ date, nameKm, nameEn })),
        { date: added, nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង', nameEn: 'Test holiday' },
      ],
      source: 'Test: a holiday added during the run',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = await dueOf();
    expect(after).not.toBe(before);
    expect(after).toBe(addWorkingDays(before, 1, new Set([...known, added])));
  });

  it('refuses a body it cannot read in Open311’s format, never as problem+json', async () => {
    const plain = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/xml' },
      payload: '<request/>',
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.headers['content-type']).toMatch(/^text\/xml/);
    expect(parseXml(plain.body).errors.error.code).toBe('415');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).not.toMatch(/problem/);
    expect(broken.json()).toEqual([
      { code: 400, description: expect.stringMatching(/^http\.body\.malformed_json: /) },
    ]);
  });
});

describe('GeoReport v2 to the letter (#13)', () => {
  const KEP_MARKET = { lat: '10.4833', long: '104.3167' };

  it('stores lat, long, address_string, address_id and media_url, and GET gives them back', async () => {
    const response = await postForm(
      licenceForm(officerKey, [
        ['lat', KEP_MARKET.lat],
        ['long', KEP_MARKET.long],
        ['address_string', 'Kep market, stall 12'],
        ['address_id', 'KEP-M-12'],
        ['media_url', 'https://example.org/stall-12.jpg'],
      ]),
    );
    expect(response.statusCode, response.body).toBe(201);
    const [created] = response.json<{ service_request_id: string }[]>();
    const row = await applicationRow(created!.service_request_id);
    expect(row).toMatchObject({
      location_lat: 10.4833,
      location_long: 104.3167,
      address_string: 'Kep market, stall 12',
      address_id: 'KEP-M-12',
      media_url: 'https://example.org/stall-12.jpg',
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${created!.service_request_id}.json?lang=en`,
    });
    expect(read.json()).toEqual([
      expect.objectContaining({
        lat: 10.4833,
        long: 104.3167,
        address: 'Kep market, stall 12',
        address_id: 'KEP-M-12',
        zipcode: null,
        media_url: 'https://example.org/stall-12.jpg',
        description: 'A small noodle shop',
        status_notes: 'Received.',
        detailed_status: 'received',
      }),
    ]);
    // An address alone (no coordinates) is a location too.
    const addressOnly = await postForm(licenceForm(officerKey, [['address_string', 'Kep market']]));
    expect(addressOnly.statusCode, addressOnly.body).toBe(201);
  });

  it('lets an officer file without first_name and last_name; a citizen still files under their name', async () => {
    const response = await postForm(
      licenceForm(officerKey).filter(([key]) => key !== 'first_name' && key !== 'last_name'),
    );
    expect(response.statusCode, response.body).toBe(201);
    const [created] = response.json<{ service_request_id: string }[]>();
    expect((await applicationRow(created!.service_request_id)).applicant_name).toBeNull();
    // The officers' list shows it without a name.
    const officer = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
    const one = await officer.request('GET', `/api/services/applications/${created!.service_request_id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json<{ applicant: { name: string | null } }>().applicant.name).toBeNull();
  });

  it('takes jurisdiction_id from the query string as well as the body; two different ones are refused', async () => {
    const fields = licenceForm(officerKey).filter(([key]) => key !== 'jurisdiction_id');
    const inQuery = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json?jurisdiction_id=2302',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
    expect(inQuery.statusCode, inQuery.body).toBe(201);
    const [created] = inQuery.json<{ service_request_id: string }[]>();
    expect((await applicationRow(created!.service_request_id)).unit_code).toBe('2302');
    const before = await footprint();
    const clash = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json?jurisdiction_id=2301',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(licenceForm(officerKey)),
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.headers['x-error-code']).toBe('open311.jurisdiction.mismatch');
    expect(await footprint()).toEqual(before);
    // Every GET takes it too.
    for (const url of [
      'discovery.json?jurisdiction_id=23',
      'services.json?jurisdiction_id=2302',
      'services/owso.business_licence_small.json?jurisdiction_id=2302',
      `requests/${created!.service_request_id}.json?jurisdiction_id=2302`,
      `tokens/${created!.service_request_id}.json?jurisdiction_id=2302`,
    ]) {
      const answer = await t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
      expect(answer.statusCode, `${url}: ${answer.body}`).toBe(200);
    }
  });

  it('answers 405 with Allow to a method a path does not serve, 415 to a content type it does not read', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/open311/v2/requests.json', 'GET, HEAD, POST, OPTIONS'],
      ['DELETE', '/open311/v2/requests/ABCD2345.json', 'GET, HEAD, OPTIONS'],
      ['POST', '/open311/v2/services.xml', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/open311/v2/discovery.json', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, url, allow] of cases) {
      const response = await t.app.inject({ method: method as 'PUT', url, payload: {} });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['x-error-code']).toBe('open311.method_not_allowed');
      if (url.endsWith('.xml')) {
        expect(parseXml(response.body).errors.error.code).toBe('405');
      } else {
        expect(response.json()).toEqual([
          { code: 405, description: expect.stringMatching(/^open311\.method_not_allowed: /) },
        ]);
      }
    }
    // A path that does not exist is still 404.
    expect((await t.app.inject({ method: 'PUT', url: '/open311/v2/nothing.json' })).statusCode).toBe(404);
    // OPTIONS names the methods.
    const options = await t.app.inject({ method: 'OPTIONS', url: '/open311/v2/requests.json' });
    expect(options.statusCode).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    const before = await footprint();
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': type },
        payload: `api_key=${officerKey}&jurisdiction_id=2302`,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.headers['x-error-code']).toBe('http.content_type.unsupported');
    }
    expect(await footprint()).toEqual(before);
  });

  it('lets any web page read the GETs (CORS *), never the POST', async () => {
    for (const url of [
      'discovery.json',
      'services.json',
      'services/owso.business_licence_small.xml',
      'requests.json',
      'requests/NOSUCH12.json',
    ]) {
      const answer = await t.app.inject({
        method: 'GET',
        url: `/open311/v2/${url}`,
        headers: { origin: 'https://maps.example.org' },
      });
      expect(answer.headers['access-control-allow-origin'], url).toBe('*');
    }
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: { origin: 'https://maps.example.org', 'access-control-request-method': 'POST' },
    });
    // The preflight grants the reads only: a browser will not send the POST.
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const posted = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { origin: 'https://maps.example.org', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(licenceForm(officerKey)),
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.headers['access-control-allow-origin']).toBeUndefined();
    const refused = await postForm([['api_key', 'nope']]);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
