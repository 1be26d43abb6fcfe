-- A cancel asked on any node reaches the runner that holds the call through this flag, not only through its event.
alter table tool_call add column cancel_requested boolean not null default false;
