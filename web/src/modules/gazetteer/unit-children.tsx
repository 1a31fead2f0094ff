import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useChildrenPage } from './api.ts';
import { LEVEL_KEYS, unitName, useUnitTypeLabel } from '../../lib/units.ts';

/** The units directly under a unit, paged, each a link to its profile. */
export function UnitChildren({ code, level, asOf }: { code: string; level: number; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const [page, setPage] = useState(1);
  const children = useChildrenPage(code, page, asOf);
  const levelKey = LEVEL_KEYS[String(level + 1)] ?? 'unit.children.title';
  return (
    <section className="unit-section" aria-labelledby="unit-children-title">
      <h2 id="unit-children-title">{t(levelKey)}</h2>
      {children.isPending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : children.isError ? (
        <ErrorMessage error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <p>{t('unit.children.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table unit-children" aria-busy={children.isFetching}>
              <caption className="visually-hidden">
                {t('unit.children.caption', { total: format.number(children.data.total) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('units.col.code')}</th>
                  <th scope="col">{t('units.col.name')}</th>
                  <th scope="col">{t('units.col.type')}</th>
                </tr>
              </thead>
              <tbody>
                {children.data.items.map((unit) => (
                  <tr key={unit.code} data-code={unit.code}>
                    <td className="code">{unit.code}</td>
                    <th scope="row">
                      <Link to={asOf ? `/units/${unit.code}?asOf=${asOf}` : `/units/${unit.code}`}>
                        {unitName(unit, format.lang)}
                      </Link>
                    </th>
                    <td>{typeLabel(unit.typeCode)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={children.data.page}
            pageSize={children.data.pageSize}
            total={children.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
