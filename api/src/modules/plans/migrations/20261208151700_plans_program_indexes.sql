-- The national roll-up reads every cost row of one year (year, project, fund source, amount):
-- with these columns in the index it reads the index alone once the table is vacuumed, instead
-- of the index and then every heap page. It replaces the index on (year, project_id).
create index plans_project_cost_year_cover_idx on plans_project_cost (year, project_id)
  include (fund_source_code, amount);
drop index plans_project_cost_year_idx;
