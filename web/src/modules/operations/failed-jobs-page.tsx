/**
 * National administrators: the background jobs whose every attempt failed (sending a message,
 * the nightly checks…), newest first, with the last error; "Run again" puts one back in the
 * queue (audited). Works at 390 px: the table stacks, each value beside its column's name.
 */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { numberColumn } from '../../components/data-table.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { pageParam, withPage } from '../../lib/page-param.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useFailedJobs, useRetryJob, type FailedJob } from './api.ts';
import { MANAGE_JOBS } from './permissions.ts';

export function FailedJobsPage() {
  return (
    <RequireSession permission={MANAGE_JOBS}>
      <FailedJobs />
    </RequireSession>
  );
}

function FailedJobs() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('operations.jobs.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const jobs = useFailedJobs(page);
  const retry = useRetryJob();

  return (
    <section className="page" aria-labelledby="failed-jobs-title">
      <h1 id="failed-jobs-title">{t('operations.jobs.title')}</h1>
      <p>{t('operations.jobs.lead')}</p>
      {retry.isError ? <ErrorMessage error={retry.error} /> : null}
      {retry.isSuccess ? (
        <p role="status" className="notice">
          {t('operations.jobs.retried', { name: retry.data.name })}
        </p>
      ) : null}
      <PagedTable
        list={jobs}
        label={t('operations.jobs.title')}
        empty={t('operations.jobs.empty')}
        columns={[
          {
            key: 'name',
            label: t('operations.jobs.name'),
            rowHeader: true,
            className: 'code',
            cell: (job) => job.name,
          },
          {
            key: 'failedAt',
            label: t('operations.jobs.failedAt'),
            cell: (job) => (job.failedAt ? format.dateTime(job.failedAt) : '—'),
          },
          numberColumn<FailedJob>('attempts', t('operations.jobs.attempts'), (job) =>
            format.number(job.attempts),
          ),
          { key: 'error', label: t('operations.jobs.error'), cell: (job) => job.error ?? '—' },
          {
            key: 'action',
            label: t('operations.jobs.action'),
            labelHidden: true,
            cell: (job) => (
              <button
                type="button"
                className="button"
                disabled={retry.isPending}
                onClick={() => retry.mutate(job.id)}
              >
                {t('operations.jobs.retry')}
              </button>
            ),
          },
        ]}
        rowKey={(job) => job.id}
        rowData={(job) => ({ 'data-job': job.id })}
        onPage={(p) => setParams(withPage(params, p))}
      />
    </section>
  );
}
