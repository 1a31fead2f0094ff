import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePrefixes, normaliseCode, normaliseKhmer, normaliseLatin, queryScript } from './normalise.ts';

/** Code points as text, so that a failing comparison shows what the eye cannot. */
const cps = (text: string) =>
  [...text].map((char) => (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')).join(' ');

const COENG = '\u17d2';
const ZWSP = '\u200b';

describe('normaliseKhmer: fixed examples', () => {
  it.each([
    ['removes zero-width spaces, joiners, BOM and spaces', 'ដំណាក់\u200bចង្អើរ', 'ដំណាក់ចង្អើរ'],
    ['… of every kind', 'ដំណាក់ \u200c\u200d\ufeffចង្អើរ\u00a0', 'ដំណាក់ចង្អើរ'],
    ['turns Khmer digits into ASCII', 'ភូមិ១២', 'ភូមិ12'],
    ['vowel and sign in either order (កាំ)', 'ក\u17c6\u17b6', 'ក\u17b6\u17c6'],
    [
      'coeng RO last among subscripts (ស្ត្រី)',
      'ស\u17d2\u179a\u17d2\u178f\u17b8',
      'ស\u17d2\u178f\u17d2\u179a\u17b8',
    ],
    ['subscript before the vowel (ព្រៃ)', 'ព\u17c3\u17d2\u179a', 'ព\u17d2\u179a\u17c3'],
    ['subscript before a register shifter (ប៊្រ…)', 'ប\u17ca\u17d2\u179a', 'ប\u17d2\u179a\u17ca'],
    ['shifter before the vowel (ប៉ៃលិន)', 'ប\u17c3\u17c9លិន', 'ប\u17c9\u17c3លិន'],
    ['robat before the vowel', 'ធ\u17b6\u17cc', 'ធ\u17cc\u17b6'],
    ['េ + ី compose to ើ', 'ចង្អ\u17c1\u17b8រ', 'ចង្អ\u17beរ'],
    ['ី + េ compose to ើ too', 'ចង្អ\u17b8\u17c1រ', 'ចង្អ\u17beរ'],
    ['េ + ា compose to ោ', 'ក\u17c1\u17b6ះ', 'ក\u17c4ះ'],
    ['ើ + ា becomes ោ + ី', 'ក\u17be\u17b6', 'ក\u17b8\u17c4'],
    ['deprecated ឣ becomes អ', '\u17a3ង្កោល', 'អង្កោល'],
    ['deprecated ឤ becomes អា', '\u17a4', 'អ\u17b6'],
    ['invisible inherent vowels are dropped', 'ក\u17b4ែ\u17b5ប', 'កែប'],
    ['coeng DA and coeng TA are one (កណ្ដាល / កណ្តាល)', 'កណ\u17d2\u178aាល', 'កណ\u17d2\u178fាល'],
    ['a doubled mark counts once', 'ក\u17c6\u17c6', 'ក\u17c6'],
    ['a doubled coeng counts once', 'ក\u17d2\u17d2រ', 'ក\u17d2រ'],
    ['a coeng ending the text stays (type-ahead)', 'ស\u17d2', 'ស\u17d2'],
    ['a coeng with nothing to subscript inside the text goes', 'ក\u17d2\u17b6ខ', 'ក\u17b6ខ'],
    ['Latin letters inside are lower-cased', 'ភូមិ A', 'ភូមិa'],
  ])('%s', (_rule, input, expected) => {
    expect(cps(normaliseKhmer(input))).toBe(cps(expected));
  });

  it('leaves an already canonical name alone (the official spellings of Kep)', () => {
    for (const name of ['កែប', 'ដំណាក់ចង្អើរ', 'អង្កោល', 'ព្រៃធំ', 'អូរក្រសារ', 'កែវក្រសាំង', 'ទួលសាងាំ'])
      expect(cps(normaliseKhmer(name))).toBe(cps(name));
  });
});

// -------------------------------------------------------------------------------------------
// Generated input
// -------------------------------------------------------------------------------------------

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));

const CONSONANTS = range(0x1780, 0x17a2);
const NON_RO_CONSONANTS = CONSONANTS.filter((char) => char !== 'រ');
const INDEPENDENT_VOWELS = range(0x17a5, 0x17b3);
const SHIFTERS = ['\u17c9', '\u17ca'];
const ROBAT = '\u17cc';
const VOWELS = range(0x17b6, 0x17c5);
const SIGNS = ['\u17c6', '\u17c7', '\u17c8', '\u17cb', ...range(0x17cd, 0x17d1), '\u17dd'];

/**
 * One orthographic syllable as reorderable units: a base and a valid set of marks - at most one
 * ordinary subscript, at most one coeng RO, at most one shifter, a robat or not, one vowel (or
 * a compound vowel typed as two), up to two different signs. Coeng + consonant is one unit.
 */
const syllable = fc
  .record({
    base: fc.constantFrom(...CONSONANTS, ...INDEPENDENT_VOWELS),
    subscript: fc.option(fc.constantFrom(...NON_RO_CONSONANTS), { nil: undefined }),
    ro: fc.boolean(),
    shifter: fc.option(fc.constantFrom(...SHIFTERS), { nil: undefined }),
    robat: fc.boolean(),
    vowels: fc.constantFrom<string[]>(
      [],
      ...VOWELS.map((vowel) => [vowel]),
      ['\u17c1', '\u17b8'],
      ['\u17c1', '\u17b6'],
    ),
    signs: fc.uniqueArray(fc.constantFrom(...SIGNS), { maxLength: 2 }),
  })
  .map(({ base, subscript, ro, shifter, robat, vowels, signs }) => ({
    base,
    marks: [
      ...(subscript ? [COENG + subscript] : []),
      ...(ro ? [COENG + 'រ'] : []),
      ...(shifter ? [shifter] : []),
      ...(robat ? [ROBAT] : []),
      ...vowels,
      ...signs,
    ],
  }));

/** A syllable and a permutation of its marks. */
const permutedSyllable = syllable.chain((syl) =>
  fc
    .shuffledSubarray(syl.marks, { minLength: syl.marks.length, maxLength: syl.marks.length })
    .map((shuffled) => ({ typed: syl.base + syl.marks.join(''), permuted: syl.base + shuffled.join('') })),
);

/** Any text a user or a file might hold: Khmer of the whole block, invisible characters, Latin, spaces. */
const anyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...range(0x1780, 0x17ff)),
      fc.constantFrom(ZWSP, '\u200c', '\u200d', '\ufeff', ' ', '\u00a0'),
      fc.constantFrom('a', 'B', 'é', '1', '-', "'"),
    ),
    { maxLength: 30 },
  )
  .map((chars) => chars.join(''));

describe('normaliseKhmer: properties', () => {
  it('is idempotent, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normaliseKhmer(text);
        expect(cps(normaliseKhmer(once))).toBe(cps(once));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on words made of valid syllables', () => {
    fc.assert(
      fc.property(fc.array(permutedSyllable, { minLength: 1, maxLength: 5 }), (syllables) => {
        const once = normaliseKhmer(syllables.map((syl) => syl.permuted).join(''));
        expect(cps(normaliseKhmer(once))).toBe(cps(once));
      }),
    );
  });

  it('ignores zero-width spaces wherever they are inserted or removed', () => {
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (syllables, positions) => {
          const text = syllables.map((syl) => syl.base + syl.marks.join('')).join('');
          const chars = [...text];
          for (const position of positions) chars.splice(position % (chars.length + 1), 0, ZWSP);
          const withSpaces = chars.join('');
          expect(cps(normaliseKhmer(withSpaces))).toBe(cps(normaliseKhmer(text)));
          expect(cps(normaliseKhmer(withSpaces.replaceAll(ZWSP, '')))).toBe(cps(normaliseKhmer(text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives every order of the marks of a syllable the same key', () => {
    fc.assert(
      fc.property(fc.array(permutedSyllable, { minLength: 1, maxLength: 4 }), (syllables) => {
        const typed = syllables.map((syl) => syl.typed).join('');
        const permuted = syllables.map((syl) => syl.permuted).join('');
        expect(cps(normaliseKhmer(permuted))).toBe(cps(normaliseKhmer(typed)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a prefix of a canonical word a prefix of its key (type-ahead)', () => {
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 4 }), fc.nat(), (syllables, cut) => {
        const key = normaliseKhmer(syllables.map((syl) => syl.base + syl.marks.join('')).join(''));
        // Whole syllables typed so far, in canonical order, are a prefix of the key.
        const typedSoFar = normaliseKhmer(
          syllables
            .slice(0, (cut % syllables.length) + 1)
            .map((syl) => syl.base + syl.marks.join(''))
            .join(''),
        );
        expect(key.startsWith(typedSoFar)).toBe(true);
      }),
    );
  });
});

describe('normaliseLatin', () => {
  it.each([
    ["Damnak Chang'aeur", 'damnakchangaeur'],
    ['damnak changaeur', 'damnakchangaeur'],
    ['Damnak Chang’aeur', 'damnakchangaeur'],
    ['Kâmpóng Chăm', 'kampongcham'],
    ['KAMPOT', 'kampot'],
    ['Kâmpôt', 'kampot'],
    ['Angk  Romeas', 'angkromeas'],
    ['Preah-Sihanouk.', 'preahsihanouk'],
    ['Đồng', 'dong'],
    ['Phum 1', 'phum1'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseLatin(input)).toBe(expected);
  });

  it('is idempotent and has only lower-case letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const once = normaliseLatin(text);
        expect(normaliseLatin(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(/[\s'’.-]/u.test(once)).toBe(false);
      }),
    );
  });
});

describe('normaliseCode and codePrefixes', () => {
  it.each([
    ['07', '07'],
    ['7', '07'],
    ['៧', '07'],
    ['០៧', '07'],
    ['102', '0102'],
    ['១០២', '0102'],
    ['10201', '010201'],
    ['1020101', '01020101'],
    ['01 02 01', '010201'],
    ['2302', '2302'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseCode(input)).toBe(expected);
  });

  it('searches an odd number of digits both padded and as typed', () => {
    expect(codePrefixes('102')).toEqual(['0102', '102']);
    expect(codePrefixes('2302')).toEqual(['2302']);
    expect(codePrefixes('២៣')).toEqual(['23']);
  });
});

describe('queryScript', () => {
  it.each([
    ['កែប', 'khmer'],
    ['ភូមិ១', 'khmer'],
    ['\u17d2', 'khmer'],
    ['០៧', 'code'],
    ['2302', 'code'],
    ['23 02', 'code'],
    ['Kep', 'latin'],
    ['Phum 1', 'latin'],
    ['\u200b', 'latin'],
  ] as const)('%s is %s', (input, script) => {
    expect(queryScript(input)).toBe(script);
  });
});
