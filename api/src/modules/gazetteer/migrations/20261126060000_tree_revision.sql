-- A revision number of the administrative tree, bumped by every statement that writes units or
-- their versions (the import, a staff edit, a seed, a hand-made fix: triggers catch them all).
-- Answers that depend only on the tree, such as the country's counts by level and type (a
-- scan of every unit), are kept in each API process keyed by this number: one primary-key read
-- tells any process whether what it holds is still the tree in the database.
--
-- Statement-level triggers, so a bulk import bumps the number once per statement, not per row.
-- Writers of the tree take turns on this one row until they commit; tree writes are rare
-- (imports, edits by staff) and already take turns on the audit chain.

create table gazetteer_tree_revision (
  singleton boolean primary key default true check (singleton),
  revision bigint not null
);
insert into gazetteer_tree_revision (singleton, revision) values (true, 1);

create function gazetteer_tree_revision_bump() returns trigger
language plpgsql as $$
begin
  update gazetteer_tree_revision set revision = revision + 1;
  return null;
end;
$$;

create trigger gazetteer_unit_revision
after insert or update or delete or truncate on gazetteer_unit
for each statement execute function gazetteer_tree_revision_bump();

create trigger gazetteer_unit_version_revision
after insert or update or delete or truncate on gazetteer_unit_version
for each statement execute function gazetteer_tree_revision_bump();
