-- A budget's approval points at the council's decision recorded in the councils module (its id,
-- checked through the councilDecisions port when the budget is approved). Budgets approved before
-- keep their typed number and date as a legacy reference: council_decision_id stays null.
alter table budgets_budget add column council_decision_id bigint;
