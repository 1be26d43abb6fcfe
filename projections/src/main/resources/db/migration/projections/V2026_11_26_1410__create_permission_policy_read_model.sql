-- Group "permission-policies" (subscribing: a call's decision reads the subagent owner's policies in the writer's
-- transaction). User-written policies only; the built-in ones are code.
create table permission_policy (
    id          uuid primary key,
    owner_id    varchar(100)  not null,
    slug        varchar(64)   not null,
    title       varchar(100)  not null,
    description varchar(1000),
    rules       jsonb         not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null
);
create index permission_policy_owner_slug on permission_policy (owner_id, slug);

-- Removing a policy asks which of the owner's subagents still have it.
create index subagent_policies on subagent using gin (policies jsonb_path_ops);
