/**
 * The calendar page's own Khmer and English texts, added to i18next when its lazy chunk loads
 * (as the dashboard does, docs/adr/0007). The messages of the API's stable error codes
 * (errors.services.calendar.*) belong to the services catalogue, which is loaded here too.
 */
import i18next from 'i18next';
import '../i18n.ts';
import en from './locales/en.json';
import km from './locales/km.json';

export const CALENDAR_CATALOGUES = { km, en } as const;

for (const [lang, texts] of Object.entries(CALENDAR_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
}
