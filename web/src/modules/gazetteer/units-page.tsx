import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useProvinces } from './api.ts';

function useTypeLabel(): (typeCode: string) => string {
  const { t } = useTranslation();
  return (typeCode) => {
    if (typeCode === 'capital') return t('gazetteer.type.capital');
    if (typeCode === 'province') return t('gazetteer.type.province');
    // A type added later in the gazetteer shows its code until the catalogues learn its name.
    return typeCode;
  };
}

export function UnitsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useTypeLabel();
  const query = useProvinces();
  useDocumentTitle(t('units.title'));

  return (
    <section className="page" aria-labelledby="units-title">
      <h1 id="units-title">{t('units.title')}</h1>
      <p>{t('units.intro')}</p>
      {query.isPending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>{t('units.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
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
                <tr key={unit.code}>
                  {/* Codes are identifiers that people copy and search: they keep Latin digits. */}
                  <td className="code">{unit.code}</td>
                  <th scope="row">{format.lang === 'km' ? unit.nameKm : unit.nameLatin}</th>
                  <td>{typeLabel(unit.typeCode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
