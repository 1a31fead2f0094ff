import { afterAll, describe, expect, it, vi } from 'vitest';

const store = new Map<string, string>([['sndd.lang', 'en']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => store.get(key) ?? null,
  setItem: (key: string, value: string) => void store.set(key, value),
});

const { setupI18n, changeLanguage } = await import('./i18n.ts');
const i18n = await setupI18n();

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('i18n setup', () => {
  it('starts in the stored language', () => {
    expect(i18n.language).toBe('en');
    // What the formatters read (digits, unit names): English, not the fallback.
    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.t('nav.home')).toBe('Home');
  });

  it('treats dotted error codes as one key', () => {
    expect(i18n.t('errors.gazetteer.unit.not_found')).toBe('This administrative unit was not found.');
  });

  it('switches to Khmer and persists the choice', async () => {
    await changeLanguage('km');
    expect(i18n.language).toBe('km');
    expect(i18n.t('nav.home')).toBe('ទំព័រដើម');
    expect(store.get('sndd.lang')).toBe('km');
  });

  it('loads English again on the way back, texts complete', async () => {
    await changeLanguage('en');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(i18n.t('errors.gazetteer.unit.not_found')).toBe('This administrative unit was not found.');
  });
});
