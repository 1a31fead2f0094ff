import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../lib/api/client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PROVINCE_LEVEL } from '../../lib/units.ts';
import { UnitSearch } from './unit-search.tsx';
import { UnitsTable } from './units-table.tsx';
import './gazetteer.css';
import { pageParam, withPage } from '../../lib/page-param.ts';

const PAGE_SIZE = 25;

/** The top of the tree: a search box and the capital and provinces, each opening its profile. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
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
      <UnitsTable
        className="units-table"
        list={query}
        empty={t('units.empty')}
        caption={(total) => t('units.caption', { total })}
        onPage={(p) => setParams(withPage(params, p))}
      />
    </section>
  );
}
