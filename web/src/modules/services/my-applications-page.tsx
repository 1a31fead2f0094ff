/** Signed in: the citizen's own applications, newest first, each opening its page. */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useMyApplications } from './api.ts';
import { OverdueBadge, serviceName, StatusBadge } from './parts.tsx';
import { formatTrackingNumber } from './tracking.ts';
import { PagedTable } from '../../components/paged-table.tsx';
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
  const format = useFormat();
  useDocumentTitle(t('services.my.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const list = useMyApplications(page);
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
        headers={[
          t('services.number.label'),
          t('services.service'),
          t('services.office'),
          t('services.status.label'),
          t('services.dueDate'),
        ]}
        row={(item) => (
          <tr key={item.trackingNumber} data-number={item.trackingNumber}>
            <td className="code">
              <Link to={`/applications/${item.trackingNumber}`}>
                {formatTrackingNumber(item.trackingNumber)}
              </Link>
            </td>
            <th scope="row">{serviceName(item, format.lang)}</th>
            <td>
              <UnitName code={item.unitCode} withPath={false} />
            </td>
            <td>
              <StatusBadge status={item.status} />
            </td>
            <td>
              {format.date(item.dueDate)} {item.isOverdue ? <OverdueBadge /> : null}
            </td>
          </tr>
        )}
        onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
      />
    </section>
  );
}
