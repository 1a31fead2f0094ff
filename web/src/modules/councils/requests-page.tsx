/**
 * /councils/units/:code/requests — citizens' requests to the council of a unit. Anyone files one
 * (in Khmer, with a phone; no account needed) and gets its number; everyone reads the answered
 * and referred requests (a private answer is not shown) and the counts by sex and topic. The
 * council's clerk sees the requests to handle: puts one on the agenda of a planned meeting, or
 * records the answer (by the chief, or by the council) or the referral.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { InputField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { Pager } from '../../components/pager.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useUnitChildren } from '../../lib/units.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  useAnswerRequest,
  useFileRequest,
  useOrganMeetings,
  useRequestAgenda,
  useRequestStats,
  useUnitRequests,
  type CitizenRequest,
  type RequestStatus,
} from './api.ts';
import { useCanManage, usePick } from './common.tsx';

export const REQUEST_KINDS = ['need', 'problem', 'proposal'] as const;
export const REQUEST_TOPICS = [
  'infrastructure',
  'water_sanitation',
  'health',
  'education',
  'security',
  'environment',
  'agriculture',
  'social',
  'administration',
  'other',
] as const;

export function RequestsPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const canManage = useCanManage(code);
  useDocumentTitle(t('councils.requests.title'));
  return (
    <article className="requests-page">
      <h1>{t('councils.requests.title')}</h1>
      <p className="lead">
        <Link to={`/units/${code}`}>
          <UnitName code={code} />
        </Link>
      </p>
      <RequestCounts code={code} />
      <FileRequestForm code={code} />
      {canManage ? <RequestsToHandle code={code} /> : null}
      <AnsweredRequests code={code} />
    </article>
  );
}

function RequestCounts({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useRequestStats(code);
  if (!stats.data) return null;
  const line = (items: { key: string; count: number }[], prefix: string) =>
    items.map((item) => `${t(`${prefix}.${item.key}`)} ${format.number(item.count)}`).join(' · ');
  return (
    <dl className="details request-counts">
      <dt>{t('councils.requests.total')}</dt>
      <dd data-field="total">{format.number(stats.data.total)}</dd>
      <dt>{t('councils.requests.bySex')}</dt>
      <dd data-field="by-sex">{line(stats.data.bySex, 'councils.requests.sex') || '—'}</dd>
      <dt>{t('councils.requests.byTopic')}</dt>
      <dd data-field="by-topic">{line(stats.data.byTopic, 'councils.requests.topic') || '—'}</dd>
    </dl>
  );
}

function FileRequestForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const places = useUnitChildren(code);
  const file = useFileRequest(code);
  const [placeCode, setPlaceCode] = useState(code);
  const [kind, setKind] = useState<string>('need');
  const [topic, setTopic] = useState<string>('infrastructure');
  const [textKm, setTextKm] = useState('');
  const [name, setName] = useState('');
  const [sex, setSex] = useState('');
  const [phone, setPhone] = useState('');
  const [answerPublic, setAnswerPublic] = useState(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(
      {
        placeCode,
        kind,
        topic,
        textKm,
        name: name.trim() === '' ? null : name,
        sex: sex === '' ? null : sex,
        phone,
        answerPublic,
      },
      { onSuccess: () => setTextKm('') },
    );
  };
  return (
    <section aria-labelledby="file-request-title" className="file-request">
      <h2 id="file-request-title">{t('councils.requests.new')}</h2>
      <p className="hint">{t('councils.requests.newHint')}</p>
      <form className="form request-form" onSubmit={submit}>
        <SelectField
          label={t('councils.requests.place')}
          name="placeCode"
          value={placeCode}
          onValue={setPlaceCode}
        >
          <option value={code}>{t('councils.requests.placeWhole')}</option>
          {(places.data?.items ?? []).map((unit) => (
            <option key={unit.code} value={unit.code}>
              {pick(unit.nameKm, unit.nameLatin)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('councils.requests.kind')} name="kind" value={kind} onValue={setKind}>
          {REQUEST_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`councils.requests.kind.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('councils.requests.topicLabel')} name="topic" value={topic} onValue={setTopic}>
          {REQUEST_TOPICS.map((value) => (
            <option key={value} value={value}>
              {t(`councils.requests.topic.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('councils.requests.textKm')}
          name="textKm"
          lang="km"
          rows={5}
          required
          maxLength={5000}
          value={textKm}
          onValue={setTextKm}
        />
        <InputField
          label={t('councils.requests.phone')}
          hint={t('councils.requests.phoneHint')}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          maxLength={30}
          value={phone}
          onValue={setPhone}
        />
        <InputField
          label={t('councils.requests.name')}
          name="name"
          autoComplete="name"
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <SelectField label={t('councils.requests.sexLabel')} name="sex" value={sex} onValue={setSex}>
          <option value="">{t('councils.requests.sex.not_said')}</option>
          <option value="female">{t('councils.requests.sex.female')}</option>
          <option value="male">{t('councils.requests.sex.male')}</option>
        </SelectField>
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              name="answerPublic"
              checked={answerPublic}
              onChange={(event) => setAnswerPublic(event.target.checked)}
            />{' '}
            {t('councils.requests.answerPublic')}
          </label>
        </div>
        <button type="submit" className="button" disabled={file.isPending}>
          {t('councils.requests.send')}
        </button>
        {file.isError ? <ErrorMessage error={file.error} /> : null}
        {file.isSuccess ? (
          <p className="success-message" role="status">
            {t('councils.requests.received')} <strong data-field="request-number">{file.data.number}</strong>
          </p>
        ) : null}
      </form>
    </section>
  );
}

function RequestCard({ request, children }: { request: CitizenRequest; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="request-card" data-number={request.number}>
      <p>
        <strong>{request.number}</strong> · {format.date(request.filedOn)} ·{' '}
        {t(`councils.requests.kind.${request.kind}`)} · {t(`councils.requests.topic.${request.topic}`)} ·{' '}
        <span className={`status-badge request-status request-status--${request.status}`}>
          {t(`councils.requests.status.${request.status}`)}
        </span>
        {request.isExample ? <ExampleBadge /> : null}
      </p>
      <blockquote lang="km">{request.textKm}</blockquote>
      {request.person ? (
        <p className="muted">
          {[
            request.person.name,
            request.person.sex ? t(`councils.requests.sex.${request.person.sex}`) : null,
            request.person.phone,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      {request.answerKm ? (
        <div className="request-answer">
          <p>
            {request.answeredBy ? t(`councils.requests.answeredBy.${request.answeredBy}`) : null}
            {request.answeredOn ? ` (${format.date(request.answeredOn)})` : null}
            {request.referredTo ? ` → ${request.referredTo}` : null}
          </p>
          <p lang="km">{request.answerKm}</p>
          {request.answerEn ? <p lang="en">{request.answerEn}</p> : null}
        </div>
      ) : request.status === 'answered' || request.status === 'referred' ? (
        <p className="muted">{t('councils.requests.answerPrivate')}</p>
      ) : null}
      {request.meetingId ? (
        <p>
          <Link to={`/councils/meetings/${request.meetingId}`}>{t('councils.requests.onAgendaOf')}</Link>
        </p>
      ) : null}
      {children}
    </li>
  );
}

function AnsweredRequests({ code }: { code: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useUnitRequests(code, page);
  return (
    <section aria-labelledby="answered-requests-title">
      <h2 id="answered-requests-title">{t('councils.requests.answered')}</h2>
      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('councils.requests.noneAnswered')}</p> : null}
      <ul className="request-list answered-requests">
        {(list.data?.items ?? []).map((request) => (
          <RequestCard key={request.number} request={request} />
        ))}
      </ul>
      {list.data ? (
        <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
      ) : null}
    </section>
  );
}

function RequestsToHandle({ code }: { code: string }) {
  const { t } = useTranslation();
  const received = useUnitRequests(code, 1, 'received');
  const onAgenda = useUnitRequests(code, 1, 'on_agenda');
  const items = [...(received.data?.items ?? []), ...(onAgenda.data?.items ?? [])];
  return (
    <section aria-labelledby="requests-to-handle-title">
      <h2 id="requests-to-handle-title">{t('councils.requests.toHandle')}</h2>
      {items.length === 0 ? <p>{t('councils.requests.noneToHandle')}</p> : null}
      <ul className="request-list requests-to-handle">
        {items.map((request) => (
          <RequestCard key={request.number} request={request}>
            <HandleRequest request={request} />
          </RequestCard>
        ))}
      </ul>
    </section>
  );
}

function HandleRequest({ request }: { request: CitizenRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meetings = useOrganMeetings(request.organId);
  const agenda = useRequestAgenda(request.number);
  const answer = useAnswerRequest(request.number);
  const planned = (meetings.data?.items ?? []).filter((meeting) => meeting.status === 'planned');
  const [meetingId, setMeetingId] = useState('');
  const [outcome, setOutcome] = useState<'answered' | 'referred'>('answered');
  const [answeredBy, setAnsweredBy] = useState<'chief' | 'council'>('chief');
  const [answerKm, setAnswerKm] = useState('');
  const [answerEn, setAnswerEn] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const status: RequestStatus = request.status;
  const submitAnswer = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate({
      outcome,
      answeredBy,
      answerKm,
      answerEn: answerEn.trim() === '' ? null : answerEn,
      referredTo: outcome === 'referred' ? referredTo : null,
    });
  };
  return (
    <div className="handle-request">
      {status === 'received' && planned.length > 0 ? (
        <form
          className="form agenda-request-form"
          onSubmit={(event) => {
            event.preventDefault();
            agenda.mutate(Number(meetingId || planned[0]!.id));
          }}
        >
          <SelectField
            label={t('councils.requests.agendaOf')}
            name="meetingId"
            value={meetingId || String(planned[0]!.id)}
            onValue={setMeetingId}
          >
            {planned.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {format.date(meeting.date)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={agenda.isPending}>
            {t('councils.requests.putOnAgenda')}
          </button>
          {agenda.isError ? <ErrorMessage error={agenda.error} /> : null}
        </form>
      ) : null}
      <form className="form answer-request-form" onSubmit={submitAnswer}>
        <SelectField
          label={t('councils.requests.outcome')}
          name="outcome"
          value={outcome}
          onValue={(value) => setOutcome(value as 'answered' | 'referred')}
        >
          <option value="answered">{t('councils.requests.status.answered')}</option>
          <option value="referred">{t('councils.requests.status.referred')}</option>
        </SelectField>
        <SelectField
          label={t('councils.requests.answeredByLabel')}
          name="answeredBy"
          value={answeredBy}
          onValue={(value) => setAnsweredBy(value as 'chief' | 'council')}
        >
          <option value="chief">{t('councils.requests.answeredBy.chief')}</option>
          <option value="council">{t('councils.requests.answeredBy.council')}</option>
        </SelectField>
        {outcome === 'referred' ? (
          <InputField
            label={t('councils.requests.referredTo')}
            name="referredTo"
            required
            maxLength={300}
            value={referredTo}
            onValue={setReferredTo}
          />
        ) : null}
        <TextAreaField
          label={t('councils.requests.answerKm')}
          name="answerKm"
          lang="km"
          rows={4}
          required
          maxLength={5000}
          value={answerKm}
          onValue={setAnswerKm}
        />
        <TextAreaField
          label={t('councils.requests.answerEn')}
          name="answerEn"
          lang="en"
          rows={2}
          maxLength={5000}
          value={answerEn}
          onValue={setAnswerEn}
        />
        <button type="submit" className="button" disabled={answer.isPending}>
          {t('councils.requests.sendAnswer')}
        </button>
        {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      </form>
    </div>
  );
}
