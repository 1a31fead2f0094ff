/** The name of a record in the reader's language (Khmer first); an option's name by category. */
import type { Category } from './api.ts';

export const nameIn = (lang: string, item: { nameKm: string; nameEn: string }) =>
  lang === 'en' ? item.nameEn : item.nameKm;

export function optionName(
  lang: string,
  categories: readonly Category[] | undefined,
  category: string,
  option: string | null,
) {
  if (option === null) return '—';
  const found = categories?.find((c) => c.code === category)?.options.find((o) => o.code === option);
  return found ? nameIn(lang, found) : option;
}

/** Where a form's typed values wait until they are sent (a poor connection loses nothing). */
export const draftKey = (dataSet: string, unit: string, period: string) =>
  `sndd.results.draft.${dataSet}.${unit}.${period}`;
