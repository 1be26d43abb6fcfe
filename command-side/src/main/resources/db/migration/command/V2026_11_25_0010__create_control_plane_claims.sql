-- Names unique per owner span aggregates; the command side claims them in the command's own transaction.
create table slash_command_name (
    owner_id   text not null,
    name       text not null,
    command_id uuid not null unique,
    primary key (owner_id, name)
);

create table subagent_name (
    owner_id    text not null,
    name        text not null,
    subagent_id uuid not null unique,
    primary key (owner_id, name)
);

-- Webhook signing secrets never enter events; they live here, AES-GCM encrypted when ORCHWIZ_ENCRYPTION_KEY is set.
create table hook_secret (
    hook_id    uuid primary key,
    secret     text not null,
    encrypted  boolean not null,
    rotated_at timestamptz not null default now()
);
