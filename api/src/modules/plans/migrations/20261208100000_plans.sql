-- plans: development plans per SNA and mandate, village needs and commune priorities, and the
-- 3-year rolling investment program (projects with costs by year and fund source).
--
-- Unit codes are not foreign keys to gazetteer_unit (modules meet through their index.ts): the
-- services check every code against the gazetteer port before a write. Council decisions are
-- referenced by id only (councils_decision belongs to the councils module) and checked through
-- the councilDecisions port; the decision kind used is councils' own `approve_plan` ("for the
-- development plan and investment program"), so this migration adds no kind.

-- Sectors of the development plan: codes as data, in Khmer and English.
create table plans_sector (
  code text primary key check (code ~ '^[a-z][a-z_]*$'),
  name_km text not null,
  name_en text not null,
  sort_order integer not null
);

insert into plans_sector (code, name_km, name_en, sort_order) values
  ('economic', 'វិស័យសេដ្ឋកិច្ច', 'Economic', 1),
  ('social', 'វិស័យសង្គមកិច្ច', 'Social', 2),
  ('natural_resources', 'វិស័យធនធានធម្មជាតិ និងបរិស្ថាន', 'Natural resources and environment', 3),
  ('administration_security', 'វិស័យរដ្ឋបាល និងសន្តិសុខ សណ្ដាប់ធ្នាប់សាធារណៈ', 'Administration and security', 4),
  ('gender', 'វិស័យយេនឌ័រ', 'Gender', 5);

-- Where the money of a project comes from: codes as data.
create table plans_fund_source (
  code text primary key check (code ~ '^[a-z][a-z_]*$'),
  name_km text not null,
  name_en text not null,
  sort_order integer not null
);

insert into plans_fund_source (code, name_km, name_en, sort_order) values
  ('commune_fund', 'មូលនិធិឃុំ សង្កាត់', 'Commune/Sangkat Fund', 1),
  ('district_fund', 'មូលនិធិក្រុង ស្រុក', 'District/Municipal Fund', 2),
  ('line_department', 'មន្ទីរជំនាញ', 'Line department', 3),
  ('ngo', 'អង្គការមិនមែនរដ្ឋាភិបាល', 'NGO', 4),
  ('development_partner', 'ដៃគូអភិវឌ្ឍន៍', 'Development partner', 5),
  ('citizens', 'ការចូលរួមវិភាគទានពីប្រជាពលរដ្ឋ', 'Citizens'' contribution', 6);

-- A development plan of an SNA for one council mandate (commune: CDP 2023-2027).
create table plans_plan (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  first_year integer not null check (first_year between 2000 and 2100),
  last_year integer not null check (last_year between 2000 and 2100),
  vision_km text not null check (btrim(vision_km) <> ''),
  vision_en text,
  status text not null default 'draft' check (status in ('draft', 'reviewed', 'approved')),
  -- The council's decision approving it (councils_decision.id), checked through the port.
  council_decision_id bigint,
  approved_on date,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (last_year >= first_year and last_year - first_year <= 9),
  check ((status = 'approved') = (council_decision_id is not null and approved_on is not null)),
  unique (unit_code, first_year)
);

create table plans_goal (
  id bigint generated always as identity primary key,
  plan_id bigint not null references plans_plan (id),
  sector_code text not null references plans_sector (code),
  text_km text not null check (btrim(text_km) <> ''),
  text_en text,
  sort_order integer not null
);
create index plans_goal_plan_idx on plans_goal (plan_id);

create table plans_indicator (
  id bigint generated always as identity primary key,
  plan_id bigint not null references plans_plan (id),
  sector_code text not null references plans_sector (code),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text,
  measure text not null,
  baseline numeric(18, 2) not null check (baseline >= 0),
  baseline_year integer not null,
  sort_order integer not null
);
create index plans_indicator_plan_idx on plans_indicator (plan_id);

create table plans_indicator_target (
  indicator_id bigint not null references plans_indicator (id),
  year integer not null,
  target numeric(18, 2) not null check (target >= 0),
  primary key (indicator_id, year)
);

-- The planning calendar: who does which step when.
create table plans_calendar_step (
  id bigint generated always as identity primary key,
  plan_id bigint not null references plans_plan (id),
  step_km text not null check (btrim(step_km) <> ''),
  step_en text,
  owner text not null check (btrim(owner) <> ''),
  start_date date not null,
  end_date date not null check (end_date >= start_date),
  sort_order integer not null
);
create index plans_calendar_step_plan_idx on plans_calendar_step (plan_id);

-- A need raised at a village meeting, recorded by the commune.
create table plans_need (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^[0-9]{6}$'),
  village_code text not null check (village_code ~ '^[0-9]{8}$'),
  meeting_date date not null,
  need_text text not null check (btrim(need_text) <> ''),
  sector_code text not null references plans_sector (code),
  attendees_female integer not null check (attendees_female >= 0),
  attendees_male integer not null check (attendees_male >= 0),
  vulnerable_groups text[] not null default '{}',
  is_example boolean not null default false,
  created_at timestamptz not null default now()
);
create index plans_need_unit_idx on plans_need (unit_code, meeting_date desc, id);

-- The commune's priorities for a year, ranked, each traced to the needs it merges.
create table plans_priority (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  year integer not null check (year between 2000 and 2100),
  rank integer not null check (rank > 0),
  title_km text not null check (btrim(title_km) <> ''),
  title_en text,
  sector_code text not null references plans_sector (code),
  reason text not null check (btrim(reason) <> ''),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  unique (unit_code, year, rank)
);

create table plans_priority_need (
  priority_id bigint not null references plans_priority (id),
  need_id bigint not null references plans_need (id),
  primary key (priority_id, need_id)
);
create index plans_priority_need_need_idx on plans_priority_need (need_id);

-- The rolling investment program of each SNA: the first of its three years, and its approval.
create table plans_program (
  unit_code text primary key check (unit_code ~ '^([0-9]{2}){1,3}$'),
  first_year integer not null check (first_year between 2000 and 2100),
  council_decision_id bigint,
  approved_on date,
  updated_at timestamptz not null default now()
);

-- Each roll of a program (one per SNA and year; the national roll writes one per SNA too).
create table plans_program_roll (
  id bigint generated always as identity primary key,
  unit_code text not null,
  from_year integer not null,
  to_year integer not null,
  carried integer not null,
  rolled_at timestamptz not null default now(),
  unique (unit_code, to_year)
);

-- A project of an investment program. Its id is stable across rolls: the workshop's agreements,
-- budget lines and the execution record (later slices) reference plans_project.id.
create table plans_project (
  id bigint generated always as identity primary key,
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  title_km text not null check (btrim(title_km) <> ''),
  title_en text not null check (btrim(title_en) <> ''),
  sector_code text not null references plans_sector (code),
  kind text not null check (kind in ('infrastructure', 'service')),
  output_text text not null check (btrim(output_text) <> ''),
  output_quantity numeric(18, 2) not null check (output_quantity >= 0),
  output_unit text not null check (btrim(output_unit) <> ''),
  status text not null default 'proposal'
    check (status in ('proposal', 'committed', 'ongoing', 'completed', 'dropped')),
  gender_marker boolean not null,
  gender_reason text,
  climate_marker text not null check (climate_marker in ('none', 'adaptation', 'mitigation', 'both')),
  climate_reason text,
  priority_id bigint references plans_priority (id),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not gender_marker or gender_reason is not null),
  check (climate_marker = 'none' or climate_reason is not null)
);
create index plans_project_unit_idx on plans_project (unit_code, status, id);

-- Where: one or more villages or communes.
create table plans_project_location (
  project_id bigint not null references plans_project (id),
  unit_code text not null check (unit_code ~ '^([0-9]{2}){3,4}$'),
  primary key (project_id, unit_code)
);

-- Estimated cost by year and fund source, in riel; a year's cost is the sum of its sources.
create table plans_project_cost (
  project_id bigint not null references plans_project (id),
  year integer not null check (year between 2000 and 2100),
  fund_source_code text not null references plans_fund_source (code),
  amount numeric(18, 0) not null check (amount >= 0),
  primary key (project_id, year, fund_source_code)
);
create index plans_project_cost_year_idx on plans_project_cost (year, project_id);
