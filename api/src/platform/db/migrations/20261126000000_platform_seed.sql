-- Which modules have loaded their demo data into this database, so that each seed runs once
-- even when modules are added later.
create table platform_seed (
  module text primary key,
  seeded_at timestamptz not null default now()
);
