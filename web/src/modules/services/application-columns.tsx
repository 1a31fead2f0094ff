/**
 * The columns the lists of applications share (the office's queue, a citizen's own list): the
 * tracking number opening the application, the service, the office, the status and the due
 * date with its overdue mark. Each list adds its own (applicant, filing date, fee).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Column } from '../../components/data-table.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useFormat } from '../../lib/use-format.ts';
import type { ApplicationSummary } from './api.ts';
import { OverdueBadge, serviceName, StatusBadge } from './parts.tsx';
import { formatTrackingNumber } from './tracking.ts';

type Listed = Pick<
  ApplicationSummary,
  'trackingNumber' | 'serviceNameKm' | 'serviceNameEn' | 'unitCode' | 'status' | 'dueDate' | 'isOverdue'
>;

export function useApplicationColumns<Item extends Listed>() {
  const { t } = useTranslation();
  const format = useFormat();
  const number: Column<Item> = {
    key: 'number',
    label: t('services.number.label'),
    className: 'code',
    cell: (item) => (
      <Link to={`/applications/${item.trackingNumber}`}>{formatTrackingNumber(item.trackingNumber)}</Link>
    ),
  };
  /** The service; the row's heading where no applicant is shown (a citizen's own list). */
  const service = (rowHeader = false): Column<Item> => ({
    key: 'service',
    label: t('services.service'),
    rowHeader,
    cell: (item) => serviceName(item, format.lang),
  });
  const office: Column<Item> = {
    key: 'office',
    label: t('services.office'),
    cell: (item) => <UnitName code={item.unitCode} withPath={false} />,
  };
  const status: Column<Item> = {
    key: 'status',
    label: t('services.status.label'),
    cell: (item) => <StatusBadge status={item.status} />,
  };
  const dueDate: Column<Item> = {
    key: 'dueDate',
    label: t('services.dueDate'),
    cell: (item) => (
      <>
        {format.date(item.dueDate)} {item.isOverdue ? <OverdueBadge /> : null}
      </>
    ),
  };
  return { number, service, office, status, dueDate };
}
