/** Signed in: the citizen's own applications, newest first, each opening its page. */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useMyApplications } from './api.ts';
import { Loading, OverdueBadge, serviceName, StatusBadge } from './parts.tsx';
import { formatTrackingNumber } from './tracking.ts';

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
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMyApplications(page);
  return (
    <section className="page svc-page" aria-labelledby="my-title">
      <h1 id="my-title">{t('services.my.title')}</h1>
      <p>
        <Link to="/services">{t('services.my.findService')}</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="notice">{t('services.my.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table svc-table" aria-busy={list.isFetching}>
              <caption>{t('services.list.caption', { total: format.number(list.data.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('services.number.label')}</th>
                  <th scope="col">{t('services.service')}</th>
                  <th scope="col">{t('services.office')}</th>
                  <th scope="col">{t('services.status.label')}</th>
                  <th scope="col">{t('services.dueDate')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
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
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
