/**
 * The calendar page's catalogues (loaded with its lazy chunk, see i18n.ts), checked as
 * web/scripts/check-catalogues.mjs checks the main ones, plus the keys the page builds at run
 * time (weekdays, the due date's wording) and the messages of the API's stable error codes,
 * which live in the services catalogue that i18n.ts loads too.
 */
import { describe, expect, it } from 'vitest';
import { checkModuleCatalogues } from '../../../lib/module-catalogues.testing.ts';
import servicesEn from '../locales/en.json';
import servicesKm from '../locales/km.json';
import en from './locales/en.json';
import km from './locales/km.json';

const ERROR_CODES = ['services.calendar.date_outside_year', 'services.calendar.duplicate_date'];

describe('the calendar catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^servicesCalendar\./,
    builtKeys: [
      ...Array.from({ length: 7 }, (_, day) => `servicesCalendar.weekday.${day}`),
      'servicesCalendar.due.result.one',
      'servicesCalendar.due.result.many',
    ],
  });

  it('find the messages of the API’s calendar error codes in the services catalogue', () => {
    for (const code of ERROR_CODES) {
      const key = `errors.${code}` as keyof typeof servicesKm;
      expect(servicesKm[key], key).toBeTruthy();
      expect(servicesEn[key], key).toBeTruthy();
    }
  });

  it('register the page’s texts and the services catalogue when the page’s i18n loads', async () => {
    const { default: i18next } = await import('i18next');
    await i18next.init({ lng: 'km', keySeparator: false, nsSeparator: false, resources: {} });
    await import('./i18n.ts');
    expect(i18next.t('servicesCalendar.title', { lng: 'km' })).toBe(km['servicesCalendar.title']);
    expect(i18next.t('errors.services.calendar.duplicate_date', { lng: 'km' })).toBe(
      servicesKm['errors.services.calendar.duplicate_date'],
    );
    expect(i18next.t('servicesCalendar.weekday.4', { lng: 'en' })).toBe('Thursday');
  });
});
