import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOver, openTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ demoData: false });
});
afterAll(async () => t.close());

describe('security headers', () => {
  it('sends the API header set on answers and on errors', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/api/gazetteer/units/99']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('sends a strict page policy on everything else (the web app)', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/some/page',
      headers: { accept: 'text/html' },
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('never leaks internals in a 500 answer', async () => {
    const app = await buildAppOver(t.db);
    app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('secret connection string postgres://user:pw@db');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'platform.internal_error' });
    expect(response.body).not.toContain('postgres://');
    await app.close();
  });
});
