-- This node's signing keys, public halves only (the private ones are in node_signing_key, sealed).
create table node_key (
    key_id      text        primary key,
    node_id     text        not null,
    public_key  text        not null,
    status      text        not null, -- CURRENT, RETIRING (verifies until valid_until) or REVOKED
    created_at  timestamptz not null,
    valid_until timestamptz,
    revoked_at  timestamptz
);

-- Origins this node trusts; credential is the base64 ed25519 public key or the sha-256 hex of the api key.
create table forwarding_source (
    id         uuid        primary key,
    node_id    text        not null unique,
    name       text        not null,
    kind       text        not null,
    credential text        not null,
    enabled    boolean     not null,
    created_at timestamptz not null,
    version    bigint      not null
);
