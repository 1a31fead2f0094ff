/**
 * /councils/meetings/:id — one meeting: its agenda, the attendance of the members in office on
 * its date with the quorum, and its decisions with their votes. The clerk records the
 * attendance in one table of radio buttons (the meeting is then held), records each decision
 * with its tally, and closes the meeting (its decisions become final) or cancels it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  useDecisionKinds,
  useMeeting,
  useMeetingStatus,
  useRecordAttendance,
  useTakeDecision,
  type MeetingDetail,
} from './api.ts';
import { MinutesSection } from './minutes-section.tsx';
import { ATTENDANCE, OutcomeBadge, StatusBadge, useCanManage, usePick } from './common.tsx';

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(Number(id));
  useDocumentTitle(t('councils.meeting.title'));
  return (
    <article className="meeting-page">
      <Loaded query={meeting}>{(data) => <MeetingView meeting={data} />}</Loaded>
    </article>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pick = usePick();
  const canManage = useCanManage(meeting.unitCode);
  const status = useMeetingStatus(meeting.id);
  return (
    <>
      <h1>
        {t('councils.meeting.heading', {
          organ: pick(meeting.organNameKm, meeting.organNameEn),
          date: format.date(meeting.date),
        })}
      </h1>
      <p className="lead">
        <Link to={`/units/${meeting.unitCode}`}>
          <UnitName code={meeting.unitCode} />
        </Link>
      </p>
      <dl className="details">
        <dt>{t('councils.meeting.kind')}</dt>
        <dd>{t(`councils.meeting.kind.${meeting.kind}`)}</dd>
        <dt>{t('councils.meeting.statusLabel')}</dt>
        <dd>
          <StatusBadge status={meeting.status} /> {meeting.isExample ? <ExampleBadge /> : null}
        </dd>
        <dt>{t('councils.meeting.place')}</dt>
        <dd>
          {[meeting.place, meeting.isOnline ? t('councils.meeting.online') : null]
            .filter(Boolean)
            .join(' · ')}
        </dd>
        <dt>{t('councils.meeting.convenedBy')}</dt>
        <dd>
          {meeting.convenedBy
            ? pick(meeting.convenedBy.nameKm, meeting.convenedBy.nameLatin)
            : t('councils.meeting.convenedBy.none')}
        </dd>
        <dt>{t('councils.meeting.observers')}</dt>
        <dd>
          {t('councils.meeting.observersBySex', {
            female: format.number(meeting.observersFemale),
            male: format.number(meeting.observersMale),
          })}
        </dd>
      </dl>

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('councils.meeting.agenda')}</h2>
        <ol className="agenda-list">
          {meeting.agenda.map((item) => (
            <li key={item.id}>
              {pick(item.titleKm, item.titleEn)}
              {item.documentRef ? <span className="muted"> ({item.documentRef})</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('councils.attendance.title')}</h2>
        <QuorumBox meeting={meeting} />
        {canManage &&
        (meeting.status === 'planned' || meeting.status === 'held') &&
        meeting.decisionCount === 0 &&
        meeting.date <= todayInPhnomPenh() ? (
          <AttendanceForm meeting={meeting} />
        ) : (
          <AttendanceTable meeting={meeting} />
        )}
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('councils.decisions.title')}</h2>
        {meeting.decisions.length === 0 ? <p>{t('councils.decisions.none')}</p> : null}
        {meeting.decisions.map((decision) => (
          <DecisionCard key={decision.id} decision={decision} />
        ))}
        {canManage && meeting.status === 'held' ? <DecisionForm meeting={meeting} /> : null}
      </section>

      <MinutesSection meeting={meeting} />

      {canManage && (meeting.status === 'held' || meeting.status === 'planned') ? (
        <section aria-labelledby="meeting-actions-title" className="import-actions">
          <h2 id="meeting-actions-title">{t('councils.meeting.actions')}</h2>
          {meeting.status === 'held' ? (
            <ConfirmButton
              label={t('councils.meeting.close')}
              question={t('councils.meeting.close.question')}
              confirmLabel={t('councils.meeting.close.confirm')}
              disabled={status.isPending}
              onConfirm={() => status.mutate('closed')}
            />
          ) : (
            <ConfirmButton
              label={t('councils.meeting.cancel')}
              question={t('councils.meeting.cancel.question')}
              confirmLabel={t('councils.meeting.cancel.confirm')}
              disabled={status.isPending}
              onConfirm={() => status.mutate('cancelled')}
            />
          )}
          {status.isError ? <ErrorMessage error={status.error} /> : null}
        </section>
      ) : null}
    </>
  );
}

function QuorumBox({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pick = usePick();
  const { quorum } = meeting;
  return (
    <div className={`quorum ${quorum.met ? 'quorum--met' : 'quorum--missing'}`} role="status">
      <p>
        <strong>{quorum.met ? t('councils.quorum.met') : t('councils.quorum.missing')}</strong>{' '}
        {t('councils.quorum.counts', {
          present: format.number(quorum.present),
          members: format.number(quorum.membersInOffice),
          required: format.number(quorum.required),
        })}
      </p>
      <p>
        {pick(quorum.ruleKm, quorum.ruleEn)}{' '}
        <span className="muted">
          {quorum.legalReference}
          {quorum.referenceIsExample ? ` (${t('councils.quorum.exampleReference')})` : ''}
        </span>
      </p>
    </div>
  );
}

function AttendanceTable({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <DataTable
      items={meeting.attendance}
      className="stack-table attendance-table"
      caption={t('councils.attendance.caption')}
      headers={[
        t('councils.attendance.member'),
        t('councils.attendance.role'),
        t('councils.attendance.status'),
      ]}
      row={(line) => (
        <tr key={line.memberId}>
          <td data-label={t('councils.attendance.member')}>{pick(line.nameKm, line.nameLatin)}</td>
          <td data-label={t('councils.attendance.role')}>{t(`councils.role.${line.role}`)}</td>
          <td data-label={t('councils.attendance.status')}>
            {line.status ? t(`councils.attendance.${line.status}`) : t('councils.attendance.notRecorded')}
          </td>
        </tr>
      )}
    />
  );
}

function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const record = useRecordAttendance(meeting.id);
  const [statuses, setStatuses] = useState<Record<number, string>>(() =>
    Object.fromEntries(meeting.attendance.map((line) => [line.memberId, line.status ?? 'present'])),
  );
  const [female, setFemale] = useState(String(meeting.observersFemale));
  const [male, setMale] = useState(String(meeting.observersMale));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      attendance: Object.entries(statuses).map(([memberId, status]) => ({
        memberId: Number(memberId),
        status,
      })),
      observersFemale: Number(female) || 0,
      observersMale: Number(male) || 0,
    });
  };
  return (
    <form className="form attendance-form" onSubmit={submit}>
      <DataTable
        items={meeting.attendance}
        className="stack-table attendance-table"
        caption={t('councils.attendance.caption')}
        headers={[t('councils.attendance.member'), t('councils.attendance.status')]}
        row={(line) => {
          const name = pick(line.nameKm, line.nameLatin);
          return (
            <tr key={line.memberId}>
              <td data-label={t('councils.attendance.member')}>
                {name} <span className="muted">({t(`councils.role.${line.role}`)})</span>
              </td>
              <td>
                <fieldset>
                  <legend className="visually-hidden">{t('councils.attendance.of', { name })}</legend>
                  {ATTENDANCE.map((status) => (
                    <label key={status}>
                      <input
                        type="radio"
                        name={`attendance-${line.memberId}`}
                        value={status}
                        checked={statuses[line.memberId] === status}
                        onChange={() => setStatuses((all) => ({ ...all, [line.memberId]: status }))}
                      />
                      {t(`councils.attendance.${status}`)}
                    </label>
                  ))}
                </fieldset>
              </td>
            </tr>
          );
        }}
      />
      <div className="tally">
        <InputField
          label={t('councils.meeting.observersFemale')}
          name="observersFemale"
          type="number"
          min={0}
          inputMode="numeric"
          value={female}
          onValue={setFemale}
        />
        <InputField
          label={t('councils.meeting.observersMale')}
          name="observersMale"
          type="number"
          min={0}
          inputMode="numeric"
          value={male}
          onValue={setMale}
        />
      </div>
      <button type="submit" className="button" disabled={record.isPending}>
        {t('councils.attendance.save')}
      </button>
      {record.isError ? <ErrorMessage error={record.error} /> : null}
      {record.isSuccess ? (
        <p className="success-message" role="status">
          {t('councils.attendance.saved')}
        </p>
      ) : null}
    </form>
  );
}

function DecisionCard({ decision }: { decision: MeetingDetail['decisions'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pick = usePick();
  return (
    <article
      className="decision-card"
      id={`decision-${decision.id}`}
      aria-labelledby={`decision-${decision.id}-title`}
    >
      <h3 id={`decision-${decision.id}-title`}>
        {t('councils.decision.numbered', { reference: format.digits(decision.reference) })}{' '}
        {pick(decision.titleKm, decision.titleEn)}
      </h3>
      <p>
        <OutcomeBadge passed={decision.passed} /> {pick(decision.kindNameKm, decision.kindNameEn)}
        {decision.isFinal ? ` · ${t('councils.decision.final')}` : ''}
      </p>
      <p>
        {t('councils.decision.tally', {
          for: format.number(decision.votesFor),
          against: format.number(decision.votesAgainst),
          abstain: format.number(decision.votesAbstain),
          present: format.number(decision.membersPresent),
          members: format.number(decision.membersInOffice),
        })}
      </p>
      {decision.votes.length > 0 ? (
        <ul className="vote-list">
          {decision.votes.map((vote) => (
            <li key={vote.memberId}>
              {pick(vote.nameKm, vote.nameLatin)}: {t(`councils.vote.${vote.vote}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function DecisionForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const kinds = useDecisionKinds();
  const take = useTakeDecision(meeting.id);
  const [kind, setKind] = useState('');
  const [titleKm, setTitleKm] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [item, setItem] = useState(meeting.agenda[0] ? String(meeting.agenda[0].id) : '');
  const [votes, setVotes] = useState({ for: '', against: '', abstain: '' });
  const chosenKind = kind || kinds.data?.[0]?.code || 'other';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    take.mutate(
      {
        kind: chosenKind,
        titleKm: titleKm.trim(),
        titleEn: titleEn.trim() || titleKm.trim(),
        agendaItemId: item ? Number(item) : null,
        tally: {
          for: Number(votes.for) || 0,
          against: Number(votes.against) || 0,
          abstain: Number(votes.abstain) || 0,
        },
      },
      {
        onSuccess: () => {
          setTitleKm('');
          setTitleEn('');
          setVotes({ for: '', against: '', abstain: '' });
        },
      },
    );
  };
  return (
    <form className="form decision-form" onSubmit={submit} aria-labelledby="decision-form-title">
      <h3 id="decision-form-title">{t('councils.decision.new')}</h3>
      <SelectField label={t('councils.decision.kind')} name="kind" value={chosenKind} onValue={setKind}>
        {(kinds.data ?? []).map((option) => (
          <option key={option.code} value={option.code}>
            {pick(option.nameKm, option.nameEn)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('councils.decision.item')} name="agendaItem" value={item} onValue={setItem}>
        <option value="">{t('councils.decision.noItem')}</option>
        {meeting.agenda.map((agendaItem) => (
          <option key={agendaItem.id} value={agendaItem.id}>
            {agendaItem.position}. {pick(agendaItem.titleKm, agendaItem.titleEn)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('councils.decision.titleKm')}
        name="titleKm"
        lang="km"
        required
        maxLength={500}
        value={titleKm}
        onValue={setTitleKm}
      />
      <InputField
        label={t('councils.decision.titleEn')}
        name="titleEn"
        lang="en"
        maxLength={500}
        value={titleEn}
        onValue={setTitleEn}
      />
      <fieldset className="tally">
        <legend>{t('councils.decision.votes')}</legend>
        {(['for', 'against', 'abstain'] as const).map((vote) => (
          <InputField
            key={vote}
            label={t(`councils.vote.${vote}`)}
            name={`votes-${vote}`}
            type="number"
            min={0}
            max={meeting.quorum.present}
            inputMode="numeric"
            required
            value={votes[vote]}
            onValue={(value) => setVotes((all) => ({ ...all, [vote]: value }))}
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={take.isPending}>
        {t('councils.decision.record')}
      </button>
      {take.isError ? <ErrorMessage error={take.error} /> : null}
      {take.isSuccess ? (
        <p className="success-message" role="status">
          {t('councils.decision.recorded', { reference: take.data.reference })}
        </p>
      ) : null}
    </form>
  );
}
