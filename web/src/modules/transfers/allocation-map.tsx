/**
 * The units of an allocation on a map, coloured by their amount (quantile classes), when the
 * tree's boundaries are loaded; otherwise nothing at all (the table below says everything).
 * Drawn for allocations of up to 500 units (one page of lines): a national allocation of
 * 1,650 communes is read in its table, filtered by province.
 */
import { useTranslation } from 'react-i18next';
import { GeoMap } from '../../components/geo-map.tsx';
import { classOf, classRanges, paletteFor, quantileBreaks } from '../../lib/classes.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useBoundaries } from '../../lib/units.ts';
import { useAllLines } from './api.ts';
import { commonPrefix } from './helpers.ts';

const MAX_MAPPED = 500;

export function AllocationMap({ id, units }: { id: number; units: number }) {
  const lines = useAllLines(id, '', units > 0 && units <= MAX_MAPPED);
  if (!lines.data || lines.data.items.length === 0) return null;
  return <BoundariesFor amounts={new Map(lines.data.items.map((line) => [line.unitCode, line.amount]))} />;
}

/** Loads the boundaries of the units' level within the part of the tree they share (Kep: 23). */
function BoundariesFor({ amounts }: { amounts: Map<string, number> }) {
  const codes = [...amounts.keys()];
  const level = Math.ceil((codes[0]?.length ?? 2) / 2);
  const prefix = commonPrefix(codes);
  // One unit alone: its own code is the prefix; look within its parent.
  const within = prefix.length / 2 >= level ? prefix.slice(0, -2) : prefix;
  const boundaries = useBoundaries(level, within);
  if (!boundaries.data) return null;
  return <AmountMap collection={boundaries.data} amounts={amounts} />;
}

function AmountMap({
  collection,
  amounts,
}: {
  collection: NonNullable<ReturnType<typeof useBoundaries>['data']>;
  amounts: Map<string, number>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const features = collection.features.filter((feature) => amounts.has(feature.properties.code));
  if (features.length === 0) return null;
  const values = [...amounts.values()];
  const classes = quantileBreaks(values);
  const ranges = classRanges(classes, true);
  const colours = paletteFor(ranges.length);
  const name = (props: { nameKm: string; nameLatin: string }) =>
    format.lang === 'km' ? props.nameKm : props.nameLatin;
  return (
    <section className="transfers-section" aria-labelledby="allocation-map-title">
      <h2 id="allocation-map-title">{t('transfers.map.title')}</h2>
      <GeoMap
        data={{ type: 'FeatureCollection', features }}
        label={t('transfers.map.label')}
        describe={(feature) =>
          `${name(feature.properties)}: ${format.riel(amounts.get(feature.properties.code) ?? 0)}`
        }
        fillOf={(feature) => {
          const amount = amounts.get(feature.properties.code);
          return amount === undefined ? undefined : colours[classOf(amount, classes.breaks)];
        }}
        hrefOf={(feature) => `/units/${feature.properties.code}`}
      />
      <div className="legend">
        <p className="legend__title" id="allocation-map-legend">
          {t('transfers.lines.amount')}
        </p>
        <ul className="legend__list" aria-labelledby="allocation-map-legend">
          {ranges.map(([from, to], index) => (
            <li key={index}>
              <svg className="legend__swatch" width="20" height="14" aria-hidden="true" focusable="false">
                <rect width="20" height="14" fill={colours[index]} stroke="#39424e" strokeWidth="1" />
              </svg>
              {from === to
                ? format.riel(from)
                : t('map.range', { from: format.riel(from), to: format.riel(to) })}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
