-- Search in every spelling (#12 item 7). Beside the official Latin name, each unit gets:
--   key_fold  - the official Latin name folded (search/normalise.ts foldLatin: no diacritics,
--               spaces or case; Kompong/Kg. -> kampong, Prah -> preah, doubled letters once,
--               ou -> o, ae -> e);
--   key_roman - the UNGEGN romanisation of the Khmer name (search/romanise.ts), folded alike;
--   romanised - that romanisation with its diacritics, as shown beside a result it helped find.
-- Computed in TypeScript like the other keys: empty here, filled by the start-up sync (the
-- normaliser's version changed, so every unit's keys are recomputed once).
alter table gazetteer_unit_search
  add column key_fold text collate "C" not null default '',
  add column key_roman text collate "C" not null default '',
  add column romanised text not null default '';

create index gazetteer_unit_search_fold_idx on gazetteer_unit_search (level, key_fold, code);
create index gazetteer_unit_search_roman_idx on gazetteer_unit_search (level, key_roman, code);

-- The fuzzy fallback (a typo, a spelling no rule folds): trigram similarity, asked only when
-- exact, prefix and inside-the-name matches leave room in the answer. pg_trgm is a contrib
-- extension of PostgreSQL (trusted since PostgreSQL 13: a database owner may create it); PGlite
-- loads its build of it (platform/db/create-db.ts). It lives in schema public, and the index
-- and the queries name it there: the platform's tables may live in another schema (the tests
-- give each file its own, dropped afterwards, which must not drop the extension). Two
-- migrations running at once (parallel test files) may both try to create it: the loser's
-- error is the winner's success.
do $$
begin
  create extension if not exists pg_trgm with schema public;
exception
  when unique_violation or duplicate_object then null;
end
$$;
create index gazetteer_unit_search_fold_trgm_idx on gazetteer_unit_search
  using gin (key_fold public.gin_trgm_ops);
create index gazetteer_unit_search_roman_trgm_idx on gazetteer_unit_search
  using gin (key_roman public.gin_trgm_ops);
