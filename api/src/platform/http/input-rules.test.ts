/**
 * Inputs that used to reach the database in a form it refuses (a 5xx) are refused first, with
 * a 4xx problem+json: non-finite numbers, NUL characters, oversized headers. And the client's
 * address cannot be forged with X-Forwarded-For.
 */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { allMigrations, modules } from '../../modules.ts';
import { buildAppOver, openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { Type } from '@sinclair/typebox';
import { signedIn, type Client } from '../../test-support/http.ts';
import { pathsWithNul } from './input-rules.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

function expectInvalid(response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as { code: string; errors?: { path: string }[] };
  expect(body.code).toBe('http.request.invalid');
  return body;
}

describe('numbers', () => {
  it.each(['page=Infinity', 'page=1e400', 'pageSize=1e400', 'pageSize=-Infinity', 'page=NaN'])(
    'refuses %s on a paged list',
    async (query) => {
      expectInvalid(await t.app.inject({ method: 'GET', url: `/api/gazetteer/units?${query}` }));
    },
  );

  it('refuses them on the Open311 lists too (in its own error format)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?page=Infinity' });
    expect(response.statusCode).toBe(400);
  });

  it.each([
    '/open311/v2/requests.json?page_size=1e400',
    '/open311/v2/requests.json?page_size=Infinity',
    '/open311/v2/requests.json?page_size=1001',
    '/open311/v2/requests.json?page=0',
    '/api/services/standards?pageSize=1e400',
    '/api/services/standards?pageSize=501',
    '/api/services/standards?page=-Infinity',
  ])('refuses %s: not finite, or beyond the schema’s bounds', async (url) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    if (url.startsWith('/open311/')) expect(response.headers['x-error-code']).toBe('http.request.invalid');
    else expectInvalid(response);
  });

  it('refuses an integer no database column holds (beyond ±(2^53 − 1)), not a 500', async () => {
    const admin = await signedIn(t.app, 'admin@sndd.example', 'sndd-demo-2026');
    for (const id of ['9223372036854775808', '1e300']) {
      expectInvalid(
        await admin.request('POST', `/api/transfers/allocations/${id}/corrections`, { reason: 'A reason.' }),
      );
    }
  });

  it('still reads ordinary numbers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/units?page=1&pageSize=5' });
    expect(response.statusCode).toBe(200);
  });
});

describe('NUL characters', () => {
  it('are refused in a query string, naming the field', async () => {
    const body = expectInvalid(await t.app.inject({ method: 'GET', url: '/api/gazetteer/units?q=a%00b' }));
    expect(body.errors?.map((error) => error.path)).toEqual(['/querystring/q']);
  });

  it('are refused in a JSON body, the sign-in login included', async () => {
    const body = expectInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: 'clerk\u0000@example.org', password: 'whatever' },
      }),
    );
    expect(body.errors?.map((error) => error.path)).toEqual(['/body/login']);
  });

  it('are refused in an Open311 service code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-error-code']).toBe('http.request.invalid');
  });

  it('are refused in an anonymous complaint', async () => {
    const body = expectInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/services/complaints',
        payload: { subject: 'office', unitCode: '230202', description: 'Closed\u0000 all day.' },
      }),
    );
    expect(body.errors?.map((error) => error.path)).toEqual(['/body/description']);
  });

  it('are found in nested values and keys, at any depth, without recursion', () => {
    expect(pathsWithNul({ a: [{ b: 'x\u0000' }], ['k\u0000']: 1 }, '/body')).toEqual([
      '/body/a/0/b',
      '/body/k\\u0000',
    ]);
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(pathsWithNul(deep, '')).toHaveLength(1);
    expect(pathsWithNul({ a: 'clean', b: [1, null, true] }, '/body')).toEqual([]);
    // An upload's bytes are not text: a Buffer holding a zero byte is not walked.
    expect(pathsWithNul({ file: Buffer.from([0, 1, 2]) }, '/body')).toEqual([]);
    expect(pathsWithNul(Object.create(null) as object, '/body')).toEqual([]);
  });
});

describe('required text (names, descriptions) is trimmed and never blank', () => {
  let admin: Client;
  beforeAll(async () => {
    admin = await signedIn(t.app, 'admin@sndd.example', 'sndd-demo-2026');
  });

  it.each([
    [
      'POST',
      '/api/transfers/programs',
      { code: 'blank-fund', nameKm: '   ', nameEn: 'Fund' },
      '/body/nameKm',
    ],
    [
      'POST',
      '/api/councils/units/2301/organs',
      { kind: 'committee', nameKm: 'គណៈកម្មាធិការ', nameEn: '\t \u200b' },
      '/body/nameEn',
    ],
    [
      'POST',
      '/api/access/users',
      {
        email: 'blank@example.org',
        displayName: ' \u3000 ',
        homeUnitCode: '23',
        password: 'blank-password-2026',
      },
      '/body/displayName',
    ],
    ['POST', '/api/auth/tokens', { name: '  ', expiresInDays: 30 }, '/body/name'],
    [
      'POST',
      '/api/services/complaints',
      { subject: 'office', unitCode: '230202', description: '\n\n  ' },
      '/body/description',
    ],
  ] as const)('%s %s refuses a name of spaces (400, not a 500)', async (method, url, payload, path) => {
    const body = expectInvalid(await admin.request(method, url, payload));
    expect(body.errors).toEqual([{ path, message: 'must not be blank' }]);
  });

  it('stores a name without the spaces around it', async () => {
    const response = await admin.request('POST', '/api/transfers/programs', {
      code: 'trimmed-fund',
      nameKm: '  មូលនិធិ\u200b ',
      nameEn: ' Trimmed fund\n',
    });
    expect(response.statusCode, response.body).toBe(201);
    const stored = await t.db.kysely
      .selectFrom('transfers_program')
      .select(['name_km', 'name_en'])
      .where('code', '=', 'trimmed-fund')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name_km: 'មូលនិធិ', name_en: 'Trimmed fund' });
  });
});

describe('URLs the router refuses', () => {
  it('are answered in problem+json: a path parameter too long, a broken %-escape', async () => {
    for (const url of [`/api/gazetteer/units/${'1'.repeat(3000)}`, '/api/gazetteer/units/%E0%A4%A']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json<{ code: string }>().code).toBe('http.url.invalid');
    }
  });
});

describe('JSON bodies are never coerced; query strings are', () => {
  async function appWithEcho() {
    const app = await buildAppOver(t.db);
    app.post(
      '/api/test-echo',
      {
        config: { access: 'public' },
        schema: {
          querystring: Type.Object({ n: Type.Optional(Type.Integer()) }),
          body: Type.Object({
            amount: Type.Integer(),
            name: Type.String(),
            flag: Type.Optional(Type.Boolean()),
          }),
        },
      },
      async (request) => ({ query: request.query, body: request.body }),
    );
    await app.ready();
    return app;
  }

  it.each([
    ['null is not 0', { amount: null, name: 'x' }, '/body/amount'],
    ['"5" is not 5', { amount: '5', name: 'x' }, '/body/amount'],
    ['123 is not "123"', { amount: 5, name: 123 }, '/body/name'],
    ['"true" is not true', { amount: 5, name: 'x', flag: 'true' }, '/body/flag'],
  ])('%s', async (_case, payload, path) => {
    const app = await appWithEcho();
    try {
      const body = expectInvalid(await app.inject({ method: 'POST', url: '/api/test-echo', payload }));
      expect(body.errors?.[0]?.path).toBe(path);
    } finally {
      await app.close();
    }
  });

  it('reads a query string’s text as the number it says, and a well-typed body as it is', async () => {
    const app = await appWithEcho();
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/test-echo?n=7',
        payload: { amount: 5, name: 'x' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ query: { n: 7 }, body: { amount: 5, name: 'x' } });
    } finally {
      await app.close();
    }
  });
});

describe('oversized headers', () => {
  it('are answered 431 in problem+json', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toContain('"code":"http.headers.too_large"');
  });
});

describe('the client address', () => {
  async function appTrusting(trustProxy: string[]) {
    const app = await buildApp({
      config: {
        logLevel: 'silent',
        webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
        rateLimitPerMinute: 2,
        trustProxy,
      },
      db: t.db,
      modules,
      migrations: allMigrations(),
      logger: false,
    });
    await app.ready();
    return app;
  }

  it('is the socket’s without TRUST_PROXY: a forged X-Forwarded-For does not reset the rate limit', async () => {
    const app = await appTrusting([]);
    try {
      const statuses: number[] = [];
      let retryAfter: unknown;
      for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/health',
          remoteAddress: '192.0.2.10',
          headers: { 'x-forwarded-for': forged },
        });
        statuses.push(response.statusCode);
        retryAfter = response.headers['retry-after'];
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('is the right-most address not a trusted proxy with TRUST_PROXY', async () => {
    const app = await appTrusting(['192.0.2.0/24']);
    try {
      const statuses: number[] = [];
      for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/health',
          remoteAddress: '192.0.2.10',
          // The client wrote the left-most value; the proxy appended the real address.
          headers: { 'x-forwarded-for': `6.6.6.6, ${client}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200]);
    } finally {
      await app.close();
    }
  });
});
