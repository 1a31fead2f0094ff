/**
 * /councils/units/:code/meetings/new — convene a meeting in one form: the organ, ordinary or
 * extraordinary, the date, the place (or online), who convenes it, and the agenda's items in
 * order. The API checks every rule; its stable code's message shows under the form.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { DateField, InputField, SelectField } from '../../components/fields.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCreateMeeting, useUnitOrgans, type Organ } from './api.ts';
import { MANAGE_MEETINGS, MEETING_KINDS, usePick } from './common.tsx';

interface AgendaDraft {
  key: number;
  titleKm: string;
  titleEn: string;
  documentRef: string;
}

export function NewMeetingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const organs = useUnitOrgans(code);
  useDocumentTitle(t('councils.meeting.new'));
  return (
    <RequireSession permission={MANAGE_MEETINGS}>
      <article className="new-meeting-page">
        <h1>{t('councils.meeting.new')}</h1>
        <p className="lead">
          <UnitName code={code} />
        </p>
        <Loaded query={organs}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('councils.meeting.noOrgans')}</p>
            ) : (
              <MeetingForm code={code} organs={data.items} />
            )
          }
        </Loaded>
      </article>
    </RequireSession>
  );
}

function MeetingForm({ code, organs }: { code: string; organs: Organ[] }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [organId, setOrganId] = useState(String(organs[0]!.id));
  const [kind, setKind] = useState<string>('ordinary');
  const [date, setDate] = useState(todayInPhnomPenh());
  const [place, setPlace] = useState('');
  const [isOnline, setIsOnline] = useState(false);
  const [convenedBy, setConvenedBy] = useState('');
  const [nextKey, setNextKey] = useState(2);
  const [agenda, setAgenda] = useState<AgendaDraft[]>([
    { key: 1, titleKm: '', titleEn: '', documentRef: '' },
  ]);
  const organ = organs.find((item) => String(item.id) === organId) ?? organs[0]!;

  const change = (key: number, field: keyof Omit<AgendaDraft, 'key'>, value: string) =>
    setAgenda((items) => items.map((item) => (item.key === key ? { ...item, [field]: value } : item)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        organId: organ.id,
        body: {
          kind,
          date,
          place: place.trim() || null,
          isOnline,
          convenedBy: convenedBy ? Number(convenedBy) : null,
          agenda: agenda.map((item) => ({
            titleKm: item.titleKm.trim(),
            titleEn: item.titleEn.trim() || item.titleKm.trim(),
            documentRef: item.documentRef.trim() || null,
          })),
        },
      },
      { onSuccess: (meeting) => void navigate(`/councils/meetings/${meeting.id}`) },
    );
  };

  return (
    <form className="form meeting-form" onSubmit={submit}>
      <SelectField
        label={t('councils.meeting.organ')}
        name="organ"
        value={organId}
        onValue={(value) => {
          setOrganId(value);
          setConvenedBy('');
        }}
      >
        {organs.map((item) => (
          <option key={item.id} value={item.id}>
            {pick(item.nameKm, item.nameEn)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('councils.meeting.kind')} name="kind" value={kind} onValue={setKind}>
        {MEETING_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`councils.meeting.kind.${value}`)}
          </option>
        ))}
      </SelectField>
      <DateField label={t('councils.meeting.date')} name="date" required value={date} onValue={setDate} />
      <InputField
        label={t('councils.meeting.place')}
        name="place"
        maxLength={300}
        required={!isOnline}
        value={place}
        onValue={setPlace}
      />
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            name="isOnline"
            checked={isOnline}
            onChange={(event) => setIsOnline(event.target.checked)}
          />{' '}
          {t('councils.meeting.online')}
        </label>
      </div>
      <SelectField
        label={t('councils.meeting.convenedBy')}
        name="convenedBy"
        value={convenedBy}
        onValue={setConvenedBy}
      >
        <option value="">{t('councils.meeting.convenedBy.none')}</option>
        {organ.members.map((member) => (
          <option key={member.id} value={member.id}>
            {pick(member.nameKm, member.nameLatin)}
          </option>
        ))}
      </SelectField>
      <fieldset className="agenda-fieldset">
        <legend>{t('councils.meeting.agenda')}</legend>
        <ol className="agenda-list">
          {agenda.map((item, index) => (
            <li key={item.key} className="agenda-row">
              <InputField
                label={t('councils.agenda.titleKm', { n: index + 1 })}
                name={`agenda-${index}-km`}
                required
                maxLength={500}
                lang="km"
                value={item.titleKm}
                onValue={(value) => change(item.key, 'titleKm', value)}
              />
              <InputField
                label={t('councils.agenda.titleEn', { n: index + 1 })}
                name={`agenda-${index}-en`}
                maxLength={500}
                lang="en"
                value={item.titleEn}
                onValue={(value) => change(item.key, 'titleEn', value)}
              />
              <InputField
                label={t('councils.agenda.document', { n: index + 1 })}
                name={`agenda-${index}-doc`}
                maxLength={300}
                value={item.documentRef}
                onValue={(value) => change(item.key, 'documentRef', value)}
              />
              {agenda.length > 1 ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setAgenda((items) => items.filter((other) => other.key !== item.key))}
                >
                  {t('councils.agenda.remove', { n: index + 1 })}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setAgenda((items) => [...items, { key: nextKey, titleKm: '', titleEn: '', documentRef: '' }]);
            setNextKey((key) => key + 1);
          }}
        >
          {t('councils.agenda.add')}
        </button>
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('councils.meeting.convene')}
        </button>{' '}
        <Link to={`/units/${code}`}>{t('councils.meeting.back')}</Link>
      </p>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </form>
  );
}
