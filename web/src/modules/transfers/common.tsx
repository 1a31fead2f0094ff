/**
 * Small pieces the transfers pages share: who may do what nationally, names in the reader's
 * language, the status of an allocation, criteria and indicators in words, and numbers with a
 * fixed number of decimals.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import './i18n.ts';
import type { AllocationStatus, Criterion, LegalReference } from './types.ts';
import './transfers.css';

/** What the signed-in person may do nationally (the API decides; the page only offers). */
export function useTransfersStaff() {
  const session = useSession();
  return {
    status: session.status,
    canCompute: session.canNationally('transfers.allocation.compute'),
    canApprove: session.canNationally('transfers.allocation.approve'),
    canManageFormulas: session.canNationally('transfers.formula.manage'),
    canManageFigures: session.canNationally('transfers.indicator.manage'),
  };
}

/** A name given in Khmer and English: the reader's language first, the other when it is missing. */
export function pickName(lang: string, km: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'km' ? (km ?? en) : (en ?? km)) ?? '';
}

/** Numbers with a fixed count of decimals (statistics, percents), in the reader's digits. */
export function useDecimal() {
  const format = useFormat();
  return (value: number, decimals: number) =>
    formatNumber(value, format, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A percent with up to 4 decimals (as formulas write them): "33.3333%", "30%". */
export function usePercent() {
  const format = useFormat();
  return (value: number, maximumFractionDigits = 4) =>
    `${formatNumber(value, format, { maximumFractionDigits })}%`;
}

export function StatusBadge({ status }: { status: AllocationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {t(`transfers.status.${status}`)}
    </span>
  );
}

/** An indicator's name in words (population, villages…), or its code when the catalogues lack it. */
/** A legal reference (a formula's, an allocation's): its text, date, link and note, as a `dd`. */
export function LegalReferenceValue({ legal }: { legal: LegalReference }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dd data-field="legalReference">
      {legal.text}
      {legal.date ? ` (${format.date(legal.date)})` : null}
      {legal.url ? (
        <>
          {' '}
          <a href={legal.url} rel="noreferrer">
            {t('transfers.field.legalLink')}
          </a>
        </>
      ) : null}
      {legal.note ? <span className="hint legal-note">{legal.note}</span> : null}
    </dd>
  );
}

export function useIndicatorLabel() {
  const { t, i18n } = useTranslation();
  return (indicator: string) => {
    const key = `transfers.indicator.${indicator}`;
    return i18n.exists(key) ? t(key) : indicator;
  };
}

export function useCriterionLabel() {
  const { t } = useTranslation();
  const indicatorLabel = useIndicatorLabel();
  return (criterion: Criterion | { kind: string; indicator?: string | null; inverse?: boolean }) => {
    const { indicator, inverse } = criterion as { indicator?: string | null; inverse?: boolean };
    if (criterion.kind === 'equal' || !indicator) return t('transfers.criterion.equal');
    const name = indicatorLabel(indicator);
    return inverse ? t('transfers.criterion.inverse', { name }) : name;
  };
}

/** The links between the transfers pages; the national ones only for national staff. */
export function TransfersLinks() {
  const { t } = useTranslation();
  const staff = useTransfersStaff();
  return (
    <ul className="chips page-links transfers-links">
      <li>
        <Link to="/transfers">{t('transfers.title')}</Link>
      </li>
      <li>
        <Link to="/transfers/formulas">{t('transfers.formulas.title')}</Link>
      </li>
      {staff.canCompute ? (
        <li>
          <Link to="/transfers/scenario">{t('transfers.scenario.title')}</Link>
        </li>
      ) : null}
      {staff.canManageFigures ? (
        <li>
          <Link to="/transfers/figures">{t('transfers.figures.title')}</Link>
        </li>
      ) : null}
    </ul>
  );
}
