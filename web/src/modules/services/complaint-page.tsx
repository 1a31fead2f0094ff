/**
 * Ombudsman officers: one complaint with the complainant's details and its case steps:
 * investigate, decide (the decision is required), reply (the reply is required and is what the
 * complainant reads when following the number), close.
 */
import './i18n.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  HANDLE_COMPLAINTS,
  useComplaint,
  useComplaintTransition,
  type Complaint,
  type ComplaintStatus,
} from './api.ts';
import {
  AGE_GROUP_KEYS,
  COMPLAINT_STATUS_KEYS,
  COMPLAINT_STEP_KEYS,
  SEX_KEYS,
  SUBJECT_KEYS,
} from './labels.ts';
import { ComplaintStatusBadge, StepList } from './parts.tsx';
import { RequiredMark } from './service-fields.tsx';
import { formatTrackingNumber } from './tracking.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import './services.css';

export function ComplaintPage() {
  return (
    <RequireSession permission={HANDLE_COMPLAINTS}>
      <ComplaintView />
    </RequireSession>
  );
}

function ComplaintView() {
  const { number = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const complaint = useComplaint(number);
  const title = t('services.complaint.title', { number: formatTrackingNumber(number.toUpperCase()) });
  useDocumentTitle(title);
  if (complaint.isPending) return <Loading />;
  if (complaint.isError) {
    return (
      <section className="page">
        <h1>{title}</h1>
        <ErrorMessage error={complaint.error} onRetry={() => void complaint.refetch()} />
      </section>
    );
  }
  const c = complaint.data;
  const person = c.complainant;
  return (
    <section
      className="page svc-page svc-complaint"
      aria-labelledby="complaint-title"
      data-number={c.trackingNumber}
      data-status={c.status}
    >
      <p>
        <Link to="/complaints">{t('services.back.complaints')}</Link>
      </p>
      <h1 id="complaint-title">
        {t('services.complaint.title', { number: c.trackingNumberFormatted })}{' '}
        {c.isExample ? <ExampleBadge /> : null}
      </h1>
      <dl className="details">
        <dt>{t('services.status.label')}</dt>
        <dd data-field="status">
          <ComplaintStatusBadge status={c.status} />
        </dd>
        <dt>{t('services.complain.subject')}</dt>
        <dd>{t(SUBJECT_KEYS[c.subject])}</dd>
        <dt>{t('services.complaint.concerned')}</dt>
        <dd>
          <UnitName code={c.concernedUnitCode} />
        </dd>
        <dt>{t('services.complaint.handledBy')}</dt>
        <dd>
          <UnitName code={c.handlingUnitCode} />
        </dd>
        {c.serviceCode ? (
          <>
            <dt>{t('services.service')}</dt>
            <dd>
              <Link to={`/services/${encodeURIComponent(c.serviceCode)}`}>{c.serviceCode}</Link>
            </dd>
          </>
        ) : null}
        {c.applicationNumber ? (
          <>
            <dt>{t('services.complain.application')}</dt>
            <dd className="code">
              <Link to={`/applications/${c.applicationNumber}`}>
                {formatTrackingNumber(c.applicationNumber)}
              </Link>
            </dd>
          </>
        ) : null}
        {c.officerName ? (
          <>
            <dt>{t('services.complain.officer')}</dt>
            <dd>{c.officerName}</dd>
          </>
        ) : null}
        <dt>{t('services.filedOn')}</dt>
        <dd>{format.date(c.filedOn)}</dd>
      </dl>
      <h2>{t('services.complain.description')}</h2>
      <p className="svc-reply">{c.description}</p>

      <h2>{t('services.complaint.complainant')}</h2>
      <dl className="details">
        <dt>{t('services.person.name')}</dt>
        <dd>{person.name ?? t('services.complaint.anonymous')}</dd>
        <dt>{t('services.person.sex')}</dt>
        <dd>{t(SEX_KEYS[person.sex] ?? person.sex)}</dd>
        <dt>{t('services.person.ageGroup')}</dt>
        <dd>{t(AGE_GROUP_KEYS[person.ageGroup] ?? person.ageGroup)}</dd>
        <dt>{t('services.person.phone')}</dt>
        <dd className="code">{person.phone ?? '—'}</dd>
      </dl>

      <CaseStepForm complaint={c} />

      {c.decision ? (
        <>
          <h2>{t('services.complaint.decision')}</h2>
          <p className="svc-reply" data-field="decision">
            {c.decision}
          </p>
        </>
      ) : null}
      {c.reply ? (
        <>
          <h2>{t('services.complaint.reply')}</h2>
          <p className="svc-reply" data-field="reply">
            {c.reply}
          </p>
        </>
      ) : null}
      <h2>{t('services.history')}</h2>
      <StepList
        steps={c.events.map((event) => ({
          status: event.toStatus,
          label: t(COMPLAINT_STATUS_KEYS[event.toStatus]),
          occurredAt: event.occurredAt,
          note: event.note,
        }))}
      />
    </section>
  );
}

/** Which text a step needs: the decision to decide, the reply to reply, a note otherwise. */
function textFor(status: ComplaintStatus): 'decision' | 'reply' | 'note' {
  return status === 'decided' ? 'decision' : status === 'replied' ? 'reply' : 'note';
}

function CaseStepForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const id = useId();
  const transition = useComplaintTransition(complaint.trackingNumber);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const next = complaint.nextStatuses;
  const to = next[0];
  if (!to) return null;
  const kind = textFor(to);
  const required = kind !== 'note';
  const labelKey =
    kind === 'decision'
      ? 'services.complaint.decision'
      : kind === 'reply'
        ? 'services.complaint.replyToSend'
        : 'services.step.note';

  const submit = () => {
    const value = text.trim();
    if (required && value === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    transition.mutate({ to, ...(value ? { [kind]: value } : {}) }, { onSuccess: () => setText('') });
  };

  return (
    <form
      className="svc-step-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <h2 id={`${id}-title`}>{t('services.step.title')}</h2>
      {transition.isError ? <ErrorMessage error={transition.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>
          {t(labelKey)} {required ? <RequiredMark /> : null}
        </label>
        {kind === 'reply' ? (
          <p id={`${id}-hint`} className="hint">
            {t('services.complaint.replyHint')}
          </p>
        ) : null}
        {missing ? (
          <p className="field-error" role="alert">
            {t(
              kind === 'decision'
                ? 'errors.services.complaint.decision_required'
                : 'errors.services.complaint.reply_required',
            )}
          </p>
        ) : null}
        <textarea
          id={`${id}-text`}
          name={kind}
          rows={4}
          maxLength={kind === 'note' ? 1000 : 4000}
          aria-describedby={kind === 'reply' ? `${id}-hint` : undefined}
          aria-invalid={missing || undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="button" data-to={to} disabled={transition.isPending}>
        {t(COMPLAINT_STEP_KEYS[to])}
      </button>
    </form>
  );
}
