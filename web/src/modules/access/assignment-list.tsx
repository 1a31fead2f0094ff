import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../lib/api/client.ts';
import { UnitName } from '../../components/unit-name.tsx';
import { useFormat } from '../../lib/use-format.ts';
import type { ReactNode } from 'react';
import { DataTable } from '../../components/data-table.tsx';

interface AssignmentListProps {
  assignments: readonly Assignment[];
  /** An action beside each assignment (revoke). */
  action?: (assignment: Assignment) => ReactNode;
}

/** Role assignments as a table: the role in the current language and the unit it covers. */
export function AssignmentList({ assignments, action }: AssignmentListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (assignments.length === 0) return <p>{t('assignments.empty')}</p>;
  return (
    <DataTable
      className="assignments"
      caption={t('assignments.caption')}
      captionHidden
      columns={[
        {
          key: 'role',
          label: t('assignments.col.role'),
          rowHeader: true,
          cell: (assignment) => (format.lang === 'km' ? assignment.roleNameKm : assignment.roleNameEn),
        },
        {
          key: 'unit',
          label: t('assignments.col.unit'),
          cell: (assignment) => <UnitName code={assignment.unitCode} />,
        },
        ...(action ? [{ key: 'actions', label: t('common.actions'), cell: action }] : []),
      ]}
      items={assignments}
      rowKey={(assignment) => String(assignment.id)}
      rowData={(assignment) => ({
        'data-role': assignment.roleCode,
        'data-unit': assignment.unitCode ?? 'national',
      })}
    />
  );
}
