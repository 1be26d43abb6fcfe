-- Hook names unique per owner, claimed in the command's own transaction like command, subagent and policy names.
create table hook_name (
    owner_id text not null,
    name     text not null,
    hook_id  uuid not null unique,
    primary key (owner_id, name)
);

-- Hooks saved before names were claimed keep their names: the oldest hook of each name holds it; later namesakes are
-- left unclaimed (they keep working, and a rename claims the new name).
insert into hook_name (owner_id, name, hook_id)
select distinct on (owner_id, name) owner_id, name, id
from hook
order by owner_id, name, created_at, id
on conflict do nothing;
