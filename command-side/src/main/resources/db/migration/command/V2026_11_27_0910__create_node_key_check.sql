-- Which key encrypted this database's secrets (a fingerprint, never the key): a node started with another key refuses
-- to start instead of writing secrets that the rest could never read back, or failing at the first delivery.
create table node_key_check (
    id          smallint    not null default 1 primary key check (id = 1),
    fingerprint varchar(64) not null,
    created_at  timestamptz not null default now()
);
