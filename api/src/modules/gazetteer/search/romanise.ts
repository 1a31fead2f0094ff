/**
 * A romanisation of Khmer names by the UNGEGN system (the United Nations recommended system,
 * resolution II/10 of 1972, which is the BGN/PCGN 1972 system, itself the Service Géographique
 * Khmère 1959 system modified). Sources of the table below: "Romanization of Khmer
 * (Cambodian), BGN/PCGN 1972 Agreement" (checked by BGN/PCGN, October 2017) and the UNGEGN
 * Working Group on Romanization Systems' report (version 2.2, January 2003), as tabulated in
 * the "Romanization of Khmer" reference pages. No npm library romanises Khmer by this system
 * (any-ascii and transliteration ignore the consonant series), hence the table as data here.
 *
 * Used for search only: a person who learnt "Kâmpóng Chhnăng" or "Phumĭ" finds the unit whose
 * official Latin name is "Kampong Chhnang" or "Phum". The output is shown beside a result that
 * it helped to find, never instead of the official Latin name.
 *
 * What is modelled: consonants and their series (â-series / ô-series), the series changed by a
 * cluster (a sonorant of the ô-series over a subscript of the â-series reads in the â-series)
 * and by the shifters ៉ and ៊, subscripts (coeng) in stacking order, dependent vowels whose
 * value depends on the series, the inherent vowel, independent vowels, the signs ំ ះ ៈ ់ ៍,
 * final consonants (a bare consonant after an open syllable closes it; a consonant over a
 * subscript after a bare syllable closes that syllable, its subscript starts the next one).
 * What is not: words whose pronunciation departs from their spelling (the system transliterates,
 * the official names sometimes transcribe) and the robat (dropped). Good enough for search.
 */
import { normaliseKhmer } from './normalise.ts';

// ------------------------------------------------------------------------------------ the table

type Series = 1 | 2;

/** Consonants: romanisation and series (1 = â-series, voiceless; 2 = ô-series, voiced). */
const CONSONANTS: Readonly<Record<string, readonly [string, Series]>> = {
  ក: ['k', 1],
  ខ: ['kh', 1],
  គ: ['k', 2],
  ឃ: ['kh', 2],
  ង: ['ng', 2],
  ច: ['ch', 1],
  ឆ: ['chh', 1],
  ជ: ['ch', 2],
  ឈ: ['chh', 2],
  ញ: ['nh', 2],
  ដ: ['d', 1],
  ឋ: ['th', 1],
  ឌ: ['d', 2],
  ឍ: ['th', 2],
  ណ: ['n', 1],
  ត: ['t', 1],
  ថ: ['th', 1],
  ទ: ['t', 2],
  ធ: ['th', 2],
  ន: ['n', 2],
  ប: ['b', 1],
  ផ: ['ph', 1],
  ព: ['p', 2],
  ភ: ['ph', 2],
  ម: ['m', 2],
  យ: ['y', 2],
  រ: ['r', 2],
  ល: ['l', 2],
  វ: ['v', 2],
  ឝ: ['s', 1],
  ឞ: ['s', 1],
  ស: ['s', 1],
  ហ: ['h', 1],
  ឡ: ['l', 1],
  អ: ["'", 1],
};

/** The sonorants of the ô-series: over a subscript of the â-series, the cluster reads in the â-series. */
const SONORANTS = new Set([...'ងញនមយរលវ']);

/** Dependent vowels: [â-series, ô-series]. */
const VOWELS: Readonly<Record<string, readonly [string, string]>> = {
  '': ['â', 'ô'], // the inherent vowel
  'ា': ['a', 'éa'],
  'ិ': ['ĕ', 'ĭ'],
  'ី': ['ei', 'i'],
  'ឹ': ['œ̆', 'œ̆'],
  'ឺ': ['œ', 'œ'],
  'ុ': ['ŏ', 'ŭ'],
  'ូ': ['o', 'u'],
  'ួ': ['uŏ', 'uŏ'],
  'ើ': ['aeu', 'eu'],
  'ឿ': ['œă', 'œă'],
  'ៀ': ['iĕ', 'iĕ'],
  'េ': ['é', 'é'],
  'ែ': ['ê', 'ê'],
  'ៃ': ['ai', 'ey'],
  'ោ': ['aô', 'ô'],
  'ៅ': ['au', 'âu'],
};

/** A vowel followed by a sign that closes it (nikahit ំ, reahmuk ះ, yuukaleapintu ៈ). */
const VOWEL_SIGNS: Readonly<Record<string, readonly [string, string]>> = {
  'ំ': ['âm', 'um'],
  'ុំ': ['om', 'um'],
  'ាំ': ['âm', 'ŏâm'],
  'ះ': ['ăh', 'eăh'],
  'ុះ': ['ŏh', 'ŭh'],
  'េះ': ['éh', 'éh'],
  'ោះ': ['aŏh', 'uŏh'],
  'ៈ': ['ă', 'ĕă'],
};

/** With bantak (់), which shortens the vowel of a closed syllable. */
const SHORTENED: Readonly<Record<string, readonly [string, string]>> = {
  '': ['ă', 'ó'],
  'ា': ['ă', 'ŏă'],
};

/** ាំ before a final consonant: ឆ្នាំង -> chhnăng. */
const NASALISED: Readonly<Record<string, readonly [string, string]>> = {
  '': ['ă', 'ŏ'],
  'ា': ['ă', 'eă'],
};

/** Independent vowels: a syllable by themselves. */
const INDEPENDENT_VOWELS: Readonly<Record<string, string>> = {
  ឥ: 'ĕ',
  ឦ: 'ei',
  ឧ: 'ŏ',
  ឨ: 'ŏk',
  ឩ: 'ŏ',
  ឪ: 'âu',
  ឫ: 'rœ̆',
  ឬ: 'rœ',
  ឭ: 'lœ̆',
  ឮ: 'lœ',
  ឯ: 'é',
  ឰ: 'ai',
  ឱ: 'aô',
  ឲ: 'aô',
  ឳ: 'âu',
};

/** Letters that close a syllable when written over a subscript: សង្កាត់, ចង្ហា, កណ្ដាល. */
const FINAL_NASALS = new Set([...'ងញណនមយរលវ']);

const COENG = '\u17d2';
const BANTAK = '\u17cb';
const MUUSIKATOAN = '\u17c9'; // ៉ : ô-series to â-series
const TRIISAP = '\u17ca'; // ៊ : â-series to ô-series
const TOANDAKHIAT = '\u17cd'; // ៍ : the letter under it is silent
const CLOSING_SIGNS = new Set(['ំ', 'ះ', 'ៈ']);

// --------------------------------------------------------------------------------- the algorithm

/** One written cluster: a base consonant, its subscripts, its vowel and its signs. */
interface Cluster {
  base: string;
  subscripts: string[];
  vowel: string;
  sign: string;
  bantak: boolean;
  shifter: string;
  silent: boolean;
}

function clusters(word: string): (Cluster | string)[] {
  const chars = [...word];
  const out: (Cluster | string)[] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] ?? '';
    i += 1;
    if (!(char in CONSONANTS)) {
      out.push(char); // an independent vowel, a digit, a Latin letter, a stray mark
      continue;
    }
    const cluster: Cluster = {
      base: char,
      subscripts: [],
      vowel: '',
      sign: '',
      bantak: false,
      shifter: '',
      silent: false,
    };
    while (i < chars.length) {
      const mark = chars[i] ?? '';
      if (mark === COENG && (chars[i + 1] ?? '') in CONSONANTS) {
        cluster.subscripts.push(chars[i + 1] ?? '');
        i += 2;
      } else if (mark in VOWELS) {
        cluster.vowel += mark;
        i += 1;
      } else if (CLOSING_SIGNS.has(mark)) {
        cluster.sign += mark;
        i += 1;
      } else if (mark === BANTAK) {
        cluster.bantak = true;
        i += 1;
      } else if (mark === MUUSIKATOAN || mark === TRIISAP) {
        cluster.shifter = mark;
        i += 1;
      } else if (mark === TOANDAKHIAT) {
        cluster.silent = true;
        i += 1;
      } else if (/[\u17b4-\u17dd]/u.test(mark)) {
        i += 1; // robat and the rarer signs: not romanised
      } else break;
    }
    out.push(cluster);
  }
  return out;
}

/** The series a syllable reads in: its first consonant's, or the cluster's, or the shifter's. */
function seriesOf(letters: string[], shifter: string): Series {
  const first = letters[0] ?? '';
  let series = CONSONANTS[first]?.[1] ?? 1;
  const second = letters[1];
  if (series === 2 && SONORANTS.has(first) && second !== undefined && CONSONANTS[second]?.[1] === 1)
    series = 1;
  if (series === 1 && first === 'ហ' && second !== undefined && SONORANTS.has(second)) series = 1;
  if (shifter === MUUSIKATOAN) series = 1;
  if (shifter === TRIISAP) series = 2;
  return series;
}

function consonants(letters: readonly string[], initial: boolean): string {
  return letters
    .map((letter, index) => {
      if (index > 0 && letter === 'ត' && letters[index - 1] !== 'ស') return 'd'; // ្ដ and ្ត are mixed: read as ដ
      if (letter === 'ប' && index === 0 && letters.length > 1) return 'p'; // ប្រ -> pr
      if (letter === 'អ' && initial && index === 0) return '';
      return CONSONANTS[letter]?.[0] ?? '';
    })
    .join('');
}

/** A syllable being built: its initial consonants, vowel, signs and final consonant. */
interface Syllable {
  initials: string[];
  shifter: string;
  vowel: string;
  sign: string;
  bantak: boolean;
  final: string;
  independent?: string;
}

function romaniseSyllable(syllable: Syllable, first: boolean): string {
  if (syllable.independent !== undefined)
    return syllable.independent + consonants(syllable.final ? [syllable.final] : [], false);
  const series = seriesOf(syllable.initials, syllable.shifter);
  const pick = (pair: readonly [string, string]): string => (series === 1 ? pair[0] : pair[1]);
  let nucleus: string;
  const withSign = VOWEL_SIGNS[syllable.vowel + syllable.sign];
  if (syllable.sign && withSign && !(syllable.final && syllable.sign === 'ំ')) nucleus = pick(withSign);
  else {
    const shortened = !syllable.final
      ? undefined
      : syllable.sign === 'ំ'
        ? NASALISED[syllable.vowel]
        : syllable.bantak
          ? SHORTENED[syllable.vowel]
          : undefined;
    nucleus = pick(shortened ?? VOWELS[syllable.vowel] ?? ['', '']);
    if (syllable.sign.includes('ំ') && !shortened) nucleus += 'm';
    if (syllable.sign.includes('ះ')) nucleus += 'h';
  }
  const final = syllable.final ? (CONSONANTS[syllable.final]?.[0] ?? '').replace("'", '') : '';
  return consonants(syllable.initials, first) + nucleus + final;
}

/** The syllables of one word (a run of Khmer without spaces), romanised and joined. */
function romaniseWord(word: string): string {
  const syllables: Syllable[] = [];
  const others: string[] = [];
  let out = '';
  const flush = () => {
    out += syllables.map((syllable, index) => romaniseSyllable(syllable, index === 0 && out === '')).join('');
    syllables.length = 0;
  };
  const items = clusters(word);
  for (const [index, item] of items.entries()) {
    if (typeof item === 'string') {
      const independent = INDEPENDENT_VOWELS[item];
      if (independent !== undefined) {
        syllables.push({
          initials: [],
          shifter: '',
          vowel: '',
          sign: '',
          bantak: false,
          final: '',
          independent,
        });
        continue;
      }
      flush();
      out += /[\u1780-\u17ff]/u.test(item) ? '' : item;
      others.push(item);
      continue;
    }
    const previous = syllables.at(-1);
    // Open: no final yet, and no sign that closes it (ំ takes a final: ាំង -> ăng).
    const open =
      previous !== undefined &&
      previous.final === '' &&
      (previous.sign === '' || (previous.sign === 'ំ' && item.base === 'ង'));
    const bare = item.vowel === '' && item.sign === '';
    if (item.silent) {
      if (previous) previous.bantak ||= item.bantak;
      continue;
    }
    const next = items[index + 1];
    // ...unless a nasal over a subscript follows, which closes this one instead (ព្រៃ ចង្ហា).
    const nextClosesThis =
      typeof next === 'object' &&
      next.subscripts.length > 0 &&
      FINAL_NASALS.has(next.base) &&
      previous?.vowel !== '';
    if (open && bare && item.subscripts.length === 0 && !nextClosesThis) {
      // A bare consonant after an open syllable closes it: ចាម -> cha + m.
      previous.final = item.base;
      previous.bantak ||= item.bantak;
      continue;
    }
    if (
      open &&
      previous.vowel === '' &&
      previous.sign === '' &&
      previous.independent === undefined &&
      item.subscripts.length > 0
    ) {
      // After a bare syllable, a consonant over a subscript closes it and the subscript starts
      // the next one: កណ្ដាល -> kân + dal, សង្កាត់ -> sâng + kat.
      previous.final = item.base;
      const [head = '', ...rest] = item.subscripts;
      syllables.push({
        // ្ដ and ្ត are mixed in sources (and the normaliser keeps ្ត): read as ដ, as BGN/PCGN advises.
        initials: [head === 'ត' && item.base !== 'ស' ? 'ដ' : head, ...rest],
        shifter: item.shifter,
        vowel: item.vowel,
        sign: item.sign,
        bantak: item.bantak,
        final: '',
      });
      continue;
    }
    syllables.push({
      initials: [item.base, ...item.subscripts],
      shifter: item.shifter,
      vowel: item.vowel,
      sign: item.sign,
      bantak: item.bantak,
      final: '',
    });
  }
  flush();
  return out;
}

/**
 * The UNGEGN romanisation of a Khmer name, with its diacritics, words capitalised:
 * "កំពង់ចាម" -> "Kâmpóngcham", "ភ្នំពេញ" -> "Phnumpénh", "ព្រៃ ធំ" -> "Prey Thum". Khmer
 * writes no spaces between words, so a name without spaces gives one word. Latin letters and
 * digits in the name are kept; anything else (punctuation) separates words.
 */
export function romaniseKhmer(text: string): string {
  // The search normaliser's canonical order (marks of a syllable, coeng + RO last) makes the
  // parse above simple; spaces are read from the text as written, which normaliseKhmer drops.
  return text
    .split(/[\s\u200b]+/u)
    .map((word) => romaniseWord(normaliseKhmer(word)))
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
