-- The notifications module: one outbox for every module (services' applications and
-- complaints, councils' invitations…). A message is written in the transaction of the change
-- that caused it, then delivered after commit through the job queue (or the sweep), by the
-- channel the recipient prefers: SMS, Telegram or e-mail.

create table notifications_message (
  id bigint generated always as identity primary key,
  -- A topic of the template registry (templates.ts), e.g. 'application.status'.
  topic text not null,
  -- The module that wrote it, and the record it is about.
  source_module text not null,
  entity_type text not null,
  entity_id text not null,
  -- A number the recipient knows the record by (an application's tracking number).
  reference text not null,
  -- The status the record has just reached.
  subject_status text not null,
  -- The unit whose officers may see the message.
  unit_code text not null,
  recipient_account_id bigint,
  recipient_phone text,
  recipient_email text,
  recipient_telegram_chat_id text,
  text_km text not null,
  text_en text not null,
  created_at timestamptz not null default now(),
  -- pending: to be sent (again at next_attempt_at); sent; failed: every attempt failed;
  -- undeliverable: no configured channel reaches the recipient.
  state text not null default 'pending'
    check (state in ('pending', 'sent', 'failed', 'undeliverable')),
  channel text check (channel in ('sms', 'telegram', 'email')),
  attempts integer not null default 0,
  next_attempt_at timestamptz default now(),
  sent_at timestamptz,
  last_error text
);

create index notifications_message_unit_idx on notifications_message (unit_code, id);
create index notifications_message_reference_idx on notifications_message (reference);
create index notifications_message_due_idx on notifications_message (next_attempt_at)
  where state = 'pending';

-- Every attempt to hand a message to a channel, successful or not.
create table notifications_attempt (
  id bigint generated always as identity primary key,
  message_id bigint not null references notifications_message (id) on delete cascade,
  channel text not null check (channel in ('sms', 'telegram', 'email')),
  attempted_at timestamptz not null default now(),
  ok boolean not null,
  error text
);

create index notifications_attempt_message_idx on notifications_attempt (message_id, id);

-- A person's contact and preferred channel, on their account. Without one, a message goes to
-- its own phone first (SMS, then Telegram), then e-mail.
create table notifications_preference (
  account_id bigint primary key,
  channel text check (channel in ('sms', 'telegram', 'email')),
  phone text,
  email text,
  telegram_chat_id text,
  updated_at timestamptz not null default now()
);

create index notifications_preference_phone_idx on notifications_preference (phone);
