/**
 * A data entry form: one data set, one unit, one period; each data element a table of its cells
 * (sex, age group, disability), with the figure recorded and a field for the new one. Typed
 * figures are kept on the device (localStorage) until they are sent, so a dropped connection
 * or a closed tab loses nothing; a refused batch keeps them and says why (nothing half-written).
 * Works at 390 px: the tables stack.
 */
import './i18n.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { readStorage, writeStorage } from '../../lib/lang.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { ApprovalPanel } from './approval-panel.tsx';
import { useCategories, useDataSets, useFormValues, useSendValues, type DataSet } from './api.ts';
import { draftKey, nameIn, optionName } from './names.ts';
import { ENTER_VALUES } from './permissions.ts';

export function EntryPage() {
  return (
    <RequireSession permission={ENTER_VALUES}>
      <Entry />
    </RequireSession>
  );
}

const thisMonth = () => {
  const now = new Date(Date.now() + 7 * 3600_000);
  return `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
};

function readDraft(key: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readStorage(key) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

type Element = DataSet['elements'][number];
type Cell = Element['cells'][number];

function Entry() {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.lang;
  useDocumentTitle(t('results.entry.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const dataSets = useDataSets();
  const categories = useCategories();
  const dataSetCode = params.get('dataSet') ?? dataSets.data?.items[0]?.code ?? '';
  const unit = params.get('unit') ?? session.unitsWhere(ENTER_VALUES).find((code) => code !== null) ?? '';
  const period = params.get('period') ?? thisMonth();
  const dataSet = dataSets.data?.items.find((item) => item.code === dataSetCode);
  const ready =
    dataSet !== undefined && /^([0-9]{2}){1,4}$/.test(unit) && /^[0-9]{4}(Q[1-4]|[0-9]{2})?$/.test(period);
  const form = useFormValues(ready ? { dataSet: dataSetCode, unit, period } : null);
  const key = draftKey(dataSetCode, unit, period);
  // The figures typed for this data set, unit and period; another choice reads its own draft
  // (set while rendering, React's way of resetting state when a key changes).
  const [stored, setStored] = useState(() => ({ key, values: readDraft(key) }));
  if (stored.key !== key) setStored({ key, values: readDraft(key) });
  const draft = stored.key === key ? stored.values : readDraft(key);
  const setDraft = (values: Record<string, string>) => setStored({ key, values });
  const send = useSendValues();

  const recorded = new Map((form.data?.values ?? []).map((v) => [`${v.dataElement}:${v.cocId}`, v.value]));
  const typed = Object.entries(draft).filter(([, value]) => value.trim() !== '');
  const setValue = (cellKey: string, value: string) => {
    const next = { ...draft, [cellKey]: value };
    setDraft(next);
    writeStorage(key, JSON.stringify(next));
  };
  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const cellName = (element: Element, cell: Cell) =>
    element.categories.length === 0
      ? t('results.entry.total')
      : element.categories
          .map((category) => optionName(lang, categories.data, category, cell.options[category] ?? null))
          .join(' · ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dataSet) return;
    const values = typed.flatMap(([cellKey, value]) => {
      const [code, cocId] = cellKey.split(':');
      const element = dataSet.elements.find((item) => item.code === code);
      const cell = element?.cells.find((item) => item.id === Number(cocId));
      return element && cell
        ? [{ dataElement: element.code, unit, period, categoryOptions: cell.options, value: value.trim() }]
        : [];
    });
    if (values.length === 0) return;
    send.mutate(
      { dataSet: dataSet.code, values },
      {
        onSuccess: () => {
          writeStorage(key, '{}');
          setDraft({});
        },
      },
    );
  };

  return (
    <section className="page results-entry" aria-labelledby="results-entry-title">
      <h1 id="results-entry-title">{t('results.entry.title')}</h1>
      <p>{t('results.entry.lead')}</p>
      <div className="results-filters">
        <div className="field">
          <label htmlFor="results-data-set">{t('results.entry.dataSet')}</label>
          <select
            id="results-data-set"
            value={dataSetCode}
            onChange={(e) => change('dataSet', e.target.value)}
          >
            {(dataSets.data?.items ?? []).map((item) => (
              <option key={item.code} value={item.code}>
                {nameIn(lang, item)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-unit">{t('results.entry.unit')}</label>
          <input
            id="results-unit"
            inputMode="numeric"
            value={unit}
            onChange={(e) => change('unit', e.target.value.trim())}
          />
        </div>
        <div className="field">
          <label htmlFor="results-period">{t('results.entry.period')}</label>
          <input
            id="results-period"
            value={period}
            aria-describedby="results-period-hint"
            onChange={(e) => change('period', e.target.value.trim())}
          />
          <p id="results-period-hint" className="hint">
            {t('results.entry.periodHint')}
          </p>
        </div>
      </div>
      {dataSet?.isExample ? <ExampleBadge /> : null}
      {form.isError ? <ErrorMessage error={form.error} /> : null}
      {form.data?.locked ? (
        <p role="status" className="notice">
          {t('results.entry.locked')}
        </p>
      ) : null}
      {ready ? <ApprovalPanel dataSet={dataSetCode} unit={unit} period={period} /> : null}
      {typed.length > 0 ? (
        <p role="status" className="notice" data-field="draft">
          {t('results.entry.draft', { n: format.number(typed.length) })}
        </p>
      ) : null}
      {send.isError ? <ErrorMessage error={send.error} /> : null}
      {send.isSuccess ? (
        <p role="status" className="notice" data-field="sent">
          {t('results.entry.sent', {
            inserted: format.number(send.data.inserted),
            updated: format.number(send.data.updated),
          })}
        </p>
      ) : null}
      {dataSet && ready ? (
        <form onSubmit={submit}>
          {dataSet.elements.map((element) => (
            <DataTable
              key={element.code}
              caption={nameIn(lang, element)}
              items={element.cells}
              rowKey={(cell) => String(cell.id)}
              rowData={(cell) => ({ 'data-cell': `${element.code}:${cell.id}` })}
              columns={[
                {
                  key: 'cell',
                  label: t('results.entry.breakdown'),
                  rowHeader: true,
                  cell: (cell) => cellName(element, cell),
                },
                {
                  key: 'recorded',
                  label: t('results.entry.recorded'),
                  className: 'number',
                  cell: (cell) => {
                    const value = recorded.get(`${element.code}:${cell.id}`);
                    return value === undefined ? '—' : format.number(Number(value));
                  },
                },
                {
                  key: 'value',
                  label: t('results.entry.value'),
                  cell: (cell) => (
                    <input
                      className="results-value"
                      inputMode="decimal"
                      disabled={form.data?.locked ?? false}
                      aria-label={`${nameIn(lang, element)}: ${cellName(element, cell)}`}
                      value={draft[`${element.code}:${cell.id}`] ?? ''}
                      onChange={(e) => setValue(`${element.code}:${cell.id}`, e.target.value)}
                    />
                  ),
                },
              ]}
            />
          ))}
          <button
            type="submit"
            className="button button--primary"
            disabled={send.isPending || typed.length === 0 || (form.data?.locked ?? false)}
          >
            {t('results.entry.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
