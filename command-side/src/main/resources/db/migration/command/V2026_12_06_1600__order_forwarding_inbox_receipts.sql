-- The order in which this node took forwarded events in, for the event stream's "forwarded" frames and their
-- Last-Event-ID. The inbox takes a transaction-scoped advisory lock before it writes, so receipts become visible in
-- the order they were numbered and a reader resuming "after N" misses nothing (a rolled-back number is just unused).
create sequence forwarding_inbox_receipt;
alter table forwarding_inbox add column receipt bigint not null default nextval('forwarding_inbox_receipt');
create index forwarding_inbox_receipt_order on forwarding_inbox (receipt);
