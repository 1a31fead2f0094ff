/**
 * The councils module's own Khmer and English texts, added to i18next when the module's lazy
 * chunk loads (ADR 0007). The organs' kinds and roles (`councils.kind.*`, `councils.role.*`) are
 * in the main catalogues (the gazetteer's unit page shows them); locales.test.ts checks these.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const COUNCILS_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(COUNCILS_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
