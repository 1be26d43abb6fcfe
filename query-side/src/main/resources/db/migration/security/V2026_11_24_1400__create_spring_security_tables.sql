-- Spring Security's passkey and sign-in-link tables (adapted from the schemas in its jars for PostgreSQL:
-- bytea keys, and addresses up to 254 characters instead of H2's varchar_ignorecase(50)).
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(254)  not null,
    display_name varchar(200)
);

create unique index user_entities_name on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);

create index user_credentials_user on user_credentials (user_entity_user_id);

create table one_time_tokens (
    token_value varchar(36)  not null primary key,
    username    varchar(254) not null,
    expires_at  timestamp    not null
);

-- GitHub access tokens of connected accounts, AES-GCM encrypted with ORCHWIZ_ENCRYPTION_KEY (never readable by SQL).
create table github_credential (
    user_id      varchar(100) primary key,
    access_token bytea        not null,
    scopes       varchar(500),
    linked_at    timestamptz  not null
);
