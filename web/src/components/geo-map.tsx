/**
 * An SVG map of GeoJSON outlines, drawn with d3-geo (no tiles: it works offline). Regions can be
 * coloured by class and link to a page; each region is focusable, named by a <title>, and the
 * region under the pointer or the keyboard focus is described below the map.
 *
 * d3-geo is large: import this component only from lazily loaded pages.
 */
import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

export interface RegionProperties {
  code: string;
}

interface GeoMapProps<P extends RegionProperties> {
  data: FeatureCollection<Geometry, P> | Feature<Geometry, P>;
  /** What the whole map shows, for screen readers. */
  label: string;
  /** A region's name (and value), shown in its <title> and below the map. */
  describe: (feature: Feature<Geometry, P>) => string;
  /** The fill of a region (a palette colour); undefined: the neutral fill. */
  fillOf?: (feature: Feature<Geometry, P>) => string | undefined;
  /** Where a region leads; without it regions are not links. */
  hrefOf?: (feature: Feature<Geometry, P>) => string;
  width?: number;
  height?: number;
}

/** The fill of a region without a value. */
export const NEUTRAL_FILL = '#dfe6ee';
const PADDING = 8;

export function GeoMap<P extends RegionProperties>({
  data,
  label,
  describe,
  fillOf,
  hrefOf,
  width = 640,
  height = 480,
}: GeoMapProps<P>) {
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const features = useMemo(() => (data.type === 'FeatureCollection' ? data.features : [data]), [data]);

  const paths = useMemo(() => {
    // Longitude and latitude drawn as a plane (north up): near the equator the distortion is
    // small, and unlike a spherical projection it does not depend on the rings' winding order.
    const collection: FeatureCollection<Geometry, P> = { type: 'FeatureCollection', features };
    const projection = geoIdentity()
      .reflectY(true)
      .fitExtent(
        [
          [PADDING, PADDING],
          [width - PADDING, height - PADDING],
        ],
        collection,
      );
    const path = geoPath(projection);
    return features.map((feature) => ({ feature, d: path(feature) ?? '' }));
  }, [features, width, height]);

  const activeFeature = features.find((f) => f.properties.code === active);

  const follow = (event: MouseEvent, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <figure className="geo-map">
      <svg
        className="geo-map__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        preserveAspectRatio="xMidYMid meet"
      >
        {paths.map(({ feature, d }) => {
          const code = feature.properties.code;
          const text = describe(feature);
          const shape = (
            <path
              className={code === active ? 'geo-map__region geo-map__region--active' : 'geo-map__region'}
              d={d}
              fill={fillOf?.(feature) ?? NEUTRAL_FILL}
              stroke="#39424e"
              strokeWidth={code === active ? 2 : 0.75}
              vectorEffect="non-scaling-stroke"
              data-code={code}
            >
              {hrefOf ? null : <title>{text}</title>}
            </path>
          );
          if (!hrefOf) return <g key={code}>{shape}</g>;
          const href = hrefOf(feature);
          return (
            <a
              key={code}
              href={href}
              className="geo-map__link"
              aria-label={text}
              data-code={code}
              onClick={(event) => follow(event, href)}
              onMouseEnter={() => setActive(code)}
              onMouseLeave={() => setActive((current) => (current === code ? null : current))}
              onFocus={() => setActive(code)}
              onBlur={() => setActive((current) => (current === code ? null : current))}
            >
              <title>{text}</title>
              {shape}
            </a>
          );
        })}
      </svg>
      {hrefOf ? (
        <figcaption className="geo-map__info" aria-live="polite">
          {activeFeature ? describe(activeFeature) : '\u00a0'}
        </figcaption>
      ) : null}
    </figure>
  );
}
