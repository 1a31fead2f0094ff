/**
 * The officers' actions on a unit's development plan: draft one for a mandate (its years and
 * vision), mark it reviewed, and approve it by picking the council's adopted decision (passed,
 * of kind approve_plan, by this unit's council, dated on or before today). The API checks the
 * decision again and answers each mismatch with its own code.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { InputField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useApprovePlan, useApprovePlanDecisions, useCreatePlan, usePlanStatus, type Plan } from './api.ts';

/** A new plan: the mandate's first and last year, the vision in Khmer (and English). */
export function PlanForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const create = useCreatePlan(code);
  const next = new Date().getFullYear() + 1;
  const [firstYear, setFirstYear] = useState(String(next));
  const [lastYear, setLastYear] = useState(String(next + 4));
  const [visionKm, setVisionKm] = useState('');
  const [visionEn, setVisionEn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      firstYear: Number(firstYear),
      lastYear: Number(lastYear),
      visionKm,
      visionEn: visionEn.trim() === '' ? undefined : visionEn,
      goals: [],
      indicators: [],
      calendar: [],
    });
  };
  return (
    <form className="form plans-form plan-form" onSubmit={submit} aria-labelledby="plan-form-title">
      <h3 id="plan-form-title">{t('plans.plan.new')}</h3>
      <InputField
        label={t('plans.plan.firstYear')}
        name="firstYear"
        type="number"
        inputMode="numeric"
        value={firstYear}
        onValue={setFirstYear}
        required
      />
      <InputField
        label={t('plans.plan.lastYear')}
        name="lastYear"
        type="number"
        inputMode="numeric"
        value={lastYear}
        onValue={setLastYear}
        required
      />
      <TextAreaField
        label={t('plans.plan.visionKm')}
        name="visionKm"
        lang="km"
        rows={2}
        maxLength={2000}
        value={visionKm}
        onValue={setVisionKm}
        required
      />
      <TextAreaField
        label={t('plans.plan.visionEn')}
        name="visionEn"
        lang="en"
        rows={2}
        maxLength={2000}
        value={visionEn}
        onValue={setVisionEn}
      />
      {create.error ? <ErrorMessage error={create.error} /> : null}
      {create.isSuccess ? <p role="status">{t('plans.plan.created')}</p> : null}
      <button type="submit" disabled={create.isPending}>
        {t('plans.plan.create')}
      </button>
    </form>
  );
}

/** Draft ⇄ reviewed, and the approval of a reviewed plan by the council's decision. */
export function PlanActions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const status = usePlanStatus(plan.id);
  if (plan.status === 'approved') return null;
  return (
    <div className="plans-plan-actions">
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {plan.status === 'draft' ? (
        <button type="button" disabled={status.isPending} onClick={() => status.mutate('reviewed')}>
          {t('plans.plan.markReviewed')}
        </button>
      ) : (
        <>
          <ApprovePlanForm plan={plan} />
          <button
            type="button"
            className="button button--secondary"
            disabled={status.isPending}
            onClick={() => status.mutate('draft')}
          >
            {t('plans.plan.backToDraft')}
          </button>
        </>
      )}
    </div>
  );
}

function ApprovePlanForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decisions = useApprovePlanDecisions(plan.unitCode, todayInPhnomPenh());
  const approve = useApprovePlan(plan.id);
  const [picked, setPicked] = useState('');
  const choices = decisions.data?.items ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked !== '') approve.mutate(Number(picked));
  };
  return (
    <form
      className="form plans-form plan-approve-form"
      onSubmit={submit}
      aria-labelledby="plan-approve-title"
    >
      <h3 id="plan-approve-title">{t('plans.plan.approve')}</h3>
      {decisions.isError ? <ErrorMessage error={decisions.error} /> : null}
      {decisions.isSuccess && choices.length === 0 ? (
        <p className="hint" data-field="no-decision">
          {t('plans.plan.noDecision')} <Link to={`/units/${plan.unitCode}`}>{t('plans.plan.toCouncil')}</Link>
        </p>
      ) : null}
      {choices.length > 0 ? (
        <SelectField
          label={t('plans.plan.pickDecision')}
          hint={t('plans.plan.pickHint')}
          name="councilDecisionId"
          value={picked}
          onValue={setPicked}
          required
        >
          <option value="">—</option>
          {choices.map((decision) => (
            <option key={decision.id} value={decision.id}>
              {t('plans.plan.decisionOption', {
                number: decision.reference,
                date: format.date(decision.date),
                title: format.lang === 'en' && decision.titleEn ? decision.titleEn : decision.titleKm,
              })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {approve.error ? <ErrorMessage error={approve.error} /> : null}
      {approve.isSuccess ? <p role="status">{t('plans.plan.approved')}</p> : null}
      <button type="submit" disabled={approve.isPending || picked === ''}>
        {t('plans.plan.approveButton')}
      </button>
    </form>
  );
}
