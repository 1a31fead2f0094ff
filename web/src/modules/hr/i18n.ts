/**
 * The hr module's own Khmer and English texts (its error messages included), added to i18next
 * when the module's lazy chunk loads (ADR 0007); locales.test.ts checks them.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const HR_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(HR_CATALOGUES)) {
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
