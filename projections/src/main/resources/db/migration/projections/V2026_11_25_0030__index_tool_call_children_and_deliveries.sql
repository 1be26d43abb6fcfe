-- A run's page lists the webhook deliveries and the command-hook calls it caused: both are looked up by the call.
create index hook_delivery_tool_call on hook_delivery (tool_call_id, created_at) where tool_call_id is not null;
create index tool_call_parent on tool_call (parent_id, requested_at) where parent_id is not null;
