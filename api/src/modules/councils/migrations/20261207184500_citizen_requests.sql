-- Citizens' requests to councils (#15 item 5): a person, signed in or not, with a phone, asks
-- the council of a unit something about a place within it (a need, a problem, a proposal), in
-- Khmer. The request is acknowledged with a number, then put on the agenda of a planned meeting
-- of the council or answered by the chief; it ends answered or referred. The answer is public
-- unless the person asked otherwise; name and phone are never public.

create table councils_request (
  id bigint generated always as identity primary key,
  -- The acknowledgement number: 8 characters without look-alikes, shown as XXXX-XXXX.
  number text not null unique,
  organ_id bigint not null references councils_organ (id),
  unit_code text not null,
  place_code text not null,
  kind text not null check (kind in ('need', 'problem', 'proposal')),
  topic text not null check (topic in ('infrastructure', 'water_sanitation', 'health', 'education',
    'security', 'environment', 'agriculture', 'social', 'administration', 'other')),
  text_km text not null check (btrim(text_km) <> ''),
  name text,
  sex text check (sex in ('female', 'male')),
  phone text not null,
  user_id bigint,
  answer_public boolean not null default true,
  status text not null default 'received'
    check (status in ('received', 'on_agenda', 'answered', 'referred')),
  meeting_id bigint references councils_meeting (id),
  agenda_item_id bigint references councils_agenda_item (id),
  answered_by text check (answered_by in ('chief', 'council')),
  decision_id bigint references councils_decision (id),
  answer_km text,
  answer_en text,
  referred_to text,
  answered_on date,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('answered', 'referred')) = (answer_km is not null and answered_on is not null)),
  check (status <> 'referred' or btrim(coalesce(referred_to, '')) <> '')
);

create index councils_request_organ_idx on councils_request (organ_id, status, created_at desc, id desc);
create index councils_request_unit_idx on councils_request (unit_code, created_at desc, id desc);

-- Filing is throttled per phone and per client address, shared by every API process (the
-- platform's throttle, platform/throttle).
create table councils_request_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
