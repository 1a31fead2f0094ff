import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import km from '../locales/km.json';
import en from '../locales/en.json';
import { detectLanguage, LANGUAGE_STORAGE_KEY, readStorage, writeStorage, type Language } from './lang.ts';

function applyLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

export function setupI18n(): typeof i18next {
  const lng = detectLanguage(readStorage(LANGUAGE_STORAGE_KEY));
  void i18next.use(initReactI18next).init({
    resources: { km: { translation: km }, en: { translation: en } },
    lng,
    fallbackLng: 'km',
    supportedLngs: ['km', 'en'],
    // Flat keys: error codes are dotted (`errors.gazetteer.unit.not_found`) and must stay one key.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    // Resources are bundled, so initialisation is synchronous and the first render is translated.
    initAsync: false,
    returnNull: false,
  });
  applyLanguage(lng);
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}

export async function changeLanguage(lng: Language): Promise<void> {
  writeStorage(LANGUAGE_STORAGE_KEY, lng);
  await i18next.changeLanguage(lng);
}
