import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { GeoMap, NEUTRAL_FILL } from '../../components/geo-map.tsx';
import { classOf, classRanges, paletteFor, quantileBreaks } from '../../lib/classes.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useAvailableFigures, useFigureValues, useManyUnitCounts, useProvinces } from './api.ts';
import { LEVEL_KEYS, unitName, useBoundaries, type BoundaryCollection } from '../../lib/units.ts';
import { Loading } from '../../components/query-states.tsx';
import { SelectField } from '../../components/fields.tsx';
import './gazetteer.css';

type CountAttribute = 'villages' | 'communes';
/** A count of units below each region, or a stored figure of the transfers module (`figure:population:2025`). */
type Attribute = CountAttribute | `figure:${string}:${number}`;

const ATTRIBUTE_LEVEL: Record<CountAttribute, string> = { villages: '4', communes: '3' };

interface Figure {
  indicator: string;
  fiscalYear: number;
}

function figureOf(attribute: Attribute): Figure | null {
  const match = /^figure:([a-z][a-z0-9_]*):(\d{4})$/.exec(attribute);
  return match ? { indicator: match[1]!, fiscalYear: Number(match[2]) } : null;
}
const MAP_LEVELS = [1, 2, 3] as const;
export const BOUNDARIES_COMMAND = 'npm run import -- boundaries <file.geojson>';

/** A choropleth of a level of the tree, coloured by a count of the units below each region. */
export function MapPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('map.title'));
  const [params, setParams] = useSearchParams();
  const levelParam = Number(params.get('level'));
  const level = MAP_LEVELS.find((l) => l === levelParam) ?? 1;
  // A level below the provinces is shown for one province: the whole country has too many regions.
  const within = level === 1 ? '' : (params.get('within') ?? '');
  const figures = useAvailableFigures();
  const asked = params.get('attribute') ?? '';
  const attribute: Attribute = asked.startsWith('figure:')
    ? (asked as Attribute)
    : asked === 'communes' && level < 3
      ? 'communes'
      : 'villages';
  const provinces = useProvinces();
  const format = useFormat();

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const needsProvince = level > 1 && within === '';

  return (
    <section className="page" aria-labelledby="map-title">
      <h1 id="map-title">{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <form className="filters map-controls" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('map.level')}
          name="level"
          value={level}
          onChange={(e) => update({ level: e.target.value })}
        >
          {MAP_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(LEVEL_KEYS[String(l)] ?? 'map.level')}
            </option>
          ))}
        </SelectField>
        {level > 1 ? (
          <SelectField
            label={t('map.within')}
            name="within"
            value={within}
            onChange={(e) => update({ within: e.target.value })}
          >
            <option value="">{t('unitPicker.choose')}</option>
            {(provinces.data?.items ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {unitName(p, format.lang)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t('map.attribute')}
          name="attribute"
          value={attribute}
          onChange={(e) => update({ attribute: e.target.value })}
        >
          <option value="villages">{t('map.attribute.villages')}</option>
          {level < 3 ? <option value="communes">{t('map.attribute.communes')}</option> : null}
          {(figures.data ?? []).map((figure) => (
            <option
              key={`${figure.indicator}:${figure.fiscalYear}`}
              value={`figure:${figure.indicator}:${figure.fiscalYear}`}
            >
              {t('map.attribute.figure', {
                name: figureName(t, figure.indicator),
                year: figure.fiscalYear,
              })}
            </option>
          ))}
        </SelectField>
      </form>
      {needsProvince ? (
        <p className="notice">{t('map.chooseProvince')}</p>
      ) : (
        <Choropleth level={level} within={within} attribute={attribute} />
      )}
    </section>
  );
}

function Choropleth({ level, within, attribute }: { level: number; within: string; attribute: Attribute }) {
  const boundaries = useBoundaries(level, within);
  if (boundaries.isPending) {
    return <Loading />;
  }
  if (boundaries.isError)
    return <ErrorMessage error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  if (boundaries.data === null) return <NoBoundaries />;
  const figure = figureOf(attribute);
  return figure ? (
    <FigureMap collection={boundaries.data} figure={figure} level={level} within={within} />
  ) : (
    <CountMap collection={boundaries.data} attribute={attribute as CountAttribute} />
  );
}

/** The label of a stored figure: known indicators by name, any other as it is stored. */
function figureName(t: (key: string) => string, indicator: string): string {
  const key = `map.figure.${indicator}`;
  const label = t(key);
  return label === key ? indicator : label;
}

function CountMap({ collection, attribute }: { collection: BoundaryCollection; attribute: CountAttribute }) {
  const { t } = useTranslation();
  const codes = useMemo(() => collection.features.map((f) => f.properties.code), [collection]);
  const counts = useManyUnitCounts(codes);
  const countLevel = ATTRIBUTE_LEVEL[attribute];
  const values = new Map<string, number>();
  counts.forEach((query, index) => {
    const code = codes[index];
    // The counts leave out levels with no unit: a region counted without that level has none.
    if (code !== undefined && query.data) values.set(code, query.data.byLevel[countLevel] ?? 0);
  });
  return (
    <ColouredMap
      collection={collection}
      values={values}
      label={t(`map.attribute.${attribute}`)}
      loading={counts.some((q) => q.isPending)}
      error={counts.find((q) => q.isError)?.error ?? null}
    />
  );
}

function FigureMap({
  collection,
  figure,
  level,
  within,
}: {
  collection: BoundaryCollection;
  figure: Figure;
  level: number;
  within: string;
}) {
  const { t } = useTranslation();
  const stored = useFigureValues(figure.indicator, figure.fiscalYear, level, within);
  const values = new Map((stored.data ?? []).map((item) => [item.unitCode, item.value]));
  return (
    <ColouredMap
      collection={collection}
      values={values}
      label={t('map.attribute.figure', { name: figureName(t, figure.indicator), year: figure.fiscalYear })}
      loading={stored.isPending}
      error={stored.error}
    />
  );
}

function NoBoundaries() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="notice no-boundaries" role="status">
      <p>{t('map.noBoundaries')}</p>
      {session.can('gazetteer.import.run') ? (
        <p>
          {t('map.noBoundaries.admin')} <code className="command">{BOUNDARIES_COMMAND}</code>
        </p>
      ) : null}
    </div>
  );
}

/** A level's regions coloured by one number each, with its legend and the same data as a table. */
function ColouredMap({
  collection,
  values,
  label: attributeLabel,
  loading,
  error,
}: {
  collection: BoundaryCollection;
  values: ReadonlyMap<string, number>;
  label: string;
  loading: boolean;
  error: Error | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const codes = collection.features.map((f) => f.properties.code);
  const classes = quantileBreaks([...values.values()]);
  const ranges = classRanges(classes, [...values.values()].every(Number.isInteger));
  const colours = paletteFor(ranges.length);
  const name = (code: string, props: { nameKm: string; nameLatin: string }) =>
    unitName(props, format.lang) || code;
  const valueText = (code: string) => {
    const value = values.get(code);
    return value === undefined ? t('map.noValue') : format.number(value);
  };
  const sorted = [...collection.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));

  return (
    <div className="choropleth">
      {loading ? <Loading /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <GeoMap
        data={collection}
        label={t('map.label', { attribute: attributeLabel })}
        describe={(f) =>
          `${name(f.properties.code, f.properties)}: ${attributeLabel} ${valueText(f.properties.code)}`
        }
        fillOf={(f) => {
          const value = values.get(f.properties.code);
          return value === undefined ? undefined : colours[classOf(value, classes.breaks)];
        }}
        hrefOf={(f) => `/units/${f.properties.code}`}
      />
      {values.size > 0 ? (
        <div className="legend">
          <p className="legend__title" id="map-legend-title">
            {attributeLabel}
          </p>
          <ul className="legend__list" aria-labelledby="map-legend-title">
            {ranges.map(([from, to], index) => (
              <li key={index}>
                <svg className="legend__swatch" width="20" height="14" aria-hidden="true" focusable="false">
                  <rect width="20" height="14" fill={colours[index]} stroke="#39424e" strokeWidth="1" />
                </svg>
                {from === to
                  ? format.number(from)
                  : t('map.range', { from: format.number(from), to: format.number(to) })}
              </li>
            ))}
            {values.size < codes.length ? (
              <li>
                <svg className="legend__swatch" width="20" height="14" aria-hidden="true" focusable="false">
                  <rect width="20" height="14" fill={NEUTRAL_FILL} stroke="#39424e" strokeWidth="1" />
                </svg>
                {t('map.noValue')}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <details className="map-table">
        <summary>{t('map.asTable')}</summary>
        <DataTable
          caption={t('map.asTable')}
          captionHidden
          columns={[
            { key: 'code', label: t('units.col.code'), className: 'code', cell: (f) => f.properties.code },
            {
              key: 'name',
              label: t('units.col.name'),
              rowHeader: true,
              cell: (f) => name(f.properties.code, f.properties),
            },
            { key: 'value', label: attributeLabel, cell: (f) => valueText(f.properties.code) },
          ]}
          items={sorted}
          rowKey={(f) => f.properties.code}
        />
      </details>
    </div>
  );
}
