/**
 * The approval state of the figures on the entry form, the rule in words, and the buttons the
 * signed-in person may use now (as the API says: `may`). Returning and un-approving ask for the
 * reason first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useApproval, useApprovalStep, type ApprovalAction } from './api.ts';

const ACTIONS: ApprovalAction[] = ['submit', 'approve', 'return', 'lock', 'unapprove'];
const NEEDS_REASON: ApprovalAction[] = ['return', 'unapprove'];

export function ApprovalPanel({ dataSet, unit, period }: { dataSet: string; unit: string; period: string }) {
  const { t } = useTranslation();
  const cell = { dataSet, unit, period };
  const state = useApproval(cell);
  const step = useApprovalStep();
  const [comment, setComment] = useState('');
  if (!state.data) return state.isError ? <ErrorMessage error={state.error} /> : null;
  const allowed = ACTIONS.filter((action) => state.data.may[action]);
  const needsReason = allowed.some((action) => NEEDS_REASON.includes(action));
  return (
    <section className="results-approval" aria-labelledby="results-approval-title">
      <h2 id="results-approval-title">{t('results.approval.title')}</h2>
      <p role="status" data-field="approval-status">
        {t('results.approval.status')}: <strong>{t(`results.approval.status_${state.data.status}`)}</strong>
      </p>
      {state.data.comment ? (
        <p>
          {t('results.approval.comment')}: {state.data.comment}
        </p>
      ) : null}
      <p className="hint">{t('results.approval.rule')}</p>
      {needsReason ? (
        <div className="field">
          <label htmlFor="results-approval-comment">{t('results.approval.reason')}</label>
          <textarea
            id="results-approval-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={2}
          />
        </div>
      ) : null}
      {step.isError ? <ErrorMessage error={step.error} /> : null}
      <div className="actions">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'submit' || action === 'approve' ? 'button button--primary' : 'button'}
            disabled={step.isPending}
            data-action={action}
            onClick={() =>
              step.mutate(
                { action, ...cell, ...(comment.trim() ? { comment: comment.trim() } : {}) },
                { onSuccess: () => setComment('') },
              )
            }
          >
            {t(`results.approval.${action}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
