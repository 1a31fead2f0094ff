/**
 * Search keys: the one normalisation that the gazetteer's search index, its queries and the
 * import all use, so that a name stored one way is found when typed another way. Pure
 * functions, no I/O. A key is for matching only: it is never shown, and the stored name keeps
 * the spelling of its source.
 *
 * Changing a rule changes keys already stored: bump NORMALISER_VERSION with it, and the next
 * start recomputes every key (the version is part of the hash kept beside each key).
 */

// 2: romanised keys are folded (foldLatin) and each unit has an UNGEGN romanisation (romanise.ts).
export const NORMALISER_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Khmer
// ---------------------------------------------------------------------------------------------

const COENG = 0x17d2;
const RO = 0x179a;
const DA = 0x178a;
const TA = 0x178f;

/** Consonants ក..អ, the letters that can follow a coeng as a subscript. */
const isConsonant = (cp: number) => cp >= 0x1780 && cp <= 0x17a2;
/** A syllable starts with a consonant or an independent vowel (ឥ..ឳ). */
const isBase = (cp: number) => cp >= 0x1780 && cp <= 0x17b3;

// The classes of the marks that follow a base, in their canonical order. Subscripts come first
// because they sit on the base; coeng + RO comes last among them (Unicode's Khmer section and
// khnormal agree: ស្ត្រ is ស ្ត ្រ, never ស ្រ ្ត, although both render the same).
const MarkClass = { Subscript: 1, SubscriptRo: 2, Shifter: 3, Robat: 4, Vowel: 5, Sign: 6 } as const;
type MarkClass = (typeof MarkClass)[keyof typeof MarkClass];

function markClass(cp: number): MarkClass | undefined {
  if (cp === COENG) return MarkClass.Subscript; // refined to SubscriptRo by the parser
  if (cp === 0x17c9 || cp === 0x17ca) return MarkClass.Shifter; // ៉ MUUSIKATOAN, ៊ TRIISAP
  if (cp === 0x17cc) return MarkClass.Robat; // ៌
  if (cp >= 0x17b6 && cp <= 0x17c5) return MarkClass.Vowel; // ា .. ៅ
  // ំ NIKAHIT, ះ REAHMUK, ៈ YUUKALEAPINTU, ់ BANTOC, ៍ ៎ ៏ ័ ៑, ៓ BATHAMASAT, ៝ ATTHACAN
  if (cp === 0x17c6 || cp === 0x17c7 || cp === 0x17c8 || cp === 0x17cb) return MarkClass.Sign;
  if ((cp >= 0x17cd && cp <= 0x17d1) || cp === 0x17d3 || cp === 0x17dd) return MarkClass.Sign;
  return undefined;
}

/** One reorderable piece of a syllable: a single mark, or coeng + its consonant. */
interface MarkUnit {
  cls: MarkClass;
  cps: number[];
}

// Invisible characters that only carry line-breaking or joining hints: U+200B ZERO WIDTH SPACE
// (the word break of Khmer text), U+200C ZWNJ, U+200D ZWJ, U+FEFF (a BOM or old word joiner).
// U+17B4 and U+17B5 are the "inherent vowels" Unicode deprecates: invisible, so never typed on
// purpose. Whitespace goes too: Khmer does not separate words, and sources disagree on spaces.
// (An alternation, not a class: a class holding ZWJ reads as one joined character to linters.)
const DROPPED = /\u200b|\u200c|\u200d|\ufeff|\u17b4|\u17b5|\s/gu;
// Combining marks of other scripts left on their own after NFC (an accent pasted after a Khmer
// letter): noise in a Khmer key, and they would take part in NFC's reordering around a coeng.
const FOREIGN_MARKS = /(?![\u1780-\u17ff])\p{M}/gu;
const ATTHACAN = 0x17dd;

/** Characters replaced before parsing: Khmer digits, deprecated independent vowels. */
function mapCodePoint(cp: number): number[] {
  if (cp >= 0x17e0 && cp <= 0x17e9) return [cp - 0x17e0 + 0x30]; // ០..៩ -> 0..9
  if (cp === 0x17a3) return [0x17a2]; // ឣ (deprecated QAQ) -> អ
  if (cp === 0x17a4) return [0x17a2, 0x17b6]; // ឤ (deprecated QAA) -> អា, as Unicode advises
  return [cp];
}

/**
 * The vowels of one syllable, as one canonical sequence. Two vowels typed for a compound one
 * compose (they look the same): េ + ី -> ើ (U+17C1 U+17B8 -> U+17BE), េ + ា -> ោ (U+17C1 U+17B6
 * -> U+17C4), in either order, since the pre-base េ is drawn on the left whatever was typed
 * first; ើ + ា, which looks like ោ + ី, becomes ោ + ី (khnormal's rule). The rest is sorted by
 * code point and duplicates dropped (the same mark twice is drawn on top of itself).
 */
function canonicalVowels(vowels: number[]): number[] {
  const bag = [...new Set(vowels)];
  const take = (a: number, b: number, into: number[]): boolean => {
    const ia = bag.indexOf(a);
    const ib = bag.indexOf(b);
    if (ia < 0 || ib < 0) return false;
    bag.splice(Math.max(ia, ib), 1);
    bag.splice(Math.min(ia, ib), 1);
    for (const cp of into) if (!bag.includes(cp)) bag.push(cp);
    return true;
  };
  // Repeat: one composition can enable another (េ + ី + ា -> ើ + ា -> ោ + ី).
  let composed = true;
  while (composed) {
    composed =
      take(0x17c1, 0x17b8, [0x17be]) ||
      take(0x17c1, 0x17b6, [0x17c4]) ||
      take(0x17be, 0x17b6, [0x17c4, 0x17b8]);
  }
  return bag.sort((a, b) => a - b);
}

/**
 * Puts the marks of one syllable in canonical order: subscripts (in the order typed, which is
 * the stacking order, coeng + RO moved last), then register shifters, robat, vowels, signs.
 * Shifters, robat and signs are sorted by code point and deduplicated like vowels: marks in
 * different places around the base look the same whatever order they were typed in.
 */
function canonicalMarks(units: MarkUnit[]): number[] {
  const subscripts = units.filter((unit) => unit.cls === MarkClass.Subscript);
  const ros = units.filter((unit) => unit.cls === MarkClass.SubscriptRo);
  const single = (cls: MarkClass) =>
    [...new Set(units.filter((unit) => unit.cls === cls).map((unit) => unit.cps[0] ?? 0))].sort(
      (a, b) => a - b,
    );
  return [
    ...subscripts.flatMap((unit) => unit.cps),
    ...ros.flatMap((unit) => unit.cps),
    ...single(MarkClass.Shifter),
    ...single(MarkClass.Robat),
    ...canonicalVowels(units.filter((unit) => unit.cls === MarkClass.Vowel).map((unit) => unit.cps[0] ?? 0)),
    ...single(MarkClass.Sign),
  ];
}

/**
 * The search key of a Khmer text. Rules, in order:
 *
 * 0. NFC (Khmer has no compositions; this is for the other characters a name may hold).
 * 1. Dropped: U+200B/U+200C/U+200D/U+FEFF, the invisible vowels U+17B4/U+17B5, all whitespace,
 *    combining marks of other scripts.
 *    "ដំណាក់\u200bចង្អើរ" and "ដំណាក់ ចង្អើរ" -> "ដំណាក់ចង្អើរ".
 * 2. Mapped: Khmer digits to ASCII ("ភូមិ១" -> "ភូមិ1"); ឣ (U+17A3) -> អ; ឤ (U+17A4) -> អា.
 * 3. Each orthographic syllable - a base (consonant or independent vowel), or nothing at the
 *    start of the text, followed by its run of dependent marks - has its marks reordered into
 *    one canonical order: base, subscripts (coeng + consonant, kept in typed order, coeng + RO
 *    last), register shifters, robat, vowels, signs. So "ក ា ំ" and "ក ំ ា" (both កាំ), or
 *    "ស ្រ ្ត ី" and "ស ្ត ្រ ី" (both ស្ត្រី), give one key. Within shifters, robat, vowels and
 *    signs the order is by code point and a repeated mark counts once; compound vowels typed as
 *    two compose (see canonicalVowels). Several coengs in a row count as one; a coeng with no
 *    consonant after it is dropped, unless it ends the text (a type-ahead "ស្"), where it stays.
 * 4. Coeng DA (U+17D2 U+178A) -> coeng TA (U+17D2 U+178F): the two subscripts are drawn alike in
 *    common fonts and sources mix them (កណ្ដាល / កណ្តាល, Kandal).
 * 5. Latin letters in the text are lower-cased (and the result is in NFC: the canonical order
 *    above never puts U+17DD, combining class 230, in front of a coeng, class 9). NFC's own
 *    reordering at step 0 can put a coeng between U+17DD and the consonant it subscripts
 *    ("ក ៝ ្ ខ" -> "ក ្ ៝ ខ"); step 3 looks past U+17DD for that consonant.
 *
 * Idempotent: normaliseKhmer(normaliseKhmer(x)) === normaliseKhmer(x) (tested with generated
 * input, as are the invariance under U+200B and under reordering the marks of a syllable).
 */
export function normaliseKhmer(text: string): string {
  const cps: number[] = [];
  for (const char of text.normalize('NFC').replace(DROPPED, '').replace(FOREIGN_MARKS, ''))
    cps.push(...mapCodePoint(char.codePointAt(0) ?? 0));

  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    const cp = cps[i] ?? 0;
    const startsSyllable = isBase(cp);
    if (!startsSyllable && markClass(cp) === undefined) {
      out.push(cp);
      i += 1;
      continue;
    }
    // A syllable: the base (if any; marks with no base before them are still put in order,
    // so that the key of a text that starts with a stray mark is stable too), then its marks.
    if (startsSyllable) {
      out.push(cp);
      i += 1;
    }
    const units: MarkUnit[] = [];
    let trailingCoeng = false;
    while (i < cps.length) {
      const mark = cps[i] ?? 0;
      const cls = markClass(mark);
      if (cls === undefined) break;
      if (mark === COENG) {
        // Coeng, coeng, ... counts as one; what follows it, if a consonant, is its subscript.
        while (cps[i + 1] === COENG) i += 1;
        // NFC (step 0) moves an ATTHACAN typed before a coeng + consonant in between the two
        // (combining classes 230 and 9): look past it for the consonant, and keep it as a sign.
        let ahead = i + 1;
        while (cps[ahead] === ATTHACAN) ahead += 1;
        const next = cps[ahead];
        if (next !== undefined && isConsonant(next)) {
          for (let skipped = i + 1; skipped < ahead; skipped += 1)
            units.push({ cls: MarkClass.Sign, cps: [ATTHACAN] });
          const letter = next === DA ? TA : next;
          units.push({
            cls: letter === RO ? MarkClass.SubscriptRo : MarkClass.Subscript,
            cps: [COENG, letter],
          });
          i = ahead + 1;
        } else {
          // A coeng with no consonant after it. At the very end of the text it is what was
          // typed so far ("ស្" on the way to "ស្រុក") and stays, as the syllable's last mark;
          // anywhere else it is invisible noise, dropped: kept in the middle, reordering
          // could bring it in front of a consonant and change the next normalisation.
          if (i + 1 === cps.length) trailingCoeng = true;
          i += 1;
        }
        continue;
      }
      units.push({ cls, cps: [mark] });
      i += 1;
    }
    out.push(...canonicalMarks(units));
    // Only after a base and its subscripts: after a vowel or a sign the coeng would not be
    // stable (NFC would move it before an ATTHACAN), and nobody types one there on purpose.
    const onlySubscripts = units.every(
      (unit) => unit.cls === MarkClass.Subscript || unit.cls === MarkClass.SubscriptRo,
    );
    if (trailingCoeng && onlySubscripts) out.push(COENG);
  }
  return String.fromCodePoint(...out)
    .toLowerCase()
    .normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Latin (romanised names)
// ---------------------------------------------------------------------------------------------

// Letters that NFKD does not decompose into a base letter and a mark.
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * The search key of a romanised name: NFKD, combining marks (diacritics) removed, lower-cased,
 * a few letters without a decomposition mapped (đ -> d, ø -> o, ß -> ss, ...), then everything
 * that is not a letter or a digit removed - apostrophes, hyphens, dots, spaces of any kind and
 * number. Romanisations differ in exactly these: "Damnak Chang'aeur" and "damnak changaeur"
 * -> "damnakchangaeur"; "Kâmpóng Chăm" -> "kampongcham"; "Angk  Romeas" -> "angkromeas".
 */
export function normaliseLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðøłßæœı]/gu, (letter) => LATIN_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

// Words spelt differently by different romanisations, and the spelling their keys use. The
// official NCDD names write "Kampong" and "Preah"; French-era maps "Kompong", "Prah"; road
// signs and lists abbreviate "Kg.".
const WORD_VARIANTS: Readonly<Record<string, string>> = {
  kg: 'kampong',
  kompong: 'kampong',
  kamphong: 'kampong',
  kampung: 'kampong',
  prah: 'preah',
  phnom: 'phnum',
};

/**
 * The folded key of a romanised name: normaliseLatin (no case, diacritics, spaces or
 * punctuation), after whole words spelt by another system are mapped (Kompong, Kg. ->
 * kampong; Prah -> preah; Phnom -> phnum), then the spellings romanisations disagree on made
 * one: a doubled letter counts once (so Chh = Ch, Tt = T), "ou" -> "o", "ae" -> "e". The same
 * function folds the indexed names and the query, so "Kâmpóng Chhnăng", "Kompong Chnang" and
 * "kg chhnang" all give "kampongchnang".
 *
 * While typing, the last word may be cut short: `partial` also maps a word that starts a
 * variant but not its canonical spelling ("komp" -> "kamp", from 4 letters on), so that type-ahead in the other
 * spelling finds the name before the word is finished.
 */
export function foldLatin(text: string, partial = false): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const mapped = words.map((word, index) => {
    const variant = WORD_VARIANTS[word];
    if (variant !== undefined) return variant;
    if (partial && index === words.length - 1 && word.length >= 4) {
      for (const [spelling, canonical] of Object.entries(WORD_VARIANTS)) {
        if (spelling.startsWith(word) && !canonical.startsWith(word)) return canonical.slice(0, word.length);
      }
    }
    return word;
  });
  return normaliseLatin(mapped.join(' '))
    .replace(/(.)\1+/gu, '$1')
    .replace(/ou/gu, 'o')
    .replace(/ae/gu, 'e');
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

const KHMER_DIGITS = /[\u17e0-\u17e9]/gu;

function asciiDigits(text: string): string {
  return text.replace(KHMER_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) - 0x17e0));
}

/**
 * An NCDD code as typed or printed: Khmer digits to ASCII, spaces (and the separators some
 * listings print) removed, and - since several public datasets print codes without their
 * leading zero - a 1, 3, 5 or 7-digit code padded to 2, 4, 6 or 8: "១០២" -> "0102", "7" -> "07".
 */
export function normaliseCode(text: string): string {
  const digits = asciiDigits(text).replace(/[\s.\-_/]/gu, '');
  return /^[0-9]{1,7}$/.test(digits) && digits.length % 2 === 1 ? `0${digits}` : digits;
}

/**
 * The code prefixes a typed code may mean. An odd number of digits is ambiguous while typing:
 * "102" is 0102 printed without its zero, or the start of 1020..1029. Both are searched.
 */
export function codePrefixes(text: string): string[] {
  const raw = asciiDigits(text).replace(/[\s.\-_/]/gu, '');
  return [...new Set([normaliseCode(raw), raw])].filter((prefix) => prefix.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Which key a query uses
// ---------------------------------------------------------------------------------------------

export type QueryScript = 'khmer' | 'code' | 'latin';

/** Any Khmer letter or mark means a Khmer query; only digits (either script) mean a code. */
export function queryScript(text: string): QueryScript {
  if (/[\u1780-\u17dd\u19e0-\u19ff]/u.test(text)) return 'khmer';
  if (/^[\s0-9\u17e0-\u17e9]+$/u.test(text)) return 'code';
  return 'latin';
}
