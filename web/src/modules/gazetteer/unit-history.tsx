import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { isMissingRoute, useUnitHistory, type UnitEvent } from './api.ts';
import { EventChange, useEventKindLabel } from './event-change.tsx';
import { Loading } from '../../components/query-states.tsx';

/** The changes of a unit in the gazetteer (created, renamed, moved…), newest first. */
export function UnitHistory({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useEventKindLabel();
  const [page, setPage] = useState(1);
  const history = useUnitHistory(code, page);
  return (
    <section className="unit-section" aria-labelledby="unit-history-title">
      <h2 id="unit-history-title">{t('unit.history.title')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        isMissingRoute(history.error) ? (
          <p className="muted">{t('unit.history.unavailable')}</p>
        ) : (
          <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
        )
      ) : history.data.items.length === 0 ? (
        <p>{t('unit.history.empty')}</p>
      ) : (
        <>
          <ol className="history-list unit-history" aria-busy={history.isFetching}>
            {newestFirst(history.data.items).map((event) => (
              <li key={event.id} className="history-item" data-kind={event.kind}>
                <p className="history-item__head">
                  <strong>{kindLabel(event.kind)}</strong>
                  <span className="muted">
                    {' · '}
                    {event.effectiveDate ? (
                      <time dateTime={event.effectiveDate}>{format.date(event.effectiveDate)}</time>
                    ) : (
                      t('changes.dateUnknown')
                    )}
                  </span>
                </p>
                <EventChange event={event} />
                {event.note ? <p className="event-note">{event.note}</p> : null}
                {event.legalReference ? (
                  <p className="muted event-legal">
                    {t('unit.history.legal')}: {event.legalReference}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <Pager
            page={history.data.page}
            pageSize={history.data.pageSize}
            total={history.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

/** The API lists newest first; sorting again keeps the order if an older API does not. */
function newestFirst(events: UnitEvent[]): UnitEvent[] {
  return [...events].sort(
    (a, b) => (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? '') || b.id - a.id,
  );
}
