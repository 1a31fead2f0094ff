import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../lib/i18n.ts';
import { LANGUAGES, type Language } from '../lib/lang.ts';

// Each language is named in its own script, so a reader finds theirs whatever is displayed.
const LABEL_KEYS: Record<Language, string> = { km: 'language.km', en: 'language.en' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="language-switch" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-switch__label">
        {t('language.label')}
      </span>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={current === lng}
          data-lang={lng}
          onClick={() => void changeLanguage(lng)}
        >
          {t(LABEL_KEYS[lng])}
        </button>
      ))}
    </div>
  );
}
