-- Councils at work: meetings of an organ, their agenda and attendance, the quorum rule of each
-- kind of organ, and the decisions taken at a held meeting with their votes.
--
-- The rules (quorum per kind of organ, majority per kind of decision) are data, each with its
-- legal reference text. Where the exact article could not be cited, the reference says so and
-- `reference_is_example` is true: an administrator replaces it with the official text.

create table councils_quorum_rule (
  organ_kind text primary key
    check (organ_kind in ('council', 'board_of_governors', 'committee', 'office')),
  -- Quorum: present members compared with numerator/denominator of the members in office on the
  -- meeting's date; strict: more than that share, otherwise at least that share.
  quorum_numerator integer not null check (quorum_numerator > 0),
  quorum_denominator integer not null check (quorum_denominator >= quorum_numerator),
  quorum_strict boolean not null,
  rule_km text not null,
  rule_en text not null,
  legal_reference text not null,
  reference_is_example boolean not null default true
);

insert into councils_quorum_rule
  (organ_kind, quorum_numerator, quorum_denominator, quorum_strict, rule_km, rule_en, legal_reference,
   reference_is_example)
values
  ('council', 1, 2, true,
   'សមាជិកមានវត្តមានលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office are present.',
   'Example: Law on the Administration and Management of Communes/Sangkats (2001) and the Organic Law (2008) on council meetings; article to be cited.',
   true),
  ('board_of_governors', 1, 2, true,
   'សមាជិកមានវត្តមានលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office are present.',
   'Example: Organic Law (2008) on boards of governors; article to be cited.',
   true),
  ('committee', 1, 2, true,
   'សមាជិកមានវត្តមានលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office are present.',
   'Example: the committee''s own rules of procedure; to be cited.',
   true),
  ('office', 1, 2, true,
   'សមាជិកមានវត្តមានលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office are present.',
   'Example: the office''s internal rules; to be cited.',
   true);

create table councils_decision_kind (
  code text primary key check (code ~ '^[a-z][a-z_]*$'),
  name_km text not null,
  name_en text not null,
  -- The majority: votes for compared with numerator/denominator of the base (members present,
  -- or members in office on the date); strict: more than that share, otherwise at least.
  majority_base text not null check (majority_base in ('present', 'in_office')),
  majority_numerator integer not null check (majority_numerator > 0),
  majority_denominator integer not null check (majority_denominator >= majority_numerator),
  majority_strict boolean not null,
  rule_km text not null,
  rule_en text not null,
  legal_reference text not null,
  reference_is_example boolean not null default true,
  sort_order integer not null default 0
);

insert into councils_decision_kind
  (code, name_km, name_en, majority_base, majority_numerator, majority_denominator, majority_strict,
   rule_km, rule_en, legal_reference, reference_is_example, sort_order)
values
  ('approve_budget', 'អនុម័តថវិកា', 'Approve the budget', 'in_office', 1, 2, true,
   'សំឡេងគាំទ្រលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office vote for.',
   'Example: absolute majority of the council for the budget; article to be cited.', true, 1),
  ('approve_plan', 'អនុម័តផែនការ', 'Approve a plan', 'in_office', 1, 2, true,
   'សំឡេងគាំទ្រលើសពាក់កណ្ដាលនៃចំនួនសមាជិកសរុប',
   'More than half of the members in office vote for.',
   'Example: absolute majority of the council for the development plan and investment program; article to be cited.',
   true, 2),
  ('other', 'ផ្សេងៗ', 'Other', 'present', 1, 2, true,
   'សំឡេងគាំទ្រលើសពាក់កណ្ដាលនៃសមាជិកមានវត្តមាន',
   'More than half of the members present vote for.',
   'Example: simple majority of the members present; article to be cited.', true, 9);

create table councils_meeting (
  id bigint generated always as identity primary key,
  organ_id bigint not null references councils_organ (id),
  kind text not null check (kind in ('ordinary', 'extraordinary')),
  meeting_date date not null,
  place text,
  is_online boolean not null default false,
  -- The member who convened it (the chief, or whoever the rules allow), in office on the date.
  convened_by bigint references councils_member (id),
  status text not null default 'planned' check (status in ('planned', 'held', 'closed', 'cancelled')),
  -- Observers and citizens attending, by sex.
  observers_female integer not null default 0 check (observers_female >= 0),
  observers_male integer not null default 0 check (observers_male >= 0),
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (is_online or (place is not null and btrim(place) <> ''))
);

create index councils_meeting_organ_idx on councils_meeting (organ_id, meeting_date desc, id desc);

create table councils_agenda_item (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references councils_meeting (id),
  position integer not null check (position >= 1),
  title_km text not null check (btrim(title_km) <> ''),
  title_en text not null check (btrim(title_en) <> ''),
  -- A reference to the document discussed (a file in the attachments store, or its number).
  document_ref text,
  unique (meeting_id, position)
);

create table councils_attendance (
  meeting_id bigint not null references councils_meeting (id),
  member_id bigint not null references councils_member (id),
  status text not null check (status in ('present', 'excused', 'absent')),
  primary key (meeting_id, member_id)
);

create table councils_decision (
  id bigint generated always as identity primary key,
  organ_id bigint not null references councils_organ (id),
  meeting_id bigint not null references councils_meeting (id),
  agenda_item_id bigint references councils_agenda_item (id),
  -- Numbered per organ and year: the reference reads number/year.
  decision_year integer not null,
  number integer not null check (number >= 1),
  decision_date date not null,
  kind text not null references councils_decision_kind (code),
  title_km text not null check (btrim(title_km) <> ''),
  title_en text not null check (btrim(title_en) <> ''),
  amends_decision_id bigint references councils_decision (id),
  -- 'per_member': the votes are in councils_vote; 'tally': only the counts were recorded.
  vote_mode text not null check (vote_mode in ('per_member', 'tally')),
  votes_for integer not null check (votes_for >= 0),
  votes_against integer not null check (votes_against >= 0),
  votes_abstain integer not null check (votes_abstain >= 0),
  -- The facts the outcome was computed from, kept as they were on the day.
  members_in_office integer not null,
  members_present integer not null,
  quorum_met boolean not null,
  passed boolean not null,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organ_id, decision_year, number),
  check (votes_for + votes_against + votes_abstain <= members_present)
);

create index councils_decision_meeting_idx on councils_decision (meeting_id);
create index councils_decision_date_idx on councils_decision (decision_date desc, id desc);

create table councils_vote (
  decision_id bigint not null references councils_decision (id),
  member_id bigint not null references councils_member (id),
  vote text not null check (vote in ('for', 'against', 'abstain')),
  primary key (decision_id, member_id)
);
