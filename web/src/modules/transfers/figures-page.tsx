/**
 * /transfers/figures (national staff): the yearly figures of units that formulas share by.
 * Import a CSV from disk (fiscal year, source, code column, which indicator each column holds):
 * a dry run first lists every problem (row, column, code, message) and every code the tree does
 * not know; "Apply" is offered only when the file is clean. Below, the stored figures by year
 * and indicator, a page at a time.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Counts } from '../../components/counts.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useImportFigures, useIndicatorValues, type ImportInput } from './api.ts';
import { TransfersLinks, useIndicatorLabel, useTransfersStaff } from './common.tsx';
import { latinDigits } from '../../lib/numbers.ts';
import { columnMapParam, csvHeader, type ColumnMapping } from './helpers.ts';
import type { ImportReport } from './types.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import { TableWrap } from '../../components/table-wrap.tsx';

const KNOWN_INDICATORS = [
  'population',
  'poor_households',
  'poverty_rate',
  'villages',
  'area_km2',
  'councillors',
  'staff',
];

const thisYear = () => new Date().getFullYear();

export function FiguresPage() {
  return (
    <RequireSession permission="transfers.indicator.manage">
      <Figures />
    </RequireSession>
  );
}

function Figures() {
  const { t } = useTranslation();
  const staff = useTransfersStaff();
  useDocumentTitle(t('transfers.figures.title'));
  return (
    <section className="page figures-page" aria-labelledby="figures-title">
      <h1 id="figures-title">{t('transfers.figures.title')}</h1>
      <p>{t('transfers.figures.intro')}</p>
      <TransfersLinks />
      {staff.canManageFigures ? (
        <FiguresImport />
      ) : (
        <p className="notice">{t('transfers.figures.nationalOnly')}</p>
      )}
      <StoredFigures />
    </section>
  );
}

function FiguresImport() {
  const { t } = useTranslation();
  const format = useFormat();
  const indicatorLabel = useIndicatorLabel();
  const ids = {
    file: useId(),
    fileHint: useId(),
    year: useId(),
    source: useId(),
    sourceHint: useId(),
    codeColumn: useId(),
    columns: useId(),
    mapHint: useId(),
  };
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [fiscalYear, setFiscalYear] = useState(String(thisYear()));
  const [source, setSource] = useState('');
  const [codeColumn, setCodeColumn] = useState('code');
  const [mapping, setMapping] = useState<ColumnMapping[]>([{ indicator: 'population', column: '' }]);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const dryRun = useImportFigures();
  const apply = useImportFigures();

  const map = columnMapParam(mapping);
  const year = Number(latinDigits(fiscalYear));
  const yearValid = Number.isInteger(year) && year >= 1990 && year <= 2100;
  const ready =
    file !== null && map !== null && yearValid && source.trim() !== '' && codeColumn.trim() !== '';

  const reset = () => {
    setChecked(null);
    setApplied(null);
    dryRun.reset();
    apply.reset();
  };
  const input = (dry: boolean): ImportInput | null =>
    file && map
      ? {
          file,
          fiscalYear: year,
          source: source.trim(),
          codeColumn: codeColumn.trim(),
          map,
          dryRun: dry,
        }
      : null;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const body = input(true);
    if (!ready || !body) return;
    setApplied(null);
    apply.reset();
    dryRun.mutate(body, { onSuccess: setChecked });
  };

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    reset();
    setColumns(chosen ? csvHeader(await chosen.slice(0, 64 * 1024).text()) : []);
  };
  const setRow = (index: number, change: Partial<ColumnMapping>) => {
    setMapping((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
    reset();
  };
  const clean = checked !== null && checked.problems.length === 0 && checked.unknownCodes.length === 0;

  return (
    <section className="transfers-section" aria-labelledby="figures-import-title">
      <h2 id="figures-import-title">{t('transfers.figures.import')}</h2>
      <form className="form figures-form" onSubmit={check}>
        <div className="field">
          <label htmlFor={ids.file}>{t('transfers.figures.file')}</label>
          <p id={ids.fileHint} className="hint">
            {t('transfers.figures.fileHint')}
          </p>
          <input
            id={ids.file}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={ids.fileHint}
            onChange={(event) => void chooseFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.year}>{t('transfers.field.year')}</label>
          <input
            id={ids.year}
            name="fiscalYear"
            inputMode="numeric"
            required
            value={fiscalYear}
            aria-invalid={!yearValid}
            onChange={(event) => {
              setFiscalYear(event.target.value);
              reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.source}>{t('transfers.figures.source')}</label>
          <p id={ids.sourceHint} className="hint">
            {t('transfers.figures.sourceHint')}
          </p>
          <input
            id={ids.source}
            name="source"
            required
            maxLength={300}
            aria-describedby={ids.sourceHint}
            value={source}
            onChange={(event) => {
              setSource(event.target.value);
              reset();
            }}
          />
        </div>
        <datalist id={ids.columns}>
          {columns.map((column) => (
            <option key={column} value={column} />
          ))}
        </datalist>
        <div className="field">
          <label htmlFor={ids.codeColumn}>{t('transfers.figures.codeColumn')}</label>
          <input
            id={ids.codeColumn}
            name="codeColumn"
            required
            list={ids.columns}
            value={codeColumn}
            onChange={(event) => {
              setCodeColumn(event.target.value);
              reset();
            }}
          />
        </div>
        <fieldset className="mapping" aria-describedby={ids.mapHint}>
          <legend>{t('transfers.figures.mapping')}</legend>
          <p id={ids.mapHint} className="hint">
            {t('transfers.figures.mappingHint')}
          </p>
          {mapping.map((row, index) => (
            <div className="mapping__row" key={index}>
              <div className="field">
                <label htmlFor={`${ids.columns}-i${index}`}>{t('transfers.figures.indicator')}</label>
                <input
                  id={`${ids.columns}-i${index}`}
                  name={`indicator-${index}`}
                  list={`${ids.columns}-known`}
                  value={row.indicator}
                  onChange={(event) => setRow(index, { indicator: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${ids.columns}-c${index}`}>{t('transfers.figures.column')}</label>
                <input
                  id={`${ids.columns}-c${index}`}
                  name={`column-${index}`}
                  list={ids.columns}
                  value={row.column}
                  onChange={(event) => setRow(index, { column: event.target.value })}
                />
              </div>
              {mapping.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setMapping((rows) => rows.filter((_, i) => i !== index));
                    reset();
                  }}
                >
                  {t('transfers.figures.removeRow')}
                </button>
              ) : null}
            </div>
          ))}
          <datalist id={`${ids.columns}-known`}>
            {KNOWN_INDICATORS.map((name) => (
              <option key={name} value={name}>
                {indicatorLabel(name)}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setMapping((rows) => [...rows, { indicator: '', column: '' }])}
          >
            {t('transfers.figures.addRow')}
          </button>
          {map === null ? <p className="field-error">{t('transfers.figures.mappingInvalid')}</p> : null}
        </fieldset>
        <button type="submit" className="button" disabled={!ready || dryRun.isPending}>
          {dryRun.isPending ? t('import.checking') : t('transfers.figures.check')}
        </button>
      </form>
      {dryRun.isError ? <ErrorMessage error={dryRun.error} /> : null}

      {checked && !applied ? (
        <section className="import-result" aria-labelledby="figures-check-title">
          <h3 id="figures-check-title">{t('transfers.figures.checkResult')}</h3>
          <ImportSummary report={checked} />
          {apply.isError ? <ErrorMessage error={apply.error} /> : null}
          {clean ? (
            <div className="import-actions">
              <ConfirmButton
                label={t('transfers.figures.apply')}
                question={t('transfers.figures.apply.question', {
                  total: format.number(checked.values),
                  year: format.digits(String(year)),
                })}
                confirmLabel={t('import.apply.confirm')}
                disabled={apply.isPending}
                onConfirm={() => {
                  const body = input(false);
                  if (body) apply.mutate(body, { onSuccess: setApplied });
                }}
              />
              {apply.isPending ? (
                <p role="status" className="loading">
                  {t('import.applying')}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="field-error">{t('transfers.figures.notClean')}</p>
          )}
        </section>
      ) : null}
      {applied ? (
        <section className="import-result" aria-labelledby="figures-applied-title">
          <h3 id="figures-applied-title">{t('import.applied')}</h3>
          <p className="success-message" role="status">
            {t('transfers.figures.appliedLead', { total: format.number(applied.values) })}
          </p>
        </section>
      ) : null}
    </section>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Counts
        items={[
          { kind: 'rows', label: t('transfers.figures.rowsRead'), value: format.number(report.rowsRead) },
          { kind: 'values', label: t('transfers.figures.values'), value: format.number(report.values) },
          { kind: 'problems', label: t('import.problems'), value: format.number(report.problems.length) },
          {
            kind: 'unknown',
            label: t('transfers.figures.unknownCodes'),
            value: format.number(report.unknownCodes.length),
          },
        ]}
      />
      {report.problems.length > 0 ? (
        <TableWrap label={t('import.problems')}>
          <table className="data-table figures-problems">
            <caption>{t('import.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('transfers.figures.column')}</th>
                <th scope="col">{t('import.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index} data-code={problem.code}>
                  <td>{format.number(problem.row)}</td>
                  <td>{problem.column ?? ''}</td>
                  <td>
                    {/* The reader's language when the code is known; the file's detail (which value, which
                        code) stays as the API wrote it, in English. */}
                    {i18n.exists(`errors.${problem.code}`) ? (
                      <>
                        {t(`errors.${problem.code}`)}{' '}
                        <span className="hint" lang="en">
                          {problem.message}
                        </span>
                      </>
                    ) : (
                      <span lang="en">{problem.message}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('import.noProblems')}</p>
      )}
      {report.unknownCodes.length > 0 ? (
        <TableWrap label={t('transfers.figures.unknownCaption')}>
          <table className="data-table figures-unknown">
            <caption>{t('transfers.figures.unknownCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('units.col.code')}</th>
              </tr>
            </thead>
            <tbody>
              {report.unknownCodes.map((unknown, index) => (
                <tr key={index}>
                  <td>{unknown.row === null ? '' : format.number(unknown.row)}</td>
                  <td className="code">{unknown.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}

function StoredFigures() {
  const { t } = useTranslation();
  const format = useFormat();
  const indicatorLabel = useIndicatorLabel();
  const ids = { year: useId(), indicator: useId() };
  const [yearText, setYearText] = useState('2025');
  const [indicator, setIndicator] = useState('');
  const [page, setPage] = useState(1);
  const year = Number(latinDigits(yearText));
  const yearValid = Number.isInteger(year) && year >= 1990 && year <= 2100;
  const figures = useIndicatorValues({ page, fiscalYear: yearValid ? year : 2025, indicator });

  return (
    <section className="transfers-section" aria-labelledby="figures-stored-title">
      <h2 id="figures-stored-title">{t('transfers.figures.stored')}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.year}>{t('transfers.field.year')}</label>
          <input
            id={ids.year}
            name="year"
            inputMode="numeric"
            value={yearText}
            aria-invalid={!yearValid}
            onChange={(event) => {
              setYearText(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.indicator}>{t('transfers.figures.indicator')}</label>
          <select
            id={ids.indicator}
            name="indicator"
            value={indicator}
            onChange={(event) => {
              setIndicator(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('transfers.figures.allIndicators')}</option>
            {KNOWN_INDICATORS.map((name) => (
              <option key={name} value={name}>
                {indicatorLabel(name)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <ErrorMessage error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.items.length === 0 ? (
        <p>{t('transfers.figures.empty')}</p>
      ) : (
        <>
          <TableWrap label={t('transfers.figures.stored')}>
            <table className="data-table figures-table" aria-busy={figures.isFetching}>
              <caption>
                {t('transfers.figures.caption', { total: format.number(figures.data.total) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('units.col.code')}</th>
                  <th scope="col">{t('units.col.name')}</th>
                  <th scope="col">{t('transfers.figures.indicator')}</th>
                  <th scope="col" className="number">
                    {t('transfers.explanation.value')}
                  </th>
                  <th scope="col">{t('transfers.figures.source')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.data.items.map((item) => (
                  <tr key={`${item.unitCode}-${item.indicator}`} data-code={item.unitCode}>
                    <td className="code">{item.unitCode}</td>
                    <th scope="row">{format.lang === 'km' ? item.nameKm : item.nameLatin}</th>
                    <td>{indicatorLabel(item.indicator)}</td>
                    <td className="number">{format.number(item.value)}</td>
                    <td>
                      {item.source} {item.isExample ? <ExampleBadge /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager
            page={figures.data.page}
            pageSize={figures.data.pageSize}
            total={figures.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
