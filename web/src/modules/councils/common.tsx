/** What the councils pages share: the texts, the styles, the manager check and the labels. */
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import './i18n.ts';
import './councils.css';

export const MANAGE_MEETINGS = 'councils.meeting.manage';

/** May the signed-in user convene and record meetings of this unit's organs (the API decides)? */
export function useCanManage(unitCode: string | undefined): boolean {
  const session = useSession();
  return unitCode !== undefined && session.holdsAt(MANAGE_MEETINGS, unitCode);
}

/** A record's name in the reader's language. */
export function usePick() {
  const format = useFormat();
  return (km: string, en: string) => (format.lang === 'km' ? km : en);
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge meeting-status meeting-status--${status}`}>
      {t(`councils.meeting.status.${status}`)}
    </span>
  );
}

export function OutcomeBadge({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge decision-outcome decision-outcome--${passed ? 'passed' : 'failed'}`}>
      {passed ? t('councils.decision.passed') : t('councils.decision.failed')}
    </span>
  );
}

export const MEETING_STATUSES = ['planned', 'held', 'closed', 'cancelled'] as const;
export const MEETING_KINDS = ['ordinary', 'extraordinary'] as const;
export const ATTENDANCE = ['present', 'excused', 'absent'] as const;
