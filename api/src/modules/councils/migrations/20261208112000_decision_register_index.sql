-- A council's page of the register (#15 targets): its decisions latest first, read from one
-- index instead of sorting the organ's decisions (or walking the national date index and
-- filtering by organ, which the planner may prefer for a small council).
create index councils_decision_organ_date_idx on councils_decision (organ_id, decision_date desc, id desc);
