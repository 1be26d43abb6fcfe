-- Written by inbound forwarding requests, not by this node's events: the record of what origins sent, so no
-- projection reset touches it (the forwarded views can be folded again from forwarding_inbox, which keeps payloads).
create table forwarding_inbox (
    origin         text        not null,
    event_id       text        not null,
    seq            bigint,
    type           text        not null,
    aggregate_type text,
    aggregate_id   text,
    occurred_at    timestamptz not null,
    payload        jsonb       not null,
    received_at    timestamptz not null default now(),
    primary key (origin, event_id)
);
create index forwarding_inbox_origin_seq on forwarding_inbox (origin, seq) where seq is not null;

-- Per origin: when it was last heard from, and the sequence up to which everything arrived (the high-water mark).
create table forwarding_origin (
    node_id      text        primary key,
    last_seen_at timestamptz not null,
    high_water   bigint,
    max_seen     bigint
);

-- Sequences missing above an origin's high-water mark although later ones arrived.
create table forwarding_gap (
    node_id  text   not null,
    from_seq bigint not null,
    to_seq   bigint not null,
    primary key (node_id, from_seq)
);

-- Nonces of the original OrchWiz's single-event format, kept as long as a replay could still pass the time check.
create table forwarding_nonce (
    origin      text        not null,
    nonce       text        not null,
    received_at timestamptz not null default now(),
    primary key (origin, nonce)
);

-- One row per remote session, folded from every event forwarded about it.
create table forwarded_session (
    origin          text        not null,
    session_id      text        not null,
    title           text,
    status          text,
    event_count     bigint      not null,
    first_event_at  timestamptz not null,
    last_event_at   timestamptz not null,
    last_event_type text        not null,
    primary key (origin, session_id)
);
create index forwarded_session_recent on forwarded_session (last_event_at desc, origin, session_id);
