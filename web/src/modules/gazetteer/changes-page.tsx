import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PagedTable } from '../../components/paged-table.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { EVENT_KINDS, isMissingRoute, useChanges, type UnitEvent } from './api.ts';
import { EventChange, useEventKindLabel } from './event-change.tsx';
import './gazetteer.css';
import { pageParam, withPage } from '../../lib/page-param.ts';
import { DateField, SelectField } from '../../components/fields.tsx';

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
  const page = pageParam(params);
  const [draft, setDraft] = useState({ from, to, kind: kind });
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
        <DateField
          label={t('changes.from')}
          name="from"
          required
          value={draft.from}
          max={draft.to || undefined}
          onValue={(from) => setDraft({ ...draft, from })}
        />
        <DateField
          label={t('changes.to')}
          name="to"
          required
          value={draft.to}
          min={draft.from || undefined}
          onValue={(to) => setDraft({ ...draft, to })}
        />
        <SelectField
          label={t('changes.kind')}
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
        </SelectField>
        <button type="submit" className="button">
          {t('changes.show')}
        </button>
      </form>
      {changes.isError && isMissingRoute(changes.error) ? (
        <p className="notice">{t('changes.unavailable')}</p>
      ) : (
        <PagedTable
          className="changes-table"
          list={changes}
          empty={t('changes.empty')}
          caption={(total) => t('changes.caption', { from: format.date(from), to: format.date(to), total })}
          columns={[
            {
              key: 'date',
              label: t('changes.col.date'),
              cell: (event) =>
                event.effectiveDate ? (
                  <time dateTime={event.effectiveDate}>{format.date(event.effectiveDate)}</time>
                ) : (
                  t('changes.dateUnknown')
                ),
            },
            {
              key: 'unit',
              label: t('changes.col.unit'),
              rowHeader: true,
              cell: (event) => {
                const code = event.unitCode;
                const name = eventName(event, format.lang);
                return (
                  <>
                    {code ? <Link to={`/units/${code}`}>{name || code}</Link> : name}{' '}
                    {code ? <span className="code muted">{code}</span> : null}
                  </>
                );
              },
            },
            { key: 'kind', label: t('changes.col.kind'), cell: (event) => kindLabel(event.kind) },
            { key: 'change', label: t('changes.col.change'), cell: (event) => <EventChange event={event} /> },
            {
              key: 'legal',
              label: t('changes.col.legal'),
              cell: (event) => event.legalReference ?? t('audit.value.none'),
            },
          ]}
          rowKey={(event) => String(event.id)}
          rowData={(event) => ({ 'data-kind': event.kind })}
          onPage={(p) => {
            const next = withPage(params, p);
            next.set('from', from);
            next.set('to', to);
            setParams(next);
          }}
        />
      )}
    </section>
  );
}
