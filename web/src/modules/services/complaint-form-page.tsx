/**
 * Public (signed in or not): complain about a service, an office or an officer. It goes to the
 * ombudsman office of the district responsible; the complaint number is shown big to follow it.
 * Contact details are optional: a complaint may be anonymous.
 */
import './i18n.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  COMPLAINT_SUBJECTS,
  useFileComplaint,
  useStandards,
  type Complaint,
  type ComplaintSubject,
} from './api.ts';
import { SUBJECT_KEYS } from './labels.ts';
import { serviceName, TrackingNumberBox } from './parts.tsx';
import { disabilityValue, EMPTY_PERSON, PersonFields, type PersonState } from './person-fields.tsx';
import { RequiredMark } from './service-fields.tsx';
import { parseTrackingInput } from './tracking.ts';
import './services.css';

export const MAX_COMPLAINT_LENGTH = 4000;

type Missing = 'unit' | 'service' | 'officer' | 'description' | 'application';

export function ComplaintFormPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.complain.title'));
  const [params] = useSearchParams();
  const id = useId();
  const file = useFileComplaint();
  const [subject, setSubject] = useState<ComplaintSubject>('service');
  const [unit, setUnit] = useState<UnitChoice>(params.get('unit') ?? undefined);
  const [serviceCode, setServiceCode] = useState(params.get('service') ?? '');
  const [officerName, setOfficerName] = useState('');
  const [applicationNumber, setApplicationNumber] = useState(params.get('application') ?? '');
  const [description, setDescription] = useState('');
  const [person, setPerson] = useState<PersonState>(EMPTY_PERSON);
  const [publishReply, setPublishReply] = useState(false);
  const [missing, setMissing] = useState<Missing[]>([]);
  const [filed, setFiled] = useState<Complaint | null>(null);
  const unitCode = typeof unit === 'string' ? unit : '';
  const offered = useStandards({ unitCode, page: 1, pageSize: 500, sort: 'nameEn' }, unitCode !== '');

  if (filed) {
    return (
      <section className="page svc-page page--narrow" aria-labelledby="complaint-title">
        <h1 id="complaint-title">{t('services.complain.title')}</h1>
        <div className="svc-filed" data-number={filed.trackingNumber}>
          <p className="success-message">{t('services.complain.done')}</p>
          <TrackingNumberBox number={filed.trackingNumber} hint={t('services.number.writeDownComplaint')} />
          <p>
            <Link to={`/track?number=${filed.trackingNumber}`}>{t('services.track.link')}</Link>
          </p>
        </div>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Missing[] = [];
    if (unitCode === '') problems.push('unit');
    if (subject === 'service' && serviceCode === '') problems.push('service');
    if (subject === 'officer' && officerName.trim() === '') problems.push('officer');
    if (description.trim() === '') problems.push('description');
    const number = parseTrackingInput(applicationNumber);
    if (number.kind !== 'empty' && number.kind !== 'ok') problems.push('application');
    setMissing(problems);
    if (problems.length > 0) return;
    const complainant = {
      ...(person.name.trim() ? { name: person.name.trim() } : {}),
      sex: person.sex,
      ageGroup: person.ageGroup,
      disability: disabilityValue(person),
      ...(person.phone.trim() ? { phone: person.phone.trim() } : {}),
    };
    file.mutate(
      {
        subject,
        unitCode,
        ...(subject === 'service' ? { serviceCode } : {}),
        ...(subject === 'officer' ? { officerName: officerName.trim() } : {}),
        ...(number.kind === 'ok' ? { applicationNumber: number.number } : {}),
        description: description.trim(),
        complainant,
        publishReply,
      },
      { onSuccess: setFiled },
    );
  };

  const problem = (what: Missing, key = 'services.form.problem.missing') =>
    missing.includes(what) ? (
      <p id={`${id}-${what}-problem`} className="field-error">
        {t(key)}
      </p>
    ) : null;

  return (
    <section className="page svc-page page--narrow" aria-labelledby="complaint-title">
      <h1 id="complaint-title">{t('services.complain.title')}</h1>
      <p className="lead">{t('services.complain.intro')}</p>
      <form className="form svc-complaint-form" onSubmit={submit} noValidate>
        {missing.length > 0 ? (
          <div className="error-message" role="alert">
            <p>{t('services.form.fix')}</p>
          </div>
        ) : file.isError ? (
          <ErrorMessage error={file.error} />
        ) : null}
        <fieldset className="svc-choice" data-field="subject">
          <legend>
            {t('services.complain.subject')} <RequiredMark />
          </legend>
          {COMPLAINT_SUBJECTS.map((value) => (
            <label key={value} className="svc-choice__option">
              <input
                type="radio"
                name="subject"
                value={value}
                checked={subject === value}
                onChange={() => setSubject(value)}
              />
              <span>{t(SUBJECT_KEYS[value])}</span>
            </label>
          ))}
        </fieldset>
        <UnitPicker
          legend={t('services.complain.unit')}
          hint={t('services.complain.unitHint')}
          value={unit}
          maxLevel={3}
          required
          onChange={(choice) => {
            setUnit(choice);
            setServiceCode('');
          }}
        />
        {problem('unit')}
        {subject === 'service' ? (
          <div className="field">
            <label htmlFor={`${id}-service`}>
              {t('services.service')} <RequiredMark />
            </label>
            {problem('service')}
            <select
              id={`${id}-service`}
              name="service"
              value={serviceCode}
              disabled={unitCode === ''}
              aria-invalid={missing.includes('service') || undefined}
              onChange={(event) => setServiceCode(event.target.value)}
            >
              <option value="">
                {unitCode === '' ? t('services.complain.unitFirst') : t('services.form.choose')}
              </option>
              {(offered.data?.items ?? []).map((standard) => (
                <option key={standard.code} value={standard.code}>
                  {serviceName(standard, format.lang)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {subject === 'officer' ? (
          <div className="field">
            <label htmlFor={`${id}-officer`}>
              {t('services.complain.officer')} <RequiredMark />
            </label>
            {problem('officer')}
            <input
              id={`${id}-officer`}
              name="officerName"
              type="text"
              maxLength={200}
              autoComplete="off"
              value={officerName}
              onChange={(event) => setOfficerName(event.target.value)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-application`}>{t('services.complain.application')}</label>
          <p id={`${id}-application-hint`} className="hint">
            {t('services.complain.applicationHint')}
          </p>
          {problem('application', 'services.track.problem.bad_check')}
          <input
            id={`${id}-application`}
            name="applicationNumber"
            type="text"
            maxLength={20}
            autoComplete="off"
            aria-describedby={`${id}-application-hint`}
            value={applicationNumber}
            onChange={(event) => setApplicationNumber(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>
            {t('services.complain.description')} <RequiredMark />
          </label>
          {problem('description')}
          <textarea
            id={`${id}-description`}
            name="description"
            rows={6}
            maxLength={MAX_COMPLAINT_LENGTH}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <PersonFields
          legend={t('services.complain.you')}
          value={person}
          onChange={setPerson}
          nameRequired={false}
          phoneHint={t('services.complain.phoneHint')}
        />
        <div className="field svc-check">
          <label>
            <input
              type="checkbox"
              name="publishReply"
              checked={publishReply}
              onChange={(event) => setPublishReply(event.target.checked)}
            />{' '}
            {t('services.complain.publishReply')}
          </label>
          <p className="hint">{t('services.complain.publishReplyHint')}</p>
        </div>
        <button type="submit" className="button" disabled={file.isPending}>
          {t('services.complain.submit')}
        </button>
      </form>
    </section>
  );
}
