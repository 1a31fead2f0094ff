-- The public register of decisions searched in Khmer and English (#15 item 3): `q` matches
-- inside either title (ilike), served by trigram indexes (pg_trgm, as the gazetteer's search:
-- ADR 0013; created in schema public, the loser of two parallel creations ignores its error).
do $$
begin
  create extension if not exists pg_trgm with schema public;
exception
  when unique_violation or duplicate_object then null;
end
$$;
create index councils_decision_title_km_trgm_idx on councils_decision
  using gin (title_km public.gin_trgm_ops);
create index councils_decision_title_en_trgm_idx on councils_decision
  using gin (lower(title_en) public.gin_trgm_ops);
