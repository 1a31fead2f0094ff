/**
 * /hr/units/:code — a unit's establishment and staff: the year's figures against the approved
 * establishment, its positions with their holders (a paged table that stacks on a phone), and
 * its staff. Officers of the unit create a position, record a person and assign them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  ASSIGNMENT_KINDS,
  FUNDING_SOURCES,
  LEVELS,
  ORGANS,
  useAddPerson,
  useAddPosition,
  useAssign,
  useEstablishment,
  usePersons,
  usePositions,
  type PersonSummary,
  type Position,
} from './api.ts';
import { MANAGE_ESTABLISHMENT, MANAGE_STAFF, StatusBadge, useCategoryNames, useHolds } from './common.tsx';

export function EstablishmentPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const managesPositions = useHolds(MANAGE_ESTABLISHMENT, code);
  const managesStaff = useHolds(MANAGE_STAFF, code);
  useDocumentTitle(t('hr.establishment.title'));
  return (
    <article className="hr-page">
      <h1>{t('hr.establishment.title')}</h1>
      <p className="lead">
        <Link to={`/units/${code}`}>
          <UnitName code={code} />
        </Link>{' '}
        · <Link to={`/hr/leadership?unit=${code}`}>{t('hr.leadership.link')}</Link>
      </p>
      <Figures code={code} />
      <PositionsSection code={code} />
      {managesPositions ? <PositionForm code={code} /> : null}
      <StaffSection code={code} />
      {managesStaff ? <PersonForm code={code} /> : null}
      {managesStaff ? <AssignForm code={code} /> : null}
    </article>
  );
}

function Figures({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useEstablishment(code);
  if (figures.error) return <ErrorMessage error={figures.error} />;
  const data = figures.data;
  if (!data) return null;
  return (
    <section aria-labelledby="hr-figures-title" className="hr-figures">
      <h2 id="hr-figures-title">
        {t('hr.establishment.figures', { year: format.digits(String(data.year)) })}
      </h2>
      <dl className="details">
        <dt>{t('hr.establishment.approved')}</dt>
        <dd data-field="approved">
          {data.approved === null ? t('hr.establishment.approvedNone') : format.number(data.approved)}
        </dd>
        <dt>{t('hr.establishment.positions')}</dt>
        <dd data-field="positions">{format.number(data.positions)}</dd>
        <dt>{t('hr.establishment.occupied')}</dt>
        <dd data-field="occupied">{format.number(data.occupied)}</dd>
        <dt>{t('hr.establishment.vacant')}</dt>
        <dd data-field="vacant">{format.number(data.vacant)}</dd>
        <dt>{t('hr.establishment.frozen')}</dt>
        <dd data-field="frozen">{format.number(data.frozen)}</dd>
      </dl>
      <p data-field="staff-by-sex">
        {t('hr.establishment.staffBySex', {
          female: format.number(data.staffFemale),
          male: format.number(data.staffMale),
        })}
      </p>
    </section>
  );
}

function PositionsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCategoryNames();
  const [page, setPage] = useState(1);
  const positions = usePositions(code, page);
  return (
    <section aria-labelledby="hr-positions-title" className="hr-positions">
      <h2 id="hr-positions-title">{t('hr.positions')}</h2>
      <PagedTable
        list={positions}
        empty={t('hr.position.none')}
        onPage={setPage}
        rowKey={(position: Position) => String(position.id)}
        rowData={(position) => ({ 'data-position': position.id })}
        columns={[
          {
            key: 'title',
            label: t('hr.position.title'),
            rowHeader: true,
            cell: (position) => (
              <>
                {format.lang === 'km' ? position.titleKm : (position.titleEn ?? position.titleKm)}{' '}
                {position.isExample ? <ExampleBadge /> : null}
              </>
            ),
          },
          { key: 'organ', label: t('hr.organ'), cell: (position) => t(`hr.organ.${position.organ}`) },
          {
            key: 'grade',
            label: t('hr.grade'),
            cell: (position) =>
              position.gradeCode ? names.grade(position.gradeCode) : names.category(position.categoryCode),
          },
          { key: 'level', label: t('hr.level'), cell: (position) => t(`hr.level.${position.level}`) },
          {
            key: 'status',
            label: t('hr.status'),
            cell: (position) => <StatusBadge status={position.status} />,
          },
          {
            key: 'holders',
            label: t('hr.holders'),
            cell: (position) =>
              position.occupants.length === 0
                ? '—'
                : position.occupants.map((occupant, index) => (
                    <span key={occupant.assignmentId}>
                      {index > 0 ? ', ' : ''}
                      <Link to={`/hr/persons/${occupant.personId}`}>
                        {format.lang === 'km' ? occupant.nameKm : occupant.nameLatin}
                      </Link>
                    </span>
                  )),
          },
          {
            key: 'funding',
            label: t('hr.position.fundingSource'),
            cell: (position) => t(`hr.fundingSource.${position.fundingSource}`),
          },
        ]}
      />
    </section>
  );
}

function StaffSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const persons = usePersons(code, page);
  return (
    <section aria-labelledby="hr-staff-title" className="hr-staff">
      <h2 id="hr-staff-title">{t('hr.staff')}</h2>
      <PagedTable
        list={persons}
        empty={t('hr.staffNone')}
        onPage={setPage}
        rowKey={(person: PersonSummary) => String(person.id)}
        rowData={(person) => ({ 'data-person': person.id })}
        columns={[
          {
            key: 'name',
            label: t('hr.nameKm'),
            rowHeader: true,
            cell: (person) => (
              <>
                <Link to={`/hr/persons/${person.id}`}>{person.nameKm}</Link>{' '}
                {person.isExample ? <ExampleBadge /> : null}
              </>
            ),
          },
          { key: 'latin', label: t('hr.nameLatin'), cell: (person) => person.nameLatin },
          { key: 'sex', label: t('hr.sex'), cell: (person) => t(`hr.sex.${person.sex}`) },
        ]}
      />
    </section>
  );
}

function PositionForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const names = useCategoryNames();
  const add = useAddPosition(code);
  const [titleKm, setTitleKm] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [organ, setOrgan] = useState<(typeof ORGANS)[number]>('administration');
  const [categoryCode, setCategoryCode] = useState('cs_b');
  const [gradeCode, setGradeCode] = useState('');
  const [level, setLevel] = useState<(typeof LEVELS)[number]>('staff');
  const [fundingSource, setFundingSource] = useState<(typeof FUNDING_SOURCES)[number]>('sna_budget');
  const [functionCode, setFunctionCode] = useState('');
  const [maxOccupants, setMaxOccupants] = useState('1');
  const grades = names.categories.find((item) => item.code === categoryCode)?.grades ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        titleKm,
        titleEn: titleEn || null,
        organ,
        categoryCode,
        gradeCode: gradeCode || null,
        level,
        fundingSource,
        functionCode: functionCode || null,
        maxOccupants: Number(maxOccupants) || 1,
      },
      { onSuccess: () => setTitleKm('') },
    );
  };
  return (
    <form className="form hr-form position-form" onSubmit={submit}>
      <h2>{t('hr.position.new')}</h2>
      <InputField
        label={t('hr.position.titleKm')}
        name="titleKm"
        value={titleKm}
        onValue={setTitleKm}
        required
      />
      <InputField label={t('hr.position.titleEn')} name="titleEn" value={titleEn} onValue={setTitleEn} />
      <SelectField
        label={t('hr.organ')}
        name="organ"
        value={organ}
        onValue={(value) => setOrgan(value as typeof organ)}
      >
        {ORGANS.map((item) => (
          <option key={item} value={item}>
            {t(`hr.organ.${item}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hr.category')}
        name="categoryCode"
        value={categoryCode}
        onValue={(value) => {
          setCategoryCode(value);
          setGradeCode('');
        }}
      >
        {names.categories.map((item) => (
          <option key={item.code} value={item.code}>
            {names.category(item.code)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('hr.grade')} name="gradeCode" value={gradeCode} onValue={setGradeCode}>
        <option value="">—</option>
        {grades.map((grade) => (
          <option key={grade.code} value={grade.code}>
            {names.grade(grade.code)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hr.level')}
        name="level"
        value={level}
        onValue={(value) => setLevel(value as typeof level)}
      >
        {LEVELS.map((item) => (
          <option key={item} value={item}>
            {t(`hr.level.${item}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hr.position.fundingSource')}
        name="fundingSource"
        value={fundingSource}
        onValue={(value) => setFundingSource(value as typeof fundingSource)}
      >
        {FUNDING_SOURCES.map((item) => (
          <option key={item} value={item}>
            {t(`hr.fundingSource.${item}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('hr.position.function')}
        name="functionCode"
        value={functionCode}
        onValue={setFunctionCode}
        pattern="[a-z][a-z0-9_.]*"
      />
      <InputField
        label={t('hr.position.maxOccupants')}
        name="maxOccupants"
        type="number"
        min={1}
        max={50}
        value={maxOccupants}
        onValue={setMaxOccupants}
      />
      {add.error ? <ErrorMessage error={add.error} /> : null}
      {add.isSuccess ? <p role="status">{t('hr.position.added')}</p> : null}
      <button type="submit" disabled={add.isPending}>
        {t('hr.position.add')}
      </button>
    </form>
  );
}

function PersonForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const names = useCategoryNames();
  const add = useAddPerson(code);
  const [nameKm, setNameKm] = useState('');
  const [nameLatin, setNameLatin] = useState('');
  const [sex, setSex] = useState<'female' | 'male'>('female');
  const [birthDate, setBirthDate] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [categoryCode, setCategoryCode] = useState('cs_b');
  const [gradeCode, setGradeCode] = useState('');
  const [startDate, setStartDate] = useState('');
  const category = names.categories.find((item) => item.code === categoryCode);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        nameKm,
        nameLatin,
        sex,
        birthDate: birthDate || null,
        nationalId: nationalId || null,
        employment: {
          kind: category?.kind ?? 'civil_servant',
          categoryCode,
          gradeCode: gradeCode || null,
          startDate,
        },
      },
      {
        onSuccess: () => {
          setNameKm('');
          setNameLatin('');
          setNationalId('');
        },
      },
    );
  };
  return (
    <form className="form hr-form person-form" onSubmit={submit}>
      <h2>{t('hr.person.new')}</h2>
      <InputField label={t('hr.nameKm')} name="nameKm" value={nameKm} onValue={setNameKm} required />
      <InputField
        label={t('hr.nameLatin')}
        name="nameLatin"
        value={nameLatin}
        onValue={setNameLatin}
        required
      />
      <SelectField
        label={t('hr.sex')}
        name="sex"
        value={sex}
        onValue={(value) => setSex(value as typeof sex)}
      >
        <option value="female">{t('hr.sex.female')}</option>
        <option value="male">{t('hr.sex.male')}</option>
      </SelectField>
      <InputField
        label={t('hr.person.birthDate')}
        name="birthDate"
        type="date"
        value={birthDate}
        onValue={setBirthDate}
      />
      <InputField
        label={t('hr.person.nationalId')}
        name="nationalId"
        value={nationalId}
        onValue={setNationalId}
        pattern="[0-9A-Za-z\-]{4,20}"
      />
      <SelectField
        label={t('hr.category')}
        name="employmentCategory"
        value={categoryCode}
        onValue={(value) => {
          setCategoryCode(value);
          setGradeCode('');
        }}
      >
        {names.categories.map((item) => (
          <option key={item.code} value={item.code}>
            {names.category(item.code)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('hr.grade')} name="employmentGrade" value={gradeCode} onValue={setGradeCode}>
        <option value="">—</option>
        {(category?.grades ?? []).map((grade) => (
          <option key={grade.code} value={grade.code}>
            {names.grade(grade.code)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('hr.startDate')}
        name="employmentStart"
        type="date"
        value={startDate}
        onValue={setStartDate}
        required
      />
      {add.error ? <ErrorMessage error={add.error} /> : null}
      {add.isSuccess ? <p role="status">{t('hr.person.added')}</p> : null}
      <button type="submit" disabled={add.isPending}>
        {t('hr.person.add')}
      </button>
    </form>
  );
}

function AssignForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const positions = usePositions(code, 1);
  const persons = usePersons(code, 1, 200);
  const assign = useAssign();
  const [positionId, setPositionId] = useState('');
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<(typeof ASSIGNMENT_KINDS)[number]>('substantive');
  const [startDate, setStartDate] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({
      positionId: Number(positionId),
      body: { personId: Number(personId), kind, startDate },
    });
  };
  return (
    <form className="form hr-form assign-form" onSubmit={submit}>
      <h2>{t('hr.assign.title')}</h2>
      <SelectField
        label={t('hr.position.title')}
        name="positionId"
        value={positionId}
        onValue={setPositionId}
        required
      >
        <option value="">—</option>
        {(positions.data?.items ?? []).map((position) => (
          <option key={position.id} value={String(position.id)}>
            {format.lang === 'km' ? position.titleKm : (position.titleEn ?? position.titleKm)} (
            {t(`hr.status.${position.status}`)})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hr.assign.person')}
        name="personId"
        value={personId}
        onValue={setPersonId}
        required
      >
        <option value="">—</option>
        {(persons.data?.items ?? []).map((person) => (
          <option key={person.id} value={String(person.id)}>
            {format.lang === 'km' ? person.nameKm : person.nameLatin}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('hr.assign.kind')}
        name="kind"
        value={kind}
        onValue={(value) => setKind(value as typeof kind)}
      >
        {ASSIGNMENT_KINDS.map((item) => (
          <option key={item} value={item}>
            {t(`hr.assignmentKind.${item}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('hr.startDate')}
        name="assignmentStart"
        type="date"
        value={startDate}
        onValue={setStartDate}
        required
      />
      {assign.error ? <ErrorMessage error={assign.error} /> : null}
      {assign.isSuccess ? <p role="status">{t('hr.assign.added')}</p> : null}
      <button type="submit" disabled={assign.isPending}>
        {t('hr.assign.add')}
      </button>
    </form>
  );
}
