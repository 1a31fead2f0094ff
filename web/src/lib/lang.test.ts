import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLanguage, readStorage, writeStorage } from './lang.ts';
import { resolveKhmerDigits } from './settings.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('detectLanguage', () => {
  it('picks Khmer when nothing is stored', () => {
    expect(detectLanguage(null)).toBe('km');
    expect(detectLanguage(undefined)).toBe('km');
  });

  it('honours a stored choice', () => {
    expect(detectLanguage('en')).toBe('en');
    expect(detectLanguage('km')).toBe('km');
  });

  it('ignores values it does not know', () => {
    expect(detectLanguage('fr')).toBe('km');
    expect(detectLanguage('EN')).toBe('km');
  });
});

describe('storage helpers', () => {
  it('survive a storage that throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(readStorage('sndd.lang')).toBeNull();
    expect(() => writeStorage('sndd.lang', 'en')).not.toThrow();
  });

  it('return null without any storage (node)', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(readStorage('sndd.lang')).toBeNull();
  });
});

describe('resolveKhmerDigits', () => {
  it('follows the language until the user chooses', () => {
    expect(resolveKhmerDigits(null, 'km')).toBe(true);
    expect(resolveKhmerDigits(null, 'en')).toBe(false);
  });

  it('keeps the user choice', () => {
    expect(resolveKhmerDigits('false', 'km')).toBe(false);
    expect(resolveKhmerDigits('true', 'en')).toBe(true);
  });
});
