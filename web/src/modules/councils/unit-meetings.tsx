/**
 * "Meetings and decisions", a section of the unit page: the meetings of the unit's organs and
 * the register of their decisions, each list paged; the clerk's way to convene a meeting.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useUnitDecisions, useUnitMeetings } from './api.ts';
import { OutcomeBadge, StatusBadge, useCanManage, usePick } from './common.tsx';

export function UnitMeetings({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pick = usePick();
  const canManage = useCanManage(code);
  const [meetingPage, setMeetingPage] = useState(1);
  const [decisionPage, setDecisionPage] = useState(1);
  const meetings = useUnitMeetings(code, meetingPage);
  const decisions = useUnitDecisions(code, decisionPage);
  const meetingHeaders = [
    t('councils.meeting.date'),
    t('councils.meeting.organ'),
    t('councils.meeting.kind'),
    t('councils.meeting.statusLabel'),
    { key: 'decisions', label: t('councils.meeting.decisions'), className: 'number' },
  ];
  const decisionHeaders = [
    t('councils.decision.reference'),
    t('councils.decision.date'),
    t('councils.decision.title'),
    t('councils.decision.result'),
  ];
  return (
    <section className="unit-section unit-meetings" aria-labelledby="unit-meetings-title">
      <h2 id="unit-meetings-title">{t('councils.unit.title')}</h2>
      <p>
        <Link to={`/councils/units/${code}/requests`}>{t('councils.requests.link')}</Link>
      </p>
      {canManage ? (
        <p>
          <Link className="button" to={`/councils/units/${code}/meetings/new`}>
            {t('councils.meeting.new')}
          </Link>
        </p>
      ) : null}
      <h3>{t('councils.unit.meetings')}</h3>
      <PagedTable
        list={meetings}
        empty={t('councils.unit.noMeetings')}
        headers={meetingHeaders}
        className="stack-table"
        onPage={setMeetingPage}
        row={(meeting) => (
          <tr key={meeting.id}>
            <td data-label={t('councils.meeting.date')}>
              <Link to={`/councils/meetings/${meeting.id}`}>{format.date(meeting.date)}</Link>
              {meeting.isExample ? <ExampleBadge /> : null}
            </td>
            <td data-label={t('councils.meeting.organ')}>{pick(meeting.organNameKm, meeting.organNameEn)}</td>
            <td data-label={t('councils.meeting.kind')}>{t(`councils.meeting.kind.${meeting.kind}`)}</td>
            <td data-label={t('councils.meeting.statusLabel')}>
              <StatusBadge status={meeting.status} />
            </td>
            <td className="number" data-label={t('councils.meeting.decisions')}>
              {format.number(meeting.decisionCount)}
            </td>
          </tr>
        )}
      />
      <h3>{t('councils.unit.decisions')}</h3>
      <PagedTable
        list={decisions}
        empty={t('councils.unit.noDecisions')}
        headers={decisionHeaders}
        className="stack-table"
        onPage={setDecisionPage}
        row={(decision) => (
          <tr key={decision.id}>
            <td data-label={t('councils.decision.reference')}>
              <Link to={`/councils/meetings/${decision.meetingId}#decision-${decision.id}`}>
                {format.digits(decision.reference)}
              </Link>
            </td>
            <td data-label={t('councils.decision.date')}>{format.date(decision.date)}</td>
            <td data-label={t('councils.decision.title')}>{pick(decision.titleKm, decision.titleEn)}</td>
            <td data-label={t('councils.decision.result')}>
              <OutcomeBadge passed={decision.passed} />
            </td>
          </tr>
        )}
      />
    </section>
  );
}
