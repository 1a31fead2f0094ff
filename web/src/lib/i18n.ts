import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import km from '../locales/km.json';
import { detectLanguage, LANGUAGE_STORAGE_KEY, readStorage, writeStorage, type Language } from './lang.ts';

/**
 * Khmer is bundled with the page: it is the default and the fallback, and most readers never
 * switch. English is a chunk of its own, fetched before the first render when it is the stored
 * choice, or when the reader switches: each catalogue is large (thousands of texts) and the
 * home page's JavaScript budget is small.
 */
const LOADERS: Record<Language, () => Promise<Record<string, string>>> = {
  km: () => Promise.resolve(km),
  en: async () => (await import('../locales/en.json')).default,
};

// Not i18next.hasResourceBundle: a module's lazy catalogue (transfers, services) may add its
// own English texts before the main English catalogue is loaded.
const loaded = new Set<Language>(['km']);

async function ensureLoaded(lng: Language): Promise<void> {
  if (loaded.has(lng)) return;
  const texts = await LOADERS[lng]();
  // deep, and no overwrite of texts a module catalogue added already (they do not overlap).
  i18next.addResourceBundle(lng, 'translation', texts, true, false);
  loaded.add(lng);
}

function applyLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** Initialises i18next; resolves once the reader's language is ready for the first render. */
export async function setupI18n(): Promise<typeof i18next> {
  const lng = detectLanguage(readStorage(LANGUAGE_STORAGE_KEY));
  void i18next.use(initReactI18next).init({
    resources: { km: { translation: km } },
    lng,
    fallbackLng: 'km',
    supportedLngs: ['km', 'en'],
    // Flat keys: error codes are dotted (`errors.gazetteer.unit.not_found`) and must stay one key.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    // Khmer is bundled, so initialisation is synchronous; English is added before rendering.
    initAsync: false,
    returnNull: false,
    partialBundledLanguages: true,
  });
  await ensureLoaded(lng);
  // Again, now that its texts are there: i18next resolved a language without texts to the
  // fallback (Khmer), and formatters read the resolved language (digits, names, dates).
  await i18next.changeLanguage(lng);
  applyLanguage(lng);
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}

export async function changeLanguage(lng: Language): Promise<void> {
  writeStorage(LANGUAGE_STORAGE_KEY, lng);
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
}
