/** Small pieces the services pages share: badges, fee lists, the big tracking number, histories. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import type { ApplicationStatus, ComplaintStatus, FeeTier } from './api.ts';
import { COMPLAINT_STATUS_KEYS, STATUS_KEYS } from './labels.ts';
import { formatTrackingNumber } from './tracking.ts';

export function serviceName(
  named: { nameKm: string; nameEn: string } | { serviceNameKm: string; serviceNameEn: string },
  lang: string,
): string {
  if ('nameKm' in named) return lang === 'km' ? named.nameKm : named.nameEn;
  return lang === 'km' ? named.serviceNameKm : named.serviceNameEn;
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`svc-status svc-status--${status}`} data-status={status}>
      {t(STATUS_KEYS[status])}
    </span>
  );
}

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`svc-status svc-status--${status}`} data-status={status}>
      {t(COMPLAINT_STATUS_KEYS[status])}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="svc-overdue">{t('services.overdue')}</span>;
}

/** A fee tier's amount: "free" rather than 0 riel. */
export function useFeeText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (amountRiel: number) => (amountRiel === 0 ? t('services.fee.free') : format.riel(amountRiel));
}

export function FeeTiers({ tiers }: { tiers: readonly FeeTier[] }) {
  const format = useFormat();
  const feeText = useFeeText();
  if (tiers.length === 1 && tiers[0]) {
    return <span className="svc-fee__amount">{feeText(tiers[0].amountRiel)}</span>;
  }
  return (
    <ul className="svc-fee-list">
      {tiers.map((tier) => (
        <li key={tier.code} data-tier={tier.code}>
          <span>{format.lang === 'km' ? tier.labelKm : tier.labelEn}</span>{' '}
          <span className="svc-fee__amount">{feeText(tier.amountRiel)}</span>
        </li>
      ))}
    </ul>
  );
}

export function TimeLimit({ days }: { days: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    days === 1
      ? t('services.timeLimit.one', { days: format.number(days) })
      : t('services.timeLimit.many', { days: format.number(days) });
  return <>{text}</>;
}

/** The number to write down: big, in groups of four, with a hint. */
/** What a service costs and how long it takes, above the forms that file it. */
export function FeeAndTimeLimit({
  standard,
}: {
  standard: { feeTiers: readonly FeeTier[]; timeLimitDays: number };
}) {
  const { t } = useTranslation();
  return (
    <dl className="svc-facts">
      <div>
        <dt>{t('services.fee.label')}</dt>
        <dd>
          <FeeTiers tiers={standard.feeTiers} />
        </dd>
      </div>
      <div>
        <dt>{t('services.timeLimit.label')}</dt>
        <dd>
          <TimeLimit days={standard.timeLimitDays} />
        </dd>
      </div>
    </dl>
  );
}

export function TrackingNumberBox({ number, hint }: { number: string; hint: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="svc-number-box" role="status">
      <p className="svc-number-box__label">{t('services.number.label')}</p>
      <p className="svc-number-box__value" data-number={number}>
        {formatTrackingNumber(number)}
      </p>
      <p className="svc-number-box__hint">{hint}</p>
    </div>
  );
}

export interface HistoryStep {
  status: string;
  label: string;
  occurredAt: string;
  note?: string | null;
}

/** Steps of a case, oldest first, as an ordered list. */
export function StepList({ steps }: { steps: readonly HistoryStep[] }) {
  const format = useFormat();
  return (
    <ol className="svc-steps">
      {steps.map((step, index) => (
        <li key={`${step.occurredAt}-${index}`} className="svc-steps__item" data-status={step.status}>
          <span className="svc-steps__label">{step.label}</span>{' '}
          <time className="muted" dateTime={step.occurredAt}>
            {format.dateTime(step.occurredAt)}
          </time>
          {step.note ? <p className="svc-steps__note">{step.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
