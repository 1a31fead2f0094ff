-- SNA budgets: the classifications (reference data, written by the module at every start), one
-- budget per unit and fiscal year moving through its phases, its versions (the original and each
-- adjustment), its lines, and the actuals recorded against them.
--
-- Unit codes are not foreign keys to gazetteer_unit (modules meet through their index.ts): the
-- service checks every code against the gazetteer before a write.
--
-- Amounts are whole riel (KHR has no minor unit in practice), never negative: a revenue is a
-- revenue line, an expenditure an expenditure line, and the direction says which.

create table budgets_economic_class (
  code text primary key check (code ~ '^[0-9]{2,6}$'),
  parent_code text references budgets_economic_class (code),
  direction text not null check (direction in ('revenue', 'expenditure')),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  source text not null,
  is_example boolean not null default false
);

create table budgets_functional_class (
  code text primary key check (code ~ '^[0-9]{2,5}$'),
  parent_code text references budgets_functional_class (code),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  source text not null,
  is_example boolean not null default false
);

-- Where the money comes from: own-source revenue, each transfer program (the transfers module's
-- programs are added here by recordTransferRevenue), development partners, ...
create table budgets_fund_source (
  code text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
  kind text not null check (kind in ('own_source', 'transfer', 'development_partner', 'national', 'other')),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  source text not null,
  is_example boolean not null default false
);

create table budgets_budget (
  id bigint generated always as identity primary key,
  -- An administration: capital/province, municipality/district/khan, commune/sangkat.
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  -- The calendar year.
  fiscal_year integer not null check (fiscal_year between 2000 and 2100),
  phase text not null default 'proposed' check (phase in ('proposed', 'approved', 'adjusted', 'executed')),
  -- The version whose lines are in force (1 = as proposed and approved; each adjustment adds one).
  current_version integer not null default 1 check (current_version >= 1),
  -- The council's approval: both or neither.
  council_decision_number text,
  council_decision_date date,
  approved_at timestamptz,
  -- 'entered' through the workflow, or the import (file name and checksum) it came from.
  origin text not null default 'entered',
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_code, fiscal_year),
  check ((council_decision_number is null) = (council_decision_date is null)),
  check (phase = 'proposed' or approved_at is not null)
);

create table budgets_version (
  budget_id bigint not null references budgets_budget (id),
  version integer not null check (version >= 1),
  kind text not null check (kind in ('original', 'adjustment', 'transfer')),
  reason text,
  council_decision_number text,
  council_decision_date date,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (budget_id, version),
  check (version = 1 or btrim(coalesce(reason, '')) <> '')
);

create table budgets_line (
  id bigint generated always as identity primary key,
  budget_id bigint not null,
  version integer not null,
  -- The same line across versions (an adjustment keeps it), so that its actuals follow it.
  line_key text not null,
  direction text not null check (direction in ('revenue', 'expenditure')),
  economic_code text not null references budgets_economic_class (code),
  functional_code text references budgets_functional_class (code),
  fund_source_code text not null references budgets_fund_source (code),
  program_code text,
  description_km text,
  description_en text,
  amount bigint not null check (amount >= 0),
  -- Lines written by the system (a published transfer): users cannot change them.
  system_origin text check (system_origin in ('transfer')),
  transfer_allocation_version integer,
  transfer_source text,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (budget_id, version) references budgets_version (budget_id, version),
  unique (budget_id, version, line_key),
  -- Expenditure carries its function; revenue has none.
  check (direction = 'revenue' or functional_code is not null)
);

create index budgets_line_budget_idx on budgets_line (budget_id, version);

-- Actuals per line (by line_key, so they survive adjustments) and quarter; quarter 0 is a whole
-- year not broken down by quarter (imported figures).
create table budgets_actual (
  budget_id bigint not null references budgets_budget (id),
  line_key text not null,
  quarter smallint not null check (quarter between 0 and 4),
  amount bigint not null check (amount >= 0),
  updated_at timestamptz not null default now(),
  primary key (budget_id, line_key, quarter)
);
