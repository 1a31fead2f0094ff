/**
 * /plans/units/:code — a unit's plans: its development plan (vision, goals, status), the
 * village needs it recorded and the priorities made of them, and its 3-year investment program
 * (projects filtered by year, status and sector, with totals). Officers of the unit add a
 * need, a priority and a project, and roll the program to the next year.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { InputField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { PagedSection, usePaging } from '../../components/paged-section.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { unitName, useUnitChildren } from '../../lib/units.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  PROJECT_STATUSES,
  VULNERABLE_GROUPS,
  useAddNeed,
  useAddPriority,
  useAddProject,
  useDeleteNeed,
  useDeletePriority,
  useProgram,
  useProjects,
  useRollProgram,
  useUnitNeeds,
  useUnitPlans,
  useUnitPriorities,
  type Need,
  type Priority,
  type Project,
  type ProjectFilters,
  type ProjectStatus,
} from './api.ts';
import { ProjectStatusBadge, useCanManage, useNames } from './common.tsx';
import { PlanActions, PlanForm } from './plan-actions.tsx';

export function PlansPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const canManage = useCanManage(code);
  useDocumentTitle(t('plans.title'));
  return (
    <article className="plans-page">
      <h1>{t('plans.title')}</h1>
      <p className="lead">
        <Link to={`/units/${code}`}>
          <UnitName code={code} />
        </Link>
      </p>
      <PlanSummary code={code} canManage={canManage} />
      <NeedsSection code={code} canManage={canManage} />
      <PrioritiesSection code={code} canManage={canManage} />
      <ProgramSection code={code} canManage={canManage} />
    </article>
  );
}

function PlanSummary({ code, canManage }: { code: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const plans = useUnitPlans(code);
  const plan = plans.data?.items[0];
  return (
    <section aria-labelledby="plan-title" className="plan-summary">
      <h2 id="plan-title">{t('plans.plan.title')}</h2>
      {plans.error ? <ErrorMessage error={plans.error} /> : null}
      {plans.data && !plan ? <p>{t('plans.plan.none')}</p> : null}
      {plan ? (
        <>
          <dl className="details">
            <dt>{t('plans.plan.years')}</dt>
            <dd data-field="plan-years">
              {format.digits(`${plan.firstYear}–${plan.lastYear}`)} {plan.isExample ? <ExampleBadge /> : null}
            </dd>
            <dt>{t('plans.plan.status')}</dt>
            <dd data-field="plan-status">{t(`plans.plan.statuses.${plan.status}`)}</dd>
            <dt>{t('plans.plan.vision')}</dt>
            <dd>{format.lang === 'km' ? plan.visionKm : (plan.visionEn ?? plan.visionKm)}</dd>
          </dl>
          {plan.goals.length > 0 ? (
            <ul className="plan-goals">
              {plan.goals.map((goal) => (
                <li key={goal.id}>
                  <strong>{names.sector(goal.sectorCode)}:</strong>{' '}
                  {format.lang === 'km' ? goal.textKm : (goal.textEn ?? goal.textKm)}
                </li>
              ))}
            </ul>
          ) : null}
          {canManage ? <PlanActions plan={plan} /> : null}
        </>
      ) : null}
      {canManage && plans.data && !plan ? <PlanForm code={code} /> : null}
    </section>
  );
}

/** A manager's delete button in a row: asks first; the API says why when it refuses. */
function DeleteCell({
  onDelete,
  error,
  pending,
}: {
  onDelete: () => void;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ConfirmButton
        label={t('plans.delete')}
        question={t('plans.deleteQuestion')}
        confirmLabel={t('plans.deleteConfirm')}
        disabled={pending}
        onConfirm={onDelete}
      />
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}

function NeedsSection({ code, canManage }: { code: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const paging = usePaging();
  const needs = useUnitNeeds(code, paging.page);
  const remove = useDeleteNeed();
  return (
    <PagedSection
      headingId="needs-title"
      title={t('plans.needs.title')}
      sectionClassName="plans-needs"
      paging={paging}
      list={needs}
      form={canManage ? <NeedForm code={code} /> : null}
      empty={t('plans.needs.none')}
      rowKey={(need: Need) => String(need.id)}
      rowData={(need) => ({ 'data-need': need.id })}
      columns={[
        {
          key: 'need',
          label: t('plans.needs.need'),
          rowHeader: true,
          cell: (need) => (
            <>
              {need.needText} {need.isExample ? <ExampleBadge /> : null}
            </>
          ),
        },
        {
          key: 'village',
          label: t('plans.needs.village'),
          cell: (need) =>
            unitName({ nameKm: need.villageNameKm, nameLatin: need.villageNameLatin }, format.lang),
        },
        { key: 'sector', label: t('plans.sector'), cell: (need) => names.sector(need.sectorCode) },
        { key: 'date', label: t('plans.needs.meetingDate'), cell: (need) => format.date(need.meetingDate) },
        {
          key: 'attendance',
          label: t('plans.needs.attendance'),
          cell: (need) =>
            t('plans.needs.attendanceBySex', {
              female: format.number(need.attendeesFemale),
              male: format.number(need.attendeesMale),
            }),
        },
        {
          key: 'groups',
          label: t('plans.needs.groups'),
          cell: (need) => need.vulnerableGroups.map((group) => t(`plans.group.${group}`)).join(', ') || '—',
        },
        ...(canManage
          ? [
              {
                key: 'delete',
                label: t('plans.actions'),
                labelHidden: true,
                cell: (need: Need) => (
                  <DeleteCell
                    onDelete={() => remove.mutate(need.id)}
                    pending={remove.isPending}
                    error={remove.variables === need.id ? remove.error : null}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function NeedForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const villages = useUnitChildren(code);
  const add = useAddNeed(code);
  const [villageCode, setVillageCode] = useState('');
  const [needText, setNeedText] = useState('');
  const [sectorCode, setSectorCode] = useState('economic');
  const [meetingDate, setMeetingDate] = useState('');
  const [female, setFemale] = useState('0');
  const [male, setMale] = useState('0');
  const [groups, setGroups] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        villageCode,
        needText,
        sectorCode,
        meetingDate,
        attendeesFemale: Number(female),
        attendeesMale: Number(male),
        vulnerableGroups: groups,
      },
      { onSuccess: () => setNeedText('') },
    );
  };
  return (
    <form className="form plans-form need-form" onSubmit={submit}>
      <h3>{t('plans.needs.new')}</h3>
      <SelectField
        label={t('plans.needs.village')}
        name="villageCode"
        value={villageCode}
        onValue={setVillageCode}
        required
      >
        <option value="">—</option>
        {(villages.data?.items ?? []).map((village) => (
          <option key={village.code} value={village.code}>
            {unitName(village, format.lang)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('plans.needs.need')}
        name="needText"
        value={needText}
        onValue={setNeedText}
        required
      />
      <SelectField label={t('plans.sector')} value={sectorCode} onValue={setSectorCode}>
        {names.sectors.map((sector) => (
          <option key={sector.code} value={sector.code}>
            {names.sector(sector.code)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('plans.needs.meetingDate')}
        name="meetingDate"
        type="date"
        value={meetingDate}
        onValue={setMeetingDate}
        required
      />
      <InputField
        label={t('plans.needs.female')}
        name="attendeesFemale"
        type="number"
        min={0}
        value={female}
        onValue={setFemale}
      />
      <InputField
        label={t('plans.needs.male')}
        name="attendeesMale"
        type="number"
        min={0}
        value={male}
        onValue={setMale}
      />
      <fieldset className="plans-groups">
        <legend>{t('plans.needs.groups')}</legend>
        {VULNERABLE_GROUPS.map((group) => (
          <label key={group} className="checkbox">
            <input
              type="checkbox"
              checked={groups.includes(group)}
              onChange={(event) =>
                setGroups(event.target.checked ? [...groups, group] : groups.filter((item) => item !== group))
              }
            />{' '}
            {t(`plans.group.${group}`)}
          </label>
        ))}
      </fieldset>
      {add.error ? <ErrorMessage error={add.error} /> : null}
      {add.isSuccess ? <p role="status">{t('plans.needs.added')}</p> : null}
      <button type="submit" disabled={add.isPending}>
        {t('plans.needs.add')}
      </button>
    </form>
  );
}

function PrioritiesSection({ code, canManage }: { code: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const paging = usePaging();
  const priorities = useUnitPriorities(code, paging.page);
  const remove = useDeletePriority();
  return (
    <PagedSection
      headingId="priorities-title"
      title={t('plans.priorities.title')}
      sectionClassName="plans-priorities"
      paging={paging}
      list={priorities}
      form={canManage ? <PriorityForm code={code} /> : null}
      empty={t('plans.priorities.none')}
      rowKey={(priority: Priority) => String(priority.id)}
      rowData={(priority) => ({ 'data-priority': priority.id })}
      columns={[
        {
          key: 'rank',
          label: t('plans.priorities.rank'),
          cell: (priority) => format.digits(`${priority.year} · ${priority.rank}`),
        },
        {
          key: 'title',
          label: t('plans.priorities.priority'),
          rowHeader: true,
          cell: (priority) => (
            <>
              {format.lang === 'km' ? priority.titleKm : (priority.titleEn ?? priority.titleKm)}{' '}
              {priority.isExample ? <ExampleBadge /> : null}
            </>
          ),
        },
        { key: 'sector', label: t('plans.sector'), cell: (priority) => names.sector(priority.sectorCode) },
        { key: 'reason', label: t('plans.priorities.reason'), cell: (priority) => priority.reason },
        {
          key: 'villages',
          label: t('plans.priorities.from'),
          cell: (priority) =>
            priority.needs
              .map((need) =>
                unitName({ nameKm: need.villageNameKm, nameLatin: need.villageNameLatin }, format.lang),
              )
              .join(', '),
        },
        ...(canManage
          ? [
              {
                key: 'delete',
                label: t('plans.actions'),
                labelHidden: true,
                cell: (priority: Priority) => (
                  <DeleteCell
                    onDelete={() => remove.mutate(priority.id)}
                    pending={remove.isPending}
                    error={remove.variables === priority.id ? remove.error : null}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function PriorityForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const needs = useUnitNeeds(code, 1);
  const add = useAddPriority(code);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [rank, setRank] = useState('1');
  const [titleKm, setTitleKm] = useState('');
  const [sectorCode, setSectorCode] = useState('economic');
  const [reason, setReason] = useState('');
  const [needIds, setNeedIds] = useState<number[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { year: Number(year), rank: Number(rank), titleKm, sectorCode, reason, needIds },
      { onSuccess: () => setTitleKm('') },
    );
  };
  return (
    <form className="form plans-form priority-form" onSubmit={submit}>
      <h3>{t('plans.priorities.new')}</h3>
      <InputField label={t('plans.year')} name="year" type="number" value={year} onValue={setYear} required />
      <InputField
        label={t('plans.priorities.rank')}
        name="rank"
        type="number"
        min={1}
        value={rank}
        onValue={setRank}
        required
      />
      <InputField
        label={t('plans.priorities.priority')}
        name="titleKm"
        value={titleKm}
        onValue={setTitleKm}
        required
      />
      <SelectField label={t('plans.sector')} value={sectorCode} onValue={setSectorCode}>
        {names.sectors.map((sector) => (
          <option key={sector.code} value={sector.code}>
            {names.sector(sector.code)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('plans.priorities.reason')}
        name="reason"
        value={reason}
        onValue={setReason}
        required
      />
      <fieldset className="plans-groups">
        <legend>{t('plans.priorities.needs')}</legend>
        {(needs.data?.items ?? []).map((need) => (
          <label key={need.id} className="checkbox">
            <input
              type="checkbox"
              data-need-choice={need.id}
              checked={needIds.includes(need.id)}
              onChange={(event) =>
                setNeedIds(
                  event.target.checked ? [...needIds, need.id] : needIds.filter((id) => id !== need.id),
                )
              }
            />{' '}
            {need.needText}
          </label>
        ))}
      </fieldset>
      {add.error ? <ErrorMessage error={add.error} /> : null}
      {add.isSuccess ? <p role="status">{t('plans.priorities.added')}</p> : null}
      <button type="submit" disabled={add.isPending}>
        {t('plans.priorities.add')}
      </button>
    </form>
  );
}

function ProgramSection({ code, canManage }: { code: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const program = useProgram(code);
  const [filters, setFilters] = useState<ProjectFilters>({});
  const paging = usePaging(JSON.stringify(filters));
  const projects = useProjects(code, filters, paging.page);
  const roll = useRollProgram(code);
  const years = program.data?.years ?? [];
  const firstYear = program.data?.firstYear ?? null;
  const total = (year: number) =>
    (program.data?.totals ?? [])
      .filter((item) => item.year === year)
      .reduce((sum, item) => sum + item.amount, 0);
  const filter = (change: ProjectFilters) => setFilters({ ...filters, ...change });
  // The export follows the filters shown.
  const exportQuery = new URLSearchParams(
    Object.entries({ unit: code, ...filters })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  ).toString();
  const summary = (
    <>
      {program.data && program.data.firstYear !== null ? (
        <dl className="details">
          <dt>{t('plans.program.years')}</dt>
          <dd data-field="program-years">{format.digits(`${years[0]}–${years[years.length - 1]}`)}</dd>
          {years.map((year) => (
            <div key={year} className="details-row">
              <dt>{t('plans.program.totalOf', { year: format.digits(String(year)) })}</dt>
              <dd data-field={`program-total-${year}`}>{format.riel(total(year))}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('plans.program.none')}</p>
      )}
      <p className="plans-export">
        {t('plans.program.export')}{' '}
        <a href={`/api/plans/projects.csv?${exportQuery}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/api/plans/projects.xlsx?${exportQuery}`} download>
          XLSX
        </a>
      </p>
      <div className="plans-filters">
        <SelectField
          label={t('plans.year')}
          value={filters.year === undefined ? '' : String(filters.year)}
          onValue={(value) => filter({ year: value === '' ? undefined : Number(value) })}
        >
          <option value="">{t('plans.all')}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {format.digits(String(year))}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('plans.project.status')}
          value={filters.status ?? ''}
          onValue={(value) => filter({ status: value === '' ? undefined : (value as ProjectStatus) })}
        >
          <option value="">{t('plans.all')}</option>
          {PROJECT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`plans.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('plans.sector')}
          value={filters.sector ?? ''}
          onValue={(value) => filter({ sector: value === '' ? undefined : value })}
        >
          <option value="">{t('plans.all')}</option>
          {names.sectors.map((sector) => (
            <option key={sector.code} value={sector.code}>
              {names.sector(sector.code)}
            </option>
          ))}
        </SelectField>
      </div>
    </>
  );
  const manage = canManage ? (
    <>
      <ProjectForm code={code} firstYear={program.data?.firstYear ?? null} />
      {firstYear !== null ? (
        <div className="plans-roll">
          <p className="hint">
            {t('plans.program.rollHint', {
              from: format.digits(String(firstYear)),
              to: format.digits(String(firstYear + 1)),
            })}
          </p>
          {roll.error ? <ErrorMessage error={roll.error} /> : null}
          {roll.data ? (
            <p role="status">{t('plans.program.rolled', { carried: format.number(roll.data.carried) })}</p>
          ) : null}
          <button type="button" disabled={roll.isPending} onClick={() => roll.mutate(firstYear)}>
            {t('plans.program.roll')}
          </button>
        </div>
      ) : null}
    </>
  ) : null;
  return (
    <PagedSection
      headingId="program-title"
      title={t('plans.program.title')}
      sectionClassName="plans-program"
      before={summary}
      paging={paging}
      list={projects}
      form={manage}
      empty={t('plans.program.noProjects')}
      rowKey={(project: Project) => String(project.id)}
      rowData={(project) => ({ 'data-project': project.id })}
      columns={[
        {
          key: 'title',
          label: t('plans.project.title'),
          rowHeader: true,
          cell: (project) => (
            <>
              <Link to={`/plans/projects/${project.id}`}>
                {format.lang === 'km' ? project.titleKm : project.titleEn}
              </Link>{' '}
              {project.isExample ? <ExampleBadge /> : null}
            </>
          ),
        },
        { key: 'sector', label: t('plans.sector'), cell: (project) => names.sector(project.sectorCode) },
        {
          key: 'status',
          label: t('plans.project.status'),
          cell: (project) => <ProjectStatusBadge status={project.status} />,
        },
        {
          key: 'total',
          label: t('plans.project.total'),
          className: 'number',
          cell: (project) => format.riel(project.total),
        },
      ]}
    />
  );
}

function ProjectForm({ code, firstYear }: { code: string; firstYear: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const places = useUnitChildren(code);
  const add = useAddProject(code);
  const [titleKm, setTitleKm] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [sectorCode, setSectorCode] = useState('economic');
  const [kind, setKind] = useState('infrastructure');
  const [outputText, setOutputText] = useState('');
  const [outputQuantity, setOutputQuantity] = useState('1');
  const [outputUnit, setOutputUnit] = useState('');
  const [place, setPlace] = useState(code);
  const [year, setYear] = useState(String(firstYear ?? new Date().getFullYear() + 1));
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [genderReason, setGenderReason] = useState('');
  const [climateMarker, setClimateMarker] = useState('none');
  const [climateReason, setClimateReason] = useState('');
  const sources = Object.entries(amounts)
    .filter(([, value]) => value.trim() !== '' && Number(value) !== 0)
    .map(([fundSource, value]) => ({ fundSource, amount: Number(value) }));
  const total = sources.reduce((sum, source) => sum + source.amount, 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        titleKm,
        titleEn,
        sectorCode,
        kind,
        outputText,
        outputQuantity: Number(outputQuantity),
        outputUnit,
        locations: [place],
        costs: [{ year: Number(year), total, sources }],
        genderMarker: genderReason.trim() !== '',
        genderReason: genderReason.trim() === '' ? null : genderReason,
        climateMarker,
        climateReason: climateReason.trim() === '' ? null : climateReason,
      },
      { onSuccess: () => setTitleKm('') },
    );
  };
  return (
    <form className="form plans-form project-form" onSubmit={submit}>
      <h3>{t('plans.project.new')}</h3>
      <InputField
        label={t('plans.project.titleKm')}
        name="titleKm"
        value={titleKm}
        onValue={setTitleKm}
        required
      />
      <InputField
        label={t('plans.project.titleEn')}
        name="titleEn"
        value={titleEn}
        onValue={setTitleEn}
        required
      />
      <SelectField label={t('plans.sector')} value={sectorCode} onValue={setSectorCode}>
        {names.sectors.map((sector) => (
          <option key={sector.code} value={sector.code}>
            {names.sector(sector.code)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('plans.project.kind')} value={kind} onValue={setKind}>
        <option value="infrastructure">{t('plans.kind.infrastructure')}</option>
        <option value="service">{t('plans.kind.service')}</option>
      </SelectField>
      <SelectField label={t('plans.project.place')} value={place} onValue={setPlace}>
        <option value={code}>{t('plans.project.wholeUnit')}</option>
        {(places.data?.items ?? []).map((unit) => (
          <option key={unit.code} value={unit.code}>
            {unitName(unit, format.lang)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('plans.project.output')}
        name="outputText"
        value={outputText}
        onValue={setOutputText}
        required
      />
      <InputField
        label={t('plans.project.quantity')}
        type="number"
        min={0}
        step="any"
        value={outputQuantity}
        onValue={setOutputQuantity}
      />
      <InputField
        label={t('plans.project.unit')}
        name="outputUnit"
        value={outputUnit}
        onValue={setOutputUnit}
        required
      />
      <InputField label={t('plans.year')} name="year" type="number" value={year} onValue={setYear} required />
      <fieldset className="plans-costs">
        <legend>{t('plans.project.costBySource', { total: format.riel(total) })}</legend>
        {names.fundSources.map((source) => (
          <InputField
            key={source.code}
            label={names.fundSource(source.code)}
            type="number"
            step={1}
            data-fund-source={source.code}
            value={amounts[source.code] ?? ''}
            onValue={(value) => setAmounts({ ...amounts, [source.code]: value })}
          />
        ))}
      </fieldset>
      <TextAreaField
        label={t('plans.project.genderReason')}
        hint={t('plans.project.genderHint')}
        value={genderReason}
        onValue={setGenderReason}
      />
      <SelectField label={t('plans.project.climate')} value={climateMarker} onValue={setClimateMarker}>
        {['none', 'adaptation', 'mitigation', 'both'].map((marker) => (
          <option key={marker} value={marker}>
            {t(`plans.climate.${marker}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('plans.project.climateReason')}
        value={climateReason}
        onValue={setClimateReason}
      />
      {add.error ? <ErrorMessage error={add.error} /> : null}
      {add.data ? (
        <p role="status">
          {t('plans.project.added')} <Link to={`/plans/projects/${add.data.id}`}>{add.data.titleKm}</Link>
        </p>
      ) : null}
      <button type="submit" disabled={add.isPending}>
        {t('plans.project.add')}
      </button>
    </form>
  );
}
