-- The annual public forum of a council (#15 item 6): the council reports its results and hears
-- next year's priorities, each year in June or July. Its date, where, attendance by sex, and
-- the questions raised with their answers, each optionally tied to a priority of the plan.
--
-- The date: a forum outside June and July is recorded all the same (the forum took place; its
-- questions must not be lost because floods or an election moved it), but only with the reason
-- it moved (`late_reason_km`), which the public page shows beside a warning.
create table councils_forum (
  id bigint generated always as identity primary key,
  organ_id bigint not null references councils_organ (id),
  unit_code text not null,
  forum_year integer not null check (forum_year between 2000 and 2100),
  forum_date date not null check (extract(year from forum_date) = forum_year),
  place text not null check (btrim(place) <> ''),
  attendance_female integer not null default 0 check (attendance_female >= 0),
  attendance_male integer not null default 0 check (attendance_male >= 0),
  late_reason_km text check (late_reason_km is null or btrim(late_reason_km) <> ''),
  summary_km text,
  summary_en text,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organ_id, forum_year),
  check (extract(month from forum_date) in (6, 7) or late_reason_km is not null)
);
create index councils_forum_unit on councils_forum (unit_code, forum_year desc);

create table councils_forum_question (
  id bigint generated always as identity primary key,
  forum_id bigint not null references councils_forum (id),
  position integer not null,
  question_km text not null check (btrim(question_km) <> ''),
  question_en text,
  asked_by_sex text check (asked_by_sex in ('female', 'male')),
  answer_km text,
  answer_en text,
  -- A priority of the development plan the question bears on. The plans module is being built:
  -- its priority's id is kept as text, without a foreign key, until that module offers a port
  -- to check it (then it is checked there, and this column keeps its name).
  plan_priority_ref text check (plan_priority_ref is null or btrim(plan_priority_ref) <> ''),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (forum_id, position)
);
comment on column councils_forum_question.plan_priority_ref is
  'A priority of the plans module (its id as text); no foreign key while that module is built.';
