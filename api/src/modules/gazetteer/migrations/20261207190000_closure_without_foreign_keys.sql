-- The closure table loses its two foreign keys to gazetteer_unit (#12, the whole-country import).
-- Its rows are derived data: only the triggers on gazetteer_unit write them, from units that
-- exist (a new unit's chain walks parent_code; a move joins closure rows that exist), so the
-- keys never refused anything. They cost two checks for every pair, though: 127,000 for the
-- whole country's 63,681 pairs, almost half the time of inserting its units (measured on a busy
-- 2-core machine: 25.5 s with them, 14.4 s without on PGlite; 4.5 s and 3.0 s on PostgreSQL).
--
-- What `on delete cascade` did is done by a statement-level trigger: deleting units (leaves:
-- a unit with children cannot be deleted, gazetteer_unit.parent_code) takes their pairs along.

alter table gazetteer_unit_closure
  drop constraint gazetteer_unit_closure_ancestor_code_fkey,
  drop constraint gazetteer_unit_closure_descendant_code_fkey;

create function gazetteer_unit_closure_on_delete_statement() returns trigger
language plpgsql as $$
begin
  delete from gazetteer_unit_closure
  where descendant_code in (select code from removed)
     or ancestor_code in (select code from removed);
  return null;
end $$;

create trigger gazetteer_unit_closure_on_delete
  after delete on gazetteer_unit
  referencing old table as removed
  for each statement execute function gazetteer_unit_closure_on_delete_statement();

