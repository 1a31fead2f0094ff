/**
 * The notifications pages' texts, in Khmer and English, loaded with the page (only the menu's
 * key, notifications.nav.*, is in the shared catalogues).
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

i18next.addResourceBundle('km', 'translation', km, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
