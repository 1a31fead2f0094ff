import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PagedTable } from '../../components/paged-table.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useUsers, type UserListQuery } from './api.ts';
import './access.css';
import { pageParam } from '../../lib/page-param.ts';
import { InputField, SelectField } from '../../components/fields.tsx';

const PAGE_SIZE = 20;

export function UsersPage() {
  return (
    <RequireSession permission="access.user.read">
      <Users />
    </RequireSession>
  );
}

type ActiveFilter = 'all' | 'active' | 'disabled';

function Users() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const session = useSession();
  // The filters live in the address, so that a list can be bookmarked and the back button works.
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const q = params.get('q') ?? '';
  const active: ActiveFilter =
    params.get('active') === 'true' ? 'active' : params.get('active') === 'false' ? 'disabled' : 'all';
  const [search, setSearch] = useState(q);

  const query: UserListQuery = {
    page,
    pageSize: PAGE_SIZE,
    sort: 'displayName',
    ...(q ? { q } : {}),
    ...(active === 'all' ? {} : { active: active === 'active' }),
  };
  const users = useUsers(query);

  const update = (changes: Record<string, string | null>) => {
    const nextParams = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') nextParams.delete(key);
      else nextParams.set(key, value);
    }
    setParams(nextParams);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim(), page: null });
  };

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">{t('users.title')}</h1>
        {session.can('access.user.manage') ? (
          <Link to="/admin/users/new" className="button">
            {t('users.new')}
          </Link>
        ) : null}
      </div>
      <p>{t('users.intro')}</p>

      <form className="filters" role="search" onSubmit={submit}>
        <InputField
          label={t('users.search')}
          type="search"
          value={search}
          maxLength={100}
          onValue={setSearch}
        />
        <button type="submit" className="button">
          {t('common.search')}
        </button>
        <SelectField
          label={t('users.filter.status')}
          value={active}
          onChange={(event) => {
            const value = event.target.value as ActiveFilter;
            update({ active: value === 'all' ? null : String(value === 'active'), page: null });
          }}
        >
          <option value="all">{t('users.filter.all')}</option>
          <option value="active">{t('users.filter.active')}</option>
          <option value="disabled">{t('users.filter.disabled')}</option>
        </SelectField>
      </form>

      <PagedTable
        className="users-table"
        list={users}
        empty={t('users.empty')}
        caption={(total) => t('users.caption', { total })}
        columns={[
          {
            key: 'name',
            label: t('user.displayName'),
            rowHeader: true,
            cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>,
          },
          {
            key: 'login',
            label: t('user.login'),
            className: 'login',
            cell: (user) => user.email ?? user.phone,
          },
          {
            key: 'homeUnit',
            label: t('user.homeUnit'),
            cell: (user) => <UnitName code={user.homeUnitCode} withPath={false} />,
          },
          {
            key: 'status',
            label: t('user.status'),
            cell: (user) => (user.isActive ? t('user.active') : t('user.disabled')),
          },
        ]}
        rowKey={(user) => String(user.id)}
        rowData={(user) => ({ 'data-login': user.email ?? user.phone ?? '' })}
        onPage={(p) => update({ page: p === 1 ? null : String(p) })}
      />
    </section>
  );
}
