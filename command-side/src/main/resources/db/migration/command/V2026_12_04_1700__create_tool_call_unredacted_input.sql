-- The input of a call the node runs itself, as asked, when the event had to record it redacted (a secret in a Bash
-- command). Outside the event store, which is replayed, streamed and forwarded; deleted when the call ends.
create table tool_call_unredacted_input (
    tool_call_id uuid primary key,
    input        text        not null,
    stdin        text,
    encrypted    boolean     not null,
    kept_at      timestamptz not null default now()
);
