-- The fuzzy fallback reads the nearest names by trigram distance (`<->`, ORDER BY ... LIMIT),
-- which a GiST index serves by walking the tree nearest first and stopping after the answer.
-- The GIN indexes of 20261207100000 serve `%` (all names over a similarity threshold), which
-- reads the whole posting list of every trigram of the query: "kampong..." shares " k", "ka",
-- "kam", "amp" ... with thousands of names, and such a query cost ten times the GiST one over the
-- whole country (measured by bench/search-recall.bench.ts).
drop index if exists gazetteer_unit_search_fold_trgm_idx;
drop index if exists gazetteer_unit_search_roman_trgm_idx;
create index gazetteer_unit_search_fold_trgm_idx on gazetteer_unit_search
  using gist (key_fold public.gist_trgm_ops);
create index gazetteer_unit_search_roman_trgm_idx on gazetteer_unit_search
  using gist (key_roman public.gist_trgm_ops);
