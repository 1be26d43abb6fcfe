-- Every node process that runs tool calls beats here; a run whose runner stopped beating is finished as failed.
create table tool_call_runner (
    id           varchar(200) primary key,
    host         varchar(200) not null,
    started_at   timestamptz  not null,
    heartbeat_at timestamptz  not null
);
