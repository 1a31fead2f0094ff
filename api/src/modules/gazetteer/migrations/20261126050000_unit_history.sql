-- The tree's history. `gazetteer_unit` holds every unit that ever existed, in its current (or
-- last) state; `valid_to` is set when a unit is abolished. Two more tables keep the past:
--
--   gazetteer_unit_version  one row per state of a unit (names, parent, type, urban) over a
--                           period [valid_from, valid_to); reads with `asOf` use these.
--   gazetteer_unit_event    one row per dated change (created, renamed, moved, retyped,
--                           abolished, merged, split, reinstated) with its legal reference.
--
-- A null valid_from means "since before our records" (the demo seed, a first import without
-- an effective date).

create table gazetteer_import (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('gazetteer', 'boundaries')),
  file_names text[] not null,
  -- sha256 of each file, in the order of file_names: importing the same file twice is visible.
  file_checksums text[] not null,
  effective_date date,
  dry_run boolean not null,
  -- Counts of added / renamed / moved / retyped / removed and of problems.
  summary jsonb not null,
  created_by bigint,
  created_at timestamptz not null default now()
);

create table gazetteer_unit_version (
  id bigint generated always as identity primary key,
  code text not null references gazetteer_unit (code),
  parent_code text,
  type_code text not null references gazetteer_unit_type (code),
  name_km text not null,
  name_latin text not null,
  is_urban boolean not null,
  legal_reference text,
  valid_from date,
  valid_to date,
  check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index gazetteer_unit_version_code_idx on gazetteer_unit_version (code, valid_from);
create index gazetteer_unit_version_parent_idx on gazetteer_unit_version (parent_code, valid_from);
-- At most one open version per unit.
create unique index gazetteer_unit_version_current_uq on gazetteer_unit_version (code) where valid_to is null;

create table gazetteer_unit_event (
  id bigint generated always as identity primary key,
  unit_code text not null references gazetteer_unit (code),
  kind text not null check (kind in ('created', 'renamed', 'moved', 'retyped', 'abolished', 'merged', 'split', 'reinstated')),
  effective_date date,
  legal_reference text,
  -- The attributes that changed, before and after (camelCase keys, as in the API).
  before jsonb,
  after jsonb,
  -- The other units of a merge or a split.
  related_codes text[] not null default '{}',
  note text,
  import_id bigint references gazetteer_import (id),
  recorded_by bigint,
  recorded_at timestamptz not null default now()
);
create index gazetteer_unit_event_unit_idx on gazetteer_unit_event (unit_code, effective_date);
create index gazetteer_unit_event_date_idx on gazetteer_unit_event (effective_date, id);

-- Units that exist before this migration (the demo seed) get their first version and a
-- 'created' event, so that every unit has a history.
insert into gazetteer_unit_version (code, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, valid_to)
select code, parent_code, type_code, name_km, name_latin, is_urban, legal_reference, valid_from, valid_to
from gazetteer_unit;

insert into gazetteer_unit_event (unit_code, kind, effective_date, legal_reference, after)
select code, 'created', valid_from, legal_reference,
       jsonb_build_object('parentCode', parent_code, 'typeCode', type_code, 'nameKm', name_km, 'nameLatin', name_latin, 'isUrban', is_urban)
from gazetteer_unit;
