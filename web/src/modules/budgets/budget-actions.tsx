/**
 * The decisions on a budget: the approval of a proposed budget picks the council's decision from
 * the councils module (passed, of kind approve_budget, by this unit's council, dated on or before
 * today); a decision not recorded in the platform is typed as a legacy reference (its number and
 * date). The API refuses an approval without either: its stable code's message shows;
 * and, once approved, an adjustment: new amounts for the user lines, with the reason.
 */
import { parseNumber } from '../../lib/numbers.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiForm } from '../../components/api-form.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DateField, InputField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { Link } from 'react-router';
import {
  useAdjustBudget,
  useApproveBudget,
  useApprovingDecisions,
  useRecordDecision,
  type Budget,
} from './api.ts';
import { pickName } from './common.tsx';

export function CouncilDecisionActions({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayInPhnomPenh();
  const [number, setNumber] = useState(budget.councilDecision?.number ?? '');
  const [date, setDate] = useState(budget.councilDecision?.date ?? '');
  const [picked, setPicked] = useState('');
  const decisions = useApprovingDecisions(budget.unitCode, today);
  const record = useRecordDecision(budget.id);
  const approve = useApproveBudget(budget.id);
  const submit = () => {
    if (!number.trim() || !date) return;
    approve.reset();
    record.mutate({ number: number.trim(), date });
  };
  const choices = decisions.data?.items ?? [];
  return (
    <section className="budget-section budget-decision" aria-labelledby="budget-decision-title">
      <h2 id="budget-decision-title">{t('budgets.decision.title')}</h2>
      <div className="form decision-picker">
        {decisions.isError ? <ErrorMessage error={decisions.error} /> : null}
        {decisions.isSuccess && choices.length === 0 ? (
          <p className="hint">
            {t('budgets.decision.noneToPick')}{' '}
            <Link to={`/units/${budget.unitCode}`}>{t('budgets.decision.toCouncil')}</Link>
          </p>
        ) : null}
        {choices.length > 0 ? (
          <SelectField
            label={t('budgets.decision.pick')}
            hint={t('budgets.decision.pickHint')}
            name="councilDecisionId"
            value={picked}
            onValue={setPicked}
          >
            <option value="">{t('budgets.decision.pickNone')}</option>
            {choices.map((decision) => (
              <option key={decision.id} value={decision.id}>
                {t('budgets.decision.option', {
                  number: decision.reference,
                  date: format.date(decision.date),
                  title: pickName(format.lang, decision.titleKm, decision.titleEn),
                })}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <details
        className="legacy-decision"
        open={budget.councilDecision !== null && budget.councilDecision.decisionId === null}
      >
        <summary>{t('budgets.decision.legacy')}</summary>
        <ApiForm
          className="form council-decision-form"
          onSubmit={submit}
          pending={record.isPending}
          error={record.isError ? record.error : null}
          submitLabel={t('budgets.decision.record')}
          submitDisabled={!number.trim() || !date}
          after={
            record.isSuccess ? (
              <p className="success-message" role="status">
                {t('budgets.decision.recorded')}
              </p>
            ) : null
          }
        >
          <p className="hint">{t('budgets.decision.legacyHint')}</p>
          <InputField
            label={t('budgets.decision.number')}
            name="number"
            required
            maxLength={120}
            value={number}
            onValue={setNumber}
          />
          <DateField
            label={t('budgets.decision.date')}
            name="date"
            required
            max={today}
            value={date}
            onValue={setDate}
          />
        </ApiForm>
      </details>
      <div className="import-actions budget-approve">
        <ConfirmButton
          label={picked ? t('budgets.approve.withDecision') : t('budgets.approve')}
          question={t('budgets.approve.question')}
          confirmLabel={t('budgets.approve.confirm')}
          disabled={approve.isPending}
          onConfirm={() => {
            record.reset();
            approve.mutate(picked ? Number(picked) : undefined);
          }}
        />
      </div>
      {approve.isError ? <ErrorMessage error={approve.error} /> : null}
    </section>
  );
}

/** A new version: every user line of the version in force with its (new) amount, and the reason. */
export function AdjustmentForm({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const baseId = useId();
  const userLines = budget.lines.filter((line) => line.systemOrigin === null);
  const [reason, setReason] = useState('');
  const amountsOf = () => Object.fromEntries(userLines.map((line) => [line.id, String(line.amount)]));
  const [amounts, setAmounts] = useState<Record<number, string>>(amountsOf);
  // A new version in force (this form's own adjustment, or another): start from its lines, while
  // the form, and its note that the adjustment was saved, stay on screen.
  const [version, setVersion] = useState(budget.currentVersion);
  if (version !== budget.currentVersion) {
    setVersion(budget.currentVersion);
    setAmounts(amountsOf());
  }
  const adjust = useAdjustBudget(budget.id);
  const parsed = userLines.map((line) => ({ line, amount: parseNumber(amounts[line.id] ?? '') }));
  const valid = reason.trim() !== '' && parsed.every((item) => item.amount !== null);
  const submit = () => {
    if (!valid) return;
    adjust.mutate(
      {
        reason: reason.trim(),
        lines: parsed.map(({ line, amount }) => ({
          lineId: line.id,
          direction: line.direction,
          economicCode: line.economicCode,
          functionalCode: line.functionalCode,
          fundSourceCode: line.fundSourceCode,
          programCode: line.programCode,
          descriptionKm: line.descriptionKm,
          descriptionEn: line.descriptionEn,
          amount: amount ?? line.amount,
        })),
      },
      { onSuccess: () => setReason('') },
    );
  };
  return (
    <details className="budget-section adjustment">
      <summary>{t('budgets.adjustment.title')}</summary>
      <ApiForm
        className="form adjustment-form"
        onSubmit={submit}
        pending={adjust.isPending}
        error={adjust.isError ? adjust.error : null}
        submitLabel={t('budgets.adjustment.submit')}
        submitDisabled={!valid}
        after={
          adjust.isSuccess ? (
            <p className="success-message" role="status">
              {t('budgets.adjustment.done')}
            </p>
          ) : null
        }
      >
        <p className="hint">{t('budgets.adjustment.hint')}</p>
        <TextAreaField
          label={t('budgets.adjustment.reason')}
          name="reason"
          required
          maxLength={1000}
          rows={3}
          value={reason}
          onValue={setReason}
        />
        <fieldset>
          <legend>{t('budgets.adjustment.amounts')}</legend>
          {userLines.map((line) => (
            <div className="field" key={line.id}>
              <label htmlFor={`${baseId}-${line.id}`}>
                {line.economicCode} {pickName(format.lang, line.descriptionKm, line.descriptionEn)}
              </label>
              <input
                id={`${baseId}-${line.id}`}
                name={`amount-${line.id}`}
                inputMode="numeric"
                value={amounts[line.id] ?? ''}
                aria-invalid={parseNumber(amounts[line.id] ?? '') === null}
                onChange={(event) => setAmounts((old) => ({ ...old, [line.id]: event.target.value }))}
              />
            </div>
          ))}
        </fieldset>
      </ApiForm>
    </details>
  );
}
