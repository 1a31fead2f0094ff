/** Ombudsman officers: the complaints their offices handle, in pages, filtered by status and subject. */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
  HANDLE_COMPLAINTS,
  LIST_PAGE_SIZE,
  useComplaints,
  type ComplaintsQuery,
  type ComplaintStatus,
  type ComplaintSubject,
} from './api.ts';
import { OfficeLinks } from './applications-page.tsx';
import { COMPLAINT_STATUS_KEYS, SUBJECT_KEYS } from './labels.ts';
import { ComplaintStatusBadge } from './parts.tsx';
import { formatTrackingNumber } from './tracking.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import './services.css';
import { pageParam } from '../../lib/page-param.ts';
import { SelectField } from '../../components/fields.tsx';

export function ComplaintsPage() {
  return (
    <RequireSession permission={HANDLE_COMPLAINTS}>
      <Complaints />
    </RequireSession>
  );
}

function Complaints() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.complaints.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const status = (params.get('status') ?? '') as ComplaintStatus | '';
  const subject = (params.get('subject') ?? '') as ComplaintSubject | '';
  const query: ComplaintsQuery = {
    page,
    pageSize: LIST_PAGE_SIZE,
    sort: '-filedOn',
    ...(status ? { status } : {}),
    ...(subject ? { subject } : {}),
  };
  const list = useComplaints(query);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <section className="page svc-page" aria-labelledby="complaints-title">
      <h1 id="complaints-title">{t('services.complaints.title')}</h1>
      <OfficeLinks />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('services.status.label')}
          value={status}
          onChange={(event) => set('status', event.target.value)}
        >
          <option value="">{t('services.filter.all')}</option>
          {COMPLAINT_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(COMPLAINT_STATUS_KEYS[value])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('services.complain.subject')}
          value={subject}
          onChange={(event) => set('subject', event.target.value)}
        >
          <option value="">{t('services.filter.all')}</option>
          {COMPLAINT_SUBJECTS.map((value) => (
            <option key={value} value={value}>
              {t(SUBJECT_KEYS[value])}
            </option>
          ))}
        </SelectField>
      </form>
      <PagedTable
        className="svc-table"
        list={list}
        empty={t('services.complaints.empty')}
        columns={[
          {
            key: 'number',
            label: t('services.number.label'),
            rowHeader: true,
            className: 'code',
            cell: (item) => (
              <Link to={`/complaints/${item.trackingNumber}`}>
                {formatTrackingNumber(item.trackingNumber)}
              </Link>
            ),
          },
          {
            key: 'subject',
            label: t('services.complain.subject'),
            cell: (item) => t(SUBJECT_KEYS[item.subject]),
          },
          {
            key: 'concerned',
            label: t('services.complaint.concerned'),
            cell: (item) => <UnitName code={item.concernedUnitCode} withPath={false} />,
          },
          {
            key: 'status',
            label: t('services.status.label'),
            cell: (item) => <ComplaintStatusBadge status={item.status} />,
          },
          { key: 'filedOn', label: t('services.filedOn'), cell: (item) => format.date(item.filedOn) },
          {
            key: 'complainant',
            label: t('services.complaint.complainant'),
            cell: (item) => item.complainantName ?? t('services.complaint.anonymous'),
          },
        ]}
        rowKey={(item) => item.trackingNumber}
        rowData={(item) => ({ 'data-number': item.trackingNumber })}
        onPage={(p) => set('page', p > 1 ? String(p) : '')}
      />
    </section>
  );
}
