/** A page of units (code, name linking to the profile, type): the provinces, a unit's children. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable, type Page } from '../../components/paged-table.tsx';
import type { QueryLike } from '../../components/query-states.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { unitName, useUnitTypeLabel } from '../../lib/units.ts';

interface UnitRow {
  code: string;
  nameKm: string;
  nameLatin: string;
  typeCode: string;
}

export function UnitsTable<Unit extends UnitRow>(props: {
  list: QueryLike<Page<Unit>> & { isFetching: boolean };
  className: string;
  empty: ReactNode;
  caption: (total: string) => ReactNode;
  captionHidden?: boolean;
  /** The profile's address; `/units/<code>` by default. */
  href?: (code: string) => string;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const href = props.href ?? ((code: string) => `/units/${code}`);
  return (
    <PagedTable
      className={props.className}
      list={props.list}
      empty={props.empty}
      caption={props.caption}
      captionHidden={props.captionHidden}
      headers={[t('units.col.code'), t('units.col.name'), t('units.col.type')]}
      row={(unit) => (
        <tr key={unit.code} data-code={unit.code}>
          {/* Codes are identifiers that people copy and search: they keep Latin digits. */}
          <td className="code">{unit.code}</td>
          <th scope="row">
            <Link to={href(unit.code)}>{unitName(unit, format.lang)}</Link>
          </th>
          <td>{typeLabel(unit.typeCode)}</td>
        </tr>
      )}
      onPage={props.onPage}
    />
  );
}
