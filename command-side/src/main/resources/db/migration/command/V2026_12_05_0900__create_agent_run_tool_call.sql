-- Which agent run asked for a tool call, and the output it produced so far: the run's process needs both when the
-- call settles, and the tool call's own events do not name the run. Written before the call is requested, so a
-- fast call cannot settle unseen; deleted once the run has the result.
create table agent_run_tool_call (
    tool_call_id     uuid primary key,
    run_id           uuid        not null,
    provider_call_id text,
    tool             text        not null,
    output           text        not null default '',
    created_at       timestamptz not null default now()
);
create index agent_run_tool_call_run on agent_run_tool_call (run_id);

-- The runs whose model this node is calling right now. A row left behind when the node starts again is a run that
-- the node's death interrupted: it is failed explicitly instead of being left "running" forever. Nodes sharing a
-- database each see only their own rows.
create table agent_run_model_call (
    run_id     uuid primary key,
    node       text        not null,
    started_at timestamptz not null default now()
);
