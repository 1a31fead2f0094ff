-- results: frameworks of results (NP-2's and any other), indicators over data elements, the
-- categories that break figures down (sex, age group, disability: rows, not columns), data sets
-- assigned to unit types, the data values (partitioned by year) and their pre-aggregation up the
-- administrative tree, kept current in the transaction that writes the values.

create table results_framework (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name_km text not null,
  name_en text not null,
  -- Where the text comes from (a document and its section); null for an example.
  source text,
  is_example boolean not null default false
);

-- One tree per framework: components → outcomes → outputs → priority actions.
create table results_framework_element (
  id bigint generated always as identity primary key,
  framework_code text not null references results_framework (code),
  code text not null,
  parent_id bigint references results_framework_element (id),
  kind text not null check (kind in ('component', 'outcome', 'output', 'priority_action')),
  position smallint not null default 0,
  name_km text not null,
  name_en text not null,
  source text,
  is_example boolean not null default false,
  unique (framework_code, code)
);
create index results_framework_element_parent_idx on results_framework_element (parent_id);

-- A breakdown (sex, age group, disability, ...) and its options: data, not columns.
create table results_category (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{0,29}$'),
  name_km text not null,
  name_en text not null,
  position smallint not null default 0
);

create table results_category_option (
  category_code text not null references results_category (code),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_]{0,29}$'),
  name_km text not null,
  name_en text not null,
  position smallint not null default 0,
  primary key (category_code, code)
);

-- A combination of categories a data element is collected by ('default': none, one total).
create table results_category_combo (
  code text primary key,
  name_km text not null,
  name_en text not null,
  category_codes text[] not null
);

-- Each cell of a combination: the option chosen in each of its categories ({} for 'default').
create table results_category_option_combo (
  id integer generated always as identity primary key,
  combo_code text not null references results_category_combo (code),
  options jsonb not null,
  unique (combo_code, options)
);

create table results_data_element (
  code text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$'),
  name_km text not null,
  name_en text not null,
  value_type text not null check (value_type in ('integer_zero_or_positive', 'integer', 'number', 'percentage')),
  combo_code text not null references results_category_combo (code),
  source text,
  is_example boolean not null default false
);

create table results_indicator (
  code text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$'),
  framework_element_id bigint references results_framework_element (id),
  name_km text not null,
  name_en text not null,
  definition_km text not null,
  definition_en text not null,
  unit_km text not null,
  unit_en text not null,
  -- The value is factor × Σ numerator ÷ Σ denominator (or factor × Σ numerator without one).
  numerator text[] not null check (cardinality(numerator) > 0),
  denominator text[],
  factor numeric not null default 1,
  direction text not null check (direction in ('higher_is_better', 'lower_is_better')),
  -- The categories it may be broken down by.
  disaggregations text[] not null default '{}',
  data_source text not null,
  owner text not null,
  is_example boolean not null default false
);

-- Baselines and yearly targets, nationally (unit_code null) or for one SNA.
create table results_indicator_target (
  indicator_code text not null references results_indicator (code),
  unit_code text,
  year smallint not null check (year between 2000 and 2100),
  kind text not null check (kind in ('baseline', 'target')),
  value numeric not null,
  is_example boolean not null default false,
  unique nulls not distinct (indicator_code, unit_code, year, kind)
);

create table results_data_set (
  code text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$'),
  name_km text not null,
  name_en text not null,
  period_type text not null check (period_type in ('monthly', 'quarterly', 'yearly')),
  is_example boolean not null default false
);

create table results_data_set_element (
  data_set_code text not null references results_data_set (code),
  data_element_code text not null references results_data_element (code),
  primary key (data_set_code, data_element_code)
);

-- The types of unit (the gazetteer's unit types: commune, sangkat, district, ...) that report a data set.
create table results_data_set_unit_type (
  data_set_code text not null references results_data_set (code),
  unit_type_code text not null,
  primary key (data_set_code, unit_type_code)
);

-- Where approval will lock figures: one state per data set × unit × period. Only 'open' is
-- written by this slice; a value of a data set, unit and period that is 'approved' is refused.
create table results_data_set_status (
  data_set_code text not null references results_data_set (code),
  unit_code text not null,
  period text not null,
  status text not null check (status in ('open', 'submitted', 'approved')),
  changed_at timestamptz not null default now(),
  primary key (data_set_code, unit_code, period)
);

-- One figure: a data element, for a unit, a period and a cell of its category combination.
-- Partitioned by the period's year (the DHIS2 lesson: a year's figures are read together).
create table results_data_value (
  year smallint not null,
  data_element_code text not null,
  period text not null,
  unit_code text not null,
  coc_id integer not null,
  value numeric not null,
  data_set_code text not null,
  period_start date not null,
  period_end date not null,
  updated_at timestamptz not null default now(),
  updated_by bigint,
  primary key (data_element_code, unit_code, period, coc_id, year)
) partition by range (year);

create table results_data_value_y2020 partition of results_data_value for values from (2020) to (2021);
create table results_data_value_y2021 partition of results_data_value for values from (2021) to (2022);
create table results_data_value_y2022 partition of results_data_value for values from (2022) to (2023);
create table results_data_value_y2023 partition of results_data_value for values from (2023) to (2024);
create table results_data_value_y2024 partition of results_data_value for values from (2024) to (2025);
create table results_data_value_y2025 partition of results_data_value for values from (2025) to (2026);
create table results_data_value_y2026 partition of results_data_value for values from (2026) to (2027);
create table results_data_value_y2027 partition of results_data_value for values from (2027) to (2028);
create table results_data_value_y2028 partition of results_data_value for values from (2028) to (2029);
create table results_data_value_y2029 partition of results_data_value for values from (2029) to (2030);
create table results_data_value_y2030 partition of results_data_value for values from (2030) to (2031);
-- Any other year (before 2020, after 2030) until its own partition is added.
create table results_data_value_other partition of results_data_value default;

-- The pre-aggregation: per data element × period × unit (each unit and every ancestor) × cell,
-- the sum and count of the values below, for the value's own period and every longer period
-- holding it (a month's value counts in its month, its quarter and its year). A roll-up of a
-- year then reads one row per unit and cell, not twelve. Written in the statement that writes
-- the values.
create table results_value_agg (
  data_element_code text not null,
  period text not null,
  unit_code text not null,
  coc_id integer not null,
  value numeric not null,
  value_count integer not null,
  primary key (data_element_code, period, unit_code, coc_id)
);

-- ------------------------------------------------------------------ reference rows

insert into results_category (code, name_km, name_en, position) values
  ('sex', 'ភេទ', 'Sex', 1),
  ('age', 'ក្រុមអាយុ', 'Age group', 2),
  ('disability', 'ពិការភាព', 'Disability', 3);

insert into results_category_option (category_code, code, name_km, name_en, position) values
  ('sex', 'female', 'ស្រី', 'Female', 1),
  ('sex', 'male', 'ប្រុស', 'Male', 2),
  ('age', '0_17', '០-១៧ ឆ្នាំ', '0-17 years', 1),
  ('age', '18_34', '១៨-៣៤ ឆ្នាំ', '18-34 years', 2),
  ('age', '35_59', '៣៥-៥៩ ឆ្នាំ', '35-59 years', 3),
  ('age', '60_plus', '៦០ ឆ្នាំឡើង', '60 years and over', 4),
  ('disability', 'with', 'មានពិការភាព', 'With a disability', 1),
  ('disability', 'without', 'គ្មានពិការភាព', 'Without a disability', 2);

insert into results_category_combo (code, name_km, name_en, category_codes) values
  ('default', 'សរុប', 'Total', '{}'),
  ('sex', 'តាមភេទ', 'By sex', '{sex}'),
  ('sex_age', 'តាមភេទ និងក្រុមអាយុ', 'By sex and age group', '{sex,age}'),
  ('sex_age_disability', 'តាមភេទ ក្រុមអាយុ និងពិការភាព', 'By sex, age group and disability', '{sex,age,disability}');

-- Every cell of every combination (the cartesian product of its categories' options).
insert into results_category_option_combo (combo_code, options)
select 'default', '{}'::jsonb
union all
select 'sex', jsonb_build_object('sex', s.code) from results_category_option s where s.category_code = 'sex'
union all
select 'sex_age', jsonb_build_object('sex', s.code, 'age', a.code)
from results_category_option s, results_category_option a
where s.category_code = 'sex' and a.category_code = 'age'
union all
select 'sex_age_disability', jsonb_build_object('sex', s.code, 'age', a.code, 'disability', d.code)
from results_category_option s, results_category_option a, results_category_option d
where s.category_code = 'sex' and a.category_code = 'age' and d.category_code = 'disability';
