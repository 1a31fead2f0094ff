-- Unit boundaries: one polygon (or multipolygon) per administrative unit, as GeoJSON in jsonb.
-- PGlite has no PostGIS and the web wants GeoJSON back anyway, so the geometry is stored as the
-- web will receive it: `geometry` as imported (WGS84 lon/lat, rounded to 6 decimals, ~0.1 m) and
-- `simplified`, computed once at import time (shared borders simplified once, so neighbours
-- still meet; rounded to 4-5 decimals), because simplifying on every request would cost far
-- more than the few hundred kilobytes it takes to keep both.
--
-- The bounding box is four plain columns rather than a numeric[]: the drivers return numeric as
-- text, and a map only needs doubles to fit its view.
--
-- The country outline is not stored here: it is not a unit of the tree (no code), and the web
-- can draw the union of the provinces.

create table gazetteer_unit_boundary (
  code text primary key references gazetteer_unit (code),
  -- The unit's level, copied so that "every boundary of level N" is one index range scan.
  level smallint not null check (level between 1 and 4 and length(code) = level * 2),
  geometry jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
  simplified jsonb not null check (simplified ->> 'type' in ('Polygon', 'MultiPolygon')),
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  -- The file (and its checksum) the polygon comes from.
  source text not null,
  imported_at timestamptz not null default now(),
  import_id bigint references gazetteer_import (id),
  check (min_lon <= max_lon and min_lat <= max_lat)
);

create index gazetteer_unit_boundary_level_idx on gazetteer_unit_boundary (level, code);
create index gazetteer_unit_boundary_import_idx on gazetteer_unit_boundary (import_id);
