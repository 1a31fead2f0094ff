/**
 * Open311 reads, in JSON and XML: discovery, services, service definitions, GET requests with
 * each filter, its 90-day window, its 1,000 cap and paging, GET one request, tokens, and the
 * errors — each XML answer compared in structure with the GeoReport v2 fixtures.
 */
import { sql } from 'kysely';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import {
  first,
  insertApplication,
  keysOf,
  parseXml,
  readFixture,
  withExtensions,
} from './open311-test-support.ts';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const json = async <T = Record<string, unknown>[]>(url: string) => {
  const response = await get(url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json<T>();
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped
const xml = async (url: string): Promise<any> => {
  const response = await get(url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/xml/);
  expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(response.body)).toBe(true);
  return parseXml(response.body);
};

const DAY = 24 * 60 * 60 * 1000;
const ids = (items: { service_request_id: string }[]) => items.map((item) => item.service_request_id);
const mine = new Map<string, string>();

beforeAll(async () => {
  t = await openTestApp();
  const now = Date.now();
  // Known cases beside the demo ones: two services, two units, open and closed, old and new.
  mine.set(
    'recent',
    await insertApplication(t.db.kysely, {
      serviceCode: 'commune.family_book',
      unitCode: '230201',
      filedAt: new Date(now - 2 * DAY),
      place: { lat: 10.4833, long: 104.3167, address: 'Kep market', mediaUrl: 'https://example.org/kep.jpg' },
    }),
  );
  mine.set(
    'closed',
    await insertApplication(t.db.kysely, {
      serviceCode: 'commune.family_book',
      unitCode: '230202',
      filedAt: new Date(now - 10 * DAY),
      status: 'closed',
    }),
  );
  mine.set(
    'old',
    await insertApplication(t.db.kysely, {
      serviceCode: 'commune.family_book',
      unitCode: '230201',
      filedAt: new Date(now - 100 * DAY),
    }),
  );
}, 120_000);
afterAll(async () => t.close());

describe('discovery', () => {
  it('names the GeoReport v2 endpoint and its formats, in JSON and XML', async () => {
    const body = await json<{ endpoints: { specification: string; url: string; formats: string[] }[] }>(
      'discovery.json',
    );
    expect(body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['application/json', 'text/xml'],
    });
    expect(body.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
    const doc = await xml('discovery.xml');
    expect(keysOf(doc)).toEqual(['discovery']);
    expect(first(doc.discovery.endpoints.endpoint).formats.format).toEqual(['application/json', 'text/xml']);
  });
});

describe('services', () => {
  it('lists the catalogue with the fixture’s element names, in both formats', async () => {
    const services =
      await json<{ service_code: string; service_name: string; metadata: boolean; type: string }[]>(
        'services.json?lang=en',
      );
    expect(services.map((service) => service.service_code)).toContain('owso.business_licence_small');
    const licence = services.find((service) => service.service_code === 'owso.business_licence_small')!;
    expect(licence).toMatchObject({
      service_name: 'Business licence for a small enterprise',
      metadata: true,
      // POST answers the service_request_id at once.
      type: 'realtime',
      group: 'commerce',
    });
    const fixture = parseXml(readFixture('services.xml'));
    const ours = await xml('services.xml');
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    expect(keysOf(ours.services.service)).toEqual(keysOf(fixture.services.service));
    expect(ours.services.service).toHaveLength(services.length);
  });

  it('speaks Khmer by default and lists only what an office offers with jurisdiction_id', async () => {
    const khmer = await json<{ service_code: string; service_name: string }[]>('services.json');
    expect(khmer.find((service) => service.service_code === 'commune.birth_certificate')!.service_name).toBe(
      'សំបុត្រកំណើត',
    );
    const atDistrict = await json<{ service_code: string }[]>('services.json?jurisdiction_id=2302');
    expect(atDistrict.map((service) => service.service_code).sort()).toEqual([
      'owso.business_licence_small',
      'owso.construction_permit_small',
      'owso.motorbike_transfer',
    ]);
    const atCommune = await json<{ service_code: string }[]>('services.json?jurisdiction_id=230201');
    expect(atCommune.every((service) => service.service_code.startsWith('commune.'))).toBe(true);
    const unknown = await get('services.json?jurisdiction_id=99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([
      { code: 404, description: expect.stringMatching(/^open311\.jurisdiction\.not_found: /) },
    ]);
  });
});

describe('service definition', () => {
  it('gives the form fields as attributes, shaped like the fixture', async () => {
    const definition = await json<{
      service_code: string;
      attributes: {
        code: string;
        datatype: string;
        required: boolean;
        order: number;
        values?: { key: string; name: string }[];
      }[];
    }>('services/owso.business_licence_small.json?lang=en');
    expect(definition.service_code).toBe('owso.business_licence_small');
    expect(definition.attributes.map((attribute) => attribute.code)).toEqual([
      'business_name',
      'business_type',
      'workers',
      'opening_date',
      'extras',
    ]);
    const type = definition.attributes[1]!;
    expect(type).toMatchObject({ datatype: 'singlevaluelist', required: true, order: 2 });
    expect(type.values![0]).toEqual({ key: 'retail', name: 'Retail shop' });
    // Open311 has no "date": a day is a datetime, described so.
    expect(definition.attributes[3]).toMatchObject({ datatype: 'datetime', required: false });
    expect(definition.attributes[0]).not.toHaveProperty('values');

    const fixture = parseXml(readFixture('service_definition.xml')).service_definition;
    const ours = (await xml('services/owso.business_licence_small.xml')).service_definition;
    expect(ours.service_code).toBe('owso.business_licence_small');
    // The spec wraps the attributes in <attributes> (as the JSON's "attributes"); the Ruby
    // client's fixture leaves the wrapper out. Each attribute and each value match it.
    const attributes = ours.attributes.attribute as { code: string }[];
    const listAttribute = attributes.find((item) => item.code === 'business_type') as unknown as {
      values: { value: unknown };
    };
    expect(keysOf(listAttribute)).toEqual(keysOf(fixture.attribute));
    expect(keysOf(listAttribute.values.value)).toEqual(keysOf(fixture.attribute.values.value));
  });

  it('answers an unknown code with a 404 in Open311’s error format, like the fixture', async () => {
    const missing = await get('services/no.such_service.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.headers['x-error-code']).toBe('services.standard.not_found');
    expect(missing.json()).toEqual([
      { code: 404, description: expect.stringMatching(/^services\.standard\.not_found: /) },
    ]);
    const missingXml = await get('services/no.such_service.xml');
    expect(missingXml.statusCode).toBe(404);
    expect(missingXml.headers['content-type']).toMatch(/^text\/xml/);
    const fixture = parseXml(readFixture('get_service_request_not_found.xml'));
    const ours = parseXml(missingXml.body);
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    expect(keysOf(ours.errors.error)).toEqual(keysOf(fixture.errors.error));
    expect(ours.errors.error.code).toBe('404');
  });
});

describe('GET requests', () => {
  it('answers requests shaped like the fixture, with the place, media and description, nothing personal', async () => {
    const body = await get('requests.json');
    expect(body.statusCode).toBe(200);
    for (const secret of ['Secret Applicant', '+85512999777', 'applicant', 'phone']) {
      expect(body.body).not.toContain(secret);
    }
    const requests = body.json<Record<string, string>[]>();
    const recent = requests.find((item) => item.service_request_id === mine.get('recent'))!;
    expect(recent).toMatchObject({
      status: 'open',
      // Readable text (Khmer by default); the step's code in the extension detailed_status.
      status_notes: 'បានទទួល។',
      detailed_status: 'received',
      service_code: 'commune.family_book',
      service_name: 'សៀវភៅគ្រួសារ',
      agency_responsible: expect.any(String),
      description: 'private words',
      lat: 10.4833,
      long: 104.3167,
      address: 'Kep market',
      address_id: null,
      zipcode: null,
      media_url: 'https://example.org/kep.jpg',
    });
    const closed = requests.find((item) => item.service_request_id === mine.get('closed'))!;
    // Unknown place and media: null, never left out.
    expect(closed).toMatchObject({ lat: null, long: null, address: null, media_url: null });
    expect(recent.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(recent.expected_datetime).toMatch(/T23:59:59\+07:00$/);
    expect(recent.service_notice).toContain('ថ្ងៃធ្វើការ');

    const fixture = parseXml(readFixture('service_requests.xml'));
    const ours = await xml('requests.xml');
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    const fixtureKeys = keysOf(fixture.service_requests.request);
    expect(keysOf(ours.service_requests.request)).toEqual(withExtensions(fixtureKeys));
    const xmlText = (await get('requests.xml')).body;
    expect(xmlText).not.toContain('Secret Applicant');
  });

  it('names the office in English with lang=en', async () => {
    const requests = await json<Record<string, string>[]>(
      `requests.json?lang=en&service_request_id=${mine.get('recent')}`,
    );
    expect(requests[0]!.service_name).toBe('Family book');
    expect(requests[0]!.service_notice).toMatch(/^Time limit: 5 working days\. Fee: Standard fee 0 riel\.$/);
    expect(requests[0]!.agency_responsible).toMatch(/[A-Za-z]/);
  });

  it('keeps to the last 90 days by default; start_date alone runs to now; a range over 90 days is refused', async () => {
    const byDefault = ids(await json<{ service_request_id: string }[]>('requests.json'));
    expect(byDefault).toContain(mine.get('recent'));
    expect(byDefault).not.toContain(mine.get('old'));
    // start_date alone: from it to now.
    const start = new Date(Date.now() - 60 * DAY).toISOString();
    const fromStart = ids(
      await json<{ service_request_id: string }[]>(`requests.json?start_date=${encodeURIComponent(start)}`),
    );
    expect(fromStart).toEqual(expect.arrayContaining([mine.get('recent'), mine.get('closed')]));
    expect(fromStart).not.toContain(mine.get('old'));
    // end_date alone: the 90 days before it.
    const end = new Date(Date.now() - 5 * DAY).toISOString();
    const untilEnd = ids(
      await json<{ service_request_id: string }[]>(`requests.json?end_date=${encodeURIComponent(end)}`),
    );
    expect(untilEnd).toContain(mine.get('closed'));
    expect(untilEnd).not.toContain(mine.get('recent'));
    const oldStart = new Date(Date.now() - 120 * DAY).toISOString();
    const oldWindow = ids(
      await json<{ service_request_id: string }[]>(
        `requests.json?start_date=${encodeURIComponent(oldStart)}&end_date=${encodeURIComponent(new Date(Date.now() - 40 * DAY).toISOString())}`,
      ),
    );
    expect(oldWindow).toContain(mine.get('old'));
    expect(oldWindow).not.toContain(mine.get('recent'));
    // Over 90 days, with both dates or with start_date alone (up to now): the standard's error.
    for (const url of [
      `requests.json?start_date=${encodeURIComponent(oldStart)}&end_date=${encodeURIComponent(new Date().toISOString())}`,
      `requests.json?start_date=${encodeURIComponent(oldStart)}`,
    ]) {
      const tooLong = await get(url);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.headers['x-error-code']).toBe('open311.request.range_too_long');
      expect(tooLong.json()).toEqual([
        { code: 400, description: expect.stringMatching(/^open311\.request\.range_too_long: /) },
      ]);
    }
    const tooLongXml = await get(`requests.xml?start_date=${encodeURIComponent(oldStart)}`);
    expect(tooLongXml.statusCode).toBe(400);
    // The spec's error envelope: <errors><error><code>400</code><description>…</description></error></errors>.
    expect(keysOf(parseXml(tooLongXml.body).errors.error)).toEqual(['code', 'description']);
    const reversed = await get(
      `requests.json?start_date=${encodeURIComponent(end)}&end_date=${encodeURIComponent(start)}`,
    );
    expect(reversed.statusCode).toBe(400);
    const bad = await get('requests.json?start_date=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual([
      { code: 400, description: expect.stringMatching(/^open311\.request\.bad_date: /) },
    ]);
  });

  it('filters by status, service_code, jurisdiction_id and service_request_id', async () => {
    const closed = await json<{ service_request_id: string; status: string }[]>(
      'requests.json?status=closed',
    );
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((item) => item.status === 'closed')).toBe(true);
    expect(ids(closed)).toContain(mine.get('closed'));
    const open = await json<{ service_request_id: string; status: string }[]>('requests.json?status=open');
    expect(open.every((item) => item.status === 'open')).toBe(true);
    expect(ids(open)).toContain(mine.get('recent'));
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);

    const books = await json<{ service_code: string }[]>('requests.json?service_code=commune.family_book');
    expect(books.length).toBe(2);
    expect(books.every((item) => item.service_code === 'commune.family_book')).toBe(true);
    const two = await json<{ service_code: string }[]>(
      'requests.json?service_code=commune.family_book,commune.certification',
    );
    expect(new Set(two.map((item) => item.service_code))).toEqual(
      new Set(['commune.family_book', 'commune.certification']),
    );

    const commune = ids(await json<{ service_request_id: string }[]>('requests.json?jurisdiction_id=230201'));
    expect(commune).toContain(mine.get('recent'));
    expect(commune).not.toContain(mine.get('closed')); // filed at 230202
    const district = ids(await json<{ service_request_id: string }[]>('requests.json?jurisdiction_id=2302'));
    expect(district).toEqual(expect.arrayContaining([mine.get('recent'), mine.get('closed')]));
    const elsewhere = await json('requests.json?jurisdiction_id=2301');
    expect(elsewhere).toEqual([]);

    // Named ids ignore the other filters and the window (the old case is found).
    const named = await json<{ service_request_id: string }[]>(
      `requests.json?service_request_id=${mine.get('old')},${mine.get('recent')!.toLowerCase()},NOTANID&status=closed`,
    );
    expect(ids(named).sort()).toEqual([mine.get('old'), mine.get('recent')].sort());
  });

  it('answers an empty list like the fixture', async () => {
    const ours = await xml('requests.xml?jurisdiction_id=2301');
    const fixture = parseXml(readFixture('service_requests_empty.xml'));
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    expect(ours.service_requests).toBe(fixture.service_requests);
  });
});

describe('GET one request and tokens', () => {
  it('answers one request as a list of one, like the fixture, in any typed form of its id', async () => {
    const number = mine.get('closed')!;
    const typed = `${number.slice(0, 4)}-${number.slice(4).toLowerCase()}`;
    const one = await json<{ service_request_id: string; status: string; status_notes: string }[]>(
      `requests/${typed}.json`,
    );
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: number, status: 'closed', status_notes: 'បានបញ្ចប់។' });
    const english = await json<{ status_notes: string; detailed_status: string }[]>(
      `requests/${number}.json?lang=en`,
    );
    expect(english[0]).toMatchObject({ status_notes: 'Closed.', detailed_status: 'closed' });
    const fixture = parseXml(readFixture('get_service_request.xml'));
    const ours = await xml(`requests/${number}.xml`);
    expect(keysOf(ours)).toEqual(keysOf(fixture));
    expect(keysOf(ours.service_requests.request)).toEqual(
      withExtensions(keysOf(fixture.service_requests.request)),
    );
    expect((await get(`requests/${number}.json`)).body).not.toContain('Secret Applicant');
  });

  it('answers an unknown request with 404 in both formats', async () => {
    const missing = await get('requests/not-an-id.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([
      { code: 404, description: expect.stringMatching(/^services\.application\.not_found: .*not-an-id/) },
    ]);
    const missingXml = await get('requests/KKKKKKKK.xml');
    expect(missingXml.statusCode).toBe(404);
    expect(parseXml(missingXml.body).errors.error.code).toBe('404');
    const badSuffix = await get(`requests/${mine.get('recent')}.csv`);
    expect(badSuffix.statusCode).toBe(404);
    expect(badSuffix.headers['content-type']).toMatch(/^application\/json/);
    const nowhere = await get('nothing-here.xml');
    expect(nowhere.statusCode).toBe(404);
    expect(parseXml(nowhere.body).errors.error.code).toBe('404');
  });

  it('turns a token (the id as typed) into its service_request_id, like the fixture', async () => {
    const number = mine.get('recent')!;
    const typed = `${number.slice(0, 4)}-${number.slice(4)}`;
    expect(await json(`tokens/${typed}.json`)).toEqual([{ service_request_id: number, token: typed }]);
    const fixture = parseXml(readFixture('request_id_from_token.xml'));
    const ours = await xml(`tokens/${number}.xml`);
    expect(keysOf(ours.service_requests.request)).toEqual(keysOf(fixture.service_requests.request));
    expect(ours.service_requests.request.service_request_id).toBe(number);
    expect((await get('tokens/12345.json')).statusCode).toBe(404);
  });
});

describe('the 1,000 cap and paging', () => {
  it('returns at most 1,000 requests, newest first, and pages with page and page_size', async () => {
    // 1,100 more requests in the last days, written straight into the table.
    await sql`
      insert into services_application (tracking_number, standard_id, standard_version_id, service_code,
        unit_code, status, channel, applicant_name, applicant_sex, applicant_age_group, filed_at, filed_on,
        due_date, status_changed_at)
      select 'Y' || lpad(i::text, 7, '0'), s.id, v.id, s.code, '230203', 'received', 'counter', 'Someone',
        'male', '18-34', now() - make_interval(mins => i), current_date, current_date, now() - make_interval(mins => i)
      from services_standard s
      join services_standard_version v on v.standard_id = s.id and v.version = s.current_version
      cross join generate_series(1, 1100) i
      where s.code = 'commune.certification'`.execute(t.db.kysely);
    const all = await json<{ service_request_id: string; requested_datetime: string }[]>('requests.json');
    expect(all).toHaveLength(1000);
    expect(all[0]!.service_request_id).toBe('Y0000001');
    expect(all[999]!.service_request_id).toBe('Y0001000');
    const times = all.map((item) => Date.parse(item.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const inCommune = 'requests.json?jurisdiction_id=230203&page_size=500';
    const page1 = ids(await json<{ service_request_id: string }[]>(`${inCommune}&page=1`));
    const page3 = ids(await json<{ service_request_id: string }[]>(`${inCommune}&page=3`));
    expect(page1).toHaveLength(500);
    expect(page1[0]).toBe('Y0000001');
    expect(page3).toEqual(Array.from({ length: 100 }, (_, i) => `Y${String(1001 + i).padStart(7, '0')}`));
    const xmlPage = await xml(`${inCommune.replace('.json', '.xml')}&page=3`);
    expect(xmlPage.service_requests.request).toHaveLength(100);

    const tooBig = await get('requests.json?page_size=1001');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json<{ code: number; description: string }[]>()[0]!.description).toMatch(
      /^http\.request\.invalid: /,
    );
  });
});
