-- Open311 GET requests reads the newest applications first within a window of requested
-- times (filed_at): without this index every call sorts the whole table to find its 1,000.
create index services_application_filed_at_idx on services_application (filed_at desc, id desc);
