-- This node's ed25519 private keys, sealed with the node key (AES-256-GCM, base64); the public halves are in events.
create table node_signing_key (
    key_id             text        primary key,
    private_key_sealed text        not null,
    created_at         timestamptz not null default now()
);
