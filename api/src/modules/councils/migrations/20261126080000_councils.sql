-- The organs of each sub-national administration (councils, boards of governors, committees,
-- offices), the people who sit in them, and the register of functions held by each type of SNA
-- or by one unit.
--
-- Unit codes are not foreign keys to gazetteer_unit, as in the access module: modules meet
-- through their index.ts, and the service checks every code against the gazetteer before a
-- write. The gazetteer never deletes a unit that has records (abolished units keep their row).
--
-- Dates of office are inclusive: `end_date` and `closed_on` are the last day in office, so a
-- member is current on day D when start_date <= D <= coalesce(end_date, infinity).

create table councils_organ (
  id bigint generated always as identity primary key,
  -- Villages are not administrations and have no organs: 2, 4 or 6 digits only.
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  kind text not null check (kind in ('council', 'board_of_governors', 'committee', 'office')),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  -- The mandate (councils: five years; commune/sangkat councils elected 2017, 2022, next 2027).
  term_start date,
  term_end date,
  -- The organ's last day (dissolved, replaced); null while it sits.
  closed_on date,
  legal_reference text,
  -- Where the fact comes from (a gazette, the election results); 'example' for demo data.
  source text,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (term_end is null or term_start is null or term_end >= term_start),
  check (closed_on is null or term_start is null or closed_on >= term_start)
);

create index councils_organ_unit_idx on councils_organ (unit_code, kind);

create table councils_member (
  id bigint generated always as identity primary key,
  organ_id bigint not null references councils_organ (id),
  name_km text not null check (btrim(name_km) <> ''),
  name_latin text not null check (btrim(name_latin) <> ''),
  role text not null check (
    role in ('chief', 'deputy', 'member', 'governor', 'deputy_governor', 'head', 'secretary')
  ),
  sex text not null check (sex in ('female', 'male')),
  -- Personal: only for age groups, and shown only to those who manage the organ.
  birth_year smallint check (birth_year between 1900 and 2100),
  -- null: not known (never assumed false).
  has_disability boolean,
  is_indigenous boolean,
  -- Councils only (members of other organs sit as officials, not for a party).
  party text,
  start_date date not null,
  end_date date,
  source text,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);

create index councils_member_organ_idx on councils_member (organ_id, start_date);

create table councils_function (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[a-z][a-z0-9_.]*$'),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  sector text not null check (sector ~ '^[a-z][a-z_]*$'),
  -- The holder: every unit of an SNA type (gazetteer_unit_type code, e.g. 'commune') or one unit.
  holder_type_code text,
  holder_unit_code text check (holder_unit_code ~ '^([0-9]{2}){1,3}$'),
  legal_instrument text not null check (btrim(legal_instrument) <> ''),
  -- The date the function was assigned to the holder, or transferred to it.
  date_assigned date not null,
  -- The ministry it came from, when it was transferred (an NP-2 goal); null when assigned by law.
  transferred_from text,
  source text not null check (btrim(source) <> ''),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((holder_type_code is null) <> (holder_unit_code is null))
);

-- One row per function and holder: the same function held by communes and by sangkats is two rows.
create unique index councils_function_holder_uq
  on councils_function (code, coalesce(holder_type_code, ''), coalesce(holder_unit_code, ''));
create index councils_function_type_idx on councils_function (holder_type_code);
create index councils_function_unit_idx on councils_function (holder_unit_code);
