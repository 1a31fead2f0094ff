/**
 * Public: follow an application or a complaint by its number, typed any way (lower case,
 * spaces, no hyphen, Khmer digits). The number is checked here first (its last character is a
 * check character), then looked up as an application, and if there is none, as a complaint.
 * The answers carry no personal data. After closing, the applicant may rate the service.
 */
import './i18n.ts';
import { useId, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiForm } from '../../components/api-form.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { InputField } from '../../components/fields.tsx';
import {
  useComplaintReply,
  useComplaintTracking,
  useTracking,
  type PublicComplaint,
  type PublicTracking,
} from './api.ts';
import { COMPLAINT_STATUS_KEYS, STATUS_KEYS, SUBJECT_KEYS } from './labels.ts';
import { ComplaintStatusBadge, OverdueBadge, serviceName, StatusBadge, StepList } from './parts.tsx';
import { RatingForm } from './rating-form.tsx';
import { formatTrackingNumber, parseTrackingInput, type TrackingInput } from './tracking.ts';
import { Loading } from '../../components/query-states.tsx';
import './services.css';

const INPUT_PROBLEM_KEYS: Partial<Record<TrackingInput['kind'], string>> = {
  empty: 'services.track.problem.empty',
  incomplete: 'services.track.problem.incomplete',
  bad_character: 'services.track.problem.bad_character',
  bad_check: 'services.track.problem.bad_check',
};

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

export function TrackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('services.track.title'));
  const [params, setParams] = useSearchParams();
  const asked = params.get('number') ?? '';
  const parsed = parseTrackingInput(asked);
  const number = parsed.kind === 'ok' ? parsed.number : null;
  const [text, setText] = useState(asked);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const application = useTracking(number);
  const lookForComplaint = number !== null && application.isError && isNotFound(application.error);
  const complaint = useComplaintTracking(lookForComplaint ? number : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = parseTrackingInput(text);
    if (typed.kind !== 'ok') {
      setProblem(INPUT_PROBLEM_KEYS[typed.kind] ?? 'services.track.problem.incomplete');
      return;
    }
    setProblem(null);
    setText(typed.formatted);
    setParams({ number: typed.number });
  };

  let result = null;
  if (number !== null) {
    if (application.isPending) result = <Loading />;
    else if (application.isSuccess) result = <ApplicationTrack tracking={application.data} />;
    else if (!lookForComplaint)
      result = <ErrorMessage error={application.error} onRetry={() => void application.refetch()} />;
    else if (complaint.isPending) result = <Loading />;
    else if (complaint.isSuccess) result = <ComplaintTrack tracking={complaint.data} />;
    else if (isNotFound(complaint.error))
      result = (
        <p className="notice" role="alert">
          {t('services.track.notFound')}
        </p>
      );
    else result = <ErrorMessage error={complaint.error} onRetry={() => void complaint.refetch()} />;
  }

  return (
    <section className="page svc-page" aria-labelledby="track-title">
      <h1 id="track-title">{t('services.track.title')}</h1>
      <p className="lead">{t('services.track.intro')}</p>
      <form className="form svc-track-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('services.track.label')}</label>
          <p id={`${inputId}-hint`} className="hint">
            {t('services.track.hint')}
          </p>
          {problem ? (
            <p id={`${inputId}-problem`} className="field-error" role="alert">
              {t(problem)}
            </p>
          ) : null}
          <input
            id={inputId}
            name="number"
            type="text"
            className="svc-track-form__input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            aria-describedby={problem ? `${inputId}-hint ${inputId}-problem` : `${inputId}-hint`}
            aria-invalid={problem ? true : undefined}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('services.track.submit')}
        </button>
      </form>
      {result}
    </section>
  );
}

function ApplicationTrack({ tracking }: { tracking: PublicTracking }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <CaseFrame
      kind="application"
      tracking={tracking}
      title={t('services.track.applicationFor', { service: serviceName(tracking, format.lang) })}
      status={
        <>
          <StatusBadge status={tracking.status} /> {tracking.isOverdue ? <OverdueBadge /> : null}
        </>
      }
      steps={tracking.history.map((step) => ({
        status: step.status,
        label: t(STATUS_KEYS[step.status]),
        occurredAt: step.occurredAt,
      }))}
      after={
        <>
          {tracking.status === 'closed' ? (
            tracking.rated ? (
              <p className="success-message svc-rated">{t('services.rating.thanks')}</p>
            ) : (
              <RatingForm number={tracking.trackingNumber} />
            )
          ) : null}
          <p>
            <Link to={`/complaints/new?application=${tracking.trackingNumber}&unit=${tracking.unitCode}`}>
              {t('services.complain.aboutApplication')}
            </Link>
          </p>
        </>
      }
    >
      <dt>{t('services.office')}</dt>
      <dd>
        <UnitName code={tracking.unitCode} />
      </dd>
      <dt>{t('services.filedOn')}</dt>
      <dd>{format.date(tracking.filedOn)}</dd>
      <dt>{t('services.dueDate')}</dt>
      <dd data-field="dueDate">{format.date(tracking.dueDate)}</dd>
      {tracking.decidedOn ? (
        <>
          <dt>{t('services.decidedOn')}</dt>
          <dd>{format.date(tracking.decidedOn)}</dd>
        </>
      ) : null}
      <dt>{t('services.fee.paid')}</dt>
      <dd data-field="feePaid">{tracking.feePaid ? t('common.yes') : t('common.no')}</dd>
    </CaseFrame>
  );
}

function ComplaintTrack({ tracking }: { tracking: PublicComplaint }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <CaseFrame
      kind="complaint"
      tracking={tracking}
      title={t('services.track.complaintTitle', { subject: t(SUBJECT_KEYS[tracking.subject]) })}
      status={<ComplaintStatusBadge status={tracking.status} />}
      steps={tracking.history.map((step) => ({
        status: step.status,
        label: t(COMPLAINT_STATUS_KEYS[step.status]),
        occurredAt: step.occurredAt,
      }))}
      after={
        tracking.reply ? (
          <>
            <h3>{t('services.complaint.reply')}</h3>
            <p className="svc-reply">{tracking.reply}</p>
          </>
        ) : tracking.replyWithheld ? (
          <ComplaintReplyForm number={tracking.trackingNumber} />
        ) : null
      }
    >
      <dt>{t('services.complaint.concerned')}</dt>
      <dd>
        <UnitName code={tracking.concernedUnitCode} />
      </dd>
      <dt>{t('services.complaint.handledBy')}</dt>
      <dd>
        <UnitName code={tracking.handlingUnitCode} />
      </dd>
      <dt>{t('services.filedOn')}</dt>
      <dd>{format.date(tracking.filedOn)}</dd>
    </CaseFrame>
  );
}

/**
 * A tracked application or complaint: its title, number and status, its own details (the
 * children, as rows of the list), its history, and what follows (rating, reply).
 */
function CaseFrame(props: {
  kind: 'application' | 'complaint';
  tracking: { status: string; trackingNumber: string };
  title: ReactNode;
  status: ReactNode;
  steps: ComponentProps<typeof StepList>['steps'];
  after: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article
      className="svc-case"
      data-kind={props.kind}
      data-status={props.tracking.status}
      aria-labelledby="case-title"
    >
      <h2 id="case-title">{props.title}</h2>
      <dl className="details">
        <dt>{t('services.number.label')}</dt>
        <dd className="code">{formatTrackingNumber(props.tracking.trackingNumber)}</dd>
        <dt>{t('services.status.label')}</dt>
        <dd data-field="status">{props.status}</dd>
        {props.children}
      </dl>
      <h3>{t('services.history')}</h3>
      <StepList steps={props.steps} />
      {props.after}
    </article>
  );
}

/** A reply only the complainant reads: they give the phone number they filed with. */
function ComplaintReplyForm({ number }: { number: string }) {
  const { t } = useTranslation();
  const id = useId();
  const ask = useComplaintReply(number);
  const [phone, setPhone] = useState('');
  const submit = () => ask.mutate(phone.trim() ? { phone: phone.trim() } : {});
  if (ask.data?.reply) {
    return (
      <>
        <h3>{t('services.complaint.reply')}</h3>
        <p className="svc-reply" data-field="reply">
          {ask.data.reply}
        </p>
      </>
    );
  }
  return (
    <ApiForm
      className="form svc-reply-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      pending={ask.isPending}
      error={ask.isError ? ask.error : null}
      submitLabel={t('services.track.replyShow')}
    >
      <h3 id={`${id}-title`}>{t('services.complaint.reply')}</h3>
      <p>{t('services.track.replyWithheld')}</p>
      <InputField
        label={t('services.track.replyPhone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        maxLength={30}
        value={phone}
        onValue={setPhone}
      />
    </ApiForm>
  );
}
