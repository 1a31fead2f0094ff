import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../lib/api/client.ts';
import { ApiError } from '../lib/api/problem.ts';
import type { paths } from '../lib/api/schema.d.ts';
import { changesOf } from '../lib/diff.ts';
import { useFormat } from '../lib/use-format.ts';
import { ErrorMessage } from './error-message.tsx';

type AuditRecord =
  paths['/api/audit/history/{entityType}/{entityId}']['get']['responses'][200]['content']['application/json']['items'][number];

export interface EntityRef {
  entityType: string;
  entityId: string;
}

interface RecordHistoryProps extends EntityRef {
  /** Other records whose history belongs with this one (a person's role assignments). */
  related?: readonly EntityRef[];
  /** Shows a field's value in a friendlier form (a unit's name for its code); undefined: as is. */
  formatValue?: (field: string, value: unknown) => ReactNode | undefined;
  headingLevel?: 2 | 3;
}

const PAGE_SIZE = 100;

/** A refusal (4xx) will not change on retry; a lost connection or a server error may. */
function retryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status !== undefined && error.status < 500);
}

export function historyQueryKey(entityType: string, entityId: string) {
  return ['audit', 'history', entityType, entityId] as const;
}

/** The audit trail of a record, newest first: when, who, what, and the values before and after. */
export function RecordHistory({
  entityType,
  entityId,
  related = [],
  formatValue,
  headingLevel = 2,
}: RecordHistoryProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const entities = [{ entityType, entityId }, ...related];
  const queries = useQueries({
    queries: entities.map((entity) => ({
      queryKey: historyQueryKey(entity.entityType, entity.entityId),
      staleTime: 0,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(
          api.GET('/api/audit/history/{entityType}/{entityId}', {
            params: { path: entity, query: { page: 1, pageSize: PAGE_SIZE } },
            signal,
          }),
        ),
    })),
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const failed = queries.find((q) => q.isError);
  const pending = queries.some((q) => q.isPending);
  const bySeq = new Map<number, AuditRecord>();
  for (const query of queries) for (const record of query.data?.items ?? []) bySeq.set(record.seq, record);
  const records = [...bySeq.values()].sort((a, b) => b.seq - a.seq);
  const total = queries.reduce((sum, q) => sum + (q.data?.total ?? 0), 0);

  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return i18n.exists(key) ? t(key) : action;
  };
  const fieldLabel = (field: string) => {
    const key = `audit.field.${field}`;
    return i18n.exists(key) ? t(key) : field;
  };
  const show = (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return t('audit.value.none');
    const friendly = formatValue?.(field, value);
    if (friendly !== undefined) return friendly;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };

  return (
    <section className="record-history" aria-labelledby={`history-${entityType}-${entityId}`}>
      <Heading id={`history-${entityType}-${entityId}`}>{t('audit.title')}</Heading>
      {pending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : failed && records.length === 0 ? (
        <ErrorMessage
          error={failed.error}
          onRetry={retryable(failed.error) ? () => queries.forEach((q) => void q.refetch()) : undefined}
        />
      ) : records.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <>
          {failed ? <p className="hint">{t('audit.someHidden')}</p> : null}
          {total > records.length ? (
            <p className="hint">
              {t('audit.partial', { shown: format.number(records.length), total: format.number(total) })}
            </p>
          ) : null}
          <ol className="history-list">
            {records.map((record) => {
              const changes = changesOf(record.before, record.after);
              return (
                <li key={record.seq} className="history-item" data-action={record.action}>
                  <p className="history-item__head">
                    <strong>{actionLabel(record.action)}</strong>
                    <span className="muted">
                      {' · '}
                      <time dateTime={record.occurredAt}>{format.dateTime(record.occurredAt)}</time>
                      {' · '}
                      {t('audit.by', {
                        actor:
                          record.actorLogin ??
                          (record.actorUserId === null ? t('audit.system') : `#${record.actorUserId}`),
                      })}
                    </span>
                  </p>
                  {changes.length > 0 ? (
                    <table className="diff-table">
                      <caption className="visually-hidden">{t('audit.changes')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('audit.col.field')}</th>
                          <th scope="col">{t('audit.col.before')}</th>
                          <th scope="col">{t('audit.col.after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {changes.map((change) => (
                          <tr key={change.field}>
                            <th scope="row">
                              {change.field === '' ? t('audit.field.value') : fieldLabel(change.field)}
                            </th>
                            <td className="diff-before">{show(change.field, change.before)}</td>
                            <td className="diff-after">{show(change.field, change.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
