-- Read models of the agent control plane. Each table belongs to one processing group and can be rebuilt.

-- Group "slash-commands".
create table slash_command (
    id                uuid primary key,
    owner_id          varchar(100) not null,
    name              varchar(64)  not null,
    description       varchar(1000),
    script            text         not null,
    working_directory varchar(1000),
    argument_hint     varchar(200),
    allowed_tools     jsonb        not null,
    model             varchar(200),
    shared            boolean      not null,
    frontmatter       jsonb        not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null
);
create index slash_command_owner_name on slash_command (owner_id, name);
create index slash_command_shared_name on slash_command (name) where shared;

-- Group "permission-rules" (subscribing: decisions read it in the writer's transaction).
create table permission_rule (
    id          uuid primary key,
    owner_id    varchar(100) not null,
    rule        varchar(1000) not null,
    outcome     varchar(8)   not null,
    scope       varchar(16)  not null,
    subagent_id uuid,
    session_id  uuid,
    created_at  timestamptz  not null
);
create index permission_rule_owner on permission_rule (owner_id, scope);
create index permission_rule_global on permission_rule (scope) where scope = 'GLOBAL';

-- Group "tool-calls": every call with its decision, approval and run.
create table tool_call (
    id                uuid primary key,
    owner_id          varchar(100) not null,
    origin            varchar(16)  not null,
    parent_id         uuid,
    tool              varchar(200) not null,
    summary           varchar(500),
    input             jsonb        not null,
    input_hash        varchar(100) not null,
    command_id        uuid,
    command_name      varchar(64),
    session_id        uuid,
    subagent_id       uuid,
    working_directory varchar(1000),
    status            varchar(20)  not null,
    outcome           varchar(8),
    reason            varchar(2000),
    decided_by        jsonb,
    shadowed          jsonb,
    approval          jsonb,
    hooks             jsonb        not null default '[]',
    expires_at        timestamptz,
    exit_code         integer,
    duration_ms       bigint,
    truncated         boolean      not null default false,
    requested_at      timestamptz  not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    version           bigint       not null
);
create index tool_call_owner_requested on tool_call (owner_id, requested_at desc);
create index tool_call_requested on tool_call (requested_at desc);
create index tool_call_command on tool_call (command_id, requested_at desc) where command_id is not null;
create index tool_call_pending_expiry on tool_call (expires_at) where status = 'AWAITING_APPROVAL';

create table tool_call_output (
    tool_call_id uuid    not null,
    sequence     integer not null,
    stream       varchar(8) not null,
    text         text    not null,
    primary key (tool_call_id, sequence)
);

-- Group "hooks" (subscribing: the tool call flow reads matching hooks in the writer's transaction).
create table hook (
    id              uuid primary key,
    owner_id        varchar(100) not null,
    name            varchar(200) not null,
    event           varchar(20)  not null,
    matcher         varchar(1000) not null,
    type            varchar(10)  not null,
    url             varchar(2000),
    command         text,
    session_id      uuid,
    subagent_id     uuid,
    timeout_seconds integer,
    active          boolean      not null,
    created_at      timestamptz  not null,
    version         bigint       not null
);
create index hook_owner_event on hook (owner_id, event) where active;

-- Group "hook-deliveries" (subscribing: the delivery worker picks due rows).
create table hook_delivery (
    id              uuid primary key,
    hook_id         uuid         not null,
    owner_id        varchar(100) not null,
    webhook_id      varchar(100) not null,
    tool_call_id    uuid,
    event           varchar(40)  not null,
    body            text         not null,
    status          varchar(16)  not null,
    attempts        jsonb        not null default '[]',
    attempt_count   integer      not null default 0,
    -- Attempts made before the last manual redelivery: backoff counts from there.
    series_start    integer      not null default 0,
    next_attempt_at timestamptz,
    created_at      timestamptz  not null
);
create index hook_delivery_hook on hook_delivery (hook_id, created_at desc);
create index hook_delivery_due on hook_delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');

-- Group "subagents" (subscribing: a call's decision reads the subagent's policies in the writer's transaction).
create table subagent (
    id          uuid primary key,
    owner_id    varchar(100) not null,
    name        varchar(64)  not null,
    description varchar(2000),
    prompt      text         not null,
    tools       jsonb        not null,
    model       varchar(200),
    settings    jsonb        not null,
    shared      boolean      not null,
    policies    jsonb        not null default '[]',
    frontmatter jsonb        not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index subagent_owner_name on subagent (owner_id, name);
