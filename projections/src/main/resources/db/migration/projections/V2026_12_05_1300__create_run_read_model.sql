-- Agent runs as their pages show them: one row per run, its tool calls and fallbacks folded in.
create table agent_run (
    id                    uuid primary key,
    session_id            uuid          not null,
    owner_id              varchar(100)  not null,
    trace_id              varchar(32)   not null,
    span_id               varchar(16)   not null,
    runtime               varchar(120)  not null,
    model                 varchar(120),
    origin                varchar(40)   not null,
    sampled               boolean       not null,
    state                 varchar(40)   not null,
    steps                 integer       not null default 0,
    input_tokens          bigint        not null default 0,
    output_tokens         bigint        not null default 0,
    cost                  numeric(20, 8) not null default 0,
    prompt                text,
    prompt_interaction_id uuid,
    output                text          not null default '',
    output_step           integer       not null default 0,
    answer                text,
    error_code            varchar(60),
    error                 text,
    fallbacks             jsonb         not null default '[]',
    tool_calls            jsonb         not null default '[]',
    started_at            timestamptz   not null,
    ended_at              timestamptz,
    version               bigint        not null
);
create index agent_run_session on agent_run (session_id, started_at desc, id);
create index agent_run_owner on agent_run (owner_id, started_at desc);
create index agent_run_trace on agent_run (trace_id);

-- The spans of every run's trace (the run, each model call, each tool call), OpenTelemetry-shaped, with the ids of
-- the events that recorded them. Usage and latency reports read the typed columns.
create table run_span (
    span_id        varchar(16)   primary key,
    trace_id       varchar(32)   not null,
    run_id         uuid          not null,
    owner_id       varchar(100)  not null,
    parent_span_id varchar(16),
    name           varchar(200)  not null,
    kind           varchar(10)   not null,
    tool_call_id   uuid,
    model          varchar(120),
    tool           varchar(200),
    input_tokens   bigint,
    output_tokens  bigint,
    cost           numeric(20, 8),
    started_at     timestamptz   not null,
    ended_at       timestamptz,
    attributes     jsonb         not null default '{}',
    event_ids      jsonb         not null default '[]'
);
create index run_span_trace on run_span (trace_id, started_at);
create index run_span_run_tool on run_span (run_id, tool_call_id);
create index run_span_kind_started on run_span (kind, started_at);
