import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { Link } from 'react-router';
import { Counts } from '../../components/counts.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { DryRunImport } from '../../components/dry-run-import.tsx';
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
            <DateInput
              id={dateId}
              name="effectiveDate"
              required
              value={effectiveDate}
              onValue={setEffectiveDate}
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
        <DataTable
          className="import-changes"
          caption={t('import.changes')}
          captionHidden
          columns={[
            {
              key: 'kind',
              label: t('changes.col.kind'),
              cell: (change) => t(`import.summary.${change.kind}`, { defaultValue: kindLabel(change.kind) }),
            },
            { key: 'code', label: t('units.col.code'), className: 'code', cell: (change) => change.code },
            {
              key: 'name',
              label: t('units.col.name'),
              rowHeader: true,
              cell: (change) => changeName(change, format.lang),
            },
            {
              key: 'change',
              label: t('changes.col.change'),
              cell: (change) => (
                <EventChange event={{ before: change.before ?? null, after: change.after ?? null }} />
              ),
            },
          ]}
          items={result.changes}
          rowKey={(change, index) => `${change.code}-${index}`}
          rowData={(change) => ({ 'data-kind': change.kind })}
        />
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
      {imports.isError && isMissingRoute(imports.error) ? (
        <p className="muted">{t('import.unavailable')}</p>
      ) : (
        <PagedTable
          className="past-imports"
          list={imports}
          empty={t('import.pastEmpty')}
          captionHidden
          columns={[
            { key: 'when', label: t('import.col.when'), cell: (record) => format.dateTime(record.createdAt) },
            {
              key: 'file',
              label: t('import.col.file'),
              rowHeader: true,
              cell: (record) => record.fileNames.join(', '),
            },
            {
              key: 'effective',
              label: t('unit.field.effectiveDate'),
              cell: (record) => (record.effectiveDate ? format.date(record.effectiveDate) : ''),
            },
            {
              key: 'mode',
              label: t('import.col.mode'),
              cell: (record) => (
                <>
                  {record.kind === 'boundaries' ? `${t('import.kind.boundaries')} · ` : ''}
                  {record.dryRun ? t('import.mode.dryRun') : t('import.mode.applied')}
                </>
              ),
            },
            {
              key: 'summary',
              label: t('import.col.summary'),
              cell: (record) =>
                Object.entries(summaryCounts(record.summary))
                  .filter(([, n]) => typeof n === 'number' && n > 0)
                  .map(
                    ([kind, n]) =>
                      `${t(`import.summary.${kind}`, { defaultValue: kind })} ${format.number(n)}`,
                  )
                  .join(' · '),
            },
          ]}
          rowKey={(record) => String(record.id)}
          onPage={setPage}
        />
      )}
    </section>
  );
}

function changeName(change: ImportChange, lang: string): string {
  const field = lang === 'km' ? 'nameKm' : 'nameLatin';
  const value = change.after?.[field] ?? change.before?.[field];
  return typeof value === 'string' ? value : '';
}
