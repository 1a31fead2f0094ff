import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../lib/api/client.ts';
import { UnitName } from '../../components/unit-name.tsx';
import { useFormat } from '../../lib/use-format.ts';
import type { ReactNode } from 'react';

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
    <div className="table-wrap">
      <table className="data-table assignments">
        <caption className="visually-hidden">{t('assignments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assignments.col.role')}</th>
            <th scope="col">{t('assignments.col.unit')}</th>
            {action ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {assignments.map((assignment) => (
            <tr
              key={assignment.id}
              data-role={assignment.roleCode}
              data-unit={assignment.unitCode ?? 'national'}
            >
              <th scope="row">{format.lang === 'km' ? assignment.roleNameKm : assignment.roleNameEn}</th>
              <td>
                <UnitName code={assignment.unitCode} />
              </td>
              {action ? <td>{action(assignment)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
