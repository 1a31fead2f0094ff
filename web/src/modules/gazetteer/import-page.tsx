import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Counts } from '../../components/counts.tsx';
import { DryRunImport } from '../../components/dry-run-import.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  isMissingRoute,
  summaryCounts,
  useImports,
  useRunImport,
  type ImportChange,
  type ImportResult,
} from './api.ts';
import { EventChange, useEventKindLabel } from './event-change.tsx';

export const SUMMARY_KINDS = ['added', 'renamed', 'moved', 'retyped', 'removed'] as const;

export function ImportPage() {
  return (
    <RequireSession permission="gazetteer.import.run">
      <GazetteerImport />
    </RequireSession>
  );
}

/**
 * Imports an official gazetteer file with the one import component (DryRunImport): a dry run
 * first, which shows the problems and what would change, then apply it (or its valid part).
 */
function GazetteerImport() {
  const { t } = useTranslation();
  useDocumentTitle(t('import.title'));
  const dateId = useId();
  const [effectiveDate, setEffectiveDate] = useState(() => todayInPhnomPenh());
  const runImport = useRunImport();

  return (
    <section className="page" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <DryRunImport<ImportResult>
        run={(request) => runImport.mutateAsync({ ...request, effectiveDate })}
        fileLabel={t('import.file')}
        fileHint={t('import.fileHint')}
        ready={effectiveDate !== ''}
        resetKey={effectiveDate}
        applyQuestion={t('import.apply.question')}
        problemsClassName="import-problems"
        fields={
          <div className="field">
            <label htmlFor={dateId}>{t('unit.field.effectiveDate')}</label>
            <input
              id={dateId}
              name="effectiveDate"
              type="date"
              required
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
            />
          </div>
        }
        appliedLead={() => (
          <>
            {t('import.appliedLead')} <Link to="/units/changes">{t('units.link.changes')}</Link>
          </>
        )}
      >
        {(report) => <ImportChanges result={report} />}
      </DryRunImport>

      <PastImports />
    </section>
  );
}

/** What the file changes in the tree: counts by kind of change, then the first changes. */
function ImportChanges({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useEventKindLabel();
  const counts = summaryCounts(result.summary);
  const summaryKinds = [...new Set([...SUMMARY_KINDS, ...Object.keys(counts)])];
  return (
    <>
      <Counts
        className="import-summary"
        items={summaryKinds.map((kind) => ({
          kind,
          label: t(`import.summary.${kind}`, { defaultValue: kind }),
          value: format.number(counts[kind] ?? 0),
        }))}
      />
      {result.summary.spellingVariants > 0 ? (
        <p className="hint">
          {t('import.spellingVariants', { total: format.number(result.summary.spellingVariants) })}
        </p>
      ) : null}
      {result.summary.skipped > 0 ? (
        <p className="hint">{t('import.skipped', { total: format.number(result.summary.skipped) })}</p>
      ) : null}
      <h3>{t('import.changes')}</h3>
      {result.totalChanges > result.changes.length ? (
        <p className="hint">
          {t('import.changesPartial', {
            shown: format.number(result.changes.length),
            total: format.number(result.totalChanges),
          })}
        </p>
      ) : null}
      {result.changes.length === 0 ? (
        <p>{t('import.noChanges')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table import-changes">
            <caption className="visually-hidden">{t('import.changes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes.col.kind')}</th>
                <th scope="col">{t('units.col.code')}</th>
                <th scope="col">{t('units.col.name')}</th>
                <th scope="col">{t('changes.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((change, index) => (
                <tr key={`${change.code}-${index}`} data-kind={change.kind}>
                  <td>{t(`import.summary.${change.kind}`, { defaultValue: kindLabel(change.kind) })}</td>
                  <td className="code">{change.code}</td>
                  <td>{changeName(change, format.lang)}</td>
                  <td>
                    <EventChange event={{ before: change.before ?? null, after: change.after ?? null }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function PastImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const imports = useImports(page);
  return (
    <section aria-labelledby="past-imports-title">
      <h2 id="past-imports-title">{t('import.past')}</h2>
      {imports.isPending ? (
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      ) : imports.isError ? (
        isMissingRoute(imports.error) ? (
          <p className="muted">{t('import.unavailable')}</p>
        ) : (
          <ErrorMessage error={imports.error} onRetry={() => void imports.refetch()} />
        )
      ) : imports.data.items.length === 0 ? (
        <p>{t('import.pastEmpty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table past-imports">
              <thead>
                <tr>
                  <th scope="col">{t('import.col.when')}</th>
                  <th scope="col">{t('import.col.file')}</th>
                  <th scope="col">{t('unit.field.effectiveDate')}</th>
                  <th scope="col">{t('import.col.mode')}</th>
                  <th scope="col">{t('import.col.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.items.map((record) => {
                  const when = record.createdAt;
                  const files = record.fileNames.join(', ');
                  const summary = Object.entries(summaryCounts(record.summary))
                    .filter(([, n]) => typeof n === 'number' && n > 0)
                    .map(
                      ([kind, n]) =>
                        `${t(`import.summary.${kind}`, { defaultValue: kind })} ${format.number(n)}`,
                    )
                    .join(' · ');
                  return (
                    <tr key={record.id}>
                      <td>{format.dateTime(when)}</td>
                      <td>{files}</td>
                      <td>{record.effectiveDate ? format.date(record.effectiveDate) : ''}</td>
                      <td>
                        {record.kind === 'boundaries' ? `${t('import.kind.boundaries')} · ` : ''}
                        {record.dryRun ? t('import.mode.dryRun') : t('import.mode.applied')}
                      </td>
                      <td>{summary}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            page={imports.data.page}
            pageSize={imports.data.pageSize}
            total={imports.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

function changeName(change: ImportChange, lang: string): string {
  const field = lang === 'km' ? 'nameKm' : 'nameLatin';
  const value = change.after?.[field] ?? change.before?.[field];
  return typeof value === 'string' ? value : '';
}
