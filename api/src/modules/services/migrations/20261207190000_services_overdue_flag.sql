-- The daily overdue job (overdue.job.ts): one row per application and due date that passed with
-- the clock still running. The job flags each case once (the primary key makes a second run, or
-- a retry, add nothing), writes an audit record for it, and officers filter the list by it.
create table services_overdue_flag (
  application_id bigint not null references services_application (id) on delete cascade,
  due_date date not null,
  -- The Cambodian day the job found it overdue.
  flagged_on date not null,
  flagged_at timestamptz not null default now(),
  primary key (application_id, due_date)
);
