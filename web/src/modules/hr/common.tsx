/** What the hr pages share: the texts, the styles, the manager checks and the labels. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useCategories } from './api.ts';
import './i18n.ts';
import './hr.css';

export const MANAGE_ESTABLISHMENT = 'hr.establishment.manage';
export const MANAGE_STAFF = 'hr.staff.manage';

/** May the signed-in user do this at the unit (the API decides; the page only offers)? */
export function useHolds(permission: string, unitCode: string | undefined): boolean {
  const session = useSession();
  return unitCode !== undefined && session.holdsAt(permission, unitCode);
}

/** Names of categories and grades (data from the API) in the reader's language. */
export function useCategoryNames() {
  const format = useFormat();
  const categories = useCategories().data?.items ?? [];
  const pick = (item: { nameKm: string; nameEn: string }) =>
    format.lang === 'km' ? item.nameKm : item.nameEn;
  return {
    categories,
    category: (code: string) => {
      const found = categories.find((item) => item.code === code);
      return found ? pick(found) : code;
    },
    grade: (code: string | null) => {
      if (code === null) return '—';
      const found = categories.flatMap((item) => item.grades).find((item) => item.code === code);
      return found ? pick(found) : code;
    },
  };
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge hr-status hr-status--${status}`} data-field="status">
      {t(`hr.status.${status}`)}
    </span>
  );
}

/** A share as "38.5%" in the reader's digits, or a dash. */
export function usePercent() {
  const format = useFormat();
  return (value: number | null) => (value === null ? '—' : `${format.digits(value.toFixed(1))}%`);
}
