/**
 * /transfers/figures (national staff): the yearly figures of units that formulas share by.
 * Import a CSV from disk (fiscal year, source, code column, which indicator each column holds)
 * with the one import component (DryRunImport): a dry run first lists every problem and every
 * code the tree does not know; then "Apply" for a clean file, or "Apply the valid rows" of a
 * file with problems (not while it names unknown codes). Below, the stored figures by year and
 * indicator, a page at a time.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Counts } from '../../components/counts.tsx';
import { DryRunImport, type ImportRequest } from '../../components/dry-run-import.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useImportFigures, useIndicatorValues } from './api.ts';
import { TransfersLinks, useIndicatorLabel, useTransfersStaff } from './common.tsx';
import { latinDigits } from '../../lib/numbers.ts';
import { columnMapParam, csvHeader, type ColumnMapping } from './helpers.ts';
import type { ImportReport, IndicatorValue } from './types.ts';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { DataTable, numberColumn } from '../../components/data-table.tsx';

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
    year: useId(),
    source: useId(),
    sourceHint: useId(),
    codeColumn: useId(),
    columns: useId(),
    mapHint: useId(),
  };
  const [columns, setColumns] = useState<string[]>([]);
  const [fiscalYear, setFiscalYear] = useState(String(thisYear()));
  const [source, setSource] = useState('');
  const [codeColumn, setCodeColumn] = useState('code');
  const [mapping, setMapping] = useState<ColumnMapping[]>([{ indicator: 'population', column: '' }]);
  const importFigures = useImportFigures();

  const map = columnMapParam(mapping);
  const year = Number(latinDigits(fiscalYear));
  const yearValid = Number.isInteger(year) && year >= 1990 && year <= 2100;
  const ready = map !== null && yearValid && source.trim() !== '' && codeColumn.trim() !== '';
  // Any change to the fields drops the reports: the file is checked again with them.
  const resetKey = JSON.stringify([fiscalYear, source, codeColumn, mapping]);

  const run = ({ file, dryRun, applyValid }: ImportRequest): Promise<ImportReport> =>
    map === null
      ? Promise.reject(new Error('No column mapping.'))
      : importFigures.mutateAsync({
          file,
          fiscalYear: year,
          source: source.trim(),
          codeColumn: codeColumn.trim(),
          map,
          dryRun,
          applyValid,
        });
  const readColumns = async (chosen: File | null) => {
    setColumns(chosen ? csvHeader(await chosen.slice(0, 64 * 1024).text()) : []);
  };
  const setRow = (index: number, change: Partial<ColumnMapping>) => {
    setMapping((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };

  const fields = (
    <>
      <div className="field">
        <label htmlFor={ids.year}>{t('transfers.field.year')}</label>
        <input
          id={ids.year}
          name="fiscalYear"
          inputMode="numeric"
          required
          value={fiscalYear}
          aria-invalid={!yearValid}
          onChange={(event) => setFiscalYear(event.target.value)}
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
          onChange={(event) => setSource(event.target.value)}
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
          onChange={(event) => setCodeColumn(event.target.value)}
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
                onClick={() => setMapping((rows) => rows.filter((_, i) => i !== index))}
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
    </>
  );

  return (
    <section className="transfers-section" aria-labelledby="figures-import-title">
      <h2 id="figures-import-title">{t('transfers.figures.import')}</h2>
      <DryRunImport<ImportReport>
        run={run}
        fields={fields}
        ready={ready}
        resetKey={resetKey}
        onFile={(chosen) => void readColumns(chosen)}
        accept=".csv,text/csv"
        fileLabel={t('transfers.figures.file')}
        fileHint={t('transfers.figures.fileHint')}
        formClassName="figures-form"
        problemsClassName="figures-problems"
        headingLevel={3}
        // Codes the tree does not know are not written, even among valid rows: correct them first.
        acceptable={(report) => report.unknownCodes.length === 0}
        refusal={() => t('transfers.figures.notClean')}
        appliedLead={(report) => t('transfers.figures.appliedLead', { total: format.number(report.values) })}
      >
        {(report) => <FiguresSummary report={report} />}
      </DryRunImport>
    </section>
  );
}

/** What this import adds to the report: figures read, and the codes the tree does not know. */
function FiguresSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Counts
        items={[
          { kind: 'values', label: t('transfers.figures.values'), value: format.number(report.values) },
          {
            kind: 'unknown',
            label: t('transfers.figures.unknownCodes'),
            value: format.number(report.unknownCodes.length),
          },
        ]}
      />
      {report.unknownCodes.length > 0 ? (
        <DataTable
          className="figures-unknown"
          label={t('transfers.figures.unknownCaption')}
          caption={t('transfers.figures.unknownCaption')}
          columns={[
            {
              key: 'row',
              label: t('import.col.row'),
              cell: (unknown) => (unknown.row === null ? '' : format.number(unknown.row)),
            },
            { key: 'code', label: t('units.col.code'), className: 'code', cell: (unknown) => unknown.code },
          ]}
          items={report.unknownCodes}
          rowKey={(_unknown, index) => String(index)}
        />
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
      <PagedTable
        className="figures-table"
        label={t('transfers.figures.stored')}
        list={figures}
        empty={t('transfers.figures.empty')}
        caption={(total) => t('transfers.figures.caption', { total })}
        columns={[
          { key: 'code', label: t('units.col.code'), className: 'code', cell: (item) => item.unitCode },
          {
            key: 'name',
            label: t('units.col.name'),
            rowHeader: true,
            cell: (item) => (format.lang === 'km' ? item.nameKm : item.nameLatin),
          },
          {
            key: 'indicator',
            label: t('transfers.figures.indicator'),
            cell: (item) => indicatorLabel(item.indicator),
          },
          numberColumn<IndicatorValue>('value', t('transfers.explanation.value'), (item) =>
            format.number(item.value),
          ),
          {
            key: 'source',
            label: t('transfers.figures.source'),
            cell: (item) => (
              <>
                {item.source} {item.isExample ? <ExampleBadge /> : null}
              </>
            ),
          },
        ]}
        rowKey={(item) => `${item.unitCode}-${item.indicator}`}
        rowData={(item) => ({ 'data-code': item.unitCode })}
        onPage={setPage}
      />
    </section>
  );
}
