/** What the plans pages share: the texts, the styles, the manager check and the labels. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useCodeLists } from './api.ts';
import './i18n.ts';
import './plans.css';

export const MANAGE_PROGRAM = 'plans.program.manage';

/** May the signed-in user change the program of this unit (the API decides)? */
export function useCanManage(unitCode: string | undefined): boolean {
  const session = useSession();
  return unitCode !== undefined && session.holdsAt(MANAGE_PROGRAM, unitCode);
}

/** Names of sectors and fund sources (data from the API) in the reader's language. */
export function useNames() {
  const format = useFormat();
  const lists = useCodeLists();
  const name = (items: { code: string; nameKm: string; nameEn: string }[], code: string) => {
    const item = items.find((entry) => entry.code === code);
    return item ? (format.lang === 'km' ? item.nameKm : item.nameEn) : code;
  };
  return {
    ...lists,
    sector: (code: string) => name(lists.sectors, code),
    fundSource: (code: string) => name(lists.fundSources, code),
  };
}

export function ProjectStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge project-status project-status--${status}`} data-field="status">
      {t(`plans.status.${status}`)}
    </span>
  );
}
