-- Rules that failed quietly (issue #13 item 6).

-- A fee per unit (a copy, a page) is the tier's amount times the quantity: the quantity paid
-- for is kept with the payment (1 for a flat fee); amount_riel stays the whole sum.
alter table services_fee_payment
  add column quantity integer not null default 1 check (quantity between 1 and 100000);

-- The complainant may agree, when filing, that the reply be readable by whoever holds the
-- number. Otherwise only they read it (the phone number on file, or their account).
alter table services_complaint add column reply_public boolean not null default false;

-- Phone checks by people without an account (rating an application, reading a complaint's
-- reply) are counted per tracking number and per client address, as sign-ins are in
-- access_sign_in_throttle: wrong guesses in a window, then a lock.
create table services_phone_check_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
