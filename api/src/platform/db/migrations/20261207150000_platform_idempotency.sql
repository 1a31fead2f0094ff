-- The first answer to each Idempotency-Key (platform/http/idempotency.ts): a client that retries
-- a POST with the same key gets this answer back instead of a second record.
create table platform_idempotency (
  -- 'user:<id>' for a signed-in caller (session or token), 'anonymous:<METHOD> <route>' otherwise.
  scope text not null,
  idempotency_key text not null,
  -- sha256 of the method, URL and body: the same key with another request is refused.
  request_hash text not null,
  -- null while the first request is still being served.
  status_code integer,
  response_body text,
  response_headers jsonb,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (scope, idempotency_key)
);

create index platform_idempotency_created_at on platform_idempotency (created_at);
