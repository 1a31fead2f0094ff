/**
 * /hr/persons/:id — a staff record: the person, the SNA that holds the record, their employment
 * and assignments with the whole history (moves between SNAs included). An HR manager in scope
 * may ask for the personal details; the API records each such look.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { usePerson, usePersonalDetails, type Person } from './api.ts';
import { useCategoryNames } from './common.tsx';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(Number(id));
  useDocumentTitle(t('hr.person.title'));
  return (
    <article className="hr-page">
      <h1>{t('hr.person.title')}</h1>
      <Loaded query={person}>{(data) => <PersonRecord person={data} />}</Loaded>
    </article>
  );
}

function PersonRecord({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCategoryNames();
  return (
    <>
      <p className="lead">
        <span data-field="name-km">{person.nameKm}</span> · <span lang="en">{person.nameLatin}</span>{' '}
        {person.isExample ? <ExampleBadge /> : null}
      </p>
      <dl className="details">
        <dt>{t('hr.sex')}</dt>
        <dd>{t(`hr.sex.${person.sex}`)}</dd>
        <dt>{t('hr.person.staffOf')}</dt>
        <dd data-field="staff-of">
          <Link to={`/hr/units/${person.unitCode}`}>
            <UnitName code={person.unitCode} />
          </Link>
        </dd>
      </dl>
      {person.canSeePersonal ? <PersonalSection id={person.id} /> : null}
      <section aria-labelledby="hr-employments-title">
        <h2 id="hr-employments-title">{t('hr.person.employments')}</h2>
        <DataTable
          items={person.employments}
          caption={t('hr.person.employments')}
          captionHidden
          rowKey={(item) => String(item.id)}
          columns={[
            {
              key: 'unit',
              label: t('hr.person.staffOf'),
              rowHeader: true,
              cell: (item) => <UnitName code={item.unitCode} withPath={false} />,
            },
            { key: 'kind', label: t('hr.kind'), cell: (item) => t(`hr.employmentKind.${item.kind}`) },
            { key: 'category', label: t('hr.category'), cell: (item) => names.category(item.categoryCode) },
            { key: 'grade', label: t('hr.grade'), cell: (item) => names.grade(item.gradeCode) },
            { key: 'start', label: t('hr.startDate'), cell: (item) => format.date(item.startDate) },
            {
              key: 'end',
              label: t('hr.endDate'),
              cell: (item) => (item.endDate ? format.date(item.endDate) : '—'),
            },
            {
              key: 'reason',
              label: t('hr.person.leavingReason'),
              cell: (item) => (item.leavingReason ? t(`hr.reason.${item.leavingReason}`) : '—'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="hr-assignments-title">
        <h2 id="hr-assignments-title">{t('hr.person.assignments')}</h2>
        {person.assignments.length === 0 ? (
          <p>—</p>
        ) : (
          <DataTable
            items={person.assignments}
            caption={t('hr.person.assignments')}
            captionHidden
            rowKey={(item) => String(item.id)}
            rowData={(item) => ({ 'data-assignment': item.id })}
            columns={[
              {
                key: 'title',
                label: t('hr.position.title'),
                rowHeader: true,
                cell: (item) => (format.lang === 'km' ? item.titleKm : (item.titleEn ?? item.titleKm)),
              },
              {
                key: 'unit',
                label: t('hr.leadership.unit'),
                cell: (item) => <UnitName code={item.unitCode} withPath={false} />,
              },
              { key: 'kind', label: t('hr.kind'), cell: (item) => t(`hr.assignmentKind.${item.kind}`) },
              { key: 'start', label: t('hr.startDate'), cell: (item) => format.date(item.startDate) },
              {
                key: 'end',
                label: t('hr.endDate'),
                cell: (item) => (item.endDate ? format.date(item.endDate) : '—'),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}

function PersonalSection({ id }: { id: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const details = usePersonalDetails(id);
  const data = details.data;
  return (
    <section aria-labelledby="hr-personal-title" className="hr-personal">
      <h2 id="hr-personal-title">{t('hr.person.personal')}</h2>
      <p className="hint">{t('hr.person.personalNote')}</p>
      {data ? (
        <dl className="details">
          <dt>{t('hr.person.birthDate')}</dt>
          <dd>
            {data.birthDate ? format.date(data.birthDate) : '—'} ({t(`hr.ageGroup.${data.ageGroup}`)})
          </dd>
          <dt>{t('hr.person.nationalId')}</dt>
          <dd data-field="national-id">{data.nationalId ?? '—'}</dd>
          <dt>{t('hr.person.hasDisability')}</dt>
          <dd>
            {data.hasDisability === null
              ? t('hr.disability.unknown')
              : t(data.hasDisability ? 'hr.disability.yes' : 'hr.disability.no')}
          </dd>
          <dt>{t('hr.person.ethnicity')}</dt>
          <dd>{data.ethnicity ?? '—'}</dd>
          <dt>{t('hr.person.phone')}</dt>
          <dd>{data.phone ?? '—'}</dd>
        </dl>
      ) : (
        <button type="button" onClick={() => details.mutate()} disabled={details.isPending}>
          {t('hr.person.showPersonal')}
        </button>
      )}
      {details.error ? <ErrorMessage error={details.error} /> : null}
    </section>
  );
}
