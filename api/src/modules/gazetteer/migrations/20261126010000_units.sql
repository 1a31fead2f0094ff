-- The administrative tree, first cut: unit types (the tier names are data, so NP-2's
-- metropolitan / regional / local names can replace today's without touching the units) and
-- the units themselves. History (dated change events, as-of reads) comes with the gazetteer
-- import; `valid_from` / `valid_to` are here so that every unit already carries its validity.

create table gazetteer_unit_type (
  code text primary key check (code ~ '^[a-z_]+$'),
  level smallint not null check (level between 1 and 4),
  name_km text not null,
  name_en text not null,
  is_urban boolean not null,
  source text not null
);

-- Official unit types. Source: Law on Administrative Management of the Capital, Provinces,
-- Municipalities, Districts and Khans (2008); Law on Administrative Management of
-- Communes/Sangkats (2001); NCDD gazetteer.
insert into gazetteer_unit_type (code, level, name_km, name_en, is_urban, source) values
  ('capital',      1, 'រាជធានី', 'Capital',      true,  'Law on Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans (2008)'),
  ('province',     1, 'ខេត្ត',   'Province',     false, 'Law on Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans (2008)'),
  ('municipality', 2, 'ក្រុង',   'Municipality', true,  'Law on Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans (2008)'),
  ('district',     2, 'ស្រុក',   'District',     false, 'Law on Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans (2008)'),
  ('khan',         2, 'ខណ្ឌ',    'Khan',         true,  'Law on Administrative Management of the Capital, Provinces, Municipalities, Districts and Khans (2008)'),
  ('commune',      3, 'ឃុំ',     'Commune',      false, 'Law on Administrative Management of Communes/Sangkats (2001)'),
  ('sangkat',      3, 'សង្កាត់', 'Sangkat',      true,  'Law on Administrative Management of Communes/Sangkats (2001)'),
  ('village',      4, 'ភូមិ',    'Village',      false, 'NCDD gazetteer');

create table gazetteer_unit (
  id bigint generated always as identity primary key,
  -- NCDD code, always zero-padded text: 2 digits (province), 4, 6 or 8 (village).
  code text not null unique check (code ~ '^([0-9]{2}){1,4}$'),
  level smallint not null check (level between 1 and 4 and length(code) = level * 2),
  parent_code text references gazetteer_unit (code),
  type_code text not null references gazetteer_unit_type (code),
  name_km text not null,
  name_latin text not null,
  is_urban boolean not null default false,
  legal_reference text,
  valid_from date,
  valid_to date,
  source text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((level = 1) = (parent_code is null)),
  check (parent_code is null or left(code, length(parent_code)) = parent_code),
  check (valid_to is null or valid_from is null or valid_to > valid_from)
);

create index gazetteer_unit_parent_idx on gazetteer_unit (parent_code);
create index gazetteer_unit_level_idx on gazetteer_unit (level, code);
