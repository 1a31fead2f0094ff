-- Subtree reads ("everything in Kep", "is this village inside my scope?") go through a closure
-- table: one row per (ancestor, descendant) pair, each unit also paired with itself at depth 0.
-- A scope check is then one primary-key lookup and a subtree one index range scan, never a
-- recursive query per request nor a `code like '23%'` match that would tie every scope rule to
-- the coding scheme (codes are re-issued when units move; the tree is what counts).
--
-- Only the triggers below write this table. Codes are the identity of a unit: changing one is
-- refused by the foreign keys here (no `on update`), a move changes `parent_code`. Deleting a
-- leaf unit takes its closure rows with it (`on delete cascade`); a unit with children cannot
-- be deleted anyway (gazetteer_unit.parent_code).

create table gazetteer_unit_closure (
  ancestor_code text not null references gazetteer_unit (code) on delete cascade,
  descendant_code text not null references gazetteer_unit (code) on delete cascade,
  -- 0 for the unit itself, 1 for its parent, ... at most 3 (village to province).
  depth smallint not null check (depth between 0 and 3),
  primary key (ancestor_code, descendant_code),
  check ((depth = 0) = (ancestor_code = descendant_code))
);

-- The primary key serves "subtree of X" (ancestor_code = X) and "is Y within X"; this index
-- serves "ancestors of Y, root first" (descendant_code = Y order by depth desc).
create index gazetteer_unit_closure_descendant_idx on gazetteer_unit_closure (descendant_code, depth);

-- A new unit: its chain of ancestors is read by walking parent_code on gazetteer_unit itself
-- rather than from the parent's closure rows, so one insert statement that carries a parent and
-- its children is right whatever the order of its rows (after-row triggers see every row).
create function gazetteer_unit_closure_on_insert() returns trigger
language plpgsql as $$
begin
  insert into gazetteer_unit_closure (ancestor_code, descendant_code, depth)
  with recursive chain (unit_code, next_code, steps) as (
    select new.code, new.parent_code, 0
    union all
    select u.code, u.parent_code, chain.steps + 1
    from chain
    join gazetteer_unit u on u.code = chain.next_code
  )
  select chain.unit_code, new.code, chain.steps from chain;
  return null;
end;
$$;

create trigger gazetteer_unit_closure_on_insert
after insert on gazetteer_unit
for each row execute function gazetteer_unit_closure_on_insert();

-- A move (parent_code changed): the moved unit takes its whole subtree along. The pairs inside
-- the subtree stay as they are; the pairs linking the old ancestors to the subtree go, and the
-- new parent's ancestors (the new parent included) are linked to every unit of the subtree.
create function gazetteer_unit_closure_on_move() returns trigger
language plpgsql as $$
begin
  -- The code-prefix check on gazetteer_unit already rules a cycle out; this guard keeps the
  -- closure sound should that check ever be relaxed.
  if exists (
    select 1 from gazetteer_unit_closure
    where ancestor_code = new.code and descendant_code = new.parent_code
  ) then
    raise exception 'gazetteer unit % cannot be moved under its own descendant %', new.code, new.parent_code
      using errcode = '23514';
  end if;

  delete from gazetteer_unit_closure link
  where link.descendant_code in (
      select inside.descendant_code from gazetteer_unit_closure inside where inside.ancestor_code = new.code
    )
    and link.ancestor_code not in (
      select inside.descendant_code from gazetteer_unit_closure inside where inside.ancestor_code = new.code
    );

  insert into gazetteer_unit_closure (ancestor_code, descendant_code, depth)
  select up.ancestor_code, down.descendant_code, up.depth + down.depth + 1
  from gazetteer_unit_closure up
  cross join gazetteer_unit_closure down
  where up.descendant_code = new.parent_code
    and down.ancestor_code = new.code;
  return null;
end;
$$;

create trigger gazetteer_unit_closure_on_move
after update of parent_code on gazetteer_unit
for each row when (old.parent_code is distinct from new.parent_code)
execute function gazetteer_unit_closure_on_move();

-- Units that exist already (a database seeded before this migration) get their rows now.
insert into gazetteer_unit_closure (ancestor_code, descendant_code, depth)
with recursive chain (ancestor_code, descendant_code, next_code, steps) as (
  select code, code, parent_code, 0 from gazetteer_unit
  union all
  select u.code, chain.descendant_code, u.parent_code, chain.steps + 1
  from chain
  join gazetteer_unit u on u.code = chain.next_code
)
select ancestor_code, descendant_code, steps from chain;
