-- Citizen accounts by phone (#19): one-time codes sent by SMS to sign up and to recover a
-- password, and accounts their owner deleted.

-- A code sent (or, for a number with no account, pretended to be sent: the same row is
-- written so that checking it behaves the same) to a phone for one purpose. Only its hash
-- is kept; the latest row of a phone and purpose is the one that counts.
create table access_phone_code (
  id bigint generated always as identity primary key,
  purpose text not null check (purpose in ('sign_up', 'recovery')),
  -- +855 and the national number.
  phone text not null,
  -- The account a recovery code is for (null: sign-up, or no account has this number).
  user_id bigint references access_user (id),
  -- sha256 of salt, purpose, phone and the six digits.
  code_hash text not null,
  salt text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  -- Wrong and right tries of this code; past the limit the code is dead.
  attempts integer not null default 0,
  used_at timestamptz,
  -- The client address that asked for it.
  ip text
);
create index access_phone_code_phone_idx on access_phone_code (phone, purpose, id desc);

-- An account its owner deleted: the personal fields are cleared, the row stays so that what
-- the person filed still names an account id (filings stay with the office).
alter table access_user add column deleted_at timestamptz;
alter table access_user drop constraint access_user_check;
alter table access_user add constraint access_user_login_check
  check (email is not null or phone is not null or deleted_at is not null);
