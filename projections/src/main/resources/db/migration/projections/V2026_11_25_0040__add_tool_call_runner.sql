-- Which node process runs a call: a call still running whose runner stopped sending heartbeats was abandoned.
alter table tool_call add column runner varchar(200);
create index tool_call_running on tool_call (started_at) where status = 'RUNNING';
