/**
 * /services/manage (services.standard.manage): the catalogue of service standards as officers
 * manage it, in pages, searchable by name or code: each row's code, names, tier, current
 * version, fees and time limit, linked to its edit page, and a button for a new standard.
 * National officers may change every standard; provincial officers the standards of their
 * province (and add offerings of any standard at their units): the list says which.
 */
import './i18n.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PagedTable } from '../../../components/paged-table.tsx';
import { RequireSession } from '../../../components/require-session.tsx';
import { UnitName } from '../../../components/unit-name.tsx';
import { useSession } from '../../../lib/session.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { TIER_KEYS } from '../labels.ts';
import { TimeLimit, useFeeText } from '../parts.tsx';
import { OfficeLinks } from '../applications-page.tsx';
import type { Standard } from '../api.ts';
import { MANAGE_STANDARDS, useManagedStandards } from './api.ts';
import { feeRange, mayRevise } from './draft.ts';
import { ExampleBadge } from '../../../components/example-badge.tsx';
import '../services.css';
import './admin.css';
import { pageParam, withPage } from '../../../lib/page-param.ts';
import { InputField } from '../../../components/fields.tsx';

export function ManagePage() {
  return (
    <RequireSession permission={MANAGE_STANDARDS}>
      <Manage />
    </RequireSession>
  );
}

function Manage() {
  const { t } = useTranslation();
  useDocumentTitle(t('servicesAdmin.manage.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useManagedStandards({ page, q });
  const units = session.unitsWhere(MANAGE_STANDARDS);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.trim()) next.set('q', typed.trim());
    setParams(next);
  };

  return (
    <section className="page svc-page svc-admin" aria-labelledby="manage-title">
      <h1 id="manage-title">{t('servicesAdmin.manage.title')}</h1>
      <OfficeLinks />
      <p className="lead">{t('servicesAdmin.manage.intro')}</p>
      {units.includes(null) ? null : <p className="notice">{t('servicesAdmin.manage.scopeProvince')}</p>}
      <p>
        <Link to="/services/manage/new" className="button svc-admin__new">
          {t('servicesAdmin.manage.new')}
        </Link>
      </p>
      <form className="filters svc-admin__search" role="search" onSubmit={search}>
        <InputField
          label={t('servicesAdmin.manage.search')}
          name="q"
          type="search"
          value={typed}
          onValue={setTyped}
        />
        <button type="submit" className="button button--secondary">
          {t('servicesAdmin.manage.searchButton')}
        </button>
      </form>
      <StandardsTable list={list} units={units} onPage={(p) => setParams(withPage(params, p))} />
    </section>
  );
}

/** The page of standards, in a wrapper that scrolls sideways on a phone (and takes the keyboard). */
function StandardsTable({
  list,
  units,
  onPage,
}: {
  list: ReturnType<typeof useManagedStandards>;
  units: (string | null)[];
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const caption = (total: string) => t('servicesAdmin.manage.caption', { total });
  return (
    <PagedTable
      className="svc-table svc-admin__list"
      label={list.data ? caption(format.number(list.data.total)) : undefined}
      list={list}
      empty={t('servicesAdmin.manage.empty')}
      caption={caption}
      headers={[
        t('servicesAdmin.field.code'),
        t('servicesAdmin.manage.name'),
        t('servicesAdmin.manage.tier'),
        t('servicesAdmin.manage.version'),
        t('servicesAdmin.manage.fee'),
        t('servicesAdmin.manage.timeLimit'),
        t('servicesAdmin.manage.owner'),
      ]}
      row={(standard) => (
        <StandardRow
          key={standard.code}
          standard={standard}
          canRevise={mayRevise(standard.ownerUnitCode, units)}
        />
      )}
      onPage={onPage}
    />
  );
}

function StandardRow({ standard, canRevise }: { standard: Standard; canRevise: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const feeText = useFeeText();
  const range = feeRange(standard.feeTiers);
  return (
    <tr data-code={standard.code} data-version={standard.currentVersion}>
      <td className="code">
        <Link to={`/services/manage/${encodeURIComponent(standard.code)}`}>{standard.code}</Link>
      </td>
      <th scope="row">
        <span lang="km">{standard.nameKm}</span>
        <br />
        <span lang="en" className="muted">
          {standard.nameEn}
        </span>
        {standard.isExample ? (
          <>
            {' '}
            <ExampleBadge />
          </>
        ) : null}
      </th>
      <td>{t(TIER_KEYS[standard.providerTier] ?? standard.providerTier)}</td>
      <td>{format.number(standard.currentVersion)}</td>
      <td>
        {range === null
          ? '—'
          : range.min === range.max
            ? feeText(range.min)
            : t('servicesAdmin.manage.feeRange', {
                min: feeText(range.min),
                max: feeText(range.max),
                tiers: format.number(standard.feeTiers.length),
              })}
      </td>
      <td>
        <TimeLimit days={standard.timeLimitDays} />
      </td>
      <td>
        {standard.ownerUnitCode === null ? (
          t('servicesAdmin.owner.national')
        ) : (
          <UnitName code={standard.ownerUnitCode} withPath={false} />
        )}
        {canRevise ? null : (
          <>
            <br />
            <span className="muted">{t('servicesAdmin.manage.offeringsOnly')}</span>
          </>
        )}
      </td>
    </tr>
  );
}
