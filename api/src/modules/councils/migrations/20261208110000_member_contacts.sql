-- Members' contacts (#15 item 1): a meeting's invitation goes to each member in office through
-- the notifications module (SMS, Telegram or e-mail). Personal: shown only to those who manage
-- the organ, never written to the audit trail. The phone is stored as +855 and the national
-- number (platform/phone.ts); members without a contact are not invited through the outbox.
alter table councils_member add column phone text check (phone ~ '^\+855[1-9][0-9]{7,8}$');
alter table councils_member add column email text check (email ~ '^[^@\s]+@[^@\s]+$');
