/**
 * The API as an Open311 client sees it, over a real socket: the app listens on a port and the
 * test speaks HTTP to it the way the `open311` npm client (codeforamerica/node-open311 0.0.12)
 * does — discovery, then the endpoint it names; `services`, `services/{code}`; a POST form built
 * with `querystring.stringify` (repeated keys for a list, `attribute[code]` keys) with the
 * jurisdiction_id in the query string; `requests/{id}`, `requests?service_request_id=a,b` and
 * `tokens/{token}`. The package itself cannot be installed: its `sparkxml` dependency is a
 * git:// URL (a protocol GitHub no longer serves) and its `xml2json` 0.2 needs a native build of
 * node-expat that no longer compiles; so its requests are reproduced here with fetch, call for
 * call (open311.js: serviceDiscovery, serviceList, serviceDefinition, submitRequest, _get, _post).
 */
import type { AddressInfo } from 'node:net';
import querystring from 'node:querystring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../../access/index.ts';

let t: TestApp;
let base: string;
let apiKey: string;

beforeAll(async () => {
  t = await openTestApp();
  const officer = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  const minted = await officer.request('POST', '/api/auth/tokens', {
    name: 'open311 client',
    expiresInDays: 1,
  });
  expect(minted.statusCode, minted.body).toBe(201);
  apiKey = minted.json<{ token: string }>().token;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => t.close());

/** The client's _get: endpoint + path + '.json', params (with jurisdiction_id) in the query string. */
async function clientGet(endpoint: string, path: string, params: Record<string, string> = {}) {
  const response = await fetch(`${endpoint}${path}.json?${querystring.stringify(params)}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('an Open311 client over HTTP', () => {
  it('discovers the endpoint, reads the services and a definition, files, then reads the request back', async () => {
    // serviceDiscovery({cache: true}): the production GeoReport v2 endpoint, JSON among its formats.
    const discovered = await fetch(`${base}/open311/v2/discovery.json`);
    expect(discovered.status).toBe(200);
    const discovery = (await discovered.json()) as {
      endpoints: { specification: string; type: string; url: string; formats: string[] }[];
    };
    const endpoint = discovery.endpoints.find(
      (item) => item.specification === 'http://wiki.open311.org/GeoReport_v2' && item.type === 'production',
    )!;
    expect(endpoint.formats).toContain('application/json');
    const root = `${endpoint.url.replace(/\/$/, '')}/`;
    expect(root).toBe(`${base}/open311/v2/`);

    const jurisdiction = { jurisdiction_id: '2302' };
    const services = await clientGet(root, 'services', jurisdiction);
    expect(services.status).toBe(200);
    expect(services.headers.get('access-control-allow-origin')).toBe('*');
    const list = JSON.parse(services.body) as { service_code: string; type: string }[];
    const licence = list.find((service) => service.service_code === 'owso.business_licence_small')!;
    expect(licence.type).toBe('realtime');

    const definition = await clientGet(root, 'services/owso.business_licence_small', jurisdiction);
    expect(definition.status).toBe(200);
    const codes = (JSON.parse(definition.body) as { attributes: { code: string }[] }).attributes.map(
      (attribute) => attribute.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['business_name', 'business_type', 'workers']));

    // submitRequest: attributes flattened to attribute[code], api_key in the form,
    // jurisdiction_id in the query string (_post's qs), the form by querystring.stringify.
    const data: Record<string, string | string[]> = {
      service_code: 'owso.business_licence_small',
      lat: '10.4833',
      long: '104.3167',
      address_string: 'Kep market',
      media_url: 'https://example.org/kep-market.jpg',
      description: 'A noodle stall',
      phone: '012 888 124',
      api_key: apiKey,
    };
    const attributes: Record<string, string | string[]> = {
      business_name: 'Kep noodles',
      business_type: 'food',
      workers: '2',
      opening_date: '2026-12-01T00:00:00+07:00',
      extras: ['music', 'signboard'],
    };
    for (const [code, value] of Object.entries(attributes)) data[`attribute[${code}]`] = value;
    const posted = await fetch(`${root}requests.json?${querystring.stringify(jurisdiction)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: querystring.stringify(data),
    });
    const postedBody = await posted.text();
    expect(posted.status, postedBody).toBe(201);
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
    const [created] = JSON.parse(postedBody) as { service_request_id: string }[];
    // realtime: the id at once.
    expect(created!.service_request_id).toMatch(/^[0-9A-Z]{8}$/);

    // serviceRequests(id): requests/{id}; the client turns the datetimes into Dates.
    const one = await clientGet(root, `requests/${created!.service_request_id}`, jurisdiction);
    expect(one.status).toBe(200);
    const [request] = JSON.parse(one.body) as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: created!.service_request_id,
      status: 'open',
      description: 'A noodle stall',
      lat: 10.4833,
      long: 104.3167,
      address: 'Kep market',
      address_id: null,
      zipcode: null,
      media_url: 'https://example.org/kep-market.jpg',
    });
    for (const key of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
      expect(Number.isNaN(new Date(request![key] as string).getTime()), key).toBe(false);
    }
    expect(one.body).not.toContain('012 888 124');
    expect(one.body).not.toContain('+85512888124');

    // serviceRequests([ids], params): service_request_id=a,b.
    const many = await clientGet(root, 'requests', {
      ...jurisdiction,
      service_request_id: [created!.service_request_id, 'ZZZZZZZZ'].join(','),
    });
    expect(many.status).toBe(200);
    expect(
      (JSON.parse(many.body) as { service_request_id: string }[]).map((item) => item.service_request_id),
    ).toEqual([created!.service_request_id]);

    // token(token): the id is the token.
    const token = await clientGet(root, `tokens/${created!.service_request_id}`, jurisdiction);
    expect(JSON.parse(token.body)).toEqual([
      { service_request_id: created!.service_request_id, token: created!.service_request_id },
    ]);
  });

  it('answers a method it does not serve with 405 and Allow, over the socket', async () => {
    const response = await fetch(`${base}/open311/v2/requests.json`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });
});
