/**
 * The dashboard's own Khmer and English texts, added to i18next when its lazy chunk loads (as
 * the transfers module does, docs/adr/0007). Only the navigation label (`servicesDashboard.nav`)
 * is in the main catalogues, with the text of an unknown unit (`errors.gazetteer.unit.unknown`,
 * the one code every module answers for it).
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const DASHBOARD_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(DASHBOARD_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
