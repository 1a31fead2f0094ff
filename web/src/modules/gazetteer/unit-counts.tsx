import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useUnitCounts } from './api.ts';
import { LEVEL_KEYS, useUnitTypeLabel } from '../../lib/units.ts';
import { Loading } from '../../components/query-states.tsx';

/** How many units lie below a unit, by level and by type. */
export function UnitCountsSection({ code, asOf }: { code: string; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const counts = useUnitCounts(code, asOf);
  const byLevel = Object.entries(counts.data?.byLevel ?? {})
    .filter(([level]) => Number(level) > code.length / 2)
    .sort(([a], [b]) => Number(a) - Number(b));
  const allTypes = Object.entries(counts.data?.byType ?? {}).filter(([, n]) => n > 0);
  // By type only adds something where a level mixes types (districts and municipalities).
  const byType = allTypes.length > byLevel.length ? allTypes : [];
  return (
    <section className="unit-section" aria-labelledby="unit-counts-title">
      <h2 id="unit-counts-title">{t('unit.counts.title')}</h2>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <ErrorMessage error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <>
          <dl className="counts">
            {byLevel.map(([level, n]) => (
              <div key={level} className="counts__item" data-level={level}>
                <dt>{LEVEL_KEYS[level] ? t(LEVEL_KEYS[level]) : level}</dt>
                <dd className="counts__value">{format.number(n)}</dd>
              </div>
            ))}
          </dl>
          {byType.length > 0 ? (
            <dl className="counts counts--types">
              {byType.map(([typeCode, n]) => (
                <div key={typeCode} className="counts__item" data-type={typeCode}>
                  <dt>{typeLabel(typeCode)}</dt>
                  <dd className="counts__value">{format.number(n)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </>
      )}
    </section>
  );
}
