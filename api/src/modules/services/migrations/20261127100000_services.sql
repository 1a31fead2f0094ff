-- Public services (NP-2 component 5): the catalogue of service standards and where each is
-- offered, the working-day calendar, applications with their events, fees, attachments and
-- ratings, complaints with their events, and the outbox of notifications.
--
-- Unit codes are not foreign keys to gazetteer_unit (modules meet through their index.ts);
-- the service checks every code against the gazetteer before a write. Days are `date` in
-- Cambodia's time (UTC+07:00); inclusive last days (`valid_to`) as in the councils module.

-- One row per service (its code is the Open311 service_code); what it is lives in versions.
create table services_standard (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
  -- Whose standard it is: null for the national catalogue, else the unit (province, district
  -- or commune) that set it; its officers and those above may change it.
  owner_unit_code text check (owner_unit_code ~ '^([0-9]{2}){1,3}$'),
  current_version integer not null default 1,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Each edit of a standard is a new version; versions never change, and an application keeps
-- the version it was filed under.
create table services_standard_version (
  id bigint generated always as identity primary key,
  standard_id bigint not null references services_standard (id),
  version integer not null check (version >= 1),
  sector text not null check (sector ~ '^[a-z][a-z_]*$'),
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  description_km text not null default '',
  description_en text not null default '',
  legal_basis text not null check (btrim(legal_basis) <> ''),
  -- The tier that provides it: the provincial hall (1), the district One Window Service
  -- Office (2), or the commune/sangkat (3). Offerings sit at units of that level.
  provider_tier text not null check (provider_tier in ('province', 'district', 'commune')),
  time_limit_days integer not null check (time_limit_days between 0 and 250),
  -- [{code, labelKm, labelEn, amountRiel}], at least one; riel, whole numbers.
  fee_tiers jsonb not null,
  -- [{nameKm, nameEn}]
  required_documents jsonb not null,
  -- Open311 attributes: [{code, datatype, required, variable, order, descriptionKm,
  -- descriptionEn, datatypeDescriptionKm, datatypeDescriptionEn, values: [{key, nameKm, nameEn}]}]
  form_fields jsonb not null,
  -- Search keys (the gazetteer's normalisers) of the Khmer name, and of the English name and code.
  search_km text not null,
  search_latin text not null,
  source text,
  is_example boolean not null default false,
  created_by bigint,
  created_at timestamptz not null default now(),
  unique (standard_id, version)
);

create index services_standard_version_sector_idx on services_standard_version (sector);

-- Where a standard is offered, from which day to which (inclusive; null = open).
create table services_offering (
  id bigint generated always as identity primary key,
  standard_id bigint not null references services_standard (id),
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  valid_from date not null,
  valid_to date,
  is_example boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);

create index services_offering_unit_idx on services_offering (unit_code, standard_id);
create index services_offering_standard_idx on services_offering (standard_id);

-- Public holidays (weekends are always closed and are not stored). Kept by the national level.
create table services_holiday (
  day date primary key,
  name_km text not null check (btrim(name_km) <> ''),
  name_en text not null check (btrim(name_en) <> ''),
  -- The sub-decree the day comes from, or a note saying it is an example.
  source text not null check (btrim(source) <> ''),
  is_example boolean not null default false
);

create table services_application (
  id bigint generated always as identity primary key,
  tracking_number text not null unique check (tracking_number ~ '^[0-9A-Z]{8}$'),
  standard_id bigint not null references services_standard (id),
  standard_version_id bigint not null references services_standard_version (id),
  -- Copied from the standard: the Open311 service_code, read by every list.
  service_code text not null,
  -- The unit where it was filed (one that offers the service); its officers and those above
  -- it handle the application.
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  status text not null check (status in ('received', 'under_review', 'more_info_needed', 'approved',
    'rejected', 'ready_for_collection', 'closed')),
  channel text not null check (channel in ('online', 'counter', 'open311')),
  -- The citizen's account when filed online; null at the counter.
  applicant_user_id bigint,
  applicant_name text not null check (btrim(applicant_name) <> ''),
  applicant_sex text not null check (applicant_sex in ('female', 'male', 'unknown')),
  applicant_age_group text not null check (applicant_age_group in ('0-17', '18-34', '35-49', '50-64', '65+', 'unknown')),
  -- null: not known.
  applicant_disability boolean,
  applicant_phone text,
  applicant_email text,
  field_values jsonb not null default '{}',
  description text not null default '',
  -- Who typed it in (the officer at the counter, or the citizen online).
  filed_by_user_id bigint,
  filed_at timestamptz not null default now(),
  filed_on date not null,
  -- filed_on + the time limit in working days, moved on by the days the clock stood still.
  due_date date not null,
  -- While more information is awaited: the day the clock stopped.
  paused_since date,
  paused_working_days integer not null default 0,
  -- The day of approval or rejection (on time when decided_on <= due_date), and of closing.
  decided_on date,
  closed_on date,
  status_changed_at timestamptz not null default now(),
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  is_example boolean not null default false,
  updated_at timestamptz not null default now()
);

create index services_application_unit_idx on services_application (unit_code, filed_on);
create index services_application_status_idx on services_application (status, due_date);
create index services_application_applicant_idx on services_application (applicant_user_id);
create index services_application_standard_idx on services_application (standard_id, filed_on);

-- The application's history: filing and each status change, with the officer's note.
create table services_application_event (
  id bigint generated always as identity primary key,
  application_id bigint not null references services_application (id),
  from_status text,
  to_status text not null,
  note text,
  -- The due date after this step (it moves when the clock restarts).
  due_date date not null,
  actor_user_id bigint,
  occurred_at timestamptz not null default now()
);

create index services_application_event_idx on services_application_event (application_id, id);

-- Fees paid: own-source revenue of the unit that collected them (the budgets module reads it).
create table services_fee_payment (
  id bigint generated always as identity primary key,
  application_id bigint not null unique references services_application (id),
  unit_code text not null check (unit_code ~ '^([0-9]{2}){1,3}$'),
  fee_tier_code text not null,
  amount_riel bigint not null check (amount_riel >= 0),
  receipt_number text not null check (btrim(receipt_number) <> ''),
  paid_on date not null,
  recorded_by bigint,
  recorded_at timestamptz not null default now(),
  is_example boolean not null default false,
  unique (unit_code, receipt_number)
);

create index services_fee_payment_unit_idx on services_fee_payment (unit_code, paid_on);

create table services_attachment (
  id bigint generated always as identity primary key,
  application_id bigint not null references services_application (id),
  -- The key in the attachment store (a local folder, or object storage).
  storage_key text not null unique,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by bigint,
  created_at timestamptz not null default now()
);

create index services_attachment_application_idx on services_attachment (application_id);

create table services_complaint (
  id bigint generated always as identity primary key,
  tracking_number text not null unique check (tracking_number ~ '^[0-9A-Z]{8}$'),
  subject text not null check (subject in ('service', 'office', 'officer')),
  -- The unit complained about, and the one whose ombudsman office handles it (the district
  -- above it; a province or district handles its own).
  concerned_unit_code text not null check (concerned_unit_code ~ '^([0-9]{2}){1,3}$'),
  handling_unit_code text not null check (handling_unit_code ~ '^([0-9]{2}){1,2}$'),
  standard_id bigint references services_standard (id),
  application_id bigint references services_application (id),
  officer_name text,
  description text not null check (btrim(description) <> ''),
  status text not null check (status in ('received', 'under_investigation', 'decided', 'replied', 'closed')),
  complainant_user_id bigint,
  complainant_name text,
  complainant_sex text not null default 'unknown' check (complainant_sex in ('female', 'male', 'unknown')),
  complainant_age_group text not null default 'unknown'
    check (complainant_age_group in ('0-17', '18-34', '35-49', '50-64', '65+', 'unknown')),
  complainant_disability boolean,
  complainant_phone text,
  complainant_email text,
  decision text,
  reply text,
  filed_at timestamptz not null default now(),
  filed_on date not null,
  decided_on date,
  replied_on date,
  closed_on date,
  status_changed_at timestamptz not null default now(),
  is_example boolean not null default false,
  updated_at timestamptz not null default now()
);

create index services_complaint_handling_idx on services_complaint (handling_unit_code, filed_on);

create table services_complaint_event (
  id bigint generated always as identity primary key,
  complaint_id bigint not null references services_complaint (id),
  from_status text,
  to_status text not null,
  note text,
  actor_user_id bigint,
  occurred_at timestamptz not null default now()
);

create index services_complaint_event_idx on services_complaint_event (complaint_id, id);

-- Messages to citizens about their applications and complaints, written in the transaction of
-- the change. The default channel stops here (officers read them); a sending channel marks
-- sent_at or delivery_error.
create table services_outbox (
  id bigint generated always as identity primary key,
  topic text not null check (topic in ('application.status', 'complaint.status')),
  entity_type text not null,
  entity_id text not null,
  tracking_number text not null,
  status text not null,
  unit_code text not null,
  recipient_phone text,
  recipient_email text,
  text_km text not null,
  text_en text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  delivery_error text
);

create index services_outbox_unit_idx on services_outbox (unit_code, id);
