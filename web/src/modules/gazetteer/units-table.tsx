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
      columns={[
        // Codes are identifiers that people copy and search: they keep Latin digits.
        { key: 'code', label: t('units.col.code'), className: 'code', cell: (unit) => unit.code },
        {
          key: 'name',
          label: t('units.col.name'),
          rowHeader: true,
          cell: (unit) => <Link to={href(unit.code)}>{unitName(unit, format.lang)}</Link>,
        },
        { key: 'type', label: t('units.col.type'), cell: (unit) => typeLabel(unit.typeCode) },
      ]}
      rowKey={(unit) => unit.code}
      rowData={(unit) => ({ 'data-code': unit.code })}
      onPage={props.onPage}
    />
  );
}
