/**
 * A meeting's minutes on its page: the text in Khmer and its English summary, their status
 * (draft → circulated → adopted), and for the clerk the three steps: write (or correct) the
 * draft, circulate it to the members, adopt it at a later meeting of the organ. Adopted
 * minutes are frozen: no form is offered, and the API refuses a change.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { SelectField, TextAreaField } from '../../components/fields.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useMinutes, useMinutesChange, useOrganMeetings, type MeetingDetail, type Minutes } from './api.ts';
import { useCanManage } from './common.tsx';

export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const minutes = useMinutes(meeting.id);
  const canManage = useCanManage(meeting.unitCode);
  const held = meeting.status === 'held' || meeting.status === 'closed';
  if (!held) return null;
  const current = minutes.data ?? null;
  return (
    <section aria-labelledby="minutes-title" className="minutes">
      <h2 id="minutes-title">{t('councils.minutes.title')}</h2>
      {minutes.isPending ? <p>{t('councils.minutes.loading')}</p> : null}
      {minutes.isError ? <ErrorMessage error={minutes.error} /> : null}
      {minutes.isSuccess && current === null ? <p>{t('councils.minutes.none')}</p> : null}
      {current ? <MinutesText minutes={current} /> : null}
      {canManage && minutes.isSuccess && current?.status !== 'adopted' ? (
        <MinutesSteps meeting={meeting} minutes={current} />
      ) : null}
    </section>
  );
}

function MinutesText({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="minutes-text">
      <p>
        <span className={`status-badge minutes-status minutes-status--${minutes.status}`}>
          {t(`councils.minutes.status.${minutes.status}`)}
        </span>{' '}
        {minutes.status === 'adopted' && minutes.adoptedAtMeetingId !== null && minutes.adoptedOn ? (
          <Link to={`/councils/meetings/${minutes.adoptedAtMeetingId}`}>
            {t('councils.minutes.adoptedAt', { date: format.date(minutes.adoptedOn) })}
          </Link>
        ) : null}
      </p>
      <blockquote lang="km">
        {minutes.textKm.split('\n').map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </blockquote>
      {minutes.summaryEn ? (
        <>
          <h3>{t('councils.minutes.summaryEn')}</h3>
          <p lang="en">{minutes.summaryEn}</p>
        </>
      ) : null}
    </div>
  );
}

function MinutesSteps({ meeting, minutes }: { meeting: MeetingDetail; minutes: Minutes | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = useMinutesChange(meeting.id);
  const later = useOrganMeetings(meeting.organId);
  const [textKm, setTextKm] = useState(minutes?.textKm ?? '');
  const [summaryEn, setSummaryEn] = useState(minutes?.summaryEn ?? '');
  const candidates = (later.data?.items ?? []).filter(
    (other) => other.date > meeting.date && (other.status === 'held' || other.status === 'closed'),
  );
  const [atMeetingId, setAtMeetingId] = useState('');
  const write = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ step: 'write', textKm, summaryEn: summaryEn.trim() === '' ? null : summaryEn });
  };
  const adopt = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Number(atMeetingId || candidates[0]?.id);
    if (chosen > 0) change.mutate({ step: 'adopt', atMeetingId: chosen });
  };
  return (
    <div className="minutes-steps">
      <form className="form" onSubmit={write}>
        <TextAreaField
          label={t('councils.minutes.textKm')}
          name="minutesTextKm"
          lang="km"
          rows={8}
          required
          maxLength={100000}
          value={textKm}
          onValue={setTextKm}
        />
        <TextAreaField
          label={t('councils.minutes.summaryEnOptional')}
          name="minutesSummaryEn"
          lang="en"
          rows={3}
          maxLength={10000}
          value={summaryEn}
          onValue={setSummaryEn}
        />
        <button type="submit" className="button" disabled={change.isPending}>
          {minutes ? t('councils.minutes.save') : t('councils.minutes.write')}
        </button>
        {minutes?.status === 'circulated' ? (
          <p className="hint">{t('councils.minutes.backToDraft')}</p>
        ) : null}
      </form>
      {minutes?.status === 'draft' ? (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ step: 'circulate' })}
        >
          {t('councils.minutes.circulate')}
        </button>
      ) : null}
      {minutes?.status === 'circulated' ? (
        candidates.length === 0 ? (
          <p className="hint">{t('councils.minutes.noLaterMeeting')}</p>
        ) : (
          <form className="form" onSubmit={adopt}>
            <SelectField
              label={t('councils.minutes.adoptAt')}
              name="adoptAt"
              value={atMeetingId || String(candidates[0]!.id)}
              onValue={setAtMeetingId}
            >
              {candidates.map((other) => (
                <option key={other.id} value={other.id}>
                  {format.date(other.date)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button" disabled={change.isPending}>
              {t('councils.minutes.adopt')}
            </button>
          </form>
        )
      ) : null}
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      {change.isSuccess ? (
        <p className="success-message" role="status">
          {t(`councils.minutes.done.${change.data.status}`)}
        </p>
      ) : null}
    </div>
  );
}
