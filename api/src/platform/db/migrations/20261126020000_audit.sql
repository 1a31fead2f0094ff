-- The tamper-evident audit trail: one row per state change, written in the same transaction as
-- the change (api/src/platform/audit/audit.ts). Rows are hash-chained: each holds the hash of
-- the one before, so editing, deleting, inserting or reordering rows is found by verification.
--
-- seq is assigned by the writer under an advisory lock, not by a sequence: a sequence would
-- leave gaps on rollback, and the chain must be exactly 1, 2, 3… so a gap means a deletion.
-- actor_user_id has no foreign key: users belong to another module, and the trail must outlive
-- the users it names.
create table audit_record (
  seq bigint primary key,
  occurred_at timestamptz not null,
  actor_user_id bigint,
  actor_login text,
  assignment_id bigint,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  unit_code text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  prev_hash text not null,
  hash text not null unique
);

-- The history of one record, newest first.
create index audit_record_entity_idx on audit_record (entity_type, entity_id, seq);
-- Searches by period (reports, investigations).
create index audit_record_occurred_at_idx on audit_record (occurred_at);
