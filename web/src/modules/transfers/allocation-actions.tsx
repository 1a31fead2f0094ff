/**
 * The national decisions on an allocation: approve a draft (someone other than the person who
 * computed it), publish an approved one (then it never changes), and prepare a correction of a
 * published one (a new draft version with its reason). The API checks every rule; refusals
 * show their stable code's message.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { useCorrectAllocation, useDecideAllocation } from './api.ts';
import { useTransfersStaff } from './common.tsx';
import type { Allocation } from './types.ts';
import { Loading } from '../../components/query-states.tsx';
import { TextAreaField } from '../../components/fields.tsx';

export function AllocationActions({ allocation }: { allocation: Allocation }) {
  const { t } = useTranslation();
  const staff = useTransfersStaff();
  const decide = useDecideAllocation(allocation.id);
  const canDecide = staff.canApprove && (allocation.status === 'draft' || allocation.status === 'approved');
  const canCorrect = staff.canCompute && allocation.status === 'published';
  if (!canDecide && !canCorrect) return null;
  return (
    <section className="transfers-section allocation-actions" aria-labelledby="allocation-actions-title">
      <h2 id="allocation-actions-title">{t('transfers.actions.title')}</h2>
      {canDecide ? (
        <div className="import-actions">
          {allocation.status === 'draft' ? (
            <ConfirmButton
              label={t('transfers.actions.approve')}
              question={t('transfers.actions.approve.question')}
              confirmLabel={t('transfers.actions.approve.confirm')}
              disabled={decide.isPending}
              onConfirm={() => decide.mutate('approve')}
            />
          ) : (
            <ConfirmButton
              label={t('transfers.actions.publish')}
              question={t('transfers.actions.publish.question')}
              confirmLabel={t('transfers.actions.publish.confirm')}
              disabled={decide.isPending}
              onConfirm={() => decide.mutate('publish')}
            />
          )}
          {decide.isPending ? <Loading /> : null}
        </div>
      ) : null}
      {decide.isError ? <ErrorMessage error={decide.error} /> : null}
      {decide.isSuccess ? (
        <p className="success-message" role="status">
          {t(`transfers.actions.done.${decide.data.status}`)}
        </p>
      ) : null}
      {canCorrect ? <CorrectionForm id={allocation.id} /> : null}
    </section>
  );
}

function CorrectionForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const correct = useCorrectAllocation(id);
  const submit = () => {
    if (!reason.trim()) return;
    correct.mutate(reason.trim(), {
      onSuccess: (draft) => void navigate(`/transfers/allocations/${draft.id}`),
    });
  };
  return (
    <ApiForm
      className="form correction-form"
      onSubmit={submit}
      pending={correct.isPending}
      error={correct.isError ? correct.error : null}
      submitLabel={t('transfers.correction.submit')}
      submitDisabled={!reason.trim()}
    >
      <h3>{t('transfers.correction.title')}</h3>
      <TextAreaField
        label={t('transfers.correction.reason')}
        hint={t('transfers.correction.hint')}
        name="reason"
        required
        maxLength={2000}
        rows={3}
        value={reason}
        onValue={setReason}
      />
    </ApiForm>
  );
}
