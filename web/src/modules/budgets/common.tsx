/**
 * Small pieces the budgets pages share: what the signed-in person may do at a unit, names in
 * the reader's language, the phase badge, tables that scroll on a phone, loading states.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useSession } from '../../lib/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import { executionPercent } from './helpers.ts';
import './i18n.ts';
import './budgets.css';

/** What the signed-in person may do at this unit (the API decides; the page only offers). */
export function useBudgetStaff(unitCode: string) {
  const session = useSession();
  const at = (permission: string) => session.holdsAt(permission, unitCode);
  return {
    status: session.status,
    canManage: at('budgets.line.manage'),
    canDecide: at('budgets.council_decision.record'),
    canRecordActuals: at('budgets.actual.record'),
    canImport: session.canNationally('budgets.open_data.import'),
  };
}

/** A name given in Khmer and English: the reader's language first, the other when it is missing. */
export function pickName(lang: string, km: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'km' ? (km ?? en) : (en ?? km)) ?? '';
}

export function PhaseBadge({ phase }: { phase: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge budget-phase budget-phase--${phase}`} data-phase={phase}>
      {t(`budgets.phase.${phase}`)}
    </span>
  );
}

/** The execution rate (actual / budget) as a percent with one decimal, or a dash. */
export function useRate() {
  const format = useFormat();
  return (actual: number, budget: number) => {
    const percent = executionPercent(actual, budget);
    return percent === null ? '–' : `${format.digits(percent.toFixed(1))}%`;
  };
}

/** The links between a unit's budget, its report and the open data. */
export function BudgetLinks({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  return (
    <ul className="chips page-links budget-links">
      <li>
        <Link to={`/budgets/${code}/${year}`}>{t('budgets.budget.link')}</Link>
      </li>
      <li>
        <Link to={`/budgets/${code}/${year}/report`}>{t('budgets.report.title')}</Link>
      </li>
      <li>
        <Link to={`/units/${code}`}>{t('budgets.unit.profile')}</Link>
      </li>
      <li>
        <Link to="/open-data">{t('budgets.openData.title')}</Link>
      </li>
    </ul>
  );
}

export { ErrorMessage };
