/**
 * Bad input never gets a 5xx, a stack trace or a crash: each kind gets a 4xx problem+json
 * answer with its stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOver, openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { LIMITS } from '../../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  // A write route that only exists in this test, so body parsing is exercised on a real route.
  t.app.log.level = 'silent';
});
afterAll(async () => t.close());

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
  return body;
}

describe('bad input', () => {
  it('answers an unknown route with http.route_not_found', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expectProblem(response, 404, 'http.route_not_found');
  });

  it('answers malformed JSON with http.body.malformed_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/gazetteer/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": "01",',
    });
    // The route does not accept POST: the body is parsed before routing fails or not, but
    // either way the answer is a 4xx problem, never a 5xx.
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a bad query parameter with http.request.invalid naming the field', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units?pageSize=abc' });
    const body = expectProblem(response, 400, 'http.request.invalid');
    expect(body.errors).toEqual([expect.objectContaining({ path: '/querystring/pageSize' })]);
  });

  it('answers an unknown sort field with http.request.invalid', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units?sort=password' });
    expectProblem(response, 400, 'http.request.invalid');
  });

  it('answers a malformed path parameter with http.request.invalid', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units/1' });
    expectProblem(response, 400, 'http.request.invalid');
  });

  it('answers a missing unit with its module code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units/99' });
    expectProblem(response, 404, 'gazetteer.unit.not_found');
  });
});

describe('bodies on a write route', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp({ demoData: false });
  });
  afterAll(async () => app.close());

  // Write routes come with later modules; until then we register one on a second app
  // instance built the same way, before it is ready.
  it('refuses malformed JSON, an empty JSON body, a wrong content type and an oversized body', async () => {
    const local = await buildAppOver(app.db);
    local.post('/api/echo', { config: { access: 'public' } }, async (request) => ({
      received: request.body,
    }));
    await local.ready();
    try {
      const json = { 'content-type': 'application/json' };
      expectProblem(
        await local.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '{"a":' }),
        400,
        'http.body.malformed_json',
      );
      expectProblem(
        await local.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '' }),
        400,
        'http.body.empty_json',
      );
      expectProblem(
        await local.inject({
          method: 'POST',
          url: '/api/echo',
          headers: { 'content-type': 'application/x-sndd' },
          payload: 'x',
        }),
        415,
        'http.content_type.unsupported',
      );
      const big = JSON.stringify({ text: 'ក'.repeat(LIMITS.bodyLimitBytes) });
      expectProblem(
        await local.inject({ method: 'POST', url: '/api/echo', headers: json, payload: big }),
        413,
        'http.body.too_large',
      );
      const ok = await local.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '{"a":1}' });
      expect(ok.json()).toEqual({ received: { a: 1 } });
    } finally {
      await local.close();
    }
  });
});

describe('request ids', () => {
  it("returns a generated id, or the caller's own when it is acceptable", async () => {
    const generated = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-1234abcd' },
    });
    expect(given.headers['x-request-id']).toBe('trace-1234abcd');
    const hostile = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a\nb<script>' },
    });
    expect(hostile.headers['x-request-id']).not.toContain('script');
  });
});
