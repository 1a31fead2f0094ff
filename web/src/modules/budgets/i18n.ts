/**
 * The budgets module's own Khmer and English texts, added to i18next when the module's lazy
 * chunk loads (ADR 0007): only the navigation label (`budgets.nav`) is in the main catalogues.
 * Every budgets component imports this file through common.tsx; locales.test.ts checks them.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const BUDGETS_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(BUDGETS_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
