-- Which tree the search index was last found current for: the tree's revision (bumped by every
-- statement that writes units, see gazetteer_tree_revision) and the normaliser's version. The
-- start-up sync reads this one row beside the revision and compares them: when neither changed,
-- a start costs that query instead of a scan of every unit's names.
--
-- Any statement that changes, removes or empties search keys forgets the row (the trigger
-- below), so keys removed or rewritten by hand are checked again at the next start.

create table gazetteer_unit_search_sync (
  singleton boolean primary key default true check (singleton),
  tree_revision bigint not null,
  normaliser_version integer not null,
  synced_at timestamptz not null default now()
);

create function gazetteer_unit_search_sync_forget() returns trigger
language plpgsql as $$
begin
  delete from gazetteer_unit_search_sync;
  return null;
end;
$$;

create trigger gazetteer_unit_search_sync_forget
after update or delete or truncate on gazetteer_unit_search
for each statement execute function gazetteer_unit_search_sync_forget();
