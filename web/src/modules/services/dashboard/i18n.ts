/**
 * The dashboard's own Khmer and English texts, added to i18next when its lazy chunk loads (as
 * the transfers module does, docs/adr/0007). Only the navigation label (`servicesDashboard.nav`)
 * is in the main catalogues.
 *
 * One text is also registered under a key the services module's catalogue owns:
 * `errors.services.unit.unknown`. That catalogue is loaded only with the services pages, and a
 * key may be in one catalogue file only (check-catalogues.mjs), so ours is kept under
 * `servicesDashboard.error.unitUnknown` and added under the error key when it is missing.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

export const DASHBOARD_CATALOGUES = { km, en } as const;

/** Error codes whose message lives under another key of our catalogue. */
export const ERROR_ALIASES: Record<string, keyof typeof km> = {
  'errors.services.unit.unknown': 'servicesDashboard.error.unitUnknown',
};

for (const [lang, texts] of Object.entries(DASHBOARD_CATALOGUES)) {
  // deep, no overwrite: the main catalogues win should a key ever be in both.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
  for (const [errorKey, ownKey] of Object.entries(ERROR_ALIASES)) {
    if (!i18next.exists(errorKey, { lng: lang, fallbackLng: false }))
      i18next.addResource(lang, 'translation', errorKey, texts[ownKey]);
  }
}
