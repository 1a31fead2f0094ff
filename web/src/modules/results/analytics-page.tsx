/**
 * An indicator rolled up over the tree: choose the indicator, a unit (or the whole country),
 * the level of the rows, a period (a year, quarter or month) and a breakdown (sex, age group,
 * disability, as the indicator allows); a table of rows (paged) and one of totals. A ratio is
 * the sum of numerators over the sum of denominators; no value where the denominator is zero.
 * Works at 390 px: the tables stack.
 */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable, numberColumn, type Column } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Pager } from '../../components/pager.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { pageParam, withPage } from '../../lib/page-param.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useAnalytics, useCategories, useIndicators, type Analytics } from './api.ts';
import { nameIn, optionName } from './names.ts';
import { READ_ANALYTICS } from './permissions.ts';

export function AnalyticsPage() {
  return (
    <RequireSession permission={READ_ANALYTICS}>
      <IndicatorAnalytics />
    </RequireSession>
  );
}

type Figures = Analytics['totals'][number];

function IndicatorAnalytics() {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.lang;
  useDocumentTitle(t('results.analytics.title'));
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const categories = useCategories();
  const indicatorCode = params.get('indicator') ?? indicators.data?.items[0]?.code ?? '';
  const indicator = indicators.data?.items.find((item) => item.code === indicatorCode);
  const unit = params.get('unit') ?? '';
  const level = params.get('level') ?? '';
  const period = params.get('period') ?? String(new Date().getUTCFullYear());
  const by = (params.get('by') ?? '').split(',').filter((code) => indicator?.disaggregations.includes(code));
  const page = pageParam(params);
  const answer = useAnalytics(
    indicator
      ? {
          indicator: indicator.code,
          period,
          page,
          ...(unit !== '' ? { unit } : {}),
          ...(level !== '' ? { level: Number(level) } : {}),
          ...(by.length > 0 ? { by: by.join(',') } : {}),
        }
      : null,
  );
  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const toggleBy = (code: string, on: boolean) =>
    change('by', (on ? [...by, code] : by.filter((item) => item !== code)).join(','));
  const figure = (value: number | null) =>
    value === null ? t('results.analytics.noValue') : format.number(Math.round(value * 100) / 100);
  const data = answer.data;
  const ratio = data?.indicator.isRatio ?? false;

  const figureColumns = <Item extends Figures>(): Column<Item>[] => [
    ...(data?.by ?? []).map((category): Column<Item> => ({
      key: `by-${category}`,
      label: nameIn(
        lang,
        categories.data?.find((c) => c.code === category) ?? { nameKm: category, nameEn: category },
      ),
      cell: (row) => optionName(lang, categories.data, category, row.categories[category] ?? null),
    })),
    ...(ratio
      ? [
          numberColumn<Item>('numerator', t('results.analytics.numerator'), (row) => figure(row.numerator)),
          numberColumn<Item>('denominator', t('results.analytics.denominator'), (row) =>
            figure(row.denominator),
          ),
        ]
      : []),
    {
      key: 'value',
      label: data
        ? `${t('results.analytics.value')} (${lang === 'en' ? data.indicator.unitEn : data.indicator.unitKm})`
        : t('results.analytics.value'),
      className: 'number',
      cell: (row) => figure(row.value),
    },
  ];

  return (
    <section className="page results-analytics" aria-labelledby="results-analytics-title">
      <h1 id="results-analytics-title">{t('results.analytics.title')}</h1>
      <p>{t('results.analytics.lead')}</p>
      <div className="results-filters">
        <div className="field">
          <label htmlFor="results-indicator">{t('results.analytics.indicator')}</label>
          <select
            id="results-indicator"
            value={indicatorCode}
            onChange={(e) => change('indicator', e.target.value)}
          >
            {(indicators.data?.items ?? []).map((item) => (
              <option key={item.code} value={item.code}>
                {nameIn(lang, item)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-unit">{t('results.analytics.unit')}</label>
          <input
            id="results-unit"
            inputMode="numeric"
            value={unit}
            aria-describedby="results-unit-hint"
            onChange={(e) => change('unit', e.target.value.trim())}
          />
          <p id="results-unit-hint" className="hint">
            {t('results.analytics.unitHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="results-level">{t('results.analytics.level')}</label>
          <select id="results-level" value={level} onChange={(e) => change('level', e.target.value)}>
            <option value="">{t('results.analytics.levelBelow')}</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {t(`results.analytics.level${n}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-period">{t('results.analytics.period')}</label>
          <input
            id="results-period"
            value={period}
            onChange={(e) => change('period', e.target.value.trim())}
          />
        </div>
        <fieldset className="field">
          <legend>{t('results.analytics.by')}</legend>
          {(indicator?.disaggregations ?? []).map((code) => (
            <label key={code} className="field--checkbox">
              <input
                type="checkbox"
                checked={by.includes(code)}
                onChange={(e) => toggleBy(code, e.target.checked)}
              />{' '}
              {nameIn(lang, categories.data?.find((c) => c.code === code) ?? { nameKm: code, nameEn: code })}
            </label>
          ))}
        </fieldset>
      </div>
      {indicator?.isExample ? <ExampleBadge /> : null}
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      {data ? (
        <>
          <p data-field="total">
            {t('results.analytics.total')}: <strong>{figure(data.total.value)}</strong>
          </p>
          <DataTable
            caption={t('results.analytics.rows', { n: format.number(data.rows.total) })}
            items={data.rows.items}
            busy={answer.isFetching}
            rowKey={(row) => `${row.unitCode}:${JSON.stringify(row.categories)}`}
            rowData={(row) => ({ 'data-unit': row.unitCode })}
            columns={[
              {
                key: 'unit',
                label: t('results.analytics.unitColumn'),
                rowHeader: true,
                cell: (row) => (lang === 'en' ? row.nameLatin : row.nameKm),
              },
              ...figureColumns<(typeof data.rows.items)[number]>(),
            ]}
          />
          <Pager
            page={data.rows.page}
            pageSize={data.rows.pageSize}
            total={data.rows.total}
            onPage={(p) => setParams(withPage(params, p))}
          />
          {data.by.length > 0 ? (
            <DataTable
              caption={t('results.analytics.totals')}
              items={data.totals}
              rowKey={(row) => JSON.stringify(row.categories)}
              columns={figureColumns<Figures>().map((column, index) =>
                index === 0 ? { ...column, rowHeader: true } : column,
              )}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
