import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Counts } from '../../components/counts.tsx';
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

/** Imports an official gazetteer file: first a dry run that shows what would change, then apply. */
function GazetteerImport() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('import.title'));
  const ids = { file: useId(), date: useId(), fileHint: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(() => todayInPhnomPenh());
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const dryRun = useRunImport();
  const apply = useRunImport();

  const reset = () => {
    setChecked(null);
    setApplied(null);
    dryRun.reset();
    apply.reset();
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setApplied(null);
    apply.reset();
    dryRun.mutate({ file, dryRun: true, effectiveDate, applyValid: false }, { onSuccess: setChecked });
  };

  const run = (applyValid: boolean) => {
    if (!file) return;
    apply.mutate({ file, dryRun: false, effectiveDate, applyValid }, { onSuccess: setApplied });
  };

  return (
    <section className="page" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <form className="form import-form" onSubmit={check}>
        <div className="field">
          <label htmlFor={ids.file}>{t('import.file')}</label>
          <p id={ids.fileHint} className="hint">
            {t('import.fileHint')}
          </p>
          <input
            id={ids.file}
            name="file"
            type="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={ids.fileHint}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.date}>{t('unit.field.effectiveDate')}</label>
          <input
            id={ids.date}
            name="effectiveDate"
            type="date"
            required
            value={effectiveDate}
            onChange={(e) => {
              setEffectiveDate(e.target.value);
              reset();
            }}
          />
        </div>
        <button type="submit" className="button" disabled={!file || dryRun.isPending}>
          {dryRun.isPending ? t('import.checking') : t('import.check')}
        </button>
      </form>
      {dryRun.isError ? <ErrorMessage error={dryRun.error} /> : null}

      {checked && !applied ? (
        <section className="import-result" aria-labelledby="import-check-title">
          <h2 id="import-check-title">{t('import.checkResult')}</h2>
          <ImportReport result={checked} />
          {apply.isError ? <ErrorMessage error={apply.error} /> : null}
          <div className="import-actions">
            {checked.problems.length === 0 ? (
              <ConfirmButton
                label={t('import.apply')}
                question={t('import.apply.question')}
                confirmLabel={t('import.apply.confirm')}
                disabled={apply.isPending}
                onConfirm={() => run(false)}
              />
            ) : (
              <>
                <p className="field-error">
                  {t('import.hasProblems', { total: format.number(checked.problems.length) })}
                </p>
                <ConfirmButton
                  label={t('import.applyValid')}
                  question={t('import.applyValid.question')}
                  confirmLabel={t('import.apply.confirm')}
                  disabled={apply.isPending}
                  onConfirm={() => run(true)}
                />
              </>
            )}
            {apply.isPending ? (
              <p role="status" className="loading">
                {t('import.applying')}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      {applied ? (
        <section className="import-result" aria-labelledby="import-applied-title">
          <h2 id="import-applied-title">{t('import.applied')}</h2>
          <p className="success-message" role="status">
            {t('import.appliedLead')}
          </p>
          <ImportReport result={applied} />
          <p>
            <Link to="/units/changes">{t('units.link.changes')}</Link>
          </p>
        </section>
      ) : null}

      <PastImports />
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
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
      <h3>{t('import.problems')}</h3>
      {result.problems.length === 0 ? (
        <p>{t('import.noProblems')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table import-problems">
            <thead>
              <tr>
                <th scope="col">{t('import.col.file')}</th>
                <th scope="col">{t('import.col.sheet')}</th>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('import.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((problem, index) => (
                <tr key={index} data-code={problem.code}>
                  <td>{problem.source?.file ?? ''}</td>
                  <td>{problem.source?.sheet ?? ''}</td>
                  <td>{problem.source?.row != null ? format.number(problem.source.row) : ''}</td>
                  <td>
                    {t(`import.problem.${problem.code}`, { defaultValue: problem.message })}{' '}
                    <span className="code muted">{problem.code}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
