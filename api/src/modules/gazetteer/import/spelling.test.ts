import { describe, expect, it } from 'vitest';
import { sameSpelling } from './spelling.ts';

describe('sameSpelling', () => {
  it('takes spelling variants of the official sources for one name', () => {
    expect(sameSpelling('km', 'កណ្ដាល', 'កណ្តាល')).toBe(true); // subscript ដ / ត
    expect(sameSpelling('km', 'ភូមិ\u200bថ្មី', 'ភូមិថ្មី')).toBe(true); // zero-width space
    expect(sameSpelling('latin', 'Kratie', 'Kratié')).toBe(true);
    expect(sameSpelling('latin', 'Mondul Kiri', 'Mondulkiri')).toBe(true);
    expect(sameSpelling('latin', 'Ratanak Kiri', 'Ratanakiri')).toBe(true);
    expect(sameSpelling('latin', 'wat Kor', 'Wat Kor')).toBe(true);
  });

  it('keeps real renames apart', () => {
    expect(sameSpelling('km', 'សូរសែន្យ', 'សូរ្យសែន')).toBe(false);
    expect(sameSpelling('latin', 'Kep', 'Kaeb')).toBe(false);
    expect(sameSpelling('latin', 'Mongkol Borey', 'Mongkol Borei')).toBe(false);
    expect(sameSpelling('latin', 'Ou Mal', 'OMal')).toBe(false);
    expect(sameSpelling('latin', 'Buon Roy Muoy', 'Muoy Roy Buon')).toBe(false);
  });
});
