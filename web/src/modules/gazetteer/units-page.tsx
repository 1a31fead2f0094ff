import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { api, call } from '../../lib/api/client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { PROVINCE_LEVEL } from '../../lib/units.ts';
import { UnitSearch } from './unit-search.tsx';
import { unitName, useUnitTypeLabel } from '../../lib/units.ts';
import './gazetteer.css';

const PAGE_SIZE = 25;

/** The top of the tree: a search box and the capital and provinces, each opening its profile. */
export function UnitsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['gazetteer', 'units', { level: PROVINCE_LEVEL, page, pageSize: PAGE_SIZE }],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units', {
          params: { query: { level: PROVINCE_LEVEL, page, pageSize: PAGE_SIZE, sort: 'code' } },
          signal,
        }),
      ),
  });
  useDocumentTitle(t('units.title'));

  return (
    <section className="page" aria-labelledby="units-title">
      <h1 id="units-title">{t('units.title')}</h1>
      <p>{t('units.intro')}</p>
      <UnitSearch label={t('unitSearch.label')} />
      <ul className="chips page-links">
        <li>
          <Link to="/map">{t('units.link.map')}</Link>
        </li>
        <li>
          <Link to="/units/changes">{t('units.link.changes')}</Link>
        </li>
      </ul>
      {query.isPending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>{t('units.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table units-table" aria-busy={query.isFetching}>
              <caption>{t('units.caption', { total: format.number(query.data.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('units.col.code')}</th>
                  <th scope="col">{t('units.col.name')}</th>
                  <th scope="col">{t('units.col.type')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((unit) => (
                  <tr key={unit.code} data-code={unit.code}>
                    {/* Codes are identifiers that people copy and search: they keep Latin digits. */}
                    <td className="code">{unit.code}</td>
                    <th scope="row">
                      <Link to={`/units/${unit.code}`}>{unitName(unit, format.lang)}</Link>
                    </th>
                    <td>{typeLabel(unit.typeCode)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
