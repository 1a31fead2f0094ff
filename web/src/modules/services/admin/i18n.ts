/**
 * The management pages' own Khmer and English texts, added to i18next when their lazy chunk
 * loads (docs/adr/0007), as the dashboard does. The services module's catalogue is loaded too:
 * it holds the stable error messages (errors.services.standard.*, errors.services.offering.*)
 * and the tier and fee words these pages share with the public catalogue. Only the link on
 * the officers' pages (`services.office.manageStandards`) lives in the services catalogue.
 */
import '../i18n.ts';
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const ADMIN_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(ADMIN_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
