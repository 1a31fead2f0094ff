-- The official numbering of decisions, per organ (#15 item 3): the pattern an organ's decisions
-- are cited in (null: the platform's default, number/year), and each decision's reference as
-- written when it was taken, so a later change of the pattern renames nothing. Decisions taken
-- before keep a null reference and are cited number/year, as they always were.
alter table councils_organ add column decision_number_pattern text
  check (decision_number_pattern is null or length(decision_number_pattern) between 1 and 60);
alter table councils_decision add column reference text;
