import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, type Crumb } from '../../components/breadcrumb.tsx';
import { useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useUnitSections } from '../../lib/web-module.ts';
import { VILLAGE_LEVEL, type GazetteerUnit } from '../../lib/units.ts';
import { useAncestors, useUnit } from './api.ts';
import { UnitChildren } from './unit-children.tsx';
import { UnitCountsSection } from './unit-counts.tsx';
import { UnitEditForm } from './unit-edit-form.tsx';
import { UnitRestructureForm } from './unit-restructure-form.tsx';
import { UnitHistory } from './unit-history.tsx';
import { UnitOrgans } from './unit-organs.tsx';
import { UnitOutline } from './unit-outline.tsx';
import { unitName, useUnitTypeLabel } from '../../lib/units.ts';
import { Loading } from '../../components/query-states.tsx';
import { DateField } from '../../components/fields.tsx';
import './gazetteer.css';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The public profile of a unit of the tree, optionally as it was on a past date. */
export function UnitPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const rawAsOf = params.get('asOf') ?? '';
  const asOf = DATE_PATTERN.test(rawAsOf) ? rawAsOf : '';
  const unit = useUnit(code, asOf);
  const ancestors = useAncestors(code, asOf);
  const session = useSession();
  // Sections other modules add to the page (transfers, budgets), declared in their index.ts.
  const unitSections = useUnitSections();

  const title = unit.data
    ? t('unit.named', { type: typeLabel(unit.data.typeCode), name: unitName(unit.data, format.lang) })
    : null;
  useDocumentTitle(title ?? t('unit.title'));

  // The API decides; the form is offered where the user's assignments cover this unit.
  const path = ancestors.data?.items ?? [];
  const canEdit = [code, ...path.map((step) => step.code)].some((unit) =>
    session.holdsAt('gazetteer.unit.manage', unit),
  );

  // Merges and splits are national decisions (the API checks gazetteer.import.run).
  const canRestructure = session.canNationally('gazetteer.import.run');

  const setAsOf = (value: string) => setParams(value ? { asOf: value } : {});

  return (
    <section className="page unit-profile" aria-labelledby="unit-title" data-code={code}>
      <UnitBreadcrumb path={path} asOf={asOf} />
      {unit.isPending ? (
        <>
          <h1 id="unit-title" className="code">
            {code}
          </h1>
          <Loading />
        </>
      ) : unit.isError ? (
        <>
          <h1 id="unit-title" className="code">
            {code}
          </h1>
          {asOf && unit.error instanceof ApiError && unit.error.status === 404 ? (
            <p className="notice" role="status">
              {t('unit.asOf.notExisting', { date: format.date(asOf) })}
            </p>
          ) : (
            <ErrorMessage error={unit.error} onRetry={() => void unit.refetch()} />
          )}
          <AsOfForm key={asOf} asOf={asOf} onChange={setAsOf} />
        </>
      ) : (
        <>
          <h1 id="unit-title">{title}</h1>
          {asOf ? (
            <p className="notice as-of-notice" role="status">
              {t('unit.asOf.showing', { date: format.date(asOf) })}
            </p>
          ) : null}
          <AsOfForm key={asOf} asOf={asOf} onChange={setAsOf} />
          <UnitDetails unit={unit.data} />
          {unit.data.level < VILLAGE_LEVEL ? (
            <>
              <UnitCountsSection code={code} asOf={asOf} />
              <UnitChildren code={code} level={unit.data.level} asOf={asOf} />
            </>
          ) : null}
          {unit.data.level < VILLAGE_LEVEL ? <UnitOrgans code={code} /> : null}
          {unit.data.level < VILLAGE_LEVEL && !asOf
            ? unitSections.map(({ name, Component }) => (
                <Suspense key={name} fallback={null}>
                  <Component code={code} />
                </Suspense>
              ))
            : null}
          <UnitOutline code={code} name={title ?? code} />
          <UnitHistory code={code} />
          {canEdit && !asOf ? <UnitEditForm key={code} unit={unit.data} /> : null}
          {canRestructure && !asOf && unit.data.validTo === null ? (
            <UnitRestructureForm key={`restructure-${code}`} unit={unit.data} />
          ) : null}
        </>
      )}
    </section>
  );
}

function UnitBreadcrumb({ path, asOf }: { path: GazetteerUnit[]; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const suffix = asOf ? `?asOf=${asOf}` : '';
  const crumbs: Crumb[] = path.map((step, index) => ({
    code: step.code,
    to: index === path.length - 1 ? undefined : `/units/${step.code}${suffix}`,
    label: t('unit.named', { type: typeLabel(step.typeCode), name: unitName(step, format.lang) }),
  }));
  return <Breadcrumb crumbs={[{ to: '/units', label: t('units.title') }, ...crumbs]} />;
}

function AsOfForm({ asOf, onChange }: { asOf: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(asOf);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(DATE_PATTERN.test(value) ? value : '');
  };
  return (
    <form className="filters as-of-form" onSubmit={submit}>
      <DateField label={t('unit.asOf.label')} name="asOf" value={value} onValue={setValue} />
      <button type="submit" className="button button--secondary">
        {t('unit.asOf.show')}
      </button>
      {asOf ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setValue('');
            onChange('');
          }}
        >
          {t('unit.asOf.today')}
        </button>
      ) : null}
    </form>
  );
}

function UnitDetails({ unit }: { unit: GazetteerUnit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  return (
    <dl className="details unit-details">
      <dt>{t('unit.field.nameKm')}</dt>
      <dd lang="km" data-field="nameKm">
        {unit.nameKm}
      </dd>
      <dt>{t('unit.field.nameLatin')}</dt>
      <dd lang="en" data-field="nameLatin">
        {unit.nameLatin}
      </dd>
      <dt>{t('units.col.type')}</dt>
      <dd data-field="type">{typeLabel(unit.typeCode)}</dd>
      <dt>{t('units.col.code')}</dt>
      <dd className="code">{unit.code}</dd>
      <dt>{t('unit.field.setting')}</dt>
      <dd>{unit.isUrban ? t('unit.urban') : t('unit.rural')}</dd>
      {unit.validFrom ? (
        <>
          <dt>{t('unit.field.validFrom')}</dt>
          <dd>{format.date(unit.validFrom)}</dd>
        </>
      ) : null}
      {unit.validTo ? (
        <>
          <dt>{t('unit.field.validTo')}</dt>
          <dd>{format.date(unit.validTo)}</dd>
        </>
      ) : null}
      <dt>{t('unit.field.source')}</dt>
      <dd>{unit.source}</dd>
    </dl>
  );
}
