-- hr: the establishment of each SNA (positions per unit and organ, the approved establishment
-- per unit type and year), its staff (persons, employments, assignments to positions with
-- their history) and the targets of women in leadership (NP-2 component 3, issue #18).
--
-- Unit codes are not foreign keys to gazetteer_unit (modules meet through their index.ts): the
-- services check every code through the gazetteer port before a write. A position's function
-- is a code of councils' register of functions kept as text (no port answers it yet).

-- Civil-servant categories and contract types: codes as data. `source` says where a row comes
-- from; rows not checked against an official text are marked is_example.
create table hr_category (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  kind text not null check (kind in ('civil_servant', 'contract')),
  name_km text not null,
  name_en text not null,
  source text not null,
  is_example boolean not null default false,
  sort_order integer not null
);

insert into hr_category (code, kind, name_km, name_en, source, is_example, sort_order) values
  ('cs_a', 'civil_servant', 'ក្របខណ្ឌ ក', 'Category A (higher)',
   'Law on the Common Statute of Civil Servants (1994): categories A, B, C — example list, to be checked against the text', true, 1),
  ('cs_b', 'civil_servant', 'ក្របខណ្ឌ ខ', 'Category B (middle)',
   'Law on the Common Statute of Civil Servants (1994): categories A, B, C — example list, to be checked against the text', true, 2),
  ('cs_c', 'civil_servant', 'ក្របខណ្ឌ គ', 'Category C (lower)',
   'Law on the Common Statute of Civil Servants (1994): categories A, B, C — example list, to be checked against the text', true, 3),
  ('commune_contract_assistant', 'contract', 'ជំនួយការកិច្ចសន្យាឃុំ សង្កាត់', 'Commune/sangkat contract assistant',
   'Issue #18: at most 2 (councils of 5-7 members) or 3 (9-11) per commune, 3-12 month contracts, not civil servants — to be checked against the sub-decree', true, 10),
  ('contract_staff', 'contract', 'បុគ្គលិកកិច្ចសន្យា', 'Contract staff',
   'Example contract type', true, 11);

-- Grades within a category (example ladder: the official grades and steps are to be loaded).
create table hr_grade (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  category_code text not null references hr_category (code),
  name_km text not null,
  name_en text not null,
  rank integer not null,
  is_example boolean not null default true
);

insert into hr_grade (code, category_code, name_km, name_en, rank) values
  ('a1', 'cs_a', 'ថ្នាក់ ក.១', 'Grade A.1', 1),
  ('a2', 'cs_a', 'ថ្នាក់ ក.២', 'Grade A.2', 2),
  ('a3', 'cs_a', 'ថ្នាក់ ក.៣', 'Grade A.3', 3),
  ('b1', 'cs_b', 'ថ្នាក់ ខ.១', 'Grade B.1', 4),
  ('b2', 'cs_b', 'ថ្នាក់ ខ.២', 'Grade B.2', 5),
  ('b3', 'cs_b', 'ថ្នាក់ ខ.៣', 'Grade B.3', 6),
  ('c1', 'cs_c', 'ថ្នាក់ គ.១', 'Grade C.1', 7),
  ('c2', 'cs_c', 'ថ្នាក់ គ.២', 'Grade C.2', 8),
  ('c3', 'cs_c', 'ថ្នាក់ គ.៣', 'Grade C.3', 9);

-- A position of an SNA's establishment. Vacant or occupied is not stored: it follows from the
-- assignments in force; `state` holds what a person decides (frozen, closed).
create table hr_position (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  organ text not null check (organ in ('administration', 'board_support', 'clerk_office', 'council_support')),
  title_km text not null check (btrim(title_km) <> ''),
  title_en text,
  category_code text not null references hr_category (code),
  grade_code text references hr_grade (code),
  -- The level of the position, for women in leadership: leadership, management or staff.
  level text not null check (level in ('leadership', 'management', 'staff')),
  function_code text check (function_code ~ '^[a-z][a-z0-9_.]*$'),
  state text not null default 'open' check (state in ('open', 'frozen', 'closed')),
  funding_source text not null check (
    funding_source in ('national_budget', 'sna_budget', 'commune_fund', 'district_fund', 'development_partner')
  ),
  max_occupants integer not null default 1 check (max_occupants between 1 and 50),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index hr_position_unit_idx on hr_position (unit_code, id);

-- The approved establishment: how many positions a type of unit has, per year.
create table hr_establishment (
  unit_type_code text not null check (unit_type_code ~ '^[a-z][a-z_]*$'),
  year integer not null check (year between 2000 and 2100),
  approved_count integer not null check (approved_count between 0 and 100000),
  source text,
  is_example boolean not null default false,
  primary key (unit_type_code, year)
);

-- A person on the staff of an SNA. `unit_code` is the SNA that holds the record today (it
-- moves with the person; the employments keep where they were).
create table hr_person (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  name_km text not null check (btrim(name_km) <> ''),
  name_latin text not null check (btrim(name_latin) <> ''),
  sex text not null check (sex in ('female', 'male')),
  -- Personal: shown only to HR managers in scope, each read audited.
  birth_date date,
  has_disability boolean,
  ethnicity text,
  phone text,
  email text,
  national_id text unique,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index hr_person_unit_idx on hr_person (unit_code, id);

-- Employment: civil servant or contract, at an SNA, with its category and grade.
create table hr_employment (
  id bigint generated always as identity primary key,
  person_id bigint not null references hr_person (id),
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  kind text not null check (kind in ('civil_servant', 'contract')),
  category_code text not null references hr_category (code),
  grade_code text references hr_grade (code),
  start_date date not null,
  end_date date,
  leaving_reason text check (
    leaving_reason in ('retirement', 'resignation', 'dismissal', 'death', 'contract_end', 'transfer', 'other')
  ),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date),
  check ((end_date is null) = (leaving_reason is null))
);

create index hr_employment_person_idx on hr_employment (person_id, start_date);
create index hr_employment_unit_idx on hr_employment (unit_code, category_code);

-- A person holding a position from a day to a day (open-ended while it lasts): the history.
create table hr_assignment (
  id bigint generated always as identity primary key,
  person_id bigint not null references hr_person (id),
  position_id bigint not null references hr_position (id),
  kind text not null check (kind in ('substantive', 'acting', 'secondment', 'transfer')),
  start_date date not null,
  end_date date,
  end_reason text,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);

create index hr_assignment_position_idx on hr_assignment (position_id, start_date);
create index hr_assignment_person_idx on hr_assignment (person_id, start_date);

-- The share of women in leadership aimed at, per year (38% by default when a year has none:
-- the government's target for women in public administration, issue #18).
create table hr_leadership_target (
  year integer primary key check (year between 2000 and 2100),
  target_percent numeric(5, 2) not null check (target_percent between 0 and 100),
  source text,
  updated_at timestamptz not null default now()
);
