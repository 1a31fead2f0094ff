-- Fiscal transfers to SNAs: the programs (Commune/Sangkat Fund, District/Municipal Fund, ...),
-- their formulas per fiscal year as versioned JSON documents (docs/transfer-formula.md), the
-- per-unit yearly figures the formulas share by (population, poor households, villages, ...),
-- and the allocations computed from them, which move draft -> approved -> published.
--
-- Unit codes are not foreign keys to gazetteer_unit (modules meet through their index.ts); the
-- service checks codes against the tree and reports unknown ones, never drops them silently.

create table transfers_program (
  code text primary key check (code ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' and length(code) <= 64),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  description_en text,
  description_km text,
  is_example boolean not null default false,
  created_at timestamptz not null default now()
);

-- A formula document for one program and fiscal year. Never edited: a change is a new version.
create table transfers_formula (
  id bigint generated always as identity primary key,
  program_code text not null references transfers_program (code),
  fiscal_year smallint not null check (fiscal_year between 2000 and 2100),
  version integer not null check (version >= 1),
  document jsonb not null,
  legal_reference text not null check (btrim(legal_reference) <> ''),
  is_example boolean not null default false,
  created_by text,
  created_at timestamptz not null default now(),
  unique (program_code, fiscal_year, version)
);

-- One figure of one unit for one year: population 2024 of commune 230201, say.
create table transfers_indicator_value (
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,4}$'),
  fiscal_year smallint not null check (fiscal_year between 1990 and 2100),
  indicator text not null check (indicator ~ '^[a-z][a-z0-9_]{0,59}$'),
  value numeric not null,
  -- Where the figure comes from (a census, IDPoor round, a file name); 'example' in demo data.
  source text not null,
  is_example boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (fiscal_year, indicator, unit_code)
);

create index transfers_indicator_unit_idx on transfers_indicator_value (unit_code, fiscal_year);

-- A computed allocation of one formula. Published ones never change: a correction is a new
-- version of the same program and year, with its reason, which supersedes the old one.
create table transfers_allocation (
  id bigint generated always as identity primary key,
  formula_id bigint not null references transfers_formula (id),
  program_code text not null references transfers_program (code),
  fiscal_year smallint not null,
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'approved', 'published', 'superseded')),
  pool bigint not null check (pool >= 0),
  -- Equity figures and the excluded units, as computed (the lines hold the amounts).
  summary jsonb not null,
  correction_of bigint references transfers_allocation (id),
  correction_reason text,
  created_by text,
  created_at timestamptz not null default now(),
  approved_by text,
  approved_at timestamptz,
  published_by text,
  published_at timestamptz,
  unique (program_code, fiscal_year, version),
  check (correction_of is null or correction_reason is not null)
);

-- At most one published allocation per program and year.
create unique index transfers_allocation_published_idx
  on transfers_allocation (program_code, fiscal_year) where status = 'published';

create table transfers_allocation_line (
  allocation_id bigint not null references transfers_allocation (id),
  unit_code text not null,
  amount bigint not null check (amount >= 0),
  -- The explanation: one entry per component and criterion (see engine/allocate.ts).
  parts jsonb not null,
  primary key (allocation_id, unit_code)
);

create index transfers_allocation_line_unit_idx on transfers_allocation_line (unit_code);
