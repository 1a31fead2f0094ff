/** Signed in: the citizen's own applications, newest first, each opening its page. */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMyApplications } from './api.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { useApplicationColumns } from './application-columns.tsx';
import './services.css';
import { pageParam } from '../../lib/page-param.ts';

export function MyApplicationsPage() {
  return (
    <RequireSession>
      <MyApplications />
    </RequireSession>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  useDocumentTitle(t('services.my.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const list = useMyApplications(page);
  const columns = useApplicationColumns<NonNullable<typeof list.data>['items'][number]>();
  return (
    <section className="page svc-page" aria-labelledby="my-title">
      <h1 id="my-title">{t('services.my.title')}</h1>
      <p>
        <Link to="/services">{t('services.my.findService')}</Link>
      </p>
      <PagedTable
        className="svc-table"
        list={list}
        empty={t('services.my.empty')}
        columns={[columns.number, columns.service(true), columns.office, columns.status, columns.dueDate]}
        rowKey={(item) => item.trackingNumber}
        rowData={(item) => ({ 'data-number': item.trackingNumber })}
        onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
      />
    </section>
  );
}
