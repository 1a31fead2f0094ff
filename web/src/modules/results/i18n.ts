/**
 * The results module's own Khmer and English texts, added to i18next when its lazy chunk loads
 * (the menu's labels, results.nav.*, are in the shared catalogues); locales.test.ts checks them.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

i18next.addResourceBundle('km', 'translation', km, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
