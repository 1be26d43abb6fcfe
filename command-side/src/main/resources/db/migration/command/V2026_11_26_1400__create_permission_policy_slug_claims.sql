-- Policy slugs unique per owner; claimed in the command's own transaction, like command and subagent names. The rows
-- also answer "does this owner have a policy of this slug" when one is assigned to a subagent.
create table permission_policy_slug (
    owner_id  text not null,
    name      text not null,
    policy_id uuid not null unique,
    primary key (owner_id, name)
);
