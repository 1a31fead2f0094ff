/**
 * The access module's own Khmer and English texts (citizens' sign-up, password recovery and
 * deleting one's account), added to i18next when the module's lazy chunk loads (ADR 0007).
 * Signing in and the account page's older texts are in the main catalogues; locales.test.ts
 * checks these.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const ACCESS_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(ACCESS_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
