/**
 * The dashboard's catalogues (loaded with its lazy chunk, see i18n.ts), checked as
 * web/scripts/check-catalogues.mjs checks the main ones, plus the keys the pages build at run
 * time (breakdowns, figures, months) and the messages of the API's stable error codes.
 */
import { describe, expect, it } from 'vitest';
import mainEn from '../../../locales/en.json';
import mainKm from '../../../locales/km.json';
import { checkModuleCatalogues } from '../../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the dashboard catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(servicesDashboard\.|errors\.services\.dashboard\.)/,
    builtKeys: [
      ...['service', 'sex', 'ageGroup', 'disability'].flatMap((kind) => [
        `servicesDashboard.by.${kind}`,
        `servicesDashboard.col.${kind}`,
      ]),
      ...['received', 'completed', 'onTimeRate', 'medianDays', 'overdueNow', 'feesRiel', 'satisfaction'].map(
        (figure) => `servicesDashboard.figure.${figure}`,
      ),
      'servicesDashboard.period.order',
      'servicesDashboard.period.length',
      ...Array.from({ length: 12 }, (_, index) => `servicesDashboard.month.${index + 1}`),
    ],
    errorCodes: ['services.dashboard.bad_period'],
  });

  it('keep the menu entry in the main catalogue, which is loaded before the module', () => {
    expect('servicesDashboard.nav' in mainKm && 'servicesDashboard.nav' in mainEn).toBe(true);
  });

  it('find the text of an unknown unit in the main catalogues, loaded before the module', () => {
    expect(mainKm['errors.gazetteer.unit.unknown']).toBeTruthy();
    expect(mainEn['errors.gazetteer.unit.unknown']).toBeTruthy();
  });

  it('register their texts, error messages included, when the chunk loads', async () => {
    const { default: i18next } = await import('i18next');
    await i18next.init({ lng: 'km', keySeparator: false, nsSeparator: false, resources: {} });
    await import('./i18n.ts');
    expect(i18next.t('errors.services.dashboard.bad_period', { lng: 'en' })).toBe(
      en['errors.services.dashboard.bad_period'],
    );
    expect(i18next.t('errors.services.dashboard.bad_period', { lng: 'km' })).toBe(
      km['errors.services.dashboard.bad_period'],
    );
  });
});
