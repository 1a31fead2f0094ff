/**
 * /open-data — the published budgets as open data: the Fiscal Data Package (datapackage.json
 * and its CSV) per year and tier, with a short explanation. National staff also import a
 * BOOST-style CSV here: a dry run lists the problems row by row; "apply" is offered only when
 * the file is clean (the API refuses a file with problems anyway).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Counts } from '../../components/counts.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useImportBoost, type ImportResult } from './api.ts';
import { useBudgetStaff } from './common.tsx';
import { openDataLinks, TIERS } from './helpers.ts';
import { TableWrap } from '../../components/table-wrap.tsx';

export function OpenDataPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const yearId = useId();
  const thisYear = Number(todayInPhnomPenh().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const staff = useBudgetStaff('');
  useDocumentTitle(t('budgets.openData.title'));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  return (
    <article className="open-data-page">
      <h1>{t('budgets.openData.title')}</h1>
      <p className="lead">{t('budgets.openData.lead')}</p>
      <p>{t('budgets.openData.format')}</p>
      <div className="field">
        <label htmlFor={yearId}>{t('budgets.field.year')}</label>
        <select
          id={yearId}
          name="year"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {years.map((item) => (
            <option key={item} value={item}>
              {format.digits(String(item))}
            </option>
          ))}
        </select>
      </div>
      <TableWrap label={t('budgets.openData.packages')}>
        <table className="data-table open-data-table">
          <caption>{t('budgets.openData.packages')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budgets.openData.tier')}</th>
              <th scope="col">{t('budgets.openData.descriptor')}</th>
              <th scope="col">{t('budgets.openData.csv')}</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => {
              const links = openDataLinks(year, tier);
              return (
                <tr key={tier} data-tier={tier}>
                  <th scope="row">{t(`budgets.tier.${tier}`)}</th>
                  <td>
                    <a href={links.descriptor} className="open-data__descriptor">
                      datapackage.json
                    </a>
                  </td>
                  <td>
                    <a href={links.csv} className="open-data__csv" download>
                      {`${tier}-budget-lines.csv`}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {staff.canImport ? <BoostImport /> : null}
    </article>
  );
}

function BoostImport() {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { file: useId(), hint: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const dryRun = useImportBoost();
  const apply = useImportBoost();
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setApplied(null);
    apply.reset();
    dryRun.mutate({ file, dryRun: true }, { onSuccess: setChecked });
  };
  const clean = checked !== null && checked.problems.length === 0;

  return (
    <section className="budget-section boost-import" aria-labelledby="boost-import-title">
      <h2 id="boost-import-title">{t('budgets.import.title')}</h2>
      <form className="form boost-form" onSubmit={check}>
        <div className="field">
          <label htmlFor={ids.file}>{t('budgets.import.file')}</label>
          <p id={ids.hint} className="hint">
            {t('budgets.import.hint')}
          </p>
          <input
            id={ids.file}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={ids.hint}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setChecked(null);
              setApplied(null);
              dryRun.reset();
              apply.reset();
            }}
          />
        </div>
        <button type="submit" className="button" disabled={!file || dryRun.isPending}>
          {t('budgets.import.check')}
        </button>
      </form>
      {dryRun.isError ? <ErrorMessage error={dryRun.error} /> : null}
      {checked && !applied ? (
        <section className="import-result" aria-labelledby="boost-check-title">
          <h3 id="boost-check-title">{t('budgets.import.checkResult')}</h3>
          <ImportSummary result={checked} />
          {apply.isError ? <ErrorMessage error={apply.error} /> : null}
          {clean && file ? (
            <div className="import-actions">
              <ConfirmButton
                label={t('budgets.import.apply')}
                question={t('budgets.import.apply.question', { n: format.number(checked.budgets.length) })}
                confirmLabel={t('budgets.import.apply.confirm')}
                disabled={apply.isPending}
                onConfirm={() => apply.mutate({ file, dryRun: false }, { onSuccess: setApplied })}
              />
            </div>
          ) : (
            <p className="field-error">{t('budgets.import.notClean')}</p>
          )}
        </section>
      ) : null}
      {applied ? (
        <p className="success-message" role="status">
          {t('budgets.import.applied', { n: format.number(applied.budgets.length) })}
        </p>
      ) : null}
    </section>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const problemText = (code: string, message: string) =>
    i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : message;
  return (
    <>
      <Counts
        items={[
          { kind: 'rows', label: t('budgets.import.rows'), value: format.number(result.rows) },
          { kind: 'valid', label: t('budgets.import.validRows'), value: format.number(result.validRows) },
          {
            kind: 'budgets',
            label: t('budgets.import.budgets'),
            value: format.number(result.budgets.length),
          },
          {
            kind: 'problems',
            label: t('budgets.import.problems'),
            value: format.number(result.problems.length),
          },
        ]}
      />
      {result.problems.length > 0 ? (
        <TableWrap label={t('budgets.import.problems')}>
          <table className="data-table boost-problems">
            <caption>{t('budgets.import.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.import.row')}</th>
                <th scope="col">{t('budgets.import.column')}</th>
                <th scope="col">{t('budgets.import.value')}</th>
                <th scope="col">{t('budgets.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((problem, index) => (
                <tr key={index} data-code={problem.code}>
                  <td>{format.digits(String(problem.row))}</td>
                  <td>{problem.column ?? '–'}</td>
                  <td>{problem.value ?? '–'}</td>
                  <td>{problemText(problem.code, problem.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
