/**
 * Every import of a file, the one way (the import contract, api/src/platform/http/imports.ts):
 * choose the file, "check the file" (a dry run: every problem, nothing written), then "apply"
 * a clean file or "apply the valid rows" of a file with problems. Shows the counts, the
 * problems (paged; one card per problem on a phone) and the import's own summary (children).
 *
 * The page gives the request (`run`), its own fields (effective date, year…) and texts; the
 * component keeps the file, the reports and the states.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  nextStep,
  problemColumns,
  problemKey,
  problemPage,
  type ImportProblem,
  type ImportReportBase,
  type ImportRequest,
} from '../lib/import-report.ts';
import { useFormat } from '../lib/use-format.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Counts } from './counts.tsx';
import { ErrorMessage } from './error-message.tsx';
import { Pager } from './pager.tsx';
import { TableWrap } from './table-wrap.tsx';
import './dry-run-import.css';

export type { ImportProblem, ImportReportBase, ImportRequest } from '../lib/import-report.ts';

/** A report once checked (a dry run) or once applied. */
export type ImportPhase = 'checked' | 'applied';

interface DryRunImportProps<Report extends ImportReportBase> {
  /** Sends the file (and the page's own fields) to the import; resolves with its report. */
  run: (request: ImportRequest) => Promise<Report>;
  /** The import's own fields, inside the form after the file (effective date, year…). */
  fields?: ReactNode;
  /** Whether the page's own fields are filled in correctly (the check waits for them). */
  ready?: boolean;
  /** Changing it drops the reports (the page's fields changed: check again). */
  resetKey?: string;
  /** Told when the reader chooses another file (to read its columns, say). */
  onFile?: (file: File | null) => void;
  /** The file types offered; CSV and Excel by default. */
  accept?: string;
  fileLabel?: ReactNode;
  fileHint?: ReactNode;
  /** Classes of the whole block, of the form and of the problem table (kept by pages and tests). */
  className?: string;
  formClassName?: string;
  problemsClassName?: string;
  /** The heading level of the reports' titles (the page's own title is above). */
  headingLevel?: 2 | 3;
  /** Whether the import takes the valid rows of a file with problems (true by default). */
  allowApplyValid?: boolean;
  /** The import's own check of a report besides its problems (unknown codes, say). */
  acceptable?: (report: Report) => boolean;
  /** Said when nothing can be applied. */
  refusal?: (report: Report) => ReactNode;
  /** Asked before applying a clean file. */
  applyQuestion?: string;
  /** Said once applied, under the title. */
  appliedLead?: (report: Report) => ReactNode;
  onApplied?: (report: Report) => void;
  /** The import's own summary of a report (what would change, what changed). */
  children?: (report: Report, phase: ImportPhase) => ReactNode;
}

export function DryRunImport<Report extends ImportReportBase>(props: DryRunImportProps<Report>) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { file: useId(), hint: useId(), checked: useId(), applied: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Report | null>(null);
  const [applied, setApplied] = useState<Report | null>(null);
  const [pending, setPending] = useState<'check' | 'apply' | null>(null);
  const [failure, setFailure] = useState<{ phase: 'check' | 'apply'; error: unknown } | null>(null);
  // Answers to a request made before the last reset (another file, other fields) are dropped.
  const latest = useRef<object | null>(null);
  const latestKey = useRef(props.resetKey);
  useEffect(() => {
    latestKey.current = props.resetKey;
  });
  const [resetKey, setResetKey] = useState(props.resetKey);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  const drop = () => {
    setChecked(null);
    setApplied(null);
    setFailure(null);
    setPending(null);
  };
  if (resetKey !== props.resetKey) {
    setResetKey(props.resetKey);
    drop();
  }

  const send = (phase: 'check' | 'apply', applyValid: boolean) => {
    if (!file) return;
    const token = {};
    const key = props.resetKey;
    latest.current = token;
    const current = () => latest.current === token && latestKey.current === key;
    setPending(phase);
    setFailure(null);
    if (phase === 'check') setApplied(null);
    props.run({ file, dryRun: phase === 'check', applyValid }).then(
      (report) => {
        if (!current()) return;
        setPending(null);
        if (phase === 'check') {
          setChecked(report);
        } else {
          setApplied(report);
          props.onApplied?.(report);
        }
      },
      (error: unknown) => {
        if (!current()) return;
        setPending(null);
        setFailure({ phase, error });
      },
    );
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    send('check', false);
  };

  const ready = props.ready ?? true;
  const summary = (report: Report, phase: ImportPhase) => (
    <>
      <ImportCounts report={report} phase={phase} />
      {props.children?.(report, phase)}
      <ProblemTable problems={report.problems} className={props.problemsClassName} />
    </>
  );

  return (
    <div className={props.className ? `dry-run-import ${props.className}` : 'dry-run-import'}>
      <form
        className={props.formClassName ? `form import-form ${props.formClassName}` : 'form import-form'}
        onSubmit={check}
      >
        <div className="field">
          <label htmlFor={ids.file}>{props.fileLabel ?? t('import.report.file')}</label>
          <p id={ids.hint} className="hint">
            {props.fileHint ?? t('import.report.fileHint')}
          </p>
          <input
            id={ids.file}
            name="file"
            type="file"
            required
            accept={props.accept ?? DEFAULT_ACCEPT}
            aria-describedby={ids.hint}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              latest.current = null;
              drop();
              props.onFile?.(chosen);
            }}
          />
        </div>
        {props.fields}
        <button type="submit" className="button" disabled={!file || !ready || pending !== null}>
          {pending === 'check' ? t('import.report.checking') : t('import.report.check')}
        </button>
      </form>
      {failure?.phase === 'check' ? <ErrorMessage error={failure.error} /> : null}

      {checked && !applied ? (
        <section className="import-result" aria-labelledby={ids.checked}>
          <Heading id={ids.checked}>{t('import.report.checked')}</Heading>
          {summary(checked, 'checked')}
          {failure?.phase === 'apply' ? <ErrorMessage error={failure.error} /> : null}
          <NextStep
            report={checked}
            step={nextStep(checked, {
              allowApplyValid: props.allowApplyValid ?? true,
              acceptable: props.acceptable?.(checked) ?? true,
            })}
            applying={pending === 'apply'}
            applyQuestion={props.applyQuestion}
            refusal={props.refusal}
            onApply={(applyValid) => send('apply', applyValid)}
          />
        </section>
      ) : null}

      {applied ? (
        <section className="import-result" aria-labelledby={ids.applied}>
          <Heading id={ids.applied}>{t('import.report.applied')}</Heading>
          <p className="success-message" role="status">
            {props.appliedLead
              ? props.appliedLead(applied)
              : t('import.report.appliedLead', { total: format.number(applied.rowsApplied) })}
          </p>
          {summary(applied, 'applied')}
        </section>
      ) : null}
    </div>
  );
}

const DEFAULT_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function NextStep<Report extends ImportReportBase>(props: {
  report: Report;
  step: ReturnType<typeof nextStep>;
  applying: boolean;
  applyQuestion?: string;
  refusal?: (report: Report) => ReactNode;
  onApply: (applyValid: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { report, step } = props;
  if (step === 'none') {
    return (
      <p className="field-error">{props.refusal ? props.refusal(report) : t('import.report.refused')}</p>
    );
  }
  return (
    <>
      {step === 'applyValid' ? (
        <p className="field-error">
          {t('import.report.hasProblems', {
            total: format.number(report.problems.length),
            valid: format.number(report.rowsValid),
          })}
        </p>
      ) : null}
      <div className="import-actions">
        {step === 'apply' ? (
          <ConfirmButton
            label={t('import.report.apply')}
            question={props.applyQuestion ?? t('import.report.apply.question')}
            confirmLabel={t('import.report.apply.confirm')}
            disabled={props.applying}
            onConfirm={() => props.onApply(false)}
          />
        ) : (
          <ConfirmButton
            label={t('import.report.applyValid')}
            question={t('import.report.applyValid.question', { valid: format.number(report.rowsValid) })}
            confirmLabel={t('import.report.apply.confirm')}
            disabled={props.applying}
            onConfirm={() => props.onApply(true)}
          />
        )}
        {props.applying ? (
          <p role="status" className="loading">
            {t('import.report.applying')}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** Rows read, valid, with problems, and written. */
export function ImportCounts({ report, phase }: { report: ImportReportBase; phase: ImportPhase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Counts
      className="import-counts"
      items={[
        { kind: 'read', label: t('import.report.rowsRead'), value: format.number(report.rowsRead) },
        { kind: 'valid', label: t('import.report.rowsValid'), value: format.number(report.rowsValid) },
        {
          kind: 'problems',
          label: t('import.report.problems'),
          value: format.number(report.problems.length),
        },
        ...(phase === 'applied'
          ? [
              {
                kind: 'applied',
                label: t('import.report.rowsApplied'),
                value: format.number(report.rowsApplied),
              },
            ]
          : []),
      ]}
    />
  );
}

const PROBLEMS_PER_PAGE = 50;

/**
 * The problems of a file, 50 a page: where (file, sheet, row, column, value: those some problem
 * has) and what, in the reader's language by its code (`errors.<code>`), or the API's English.
 * On a phone each problem is a card, each cell under its column's name.
 */
export function ProblemTable({
  problems,
  className,
}: {
  problems: readonly ImportProblem[];
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  if (problems.length === 0) return <p className="import-no-problems">{t('import.report.noProblems')}</p>;
  const columns = problemColumns(problems);
  const shown = problemPage(problems, page, PROBLEMS_PER_PAGE);
  const label = (column: string) => t(`import.report.col.${column}`);
  const caption = t('import.report.problemsCaption', { total: format.number(problems.length) });
  return (
    <>
      <TableWrap label={caption}>
        <table className={className ? `data-table problem-table ${className}` : 'data-table problem-table'}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {label(column)}
                </th>
              ))}
              <th scope="col">{label('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((problem, index) => (
              <tr key={(shown.page - 1) * shown.pageSize + index} data-code={problem.code}>
                {columns.map((column) => (
                  <td
                    key={column}
                    data-label={label(column)}
                    className={column === 'value' ? 'code' : undefined}
                  >
                    {column === 'row' && problem.row !== null
                      ? format.number(problem.row)
                      : (problem[column] ?? '')}
                  </td>
                ))}
                <td data-label={label('problem')}>
                  {i18n.exists(problemKey(problem.code)) ? (
                    t(problemKey(problem.code))
                  ) : (
                    <span lang="en">{problem.message}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager page={shown.page} pageSize={shown.pageSize} total={shown.total} onPage={setPage} />
    </>
  );
}
