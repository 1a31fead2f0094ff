/**
 * The transfers module's own Khmer and English texts, added to i18next when the module's lazy
 * chunk loads. They are not in web/src/locales: the main catalogues are bundled with the home
 * page, whose JavaScript budget (150 KB gzipped) they would break (about 9 KB gzipped). Only the
 * navigation link's label (`transfers.nav`) stays in the main catalogues.
 *
 * Every transfers component imports this file through common.tsx, so the texts are there
 * before the first render. locales.test.ts checks them as check-catalogues.mjs checks the main
 * ones.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const TRANSFERS_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(TRANSFERS_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
