import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { GeoMap } from '../../components/geo-map.tsx';
import { useUnitBoundary } from './api.ts';
import { Loading } from '../../components/query-states.tsx';

/** The unit's outline on a small map, or a quiet note when no boundary has been imported. */
export function UnitOutline({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const boundary = useUnitBoundary(code);
  return (
    <section className="unit-section unit-outline" aria-labelledby="unit-outline-title">
      <h2 id="unit-outline-title">{t('unit.outline.title')}</h2>
      {boundary.isPending ? (
        <Loading />
      ) : boundary.isError ? (
        <ErrorMessage error={boundary.error} onRetry={() => void boundary.refetch()} />
      ) : boundary.data === null ? (
        <p className="muted no-boundary">{t('unit.outline.none')}</p>
      ) : (
        <GeoMap
          data={boundary.data}
          width={320}
          height={240}
          label={t('unit.outline.label', { name })}
          describe={() => name}
        />
      )}
    </section>
  );
}
