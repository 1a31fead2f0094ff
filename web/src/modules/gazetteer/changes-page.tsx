import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { EVENT_KINDS, isMissingRoute, useChanges, type UnitEvent } from './api.ts';
import { EventChange, useEventKindLabel } from './event-change.tsx';
import './gazetteer.css';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function eventName(event: UnitEvent, lang: string): string {
  return lang === 'km' ? event.unitNameKm : event.unitNameLatin;
}

/** The changes of the tree between two dates, as the gazetteer recorded them. */
export function ChangesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useEventKindLabel();
  useDocumentTitle(t('changes.title'));
  const [params, setParams] = useSearchParams();
  const today = todayInPhnomPenh();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = DATE_PATTERN.test(fromParam) ? fromParam : `${today.slice(0, 4)}-01-01`;
  const to = DATE_PATTERN.test(toParam) ? toParam : today;
  const kind = EVENT_KINDS.find((k) => k === params.get('kind')) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ from, to, kind: kind });
  const ids = { from: useId(), to: useId(), kind: useId() };
  const changes = useChanges({ from, to, kind, within: '', page });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = { from: draft.from, to: draft.to };
    if (draft.kind) next.kind = draft.kind;
    setParams(next);
  };

  return (
    <section className="page" aria-labelledby="changes-title">
      <h1 id="changes-title">{t('changes.title')}</h1>
      <p>{t('changes.intro')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.from}>{t('changes.from')}</label>
          <input
            id={ids.from}
            name="from"
            type="date"
            required
            value={draft.from}
            max={draft.to}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('changes.to')}</label>
          <input
            id={ids.to}
            name="to"
            type="date"
            required
            value={draft.to}
            min={draft.from}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('changes.kind')}</label>
          <select
            id={ids.kind}
            name="kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t('changes.kind.all')}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('changes.show')}
        </button>
      </form>
      {changes.isPending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : changes.isError ? (
        isMissingRoute(changes.error) ? (
          <p className="notice">{t('changes.unavailable')}</p>
        ) : (
          <ErrorMessage error={changes.error} onRetry={() => void changes.refetch()} />
        )
      ) : changes.data.items.length === 0 ? (
        <p>{t('changes.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table changes-table" aria-busy={changes.isFetching}>
              <caption>
                {t('changes.caption', {
                  from: format.date(from),
                  to: format.date(to),
                  total: format.number(changes.data.total),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('changes.col.date')}</th>
                  <th scope="col">{t('changes.col.unit')}</th>
                  <th scope="col">{t('changes.col.kind')}</th>
                  <th scope="col">{t('changes.col.change')}</th>
                  <th scope="col">{t('changes.col.legal')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.items.map((event) => {
                  const code = event.unitCode;
                  const name = eventName(event, format.lang);
                  return (
                    <tr key={event.id} data-kind={event.kind}>
                      <td>
                        {event.effectiveDate ? (
                          <time dateTime={event.effectiveDate}>{format.date(event.effectiveDate)}</time>
                        ) : (
                          t('changes.dateUnknown')
                        )}
                      </td>
                      <th scope="row">
                        {code ? <Link to={`/units/${code}`}>{name || code}</Link> : name}{' '}
                        {code ? <span className="code muted">{code}</span> : null}
                      </th>
                      <td>{kindLabel(event.kind)}</td>
                      <td>
                        <EventChange event={event} />
                      </td>
                      <td>{event.legalReference ?? t('audit.value.none')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            page={changes.data.page}
            pageSize={changes.data.pageSize}
            total={changes.data.total}
            onPage={(p) => {
              const next = new URLSearchParams(params);
              next.set('from', from);
              next.set('to', to);
              if (p === 1) next.delete('page');
              else next.set('page', String(p));
              setParams(next);
            }}
          />
        </>
      )}
    </section>
  );
}
