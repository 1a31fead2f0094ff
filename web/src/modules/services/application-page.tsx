/**
 * One application, for its applicant and for the officers of its office: the answers given,
 * the files, the fee, and its history with the officers' notes. Officers of the office see the
 * next allowed steps as buttons (with a note, required where the applicant must read why) and
 * record the fee with its receipt number.
 */
import './i18n.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  attachmentUrl,
  NOTE_REQUIRED,
  PROCESS_APPLICATIONS,
  useAddAttachment,
  useApplication,
  useRecordFee,
  useStandard,
  useTransition,
  type Application,
  type ApplicationStatus,
  type Standard,
} from './api.ts';
import { FilePicker, useSizeText } from './file-picker.tsx';
import { displayValue, MAX_ATTACHMENTS, sortedFields } from './form-rules.ts';
import { AGE_GROUP_KEYS, CHANNEL_KEYS, SEX_KEYS, STATUS_KEYS, STEP_KEYS } from './labels.ts';
import { OverdueBadge, serviceName, StatusBadge, StepList, useFeeText } from './parts.tsx';
import { RequiredMark } from './service-fields.tsx';
import { formatTrackingNumber } from './tracking.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import { DateField } from '../../components/fields.tsx';
import './services.css';

export function ApplicationPage() {
  return (
    <RequireSession>
      <ApplicationView />
    </RequireSession>
  );
}

function ApplicationView() {
  const { number = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const application = useApplication(number);
  useDocumentTitle(t('services.application.title', { number: formatTrackingNumber(number.toUpperCase()) }));
  const standard = useStandard(application.data?.serviceCode ?? '', application.data?.standardVersion);

  if (application.isPending) return <Loading />;
  if (application.isError) {
    return (
      <section className="page">
        <h1>{t('services.application.title', { number: formatTrackingNumber(number.toUpperCase()) })}</h1>
        <ErrorMessage error={application.error} onRetry={() => void application.refetch()} />
      </section>
    );
  }
  const a = application.data;
  const officer = session.holdsAt(PROCESS_APPLICATIONS, a.unitCode);

  return (
    <section
      className="page svc-page svc-application"
      aria-labelledby="application-title"
      data-number={a.trackingNumber}
      data-status={a.status}
    >
      <p>
        {officer ? (
          <Link to="/applications">{t('services.back.applications')}</Link>
        ) : (
          <Link to="/my/applications">{t('services.my.title')}</Link>
        )}
      </p>
      <h1 id="application-title">
        {t('services.application.title', { number: a.trackingNumberFormatted })}{' '}
        {a.isExample ? <ExampleBadge /> : null}
      </h1>
      <p className="lead">{serviceName(a, format.lang)}</p>
      <dl className="details">
        <dt>{t('services.status.label')}</dt>
        <dd data-field="status">
          <StatusBadge status={a.status} /> {a.isOverdue ? <OverdueBadge /> : null}
        </dd>
        <dt>{t('services.office')}</dt>
        <dd>
          <UnitName code={a.unitCode} />
        </dd>
        <dt>{t('services.channel.label')}</dt>
        <dd>{t(CHANNEL_KEYS[a.channel] ?? a.channel)}</dd>
        <dt>{t('services.filedOn')}</dt>
        <dd>{format.date(a.filedOn)}</dd>
        <dt>{t('services.dueDate')}</dt>
        <dd data-field="dueDate">{format.date(a.dueDate)}</dd>
        {a.pausedSince ? (
          <>
            <dt>{t('services.pausedSince')}</dt>
            <dd>{format.date(a.pausedSince)}</dd>
          </>
        ) : null}
        {a.decidedOn ? (
          <>
            <dt>{t('services.decidedOn')}</dt>
            <dd>{format.date(a.decidedOn)}</dd>
          </>
        ) : null}
        {a.closedOn ? (
          <>
            <dt>{t('services.closedOn')}</dt>
            <dd>{format.date(a.closedOn)}</dd>
          </>
        ) : null}
      </dl>

      {officer ? <StepForm application={a} /> : null}

      <h2>{t('services.applicant')}</h2>
      <dl className="details">
        <dt>{t('services.person.name')}</dt>
        <dd>{a.applicant.name ?? t('services.person.unnamed')}</dd>
        <dt>{t('services.person.sex')}</dt>
        <dd>{t(SEX_KEYS[a.applicant.sex] ?? a.applicant.sex)}</dd>
        <dt>{t('services.person.ageGroup')}</dt>
        <dd>{t(AGE_GROUP_KEYS[a.applicant.ageGroup] ?? a.applicant.ageGroup)}</dd>
        <dt>{t('services.person.disability')}</dt>
        <dd>
          {a.applicant.disability === null
            ? t('services.person.disability.unknown')
            : a.applicant.disability
              ? t('services.person.disability.yes')
              : t('services.person.disability.no')}
        </dd>
        <dt>{t('services.person.phone')}</dt>
        <dd className="code">{a.applicant.phone ?? '—'}</dd>
      </dl>

      <h2>{t('services.application.answers')}</h2>
      <Answers application={a} standard={standard.data} />

      <FeeSection application={a} standard={standard.data} officer={officer} />

      <Attachments application={a} />

      <h2>{t('services.history')}</h2>
      <StepList
        steps={a.events.map((event) => ({
          status: event.toStatus,
          label: t(STATUS_KEYS[event.toStatus]),
          occurredAt: event.occurredAt,
          note: event.note,
        }))}
      />
      {a.rating ? (
        <>
          <h2>{t('services.rating.title')}</h2>
          <p data-field="rating">
            {t('services.rating.given', { stars: format.number(a.rating.stars) })}
            {a.rating.comment ? ` — ${a.rating.comment}` : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}

function Answers({ application, standard }: { application: Application; standard: Standard | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = standard ? sortedFields(standard.formFields).filter((field) => field.variable) : [];
  const codes = standard ? fields.map((field) => field.code) : Object.keys(application.values);
  return (
    <dl className="details svc-answers">
      {codes.map((code) => {
        const field = fields.find((candidate) => candidate.code === code);
        const label = field ? (format.lang === 'km' ? field.descriptionKm : field.descriptionEn) : code;
        const value = application.values[code];
        return (
          <div key={code} className="svc-answer" data-field={code}>
            <dt>{label}</dt>
            <dd>{value === undefined ? '—' : displayValue(field, value, format.lang)}</dd>
          </div>
        );
      })}
      {application.description ? (
        <div className="svc-answer">
          <dt>{t('services.apply.description')}</dt>
          <dd>{application.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The next steps as buttons, one note for whichever is pressed. */
function StepForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const id = useId();
  const transition = useTransition(application.trackingNumber);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const next = application.nextStatuses;
  if (next.length === 0) return null;
  const needsNote = next.some((status) => NOTE_REQUIRED.includes(status));

  const step = (to: ApplicationStatus) => {
    const text = note.trim();
    if (NOTE_REQUIRED.includes(to) && text === '') {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    transition.mutate({ to, ...(text ? { note: text } : {}) }, { onSuccess: () => setNote('') });
  };

  return (
    <form
      className="svc-step-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-title`}>{t('services.step.title')}</h2>
      {transition.isError ? <ErrorMessage error={transition.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('services.step.note')}</label>
        <p id={`${id}-hint`} className="hint">
          {needsNote ? t('services.step.noteHintRequired') : t('services.step.noteHint')}
        </p>
        {noteMissing ? (
          <p id={`${id}-missing`} className="field-error" role="alert">
            {t('errors.services.application.note_required')}
          </p>
        ) : null}
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={1000}
          aria-describedby={noteMissing ? `${id}-hint ${id}-missing` : `${id}-hint`}
          aria-invalid={noteMissing ? true : undefined}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="svc-step-buttons">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'rejected' ? 'button button--danger' : 'button'}
            data-to={status}
            disabled={transition.isPending}
            onClick={() => step(status)}
          >
            {t(STEP_KEYS[status])}
            {NOTE_REQUIRED.includes(status) ? (
              <span className="visually-hidden"> ({t('services.step.withNote')})</span>
            ) : null}
          </button>
        ))}
      </div>
    </form>
  );
}

interface FeeSectionProps {
  application: Application;
  standard: Standard | undefined;
  officer: boolean;
}

function FeeSection({ application, standard, officer }: FeeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const feeText = useFeeText();
  const fee = application.fee;
  const tierLabel = (code: string) => {
    const tier = standard?.feeTiers.find((candidate) => candidate.code === code);
    return tier ? (format.lang === 'km' ? tier.labelKm : tier.labelEn) : code;
  };
  return (
    <>
      <h2>{t('services.fee.label')}</h2>
      {fee ? (
        <dl className="details svc-fee-paid" data-receipt={fee.receiptNumber}>
          <dt>{t('services.fee.tier')}</dt>
          <dd>{tierLabel(fee.tierCode)}</dd>
          <dt>{t('services.fee.amount')}</dt>
          <dd data-field="amount">{feeText(fee.amountRiel)}</dd>
          {fee.quantity > 1 ? (
            <>
              <dt>{t('services.fee.quantity')}</dt>
              <dd data-field="quantity">{format.number(fee.quantity)}</dd>
            </>
          ) : null}
          <dt>{t('services.fee.receipt')}</dt>
          <dd className="code" data-field="receipt">
            {fee.receiptNumber}
          </dd>
          <dt>{t('services.fee.paidOn')}</dt>
          <dd>{format.date(fee.paidOn)}</dd>
        </dl>
      ) : officer && standard ? (
        <FeeForm application={application} standard={standard} />
      ) : (
        <p>{t('services.fee.notYet')}</p>
      )}
    </>
  );
}

function FeeForm({ application, standard }: { application: Application; standard: Standard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const feeText = useFeeText();
  const id = useId();
  const record = useRecordFee(application.trackingNumber);
  const [tierCode, setTierCode] = useState(
    standard.feeTiers.length === 1 ? (standard.feeTiers[0]?.code ?? '') : '',
  );
  const [receipt, setReceipt] = useState('');
  const [paidOn, setPaidOn] = useState(todayInPhnomPenh());
  const [missing, setMissing] = useState(false);
  const tier = standard.feeTiers.find((candidate) => candidate.code === tierCode);
  // A fee per unit (copies): the tier's amount times the number the application gives.
  const counted = tier?.perUnitField ? application.values[tier.perUnitField] : undefined;
  const quantity = typeof counted === 'number' && Number.isInteger(counted) && counted >= 1 ? counted : 1;
  const amount = tier ? tier.amountRiel * quantity : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tier || receipt.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    record.mutate({
      tierCode: tier.code,
      amountRiel: amount,
      ...(tier.perUnitField ? { quantity } : {}),
      receiptNumber: receipt.trim(),
      paidOn,
    });
  };

  return (
    <form className="form svc-fee-form" onSubmit={submit} noValidate>
      <p className="hint">{t('services.fee.recordHint')}</p>
      {missing ? (
        <div className="error-message" role="alert">
          <p>{t('services.form.fix')}</p>
        </div>
      ) : record.isError ? (
        <ErrorMessage error={record.error} />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-tier`}>
          {t('services.fee.tier')} <RequiredMark />
        </label>
        <select
          id={`${id}-tier`}
          name="tier"
          value={tierCode}
          onChange={(event) => setTierCode(event.target.value)}
        >
          <option value="">{t('services.form.choose')}</option>
          {standard.feeTiers.map((option) => (
            <option key={option.code} value={option.code}>
              {format.lang === 'km' ? option.labelKm : option.labelEn} — {feeText(option.amountRiel)}
            </option>
          ))}
        </select>
      </div>
      {tier ? (
        <p data-field="amount">
          <strong>{t('services.fee.amount')}:</strong>{' '}
          {tier.perUnitField
            ? t('services.fee.perUnitTotal', {
                each: feeText(tier.amountRiel),
                quantity: format.number(quantity),
                total: feeText(amount),
              })
            : feeText(tier.amountRiel)}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-receipt`}>
          {t('services.fee.receipt')} <RequiredMark />
        </label>
        <input
          id={`${id}-receipt`}
          name="receiptNumber"
          type="text"
          maxLength={60}
          autoComplete="off"
          value={receipt}
          onChange={(event) => setReceipt(event.target.value)}
        />
      </div>
      <DateField label={t('services.fee.paidOn')} name="paidOn" value={paidOn} onValue={setPaidOn} />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('services.fee.record')}
      </button>
    </form>
  );
}

function Attachments({ application }: { application: Application }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sizeText = useSizeText();
  const add = useAddAttachment(application.trackingNumber);
  const [files, setFiles] = useState<File[]>([]);
  const open = application.status !== 'closed' && application.attachments.length < MAX_ATTACHMENTS;

  const send = async () => {
    for (const file of files) {
      await add.mutateAsync(file).catch(() => undefined);
    }
    setFiles([]);
  };

  return (
    <>
      <h2>{t('services.files.title')}</h2>
      {application.attachments.length === 0 ? (
        <p>{t('services.files.none')}</p>
      ) : (
        <ul className="svc-attachments">
          {application.attachments.map((attachment) => (
            <li key={attachment.id} data-file={attachment.fileName}>
              <a
                href={attachmentUrl(application.trackingNumber, attachment.id)}
                download={attachment.fileName}
              >
                {attachment.fileName}
              </a>{' '}
              <span className="muted">
                ({sizeText(attachment.sizeBytes)}, {format.dateTime(attachment.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <div className="svc-add-files">
          {add.isError ? <ErrorMessage error={add.error} /> : null}
          <FilePicker files={files} onChange={setFiles} already={application.attachments.length} />
          <button
            type="button"
            className="button button--secondary"
            disabled={files.length === 0 || add.isPending}
            onClick={() => void send()}
          >
            {t('services.files.send')}
          </button>
        </div>
      ) : null}
    </>
  );
}
