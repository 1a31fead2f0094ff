/** The paging contract, through a real list endpoint on a real database. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

interface UnitPage {
  items: { code: string; nameLatin: string }[];
  page: number;
  pageSize: number;
  total: number;
}

async function getPage(query: string): Promise<UnitPage> {
  const response = await t.app.inject({ method: 'GET', url: `/api/gazetteer/units?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<UnitPage>();
}

describe('list paging', () => {
  it('defaults to page 1 of 50, sorted by code', async () => {
    const page = await getPage('level=1');
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 25 });
    expect(page.items.map((unit) => unit.code)).toEqual([...page.items.map((unit) => unit.code)].sort());
  });

  it('walks every item exactly once whatever the page size', async () => {
    const all = (await getPage('level=1&pageSize=500')).items.map((unit) => unit.code);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('code', '-code', 'nameLatin', '-nameLatin', 'nameKm'),
        async (size, sort) => {
          const seen: string[] = [];
          for (let number = 1; number <= Math.ceil(all.length / size); number += 1) {
            const page = await getPage(`level=1&page=${number}&pageSize=${size}&sort=${sort}`);
            expect(page.total).toBe(all.length);
            seen.push(...page.items.map((unit) => unit.code));
          }
          expect([...seen].sort()).toEqual([...all].sort());
        },
      ),
      { numRuns: 12 },
    );
  });

  it('sorts descending with a leading minus', async () => {
    const page = await getPage('level=1&sort=-nameLatin&pageSize=3');
    expect(page.items.map((unit) => unit.nameLatin)).toEqual(['Tboung Khmum', 'Takeo', 'Svay Rieng']);
  });

  it('filters, and counts only what matches', async () => {
    const capital = await getPage('type=capital');
    expect(capital.total).toBe(1);
    expect(capital.items[0]?.code).toBe('12');
    const none = await getPage('level=3&parent=01');
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('answers a page past the end with no items and the true total', async () => {
    const page = await getPage('level=1&page=9&pageSize=10');
    expect(page).toMatchObject({ page: 9, total: 25, items: [] });
  });
});
