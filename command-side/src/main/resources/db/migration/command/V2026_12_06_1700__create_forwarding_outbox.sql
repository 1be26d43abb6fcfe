-- Per peer, how its outbox stands: written by the outbox with its token (token_entry, processor
-- 'forwarding-peer:<id>'), in the same transaction, so the position shown is the one the token holds.
create table forwarding_outbox (
    peer_id         uuid        primary key,
    reset_applied   integer     not null default 0,
    position        bigint,
    sent_events     bigint      not null default 0,
    last_success_at timestamptz,
    last_error_at   timestamptz,
    last_error      text,
    last_status     integer
);

-- Batches a peer refused with a 4xx that retrying cannot change (not 408 or 429): kept byte for byte, so a retry
-- sends exactly what was refused, under the same webhook-id.
create table forwarding_dead_letter (
    id              bigserial   primary key,
    peer_id         uuid        not null,
    webhook_id      text        not null,
    from_seq        bigint      not null,
    to_seq          bigint      not null,
    events          integer     not null,
    body            bytea       not null,
    trace_id        text        not null,
    status          integer     not null,
    error           text        not null,
    attempts        integer     not null,
    created_at      timestamptz not null default now(),
    last_attempt_at timestamptz not null default now()
);
create index forwarding_dead_letter_peer on forwarding_dead_letter (peer_id, id);
