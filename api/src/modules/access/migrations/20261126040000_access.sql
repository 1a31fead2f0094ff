-- Accounts, roles scoped to the administrative tree, sessions, API tokens and sign-in
-- throttling. Everything that several API processes must share lives here, not in memory.

create table access_permission (
  code text primary key check (code ~ '^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$'),
  module text not null,
  description_en text not null,
  description_km text not null
);

create table access_role (
  code text primary key check (code ~ '^[a-z0-9_]+$'),
  name_km text not null,
  name_en text not null,
  description_en text not null,
  is_builtin boolean not null default false,
  -- Where an assignment of this role may sit: 'root' (national), 'any' unit, or a level 1-4.
  assignable_at text not null default 'any'
);

create table access_role_permission (
  role_code text not null references access_role (code) on delete cascade,
  permission_code text not null references access_permission (code) on delete cascade,
  primary key (role_code, permission_code)
);

create table access_user (
  id bigint generated always as identity primary key,
  -- Either may be absent, not both. Stored normalised: e-mail lower-case, phone as +855….
  email text unique,
  phone text unique,
  display_name text not null,
  -- The unit the person works for (null: national); administrators manage users of their subtree.
  home_unit_code text,
  password_hash text not null,
  is_active boolean not null default true,
  must_change_password boolean not null default false,
  is_example boolean not null default false,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (email is not null or phone is not null)
);

create table access_assignment (
  id bigint generated always as identity primary key,
  user_id bigint not null references access_user (id),
  role_code text not null references access_role (code),
  -- null: national (the root of the tree).
  unit_code text,
  created_at timestamptz not null default now(),
  created_by bigint references access_user (id),
  revoked_at timestamptz,
  revoked_by bigint references access_user (id)
);
create index access_assignment_user_idx on access_assignment (user_id) where revoked_at is null;
create index access_assignment_unit_idx on access_assignment (unit_code) where revoked_at is null;
create unique index access_assignment_active_uq
  on access_assignment (user_id, role_code, coalesce(unit_code, '')) where revoked_at is null;

create table access_session (
  -- sha256 of the cookie value: a database leak does not hand out live sessions.
  id_hash text primary key,
  user_id bigint not null references access_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index access_session_user_idx on access_session (user_id) where revoked_at is null;

create table access_api_token (
  id bigint generated always as identity primary key,
  user_id bigint not null references access_user (id),
  name text not null,
  -- sha256 of the token; the token itself is shown once, at creation.
  token_hash text not null unique,
  -- The first characters, so that people can tell their tokens apart.
  prefix text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index access_api_token_user_idx on access_api_token (user_id);

create table access_sign_in_throttle (
  -- 'login:<normalised login>' or 'ip:<address>'.
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
