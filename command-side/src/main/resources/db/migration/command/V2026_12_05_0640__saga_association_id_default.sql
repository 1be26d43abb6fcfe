-- Axon's JDBC saga store inserts association values without an id (its own tables number them); the JPA store drew
-- ids from this sequence itself. The column now draws them, from the same sequence, so ids keep ascending past every
-- one JPA handed out (ADR 0013).
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
