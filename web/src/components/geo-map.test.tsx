import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { GeoMap } from './geo-map.tsx';

// Two squares side by side, in longitude/latitude, with the winding RFC 7946 asks for.
const squares: FeatureCollection<Polygon, { code: string; name: string }> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '23', name: 'Kep' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [104.1, 10.4],
            [104.3, 10.4],
            [104.3, 10.6],
            [104.1, 10.6],
            [104.1, 10.4],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { code: '07', name: 'Kampot' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [104.3, 10.4],
            [104.5, 10.4],
            [104.5, 10.6],
            [104.3, 10.6],
            [104.3, 10.4],
          ],
        ],
      },
    },
  ],
};

describe('GeoMap', () => {
  it('draws each region as a focusable link named by a title, filled by its class', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <GeoMap
          data={squares}
          label="Villages"
          describe={(f) => `${f.properties.name}: 3`}
          fillOf={(f) => (f.properties.code === '23' ? '#ffffcc' : undefined)}
          hrefOf={(f) => `/units/${f.properties.code}`}
        />
      </MemoryRouter>,
    );
    expect(html).toContain('aria-label="Villages"');
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain('href="/units/23"');
    expect(html).toContain('<title>Kep: 3</title>');
    expect(html).toContain('fill="#ffffcc"');
    expect(html).toContain('fill="#dfe6ee"');
    expect(html).not.toContain('style=');
    // Fitted to the frame: every coordinate lies inside the 640 × 480 view box.
    const numbers = [...html.matchAll(/d="([^"]+)"/g)].flatMap((m) =>
      (m[1] ?? '')
        .split(/[^0-9.-]+/)
        .filter(Boolean)
        .map(Number),
    );
    expect(numbers.length).toBeGreaterThan(0);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(640);
  });

  it('draws a single outline without links', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <GeoMap data={squares.features[0]!} label="Kep" describe={() => 'Kep'} />
      </MemoryRouter>,
    );
    expect(html).not.toContain('<a ');
    expect(html).toContain('<title>Kep</title>');
  });
});
