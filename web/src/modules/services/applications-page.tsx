/**
 * Officers: the applications filed at their offices, in pages, filtered by status, service and
 * overdue; overdue rows stand out (in words as well as colour).
 */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  APPLICATION_STATUSES,
  FILE_APPLICATIONS,
  HANDLE_COMPLAINTS,
  LIST_PAGE_SIZE,
  PROCESS_APPLICATIONS,
  READ_OUTBOX,
  useApplications,
  useStandards,
  type ApplicationsQuery,
  type ApplicationStatus,
  type ApplicationSummary,
} from './api.ts';
import { STATUS_KEYS } from './labels.ts';
import { serviceName } from './parts.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useApplicationColumns } from './application-columns.tsx';
import './services.css';
import { pageParam, withPage } from '../../lib/page-param.ts';
import { SelectField } from '../../components/fields.tsx';

export function ApplicationsPage() {
  return (
    <RequireSession permission={PROCESS_APPLICATIONS}>
      <Applications />
    </RequireSession>
  );
}

/** Links between the officers' pages. */
export function OfficeLinks() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <ul className="chips page-links">
      <li>
        <Link to="/services/calendar">{t('services.office.calendar')}</Link>
      </li>
      {session.can(PROCESS_APPLICATIONS) ? (
        <li>
          <Link to="/applications">{t('services.office.applications')}</Link>
        </li>
      ) : null}
      {session.can(FILE_APPLICATIONS) ? (
        <li>
          <Link to="/applications/new">{t('services.counter.title')}</Link>
        </li>
      ) : null}
      {session.can(HANDLE_COMPLAINTS) ? (
        <li>
          <Link to="/complaints">{t('services.complaints.title')}</Link>
        </li>
      ) : null}
      {session.can(READ_OUTBOX) ? (
        <li>
          <Link to="/outbox">{t('services.outbox.title')}</Link>
        </li>
      ) : null}
      {session.can('services.standard.manage') ? (
        <li>
          <Link to="/services/manage">{t('services.office.manageStandards')}</Link>
        </li>
      ) : null}
    </ul>
  );
}

function Applications() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.office.applications'));
  const columns = useApplicationColumns<ApplicationSummary>();
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const status = (params.get('status') ?? '') as ApplicationStatus | '';
  const service = params.get('service') ?? '';
  const overdue = params.get('overdue') === 'true';
  const query: ApplicationsQuery = {
    page,
    pageSize: LIST_PAGE_SIZE,
    sort: '-filedAt',
    ...(status ? { status } : {}),
    ...(service ? { serviceCode: service } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const list = useApplications(query);
  const standards = useStandards({ page: 1, pageSize: 500, sort: 'nameEn' });

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };

  return (
    <section className="page svc-page" aria-labelledby="applications-title">
      <h1 id="applications-title">{t('services.office.applications')}</h1>
      <OfficeLinks />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('services.status.label')}
          name="status"
          value={status}
          onChange={(event) => set('status', event.target.value)}
        >
          <option value="">{t('services.filter.all')}</option>
          {APPLICATION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(STATUS_KEYS[value])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('services.service')}
          name="service"
          value={service}
          onChange={(event) => set('service', event.target.value)}
        >
          <option value="">{t('services.filter.all')}</option>
          {(standards.data?.items ?? []).map((standard) => (
            <option key={standard.code} value={standard.code}>
              {serviceName(standard, format.lang)}
            </option>
          ))}
        </SelectField>
        <div className="field svc-check">
          <label>
            <input
              type="checkbox"
              name="overdue"
              checked={overdue}
              onChange={(event) => set('overdue', event.target.checked ? 'true' : '')}
            />{' '}
            {t('services.filter.overdue')}
          </label>
        </div>
      </form>
      <PagedTable
        className="svc-table"
        list={list}
        empty={t('services.office.empty')}
        columns={[
          columns.number,
          columns.service(),
          {
            key: 'applicant',
            label: t('services.applicant'),
            rowHeader: true,
            cell: (item) => item.applicantName ?? t('services.person.unnamed'),
          },
          columns.office,
          columns.status,
          { key: 'filedOn', label: t('services.filedOn'), cell: (item) => format.date(item.filedOn) },
          columns.dueDate,
          {
            key: 'feePaid',
            label: t('services.fee.paid'),
            cell: (item) => (item.feePaid ? t('common.yes') : t('common.no')),
          },
        ]}
        rowKey={(item) => item.trackingNumber}
        rowData={(item) => ({ 'data-number': item.trackingNumber })}
        rowClassName={(item) => (item.isOverdue ? 'svc-row--overdue' : undefined)}
        onPage={(p) => setParams(withPage(params, p))}
      />
    </section>
  );
}
