import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { detectLanguage } from './lang.ts';
import { useKhmerDigits } from './settings.ts';
import {
  digits,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRiel,
  type FormatOptions,
  type RielOptions,
} from './format.ts';

/** The formatters bound to the current language and the user's digit choice. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = detectLanguage(i18n.resolvedLanguage ?? i18n.language);
  const khmerDigits = useKhmerDigits(lang);
  return useMemo(() => {
    const o: FormatOptions = { lang, khmerDigits };
    return {
      lang,
      khmerDigits,
      number: (value: number) => formatNumber(value, o),
      riel: (amount: number, options?: RielOptions) => formatRiel(amount, o, options),
      date: (value: Date | string | number) => formatDate(value, o),
      dateTime: (value: Date | string | number) => formatDateTime(value, o),
      digits: (text: string) => digits(text, o),
    };
  }, [lang, khmerDigits]);
}
