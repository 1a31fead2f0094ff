/**
 * Language choice, kept pure so that it can be tested without a browser: Khmer is the default
 * for everyone (the platform is Khmer first), and a choice saved in localStorage wins.
 */
export const LANGUAGES = ['km', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'km';
export const LANGUAGE_STORAGE_KEY = 'sndd.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The browser's language is deliberately ignored: shared office computers are often set to English. */
export function detectLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** localStorage can throw (private mode, disabled storage); the app must still start. */
export function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page view.
  }
}
