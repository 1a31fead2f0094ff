-- Unit search (Khmer, romanised, by code; type-ahead). One row per unit with its search keys:
-- the names put through the normalisation of search/normalise.ts (Khmer code points in one
-- canonical order, no zero-width spaces, Khmer digits as ASCII; romanised names without case,
-- diacritics, spaces or punctuation). The keys are computed in TypeScript, the one place the
-- rules live, so this migration creates the table empty: search/search-index.ts fills it, at
-- every start for the units whose names changed, and after each import for the units it touched.

create table gazetteer_unit_search (
  code text primary key references gazetteer_unit (code) on delete cascade,
  -- The unit's level, which its code fixes (2, 4, 6 or 8 digits), so it never goes stale.
  -- Here so that "the first 20 of each level" is read from one index, without touching units.
  level smallint not null check (level between 1 and 4 and length(code) = level * 2),
  -- Byte order ("C"), whatever the database's default collation: a prefix search is then a
  -- plain range scan (key >= 'q' and key < 'r') on an ordinary btree index, with no locale
  -- rules in the way, and the order of keys is the same on every server and on PGlite.
  key_km text collate "C" not null,
  key_latin text collate "C" not null,
  -- md5 of the normaliser's version and the names the keys were computed from: the start-up
  -- sync compares it with the unit's current names and recomputes only what changed.
  names_hash text not null
);

-- Type-ahead is a prefix match, answered level by level (provinces first) in name order: each
-- index gives, for one level, the keys that start with what was typed already in the order of
-- the answer, so a one-letter query that matches thousands of villages reads 20 of them. On a
-- "C" column a plain btree serves the prefix range; text_pattern_ops is for locale collations.
create index gazetteer_unit_search_km_idx on gazetteer_unit_search (level, key_km, code);
create index gazetteer_unit_search_latin_idx on gazetteer_unit_search (level, key_latin, code);
create index gazetteer_unit_search_code_idx on gazetteer_unit_search (level, code collate "C");

-- Matches inside a name, at the start of a Khmer syllable or of a romanised word: Khmer writes
-- compounds without spaces (ដំណាក់ចង្អើរ is found from ចង្អើរ), and "Thum" should find Prey Thum.
-- Each row is the rest of a key from such a start: ដំណាក់ចង្អើរ gives ណាក់ចង្អើរ, ក់ចង្អើរ,
-- ចង្អើរ, ង្អើរ, រ; "Prey Thum" gives thum. A prefix match on these is then an index range scan
-- (no pg_trgm on PGlite, and `like '%q%'` reads every key on every keystroke).
create table gazetteer_unit_search_part (
  code text not null references gazetteer_unit_search (code) on delete cascade,
  level smallint not null,
  script text not null check (script in ('km', 'latin')),
  part text collate "C" not null,
  primary key (script, level, part, code)
);
create index gazetteer_unit_search_part_code_idx on gazetteer_unit_search_part (code);
