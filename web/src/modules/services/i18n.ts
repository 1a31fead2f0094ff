/**
 * The services pages' texts, in Khmer and English. They are not in the shared catalogues
 * (web/src/locales), which the first bundle carries: the home page's JavaScript budget is
 * nearly spent, so these travel with the lazily loaded services pages and are added to
 * i18next when the first of them loads. Only the navigation keys (services.nav.*) are shared.
 * Every services page imports this module before it renders.
 */
import i18next from 'i18next';
import en from './locales/en.json';
import km from './locales/km.json';

i18next.addResourceBundle('km', 'translation', km, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
