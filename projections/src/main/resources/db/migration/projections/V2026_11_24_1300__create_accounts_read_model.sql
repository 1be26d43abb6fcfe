-- The accounts read model (processing group "accounts", subscribing: written in the events' own transaction).
create table user_account (
    id             varchar(100) primary key,
    email          varchar(254) not null,
    display_name   varchar(200),
    admin          boolean      not null default false,
    email_verified boolean      not null,
    github_login   varchar(100),
    github_user_id bigint,
    passkeys       integer      not null default 0,
    session_epoch  bigint       not null default 0,
    created_at     timestamptz  not null
);

-- One account per address: a second registration for it fails in its own transaction.
create unique index user_account_email on user_account (email);

create table api_token (
    id           varchar(64)  primary key,
    user_id      varchar(100) not null,
    name         varchar(100) not null,
    prefix       varchar(32)  not null,
    hash         varchar(64)  not null,
    scopes       varchar(64)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create unique index api_token_hash on api_token (hash);
create index api_token_owner on api_token (user_id, created_at desc) where revoked_at is null;

create table node_settings (
    id             varchar(32) primary key,
    signup_policy  varchar(16) not null,
    setup_complete boolean     not null
);

create table admin_claim (
    email      varchar(254) primary key,
    claimed_at timestamptz  not null
);

create table invitation (
    email      varchar(254) primary key,
    invited_by varchar(100) not null,
    invited_at timestamptz  not null
);
