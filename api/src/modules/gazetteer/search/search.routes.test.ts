import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test-support/test-app.ts';
import type { UnitSearchItem } from './search.schemas.ts';

let t: TestApp;
beforeAll(async () => {
  // The demo seed fills the search index itself (gazetteer manifest): no refresh here, so the
  // tests also prove that a fresh database is searchable.
  t = await openTestApp();
});
afterAll(async () => t.close());

interface Answer {
  items: UnitSearchItem[];
  code?: string;
}

async function search(params: Record<string, string | number>): Promise<{ status: number; body: Answer }> {
  const query = new URLSearchParams(
    Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
  );
  const response = await t.app.inject({ method: 'GET', url: `/api/gazetteer/search?${query.toString()}` });
  return { status: response.statusCode, body: response.json<Answer>() };
}

async function codes(params: Record<string, string | number>): Promise<string[]> {
  const { status, body } = await search(params);
  expect(status).toBe(200);
  return body.items.map((item) => item.code);
}

describe('GET /api/gazetteer/search: Khmer', () => {
  // Sangkat ព្រៃធំ (230202, Prey Thum), as stored: ព ្រ ៃ ធ ំ.
  const PREY_THUM = [
    ['as stored', 'ព្រៃធំ'],
    ['vowel typed before the subscript', 'ព\u17c3\u17d2\u179aធំ'],
    ['with a zero-width space between the words', 'ព្រៃ\u200bធំ'],
    ['with a space', 'ព្រៃ ធំ'],
    ['both', 'ព\u17c3\u17d2\u179a\u200b ធំ'],
  ];
  it.each(PREY_THUM)('finds sangkat Prey Thum typed %s', async (_how, q) => {
    expect((await codes({ q }))[0]).toBe('230202');
  });

  it('finds ដំណាក់ចង្អើរ however ើ and its subscript were typed', async () => {
    for (const q of [
      'ដំណាក់ចង្អើរ',
      'ដំណាក់ចង\u17be\u17d2\u17a2រ', // ើ before the subscript អ
      'ដំណាក់ចង\u17d2\u17a2\u17c1\u17b8រ', // ើ typed as េ + ី
      'ដំណាក់\u200bចង\u17b8\u17c1\u17d2\u17a2រ', // ី + េ, before the subscript, after a ZWSP
      'ដ\u17c6ណ\u17b6ក\u17cbចង្អើរ',
    ]) {
      expect(await codes({ q })).toEqual(['2301', '23020201']);
    }
  });

  it('finds every Kep unit by its Khmer name in any order of the marks of each syllable', async () => {
    const kep = await t.db.kysely
      .selectFrom('gazetteer_unit')
      .select(['code', 'name_km'])
      .where('code', 'like', '23%')
      .execute();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kep),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        async (unit, randoms, zwsp) => {
          const q = scramble(unit.name_km, randoms, zwsp);
          expect(await codes({ q, limit: 50 })).toContain(unit.code);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers type-ahead prefixes, provinces first', async () => {
    // The demo tree's names that start with ក: 9 provinces, then the units below them.
    const firstLetter = await search({ q: 'ក' });
    const levels = firstLetter.body.items.map((item) => item.level);
    expect(levels.slice(0, 10)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(firstLetter.body.items.every((item) => item.nameKm.startsWith('ក'))).toBe(true);
    // The names that start with កែ, then តាកែវ (Takeo, 21), which has it inside.
    expect(await codes({ q: 'កែ' })).toEqual(['23', '2302', '230201', '23020101', '23020102', '21']);
    // A coeng just typed: on the way to ស្រុក-like names, here ស្វាយរៀង and ស្ទឹងត្រែង.
    expect(await codes({ q: 'ស\u17d2' })).toEqual(expect.arrayContaining(['19', '20']));
  });

  it('lists exact matches first, then by level', async () => {
    // Village អូរក្រសា (23020301) is exactly what was typed; sangkat អូរក្រសារ only starts so.
    expect(await codes({ q: 'អូរក្រសា' })).toEqual(['23020301', '230203']);
    expect(await codes({ q: 'កែប' })).toEqual(['23', '2302', '230201', '23020101']);
  });

  it('matches inside a Khmer name after the names that start with it', async () => {
    // ចង្អើរ is the second word of ដំណាក់ចង្អើរ; Khmer writes no space between them.
    expect(await codes({ q: 'ចង្អើរ' })).toEqual(['2301', '23020201']);
  });
});

describe('GET /api/gazetteer/search: romanised names', () => {
  it.each(['kampot', 'KAMPOT', 'Kâmpôt', ' Kam pot '])('finds Kampot (07) from "%s"', async (q) => {
    expect((await codes({ q }))[0]).toBe('07');
  });

  it('ignores apostrophes, spaces and case', async () => {
    // The exact matches first; names only similar by trigrams (the fuzzy fallback) after them.
    expect((await codes({ q: "damnak chang'aeur" })).slice(0, 2)).toEqual(['2301', '23020201']);
    expect((await codes({ q: 'DamnakChangaeur' })).slice(0, 2)).toEqual(['2301', '23020201']);
  });

  it('answers type-ahead prefixes: level, then name', async () => {
    expect(await codes({ q: 'Pre' })).toEqual(['18', '13', '14', '230202', '23010302']);
    // Kep (23) too: its Khmer name កែប is romanised Kêb, which is what Kaeb folds to (ae -> e).
    expect(await codes({ q: 'Kaeb' })).toEqual(['23', '2302', '230201', '23020101']);
  });
});

describe('GET /api/gazetteer/search: inside names', () => {
  it('finds a later word of a romanised name', async () => {
    expect((await codes({ q: 'Thum' }))[0]).toBe('230202');
    // Ou Krasar: the sangkat (230203) and its village (23020301).
    expect(await codes({ q: 'krasar' })).toEqual(['230203', '23020301']);
    expect(await codes({ q: 'koy' })).toEqual(['23010302']);
    expect(await codes({ q: 'Thum', within: '23' })).toEqual(['230202']);
  });

  it('does not match in the middle of a word or a syllable', async () => {
    // "mp" is inside Kampot but starts no word (and is too short for trigrams); ែប is a vowel
    // and a consonant of កែប.
    expect(await codes({ q: 'mp' })).toEqual([]);
    expect(await codes({ q: 'ែប' })).toEqual([]);
  });
});

describe('GET /api/gazetteer/search: codes', () => {
  it.each([
    ['07', '07'],
    ['7', '07'],
    ['៧', '07'],
    ['០៧', '07'],
    ['២៣០២', '2302'],
    ['23 02 02', '230202'],
  ])('finds %s as %s first', async (q, code) => {
    expect((await codes({ q }))[0]).toBe(code);
  });

  it('lists the units below a code prefix by level', async () => {
    expect(await codes({ q: '2302', limit: 5 })).toEqual(['2302', '230201', '230202', '230203', '23020101']);
  });
});

describe('GET /api/gazetteer/search: filters, limit, paths', () => {
  it('keeps to a subtree with within, the unit itself left out', async () => {
    const inKep = await codes({ q: 'ក', within: '23', limit: 50 });
    expect(inKep.length).toBeGreaterThan(0);
    expect(inKep.every((code) => code.startsWith('23') && code !== '23')).toBe(true);
    expect(await codes({ q: 'Kampong', within: '23' })).toEqual(['23020202']);
    expect(await codes({ q: 'Kampong', within: '2301' })).toEqual([]);
    expect(await codes({ q: 'Kampong', within: '99' })).toEqual([]);
  });

  it('keeps to a level', async () => {
    expect(await codes({ q: 'កែ', level: 4 })).toEqual(['23020101', '23020102']);
  });

  it('limits the answer (default 20, at most 50)', async () => {
    expect(await codes({ q: 'ក', limit: 3 })).toHaveLength(3);
    expect(await codes({ q: '2' })).toHaveLength(20);
    expect((await search({ q: 'ក', limit: 51 })).status).toBe(400);
    expect((await search({ q: 'ក', limit: 0 })).status).toBe(400);
  });

  it('gives each unit its ancestors, root first', async () => {
    const { body } = await search({ q: 'ព្រៃធំ' });
    expect(body.items[0]).toEqual({
      code: '230202',
      level: 3,
      typeCode: 'sangkat',
      nameKm: 'ព្រៃធំ',
      nameLatin: 'Prey Thum',
      parentCode: '2302',
      path: [
        { code: '23', nameKm: 'កែប', nameLatin: 'Kep' },
        { code: '2302', nameKm: 'កែប', nameLatin: 'Kaeb' },
      ],
    });
    const province = await search({ q: '07' });
    expect(province.body.items[0]?.path).toEqual([]);
  });

  it('leaves abolished units out', async () => {
    expect(await codes({ q: 'Thmei', within: '23' })).toEqual(['23020203']);
    await t.db.kysely
      .updateTable('gazetteer_unit')
      .set({ valid_to: '2025-01-01' })
      .where('code', '=', '23020203')
      .execute();
    try {
      expect(await codes({ q: 'Thmei', within: '23' })).toEqual([]);
    } finally {
      await t.db.kysely
        .updateTable('gazetteer_unit')
        .set({ valid_to: null })
        .where('code', '=', '23020203')
        .execute();
    }
  });
});

describe('GET /api/gazetteer/search: bad input', () => {
  it('refuses an empty q', async () => {
    const { status, body } = await search({ q: '' });
    expect(status).toBe(400);
    expect(body.code).toBe('http.request.invalid');
  });

  it('refuses a missing q', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/gazetteer/search' });
    expect(response.statusCode).toBe(400);
    expect(response.json<Answer>().code).toBe('http.request.invalid');
  });

  it('takes 100 characters, refuses 101', async () => {
    expect((await search({ q: 'k'.repeat(100) })).status).toBe(200);
    const { status, body } = await search({ q: 'k'.repeat(101) });
    expect(status).toBe(400);
    expect(body.code).toBe('http.request.invalid');
  });

  it('refuses a within that is not a code, and a level out of range', async () => {
    expect((await search({ q: 'ក', within: '2' })).status).toBe(400);
    expect((await search({ q: 'ក', level: 5 })).status).toBe(400);
  });

  it('finds nothing, without an error, for invisible characters or punctuation only', async () => {
    expect(await codes({ q: '\u200b' })).toEqual([]);
    expect(await codes({ q: "'-." })).toEqual([]);
    expect(await codes({ q: '%' })).toEqual([]);
    expect(await codes({ q: 'ក%' })).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------

const COENG = 0x17d2;
const isMark = (cp: number) => cp >= 0x17b6 && cp <= 0x17dd && cp !== 0x17d4 && cp !== 0x17d5;

/**
 * The name as someone could have typed it: the marks of each syllable in a random order
 * (coeng + consonant kept together), and - if asked - a zero-width space between syllables.
 */
function scramble(name: string, randoms: Iterator<number>, zwsp: boolean): string {
  const chars = [...name].map((char) => char.codePointAt(0) ?? 0);
  const syllables: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const base = chars[i] ?? 0;
    i += 1;
    const units: string[] = [];
    while (i < chars.length && isMark(chars[i] ?? 0)) {
      const take = chars[i] === COENG ? 2 : 1;
      units.push(String.fromCodePoint(...chars.slice(i, i + take)));
      i += take;
    }
    for (let k = units.length - 1; k > 0; k -= 1) {
      const j = (randoms.next().value as number) % (k + 1);
      [units[k], units[j]] = [units[j] ?? '', units[k] ?? ''];
    }
    syllables.push(String.fromCodePoint(base) + units.join(''));
  }
  return syllables.join(zwsp ? '\u200b' : '');
}
