-- Minutes of a meeting: written in Khmer (with an optional English summary) as a draft,
-- circulated to the members, then adopted at a later meeting of the same organ; the adopted
-- text is frozen (the service refuses any change, and a trigger keeps it so).

create table councils_minutes (
  meeting_id bigint primary key references councils_meeting (id),
  text_km text not null check (btrim(text_km) <> ''),
  summary_en text,
  status text not null default 'draft' check (status in ('draft', 'circulated', 'adopted')),
  circulated_at timestamptz,
  adopted_at_meeting_id bigint references councils_meeting (id),
  adopted_on date,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'adopted') = (adopted_at_meeting_id is not null and adopted_on is not null)),
  check (status = 'draft' or circulated_at is not null)
);

create index councils_minutes_adopted_at_idx on councils_minutes (adopted_at_meeting_id);

-- Adopted minutes are frozen: no update and no delete reaches them.
create function councils_minutes_frozen() returns trigger language plpgsql as $$
begin
  if old.status = 'adopted' then
    raise exception 'councils_minutes % is adopted and frozen', old.meeting_id using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger councils_minutes_frozen before update or delete on councils_minutes
  for each row execute function councils_minutes_frozen();
