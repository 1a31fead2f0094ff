import { describe, expect, it } from 'vitest';
import { foldLatin } from './normalise.ts';
import { romaniseKhmer } from './romanise.ts';

describe('romaniseKhmer (UNGEGN)', () => {
  it.each([
    // The province names, against the UNGEGN romanisations published for them.
    ['កំពង់ចាម', 'Kâmpóngcham'],
    ['កំពង់ឆ្នាំង', 'Kâmpóngchhnăng'],
    ['ភ្នំពេញ', 'Phnumpénh'],
    ['សៀមរាប', 'Siĕmréab'],
    ['កណ្ដាល', 'Kândal'],
    ['កណ្តាល', 'Kândal'], // coeng TA for coeng DA, as sources mix them
    ['បាត់ដំបង', 'Bătdâmbâng'],
    ['ក្រចេះ', 'Krâchéh'],
    ['ស្ទឹងត្រែង', 'Stœ̆ngtrêng'],
    ['ព្រះវិហារ', 'Preăhvĭhar'],
    ['ស្វាយរៀង', 'Svayriĕng'],
    ['តាកែវ', 'Takêv'],
    ['កោះកុង', 'Kaŏhkŏng'],
  ])('%s -> %s', (khmer, latin) => {
    expect(romaniseKhmer(khmer)).toBe(latin);
  });

  it('reads the vowels by the series of the consonant (and of the cluster)', () => {
    // ា: a after an â-series consonant, éa after an ô-series one.
    expect(romaniseKhmer('កា')).toBe('Ka');
    expect(romaniseKhmer('គា')).toBe('Kéa');
    // ៃ: ai / ey; a shifter changes the series (ប៉ៃ reads in the â-series anyway, ម៉ៃ too).
    expect(romaniseKhmer('ព្រៃ')).toBe('Prey');
    expect(romaniseKhmer('ម៉ៃ')).toBe('Mai');
    // The inherent vowel: â / ô.
    expect(romaniseKhmer('ក')).toBe('Kâ');
    expect(romaniseKhmer('គ')).toBe('Kô');
  });

  it('closes a syllable with a bare consonant, and a nasal over a subscript', () => {
    expect(romaniseKhmer('ចាម')).toBe('Cham');
    expect(romaniseKhmer('ចង្អើរ')).toBe("Châng'aeur");
    expect(romaniseKhmer('ព្រៃចង្ហា')).toBe('Preychângha');
  });

  it('keeps the words of a name written with spaces, and independent vowels', () => {
    expect(romaniseKhmer('ព្រៃ ធំ')).toBe('Prey Thum');
    expect(romaniseKhmer('ឧត្តរមានជ័យ').startsWith('Ŏ')).toBe(true);
    expect(romaniseKhmer('ភូមិ១')).toBe('Phumĭ1');
  });
});

describe('foldLatin', () => {
  it.each([
    ['Kampong Cham', 'kampongcham'],
    ['Kompong Cham', 'kampongcham'],
    ['Kâmpóng Cham', 'kampongcham'],
    ['Kg. Cham', 'kampongcham'],
    ['kampong-cham', 'kampongcham'],
    ['Prah Vihear', 'preahvihear'],
    ['Preah Vihear', 'preahvihear'],
    ['Kampong Chhnang', 'kampongchnang'],
    ['Kampong Chnang', 'kampongchnang'],
    ['Kouk', 'kok'],
    ['Kaeb', 'keb'],
    ['Battambang', 'batambang'],
    ['Phnom Penh', 'phnumpenh'],
  ])('%s -> %s', (typed, folded) => {
    expect(foldLatin(typed)).toBe(folded);
  });

  it('folds the last word while it is typed, from 4 letters on', () => {
    expect(foldLatin('Komp', true)).toBe('kamp');
    expect(foldLatin('Kom', true)).toBe('kom');
    expect(foldLatin('Komp')).toBe('komp');
  });
});
