-- A run's tool call settles in its row instead of in its own command: the result waits here, and the model call it
-- is sent to records it (one commit per step, ADR 0020). The step that takes a run's results claims them, so two calls
-- settling at once start the next model call once, and a node that dies in between finds them on restart.
alter table agent_run_tool_call
    add column status     text,
    add column result     text,
    add column error      boolean     not null default false,
    add column settled_at timestamptz,
    add column claimed    boolean     not null default false;
