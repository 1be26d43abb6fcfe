-- The JDBC storage engine leaves global_index to the database: it takes the next value of the same dense sequence
-- the JPA engine drew from, so positions (the SSE ids) stay dense and continue where they were.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
