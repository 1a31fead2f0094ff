/**
 * What the dashboard's parts share: month names, figures in the reader's language and digits
 * (a missing rate or median said in words to screen readers), and a table that scrolls sideways
 * on a phone in a focusable region. Importing this file loads the dashboard's texts.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useFormat } from '../../../lib/use-format.ts';
import './i18n.ts';
import { medianDecimals, meanStars, ratePercent } from './helpers.ts';

/** "មករា ២០២៦" / "January 2026"; short: the month alone, "Jan" in English (chart ticks). */
export function useMonthLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return (month: string, variant: 'long' | 'short' = 'long') => {
    const name = t(`servicesDashboard.month.${Number(month.slice(5, 7))}`);
    // English names are long for a chart's tick: their first three letters are the usual short form.
    if (variant === 'short') return format.lang === 'en' ? name.slice(0, 3) : name;
    return `${name} ${format.digits(month.slice(0, 4))}`;
  };
}

/** A row's or a unit's name in the reader's language. */
export function pickLabel(lang: string, row: { labelKm: string; labelEn: string }): string {
  return lang === 'km' ? row.labelKm : row.labelEn;
}

export function NoValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('servicesDashboard.noValue')}</span>
    </>
  );
}

/** The formatters of each figure, the same in the headline and in the tables. */
export function useFigureText() {
  const format = useFormat();
  const o = { lang: format.lang, khmerDigits: format.khmerDigits };
  return {
    count: (value: number) => format.number(value),
    riel: (value: number) => format.riel(value),
    rate: (rate: number | null): ReactNode => {
      const percent = ratePercent(rate);
      return percent === null ? <NoValue /> : `${formatNumber(percent, o, { maximumFractionDigits: 1 })}%`;
    },
    median: (median: number | null): ReactNode =>
      median === null ? (
        <NoValue />
      ) : (
        formatNumber(median, o, {
          minimumFractionDigits: medianDecimals(median),
          maximumFractionDigits: medianDecimals(median),
        })
      ),
    mean: (mean: number | null): ReactNode => {
      const stars = meanStars(mean);
      return stars === null ? (
        <NoValue />
      ) : (
        formatNumber(stars, o, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      );
    },
    percent: (share: number) =>
      `${formatNumber(Math.round(share * 1000) / 10, o, { maximumFractionDigits: 1 })}%`,
  };
}
