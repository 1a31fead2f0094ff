/**
 * /plans/projects/:id — one project of an investment program: what, where, output, markers,
 * the cost table by year × fund source, and (for officers of its unit) the change of status.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { unitName } from '../../lib/units.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { NEXT_STATUSES, useDeleteProject, useProject, useProjectStatus, type Project } from './api.ts';
import { ProjectStatusBadge, useCanManage, useNames } from './common.tsx';

export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(Number(id));
  useDocumentTitle(t('plans.project.page'));
  return (
    <article className="project-page">
      <Loaded query={project}>{(data) => <ProjectDetail project={data} />}</Loaded>
    </article>
  );
}

function ProjectDetail({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const canManage = useCanManage(project.unitCode);
  const years = [...new Set(project.costs.map((cost) => cost.year))].sort();
  const sources = names.fundSources.filter((source) =>
    project.costs.some((cost) => cost.fundSource === source.code),
  );
  const amount = (year: number, source: string) =>
    project.costs.find((cost) => cost.year === year && cost.fundSource === source)?.amount ?? 0;
  return (
    <>
      <h1>
        {format.lang === 'km' ? project.titleKm : project.titleEn}{' '}
        {project.isExample ? <ExampleBadge /> : null}
      </h1>
      <p className="lead">
        <Link to={`/plans/units/${project.unitCode}`}>
          <UnitName code={project.unitCode} />
        </Link>
      </p>
      <dl className="details">
        <dt>{t('plans.project.status')}</dt>
        <dd>
          <ProjectStatusBadge status={project.status} />
        </dd>
        <dt>{t('plans.sector')}</dt>
        <dd>{names.sector(project.sectorCode)}</dd>
        <dt>{t('plans.project.kind')}</dt>
        <dd>{t(`plans.kind.${project.kind}`)}</dd>
        <dt>{t('plans.project.place')}</dt>
        <dd>{project.locations.map((place) => unitName(place, format.lang)).join(', ')}</dd>
        <dt>{t('plans.project.output')}</dt>
        <dd>
          {project.outputText}: {format.number(project.outputQuantity)} {project.outputUnit}
        </dd>
        <dt>{t('plans.project.gender')}</dt>
        <dd>{project.genderMarker ? project.genderReason : t('plans.no')}</dd>
        <dt>{t('plans.project.climate')}</dt>
        <dd>
          {t(`plans.climate.${project.climateMarker}`)}
          {project.climateReason ? `: ${project.climateReason}` : ''}
        </dd>
        <dt>{t('plans.project.total')}</dt>
        <dd data-field="project-total">{format.riel(project.total)}</dd>
      </dl>
      <DataTable
        caption={t('plans.project.costs')}
        items={years}
        rowKey={(year) => String(year)}
        columns={[
          {
            key: 'year',
            label: t('plans.year'),
            rowHeader: true,
            cell: (year) => format.digits(String(year)),
          },
          ...sources.map((source) => ({
            key: source.code,
            label: names.fundSource(source.code),
            className: 'number',
            cell: (year: number) => format.riel(amount(year, source.code)),
          })),
          {
            key: 'total',
            label: t('plans.project.total'),
            className: 'number',
            cell: (year: number) =>
              format.riel(sources.reduce((sum, source) => sum + amount(year, source.code), 0)),
          },
        ]}
      />
      {canManage && NEXT_STATUSES[project.status].length > 0 ? <StatusForm project={project} /> : null}
      {canManage && (project.status === 'proposal' || project.status === 'dropped') ? (
        <DeleteProject project={project} />
      ) : null}
    </>
  );
}

function StatusForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const change = useProjectStatus(project.id);
  const next = NEXT_STATUSES[project.status];
  const [status, setStatus] = useState<string>(next[0]!);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(status);
  };
  return (
    <form className="form plans-form status-form" onSubmit={submit}>
      <h2>{t('plans.project.changeStatus')}</h2>
      <SelectField label={t('plans.project.newStatus')} value={status} onValue={setStatus}>
        {next.map((item) => (
          <option key={item} value={item}>
            {t(`plans.status.${item}`)}
          </option>
        ))}
      </SelectField>
      {change.error ? <ErrorMessage error={change.error} /> : null}
      <button type="submit" disabled={change.isPending}>
        {t('plans.project.saveStatus')}
      </button>
    </form>
  );
}

/** Deletes a proposed or dropped project (the API refuses any other), then back to its unit's plans. */
function DeleteProject({ project }: { project: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteProject();
  return (
    <div className="plans-delete">
      <ConfirmButton
        label={t('plans.project.delete')}
        question={t('plans.deleteQuestion')}
        confirmLabel={t('plans.deleteConfirm')}
        disabled={remove.isPending}
        onConfirm={() =>
          // Not mutate's onSuccess: the refreshed project (now 404) unmounts this button first.
          void remove
            .mutateAsync(project.id)
            .then(() => navigate(`/plans/units/${project.unitCode}`))
            .catch(() => undefined)
        }
      />
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </div>
  );
}
