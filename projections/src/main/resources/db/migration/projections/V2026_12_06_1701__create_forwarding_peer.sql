-- Nodes this one forwards its events to; the outboxes read it, so it is written in the admin's transaction.
create table forwarding_peer (
    id             uuid        primary key,
    url            text        not null unique,
    node_id        text        not null unique,
    public_key     text        not null,
    event_types    text[]      not null,
    redaction      text        not null,
    paused         boolean     not null,
    reset_count    integer     not null,
    reset_position bigint      not null,
    created_at     timestamptz not null,
    version        bigint      not null
);
