import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createModuleContext } from '../../platform/context.ts';
import { ProblemSchema } from '../../platform/http/problem.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { gazetteerRoutes } from './gazetteer.routes.ts';
import type { Unit } from './gazetteer.schemas.ts';

let t: TestApp;
beforeAll(async () => {
  // The provinces and Kep's subtree: the tree these counts and paths were written for.
  t = await openTestApp({ referenceData: { sampleOf: ['23'] } });
});
afterAll(async () => t.close());

// The fields these tests read from a page, the ancestors list or a problem.
interface Answer {
  items: Unit[];
  page?: number;
  pageSize?: number;
  total?: number;
  code?: string;
}

async function get(url: string): Promise<{ status: number; body: Answer }> {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json<Answer>() };
}

const codesOf = (items: Unit[]) => items.map((item) => item.code);

describe('GET /api/gazetteer/units?within=', () => {
  it('lists every unit below Kep, not Kep itself (2 districts + 5 communes + 18 villages)', async () => {
    const { status, body } = await get('/api/gazetteer/units?within=23&pageSize=500');
    expect(status).toBe(200);
    expect(body.total).toBe(25);
    expect(codesOf(body.items)).not.toContain('23');
    expect(body.items.every((unit) => unit.code.startsWith('23'))).toBe(true);
  });

  it('combines with the other filters', async () => {
    expect((await get('/api/gazetteer/units?within=23&level=2')).body.total).toBe(2);
    expect((await get('/api/gazetteer/units?within=23&level=3')).body.total).toBe(5);
    expect((await get('/api/gazetteer/units?within=23&level=4')).body.total).toBe(18);
    expect((await get('/api/gazetteer/units?within=23&type=sangkat')).body.total).toBe(3);
    const villages = await get('/api/gazetteer/units?within=2302&level=4');
    expect(villages.body.total).toBe(7);
    expect(codesOf(villages.body.items)).toEqual([
      '23020101',
      '23020102',
      '23020201',
      '23020202',
      '23020203',
      '23020301',
      '23020302',
    ]);
    const children = await get('/api/gazetteer/units?within=23&parent=2301');
    expect(codesOf(children.body.items)).toEqual(['230101', '230103']);
  });

  it('pages through a subtree: every unit once, totals on every page', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const { status, body } = await get(
        `/api/gazetteer/units?within=23&pageSize=10&page=${page}&sort=-code`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ page, pageSize: 10, total: 25 });
      expect(body.items).toHaveLength(page < 3 ? 10 : 5);
      seen.push(...codesOf(body.items));
    }
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort().reverse());
    const past = await get('/api/gazetteer/units?within=23&pageSize=10&page=4');
    expect(past.body).toMatchObject({ items: [], total: 25 });
  });

  it('gives an empty page below a village and for an unknown code', async () => {
    expect((await get('/api/gazetteer/units?within=23010101')).body).toMatchObject({ items: [], total: 0 });
    expect((await get('/api/gazetteer/units?within=99')).body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a code that is not an NCDD code', async () => {
    const { status, body } = await get('/api/gazetteer/units?within=2');
    expect(status).toBe(400);
    expect(body.code).toBe('http.request.invalid');
  });
});

describe('GET /api/gazetteer/units/{code}/ancestors', () => {
  it('gives the chain root first, the unit itself last', async () => {
    const { status, body } = await get('/api/gazetteer/units/23020302/ancestors');
    expect(status).toBe(200);
    expect(codesOf(body.items)).toEqual(['23', '2302', '230203', '23020302']);
    expect(body.items.map((unit) => unit.typeCode)).toEqual([
      'province',
      'municipality',
      'sangkat',
      'village',
    ]);
    expect(body.items[3]).toMatchObject({
      nameKm: 'ដំណាក់ចំបក់',
      nameLatin: 'Damnak Chambak',
      parentCode: '230203',
      isUrban: true,
      // The tree is loaded by the gazetteer import from reference-data/: its first import.
      source: 'NCDD gazetteer import #1: ncdd-gazetteer-2024-10-14.csv',
    });
  });

  it('gives a province alone', async () => {
    expect(codesOf((await get('/api/gazetteer/units/12/ancestors')).body.items)).toEqual(['12']);
  });

  it('answers 404 gazetteer.unit.not_found for an unknown code', async () => {
    const { status, body } = await get('/api/gazetteer/units/23019999/ancestors');
    expect(status).toBe(404);
    expect(body.code).toBe('gazetteer.unit.not_found');
  });

  it('answers 400 for a malformed code', async () => {
    expect((await get('/api/gazetteer/units/abc/ancestors')).status).toBe(400);
  });
});

describe('route declarations', () => {
  it('declares every gazetteer read public and the edit a scoped permission, for the access layer', async () => {
    // The route options are only visible while routes are added: mount the module alone.
    const app = Fastify({ logger: false });
    const declared: Array<{ method: string; url: string; config: unknown }> = [];
    app.addHook('onRoute', (route) => {
      declared.push({ method: String(route.method), url: route.url, config: route.config });
    });
    app.addSchema(ProblemSchema);
    app.decorate('db', t.db.kysely);
    await app.register(
      gazetteerRoutes(createModuleContext({ name: 'gazetteer', db: t.db.kysely, ports: {} })),
    );
    await app.ready();
    await app.close();
    expect(declared.map((route) => route.url)).toEqual(
      expect.arrayContaining([
        '/units',
        '/units/:code',
        '/units/:code/ancestors',
        '/units/:code/children',
        '/units/:code/counts',
        '/units/:code/history',
        '/counts',
        '/changes',
      ]),
    );
    for (const route of declared) {
      if (route.method === 'PATCH') {
        expect(route.config, `${route.method} ${route.url}`).toMatchObject({
          access: { permission: 'gazetteer.unit.manage', unit: expect.any(Function) },
        });
      } else {
        expect(route.config, `${route.method} ${route.url}`).toMatchObject({ access: 'public' });
      }
    }
  });
});
