-- Approval of a data set's figures for a unit and a period (#17 item 3): open → submitted (by
-- the unit) → approved (by the level above, per the tree) → locked; submitted figures can be
-- returned, approved or locked ones un-approved, each with a reason. Values of an approved or
-- locked cell are refused. Every change is audited (results.approval.*); the row keeps the last.
alter table results_data_set_status drop constraint results_data_set_status_status_check;
alter table results_data_set_status add constraint results_data_set_status_status_check
  check (status in ('open', 'submitted', 'returned', 'approved', 'locked'));
alter table results_data_set_status add column changed_by bigint;
alter table results_data_set_status add column comment text;

-- The pre-aggregation of approved figures only (same shape as results_value_agg): a cell's
-- values are added when it is approved and taken away when it is un-approved, so analytics of
-- approved data reads it as it reads the other (values of an approved cell cannot change).
create table results_value_agg_approved (
  data_element_code text not null,
  period text not null,
  unit_code text not null,
  coc_id integer not null,
  value numeric not null,
  value_count integer not null,
  primary key (data_element_code, period, unit_code, coc_id)
);

-- Room on each page of the pre-aggregations for the new versions of updated rows (HOT updates:
-- no index entry per update), as every batch of figures updates thousands of them.
alter table results_value_agg set (fillfactor = 80);
alter table results_value_agg_approved set (fillfactor = 80);
